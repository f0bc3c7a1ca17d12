"""Questions and answers (Hỏi – đáp): model and loader.

One Markdown file per question under ``content/hoi-dap/``: the front matter
holds the question as the citizen asked it, the body is the department's
answer. The question comes from the public, so it is kept as plain text and
never rendered as Markdown or HTML; personal contact data is refused.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from cchc.core.declaration import Published
from cchc.core.declared import reject_unknown
from cchc.core.errors import ErrorLog
from cchc.core.fields import Fields
from cchc.core.memo import FileMemo
from cchc.core.placeholders import load_filled
from cchc.core.reading import SourceFile, guarded, read_markdown
from cchc.core.text import slugify
from cchc.kinds.procedures.load import procedure_index, read_procedure_refs
from cchc.kinds.procedures.model import FIELD_LABELS, Field, Procedure
from cchc.kinds.questions.fields import BY_NAME as FIELD
from cchc.kinds.questions.fields import CHANNELS, FIELDS, PERSONAL_FIELDS

if TYPE_CHECKING:
    from cchc.site.content import LoadContext

QUESTIONS_DIR = "hoi-dap"

def markdown_to_text(markdown: str) -> str:
    """Plain text of Markdown: links keep their words, images and markup characters go."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"^[#>\-*+ ]+|[*_`]", "", text, flags=re.MULTILINE)
    return re.sub(r"\s+", " ", text).strip()


_PERSONAL_FIELDS = PERSONAL_FIELDS
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[a-z]{2,}", re.IGNORECASE)
_MOBILE = re.compile(r"(?<!\d)(?:\+84|0)[35789](?:[ .]?\d){8}(?!\d)")


@dataclass(frozen=True, eq=False)
class Question:
    src_uri: str
    shown_path: str
    slug: str
    title: str
    question: str
    asker: str
    locality: str | None
    asked: date
    channel: str
    answered_by: str | None
    answered: date | None
    answer_markdown: str
    field: Field | None
    procedures: tuple[Procedure, ...]

    @property
    def url(self) -> str:
        return f"{QUESTIONS_DIR}/{self.slug}/"

    @cached_property
    def answer_text(self) -> str:
        """The answer as plain text, for JSON-LD and feeds: made once, though up to four pages and feeds show it."""
        return markdown_to_text(self.answer_markdown)

    @property
    def is_answered(self) -> bool:
        return bool(self.answer_markdown.strip()) and self.answered is not None

    @property
    def channel_label(self) -> str:
        return CHANNELS[self.channel]

    @property
    def asker_shown(self) -> str:
        return f"{self.asker} ({self.locality})" if self.locality else self.asker


def is_question(src_uri: str) -> bool:
    return (src_uri.startswith(f"{QUESTIONS_DIR}/") and src_uri.endswith(".md")
            and not src_uri.endswith("index.md"))


def load_question_kind(context: LoadContext) -> Published:
    """The answered questions, newest answer first; unanswered ones (or answers dated after the build) wait."""
    questions = load_questions(context.sources, context.loaded["procedures"].procedures, context.log, context.memo,
                               context.images)
    today = context.now.date()
    answered = sorted((q for q in questions if q.is_answered and q.answered <= today),
                      key=lambda q: (q.answered, q.slug), reverse=True)
    shown = {q.src_uri for q in answered}
    return Published(answered, (s.src_uri for s in context.sources if s.src_uri not in shown))


def load_questions(sources: list[SourceFile], procedures: tuple[Procedure, ...], log: ErrorLog,
                   memo: FileMemo | None = None, images: Any = None) -> list[Question]:
    """Every question file, validated; unanswered ones are loaded too (and then not published)."""
    memo = memo or FileMemo()
    memo.start("questions", procedures)
    index = procedure_index(procedures)
    loaded = (memo.load("questions", s.abs_path, guarded(s, log, lambda: load_question(s, index, log, images))) for s in sources)
    questions = [q for q in loaded if q is not None]
    _check_unique_slugs(questions, log)
    return questions


def load_question(source: SourceFile, procedures: dict[str, Procedure], log: ErrorLog,
                  images: Any = None) -> Question | None:
    front = read_markdown(source, log, images)
    if front is None:
        return None
    return load_filled(front.meta, source.shown_path, log, lambda f: _load_question(f, source, front.body, procedures))


def _load_question(f: Fields, source: SourceFile, body: str, procedures: dict[str, Procedure]) -> Question | None:
    errors_before = len(f.log.errors)
    _refuse_personal_data(f)
    reject_unknown(f, FIELDS, PERSONAL_FIELDS)
    question = f.text("question", FIELD["question"].label, required=True)
    if question is not None:
        _refuse_contacts_in_question(f, question)
    answered = f.day("answered", FIELD["answered"].label)
    values = dict(
        src_uri=source.src_uri,
        shown_path=source.shown_path,
        slug=slugify(f.text("slug", FIELD["slug"].label) or posixpath.splitext(posixpath.basename(source.src_uri))[0]),
        title=f.text("title", FIELD["title"].label, required=True),
        question=question,
        asker=f.text("asker", FIELD["asker"].label, required=True),
        locality=f.text("locality", FIELD["locality"].label),
        asked=f.day("asked", FIELD["asked"].label, required=True),
        channel=_read_channel(f),
        answered_by=f.text("answered_by", FIELD["answered_by"].label),
        answered=answered,
        answer_markdown=body,
        field=_read_field(f),
        procedures=read_procedure_refs(f, "procedures", FIELD["procedures"].label, procedures),
    )
    if body.strip() and answered is None:
        f.error("answered", 'đã có câu trả lời nhưng thiếu ngày trả lời; thêm dòng "answered: 2022-06-01" '
                            "(answer date missing)")
    if answered is not None and not body.strip():
        f.error("answered", "có ngày trả lời nhưng chưa có câu trả lời, nên câu hỏi sẽ không được đăng; viết câu trả "
                            'lời dưới dòng "---" cuối phần đầu, hoặc xóa dòng "answered:" (answer missing)')
    if answered is not None and not values["answered_by"]:
        f.missing("answered_by", FIELD["answered_by"].label)
    if answered and values["asked"] and answered < values["asked"]:
        f.error("answered", "ngày trả lời trước ngày hỏi; kiểm tra lại hai ngày (answered before asked)")
    return None if len(f.log.errors) > errors_before else Question(**values)


def _refuse_personal_data(f: Fields) -> None:
    for name in _PERSONAL_FIELDS:
        if name in f.data:
            f.error(name, "không đăng số điện thoại, email, địa chỉ hay giấy tờ của người hỏi (dữ liệu cá nhân); "
                          'xóa dòng này, chỉ giữ "asker" (tên) và "locality" (địa phương) (personal data refused)')


def _refuse_contacts_in_question(f: Fields, question: str) -> None:
    found = _EMAIL.search(question) or _MOBILE.search(question)
    if found:
        f.error("question", f'câu hỏi chứa thông tin liên hệ cá nhân "{found.group(0)}"; xóa hoặc thay bằng "***" '
                            "trước khi đăng (personal contact data in the question)")


def _read_channel(f: Fields) -> str | None:
    written = f.text("channel", FIELD["channel"].label, required=True)
    if written is not None and written not in CHANNELS:
        f.error("channel", f'kênh "{written}" không có trong danh sách; chọn một trong: {", ".join(CHANNELS)} '
                           "(unknown channel)")
        return None
    return written


def _read_field(f: Fields) -> Field | None:
    written = f.text("field", FIELD["field"].label)
    if written is None:
        return None
    code = next((c for c in FIELD_LABELS if c.casefold() == written.casefold()), None)
    if code is None:
        f.error("field", f'mã lĩnh vực "{written}" không có trong danh sách; dùng mã như G03-GD12 (Thi, tuyển sinh) '
                         "hoặc G03-GD14 (Văn bằng, chứng chỉ) (unknown field code)")
        return None
    return Field(code, FIELD_LABELS[code])


def _check_unique_slugs(questions: list[Question], log: ErrorLog) -> None:
    seen: dict[str, Question] = {}
    for question in sorted(questions, key=lambda q: q.shown_path):
        first = seen.setdefault(question.slug, question)
        if first is not question:
            log.add(question.shown_path, None, "slug", f'đường dẫn "{QUESTIONS_DIR}/{question.slug}/" trùng với '
                                                       f'{first.shown_path}; đặt "slug:" khác (duplicate slug)')

"""What a content kind is, stated once, as data: its files, its fields, what it needs and what it publishes.

Each kind (news, the yearly plan, procedures, documents, questions, statistics) is a ``Kind`` in
``cchc/kinds/<kind>/declaration.py``. Everything else is derived from it and never written again by
hand: the loader's field names, labels, required fields, types and allowed values (``cchc.core.declared``),
the file ``cchc new`` starts, the JSON Schema editors' tools read (``cchc.core.schema``), the field
tables of the editors' guide, the browser-editing forms, and the order kinds load in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

TYPES = {
    "text": "một dòng chữ",
    "paragraphs": "một đoạn chữ hoặc danh sách chữ",
    "texts": "danh sách chữ ngắn",
    "date": "ngày (2022-02-24 hoặc 24/02/2022)",
    "datetime": "ngày giờ, giờ Việt Nam (2022-02-24 08:30 hoặc 24/02/2022 08:30)",
    "month": "tháng (2022-06 hoặc 06/2022)",
    "integer": "số nguyên",
    "boolean": "true hoặc false",
    "url": "địa chỉ web https://…",
    "email": "địa chỉ email",
    "choice": "một giá trị trong danh sách",
    "choices": "danh sách giá trị trong danh sách",
    "file": "đường dẫn tới một tệp trong content/",
    "image": "đường dẫn tới một ảnh trong content/",
    "record": "một nhóm trường",
    "records": "danh sách, mỗi mục một nhóm trường",
    "time_limit": "số ngày làm việc, hoặc chữ khi văn bản không quy định số ngày",
}
"""The kinds of value a field holds, and how the editors' guide names each."""


@dataclass(frozen=True)
class Field:
    """One field of a content file, as the loader checks it and every editor's tool shows it."""

    name: str
    type: str
    label: str
    """Vietnamese, lower case, as messages name it ("tiêu đề", "ngày giờ đăng")."""
    help: str = ""
    """One sentence for the editor: what to write, and an example if the label does not say it."""
    required: bool = False
    choices: Mapping[str, str] | str | None = None
    """Allowed values (value → Vietnamese label), or where they come from ("categories" of mkdocs.yml)."""
    pattern: str | None = None
    """A regular expression the text must match whole (the procedure code: d.dddddd)."""
    pattern_hint: str = ""
    """The pattern as an editor reads it ("một chữ số, dấu chấm, sáu chữ số")."""
    example: Any = None
    minimum: int | None = None
    default: Any = None
    fields: tuple[Field, ...] = ()
    """The fields of a record, or of each record of a list."""
    item_text: str | None = None
    """For a list of records that may also be written as plain lines: the field a plain line fills."""
    or_total: bool = False
    """For a record of counts that may also be written as one number, their total ("received: 557")."""
    upload_folder: str | None = None
    """For a file or an image: the folder under content/ an uploaded file goes to ("tin-tuc/anh"); the path the
    field holds is written from the kind's folder (from content/ for a kind outside it, the plans)."""
    multiline: bool = False
    """A text of several lines (a citizen's question): the form gives it a box, not a line."""

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"unknown field type {self.type!r} for {self.name!r}")


@dataclass(frozen=True)
class NewFile:
    """How ``cchc new`` starts a file of the kind: its name, the title's field, and what comes next."""

    command: str
    """The word after ``cchc new`` ("tin-tuc", "thu-tuc")."""
    file_name: Callable[[str, Any], str]
    """(slug of the title, moment) → file name."""
    title_field: str
    next_step: str
    """Printed after "Đã tạo <file>"."""
    comment: str = ""
    """Lines at the top of the file, after the schema line (YAML kinds)."""
    draft: bool = False
    """A news article starts as a draft instead of with placeholders."""
    known: Callable[[str, Any], dict[str, Any]] = lambda title, project: {}
    """(title, project) → values the kind knows already, by field ("agencies.handling"); may raise
    ``NewFileProblem`` when the title cannot be used (a malformed document number)."""


class NewFileProblem(Exception):
    """``cchc new`` cannot create the file; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Kind:
    """A content kind: where its files live, its fields, what it needs loaded first and what it makes."""

    name: str
    """The code name, also the key of its content in ``SiteContent.of``: "news", "procedures"…"""
    label: str
    """Vietnamese, for the guide and the forms: "Tin tức"."""
    folder: str
    """Where its files live: under content/ ("tin-tuc"), or at the project's root for the plans ("plans")."""
    file_format: str
    """"markdown" (front matter and a Markdown body) or "yaml"."""
    fields: tuple[Field, ...]
    accepts: str
    """What its folder takes, as an editor is told when a file does not fit."""
    owns: Callable[[str], bool]
    """Which files under content/ are the kind's own (by path)."""
    load: Callable[[Any], Any]
    """(``cchc.site.content.LoadContext``) → the kind's content: models and what not to publish as is."""
    depends_on: tuple[str, ...] = ()
    pages: Callable[[Any], list] = lambda site: []
    feeds: Callable[[Any], list] = lambda site: []
    template_globals: Callable[[Any], dict] = lambda site: {}
    """Data every page's template may show (the home page shows the latest of several kinds)."""
    searchable_templates: frozenset[str] = frozenset()
    """Its templates that mark a page ``data-pagefind-body``."""
    templates: str | None = None
    """The folder of its page templates, if it has its own."""
    in_content: bool = True
    body: Field | None = None
    """For Markdown kinds: what the body below the front matter is ("nội dung bài viết")."""
    theme_keys: tuple[str, ...] = ()
    """Front-matter keys MkDocs or Material read themselves (description, hide), allowed beside the fields."""
    new: NewFile | None = None
    guide: str = ""
    """A paragraph for the editors' guide, above the field table."""
    file_name_field: str | None = None
    """For a kind ``cchc new`` does not start: the field whose value is the file's name (a plan's year)."""
    fixed_files: tuple[tuple[str, str], ...] = ()
    """For a kind of fixed files, each holding one field: (field, file under content/), as the statistics are."""

    @property
    def schema_name(self) -> str:
        return f"{self.folder}.schema.json"

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def labels(self) -> dict[str, str]:
        return {f.name: f.label for f in self.fields}


class Published(tuple):
    """A kind's loaded models (a tuple) that also says which of its files are not published as they are."""

    unpublished: frozenset[str]

    def __new__(cls, items=(), unpublished=frozenset()):
        published = super().__new__(cls, items)
        published.unpublished = frozenset(unpublished)
        return published


def labels_of(fields: tuple[Field, ...]) -> dict[str, str]:
    return {f.name: f.label for f in fields}


def load_order(kinds: list[Kind]) -> list[Kind]:
    """Kinds ordered so that each comes after the kinds it depends on; a cycle or an unknown name is a bug."""
    by_name = {kind.name: kind for kind in kinds}
    ordered: list[Kind] = []
    visiting: set[str] = set()

    def visit(kind: Kind) -> None:
        if kind in ordered:
            return
        if kind.name in visiting:
            raise ValueError(f"content kinds depend on each other in a cycle through {kind.name!r}")
        visiting.add(kind.name)
        for needed in kind.depends_on:
            if needed not in by_name:
                raise ValueError(f"{kind.name!r} depends on {needed!r}, which is not declared")
            visit(by_name[needed])
        visiting.discard(kind.name)
        ordered.append(kind)

    for kind in kinds:
        visit(kind)
    return ordered


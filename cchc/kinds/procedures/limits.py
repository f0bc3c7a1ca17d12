"""The parts of a procedure an inspector checks on the notice board: the legal time limit and whether it runs
"kể từ ngày nhận đủ hồ sơ hợp lệ", a shorter time the department commits to, fee (phí) and charge (lệ phí), the
channels with their own limit and fee, and the forms with their files to download.

The older single ``fees:`` line is still read, and ``cchc check`` warns with how to split it; writing both it and
``fee:``/``charge:`` is an error, since the two could disagree.
"""

from __future__ import annotations

import os
import posixpath
import re
from typing import Any

from cchc.core.fields import Fields
from cchc.core.reading import SourceFile, resolve_content_file
from cchc.core.text import fold_diacritics
from cchc.core.yamlmarks import MarkedDict, MarkedFloat, written_text
from cchc.kinds.procedures.fields import BY_NAME, COMMITTED_TIME_LIMIT_FIELDS, FORM_FIELDS, TIME_LIMIT_FIELDS
from cchc.kinds.procedures.model import (
    CHANNELS,
    NO_FEE,
    TIME_UNITS,
    Channel,
    CommittedTimeLimit,
    Form,
    FormFile,
    TimeLimit,
)
from cchc.kinds.procedures.parts import LABELS, items, plain_record, read_choice

TIME_TEXTS = ("Ngay trong ngày", "Theo đợt", "Theo kế hoạch", "Theo hướng dẫn", "Theo quy chế", "Theo quy định",
              "Chưa quy định")
"""Accepted beginnings of a time limit written as text, when the law sets no number of days."""
FILE_KINDS = {".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".odt": "OpenDocument", ".xls": "Excel",
              ".xlsx": "Excel", ".rtf": "RTF"}
"""Files a form may be published as, by extension."""

_DAYS_TEXT = re.compile(r"^(-?\d+)\s*(ngay lam viec|ngay)?$")
_TIME_LIMIT = {spec.name: spec.label for spec in TIME_LIMIT_FIELDS}
_COMMITTED = {spec.name: spec.label for spec in COMMITTED_TIME_LIMIT_FIELDS}
_FORM = {spec.name: spec.label for spec in FORM_FIELDS}
_NO_FEE_WORDS = ("khong", "0", "khong thu", "mien phi")


def read_fee(f: Fields, name: str, data: Fields | None = None) -> str | None:
    """A fee or charge as written; 0 is "Không"."""
    data = data or f
    value = data.data.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value == 0:
        return NO_FEE
    return data.text(name, LABELS.get(name, "phí, lệ phí"))


def read_fees(f: Fields) -> tuple[str | None, str | None, str | None]:
    """(fee, charge, the older combined text); a combined text that is not "Không" is kept and warned about."""
    fee, charge, combined = read_fee(f, "fee"), read_fee(f, "charge"), read_fee(f, "fees")
    if combined is None:
        return fee, charge, None
    if "fee" in f.data or "charge" in f.data:
        f.error("fees", 'đã ghi phí (fee:) và lệ phí (charge:) riêng nên xóa dòng "fees:" ghi chung (cách cũ), để hai '
                        "nơi không nói khác nhau (combined and split fees)")
        return fee, charge, None
    if fold_diacritics(combined).lower().strip(" .") in _NO_FEE_WORDS:
        return NO_FEE, NO_FEE, None  # nothing to split: neither is collected
    return None, None, combined


def fees_warning(f: Fields, combined: str | None) -> tuple[int | None, str, str] | None:
    if combined is None:
        return None
    return (f.data.line_of("fees"), "fees",
            f'phí, lệ phí "{combined}" còn ghi chung một dòng (cách cũ); tách thành hai dòng "fee:" (phí) và '
            '"charge:" (lệ phí) như quyết định công bố, ghi "Không" cho khoản không thu, rồi xóa dòng "fees:" '
            "(combined fee and charge)")


def read_time_limit(f: Fields, name: str, value: Any, from_complete: bool, line: int | None = None) -> TimeLimit | None:
    """A number of (working) days or a text; ``from_complete``: the rule's default for "kể từ ngày nhận đủ hồ sơ
    hợp lệ" (``extra: rules:``), which the limit's own ``from_complete_dossier:`` overrides."""
    if value is None or value == "":
        return None
    note = None
    if isinstance(value, MarkedDict):
        item = f.item(value, f"{f.prefix}{name}.")
        item.reject_unknown(_TIME_LIMIT)
        note = item.text("note", _TIME_LIMIT["note"])
        if "from_complete_dossier" in value:
            from_complete = item.flag("from_complete_dossier", _TIME_LIMIT["from_complete_dossier"])
        unit = read_choice(item, "unit", TIME_UNITS, "working_days") if "unit" in value else "working_days"
        value, line = value.get("days", value.get("text")), value.line_of("days" if "days" in value else "text")
    else:
        unit = "working_days"
    parsed = _days_or_text(value)
    if parsed is None:
        texts = ", ".join(f'"{t}"' for t in TIME_TEXTS)
        f.error(name, f'{LABELS["time_limit"]} "{written_text(value)}" không hợp lệ; viết số ngày làm việc lớn hơn '
                      f'0 (ví dụ "time_limit: 15") hoặc chữ bắt đầu bằng một trong: {texts} (invalid time limit)', line)
        return None
    days, text = parsed
    return TimeLimit(days, unit if days is not None else None, text, note, from_complete if days is not None else None)


def _days_or_text(value: Any) -> tuple[int | None, str | None] | None:
    if isinstance(value, bool) or isinstance(value, (MarkedFloat, float, dict, list)):
        return None
    if isinstance(value, int):
        return (value, None) if value > 0 else None
    text = written_text(value).strip()
    folded = fold_diacritics(text).lower()
    number = _DAYS_TEXT.match(folded)
    if number:
        return (int(number.group(1)), None) if int(number.group(1)) > 0 else None
    if any(folded.startswith(fold_diacritics(t).lower()) for t in TIME_TEXTS):
        return None, text
    return None


def read_committed(f: Fields, legal: TimeLimit | None) -> CommittedTimeLimit | None:
    """The department's shorter time: a number of days, the document that commits it, shorter than the law's."""
    value = f.data.get("committed_time_limit")
    if value is None:
        return None
    if not isinstance(value, MarkedDict):
        f.error("committed_time_limit", 'thời hạn Sở cam kết gồm các dòng "days:", "unit:", "document:" thụt vào dưới '
                                        '"committed_time_limit:" (expected a mapping)')
        return None
    c = f.item(value, "committed_time_limit.")
    c.reject_unknown(_COMMITTED)
    days = c.integer("days", _COMMITTED["days"])
    if days is None and "days" not in value:
        c.missing("days", _COMMITTED["days"])
    unit = read_choice(c, "unit", TIME_UNITS, "working_days") if "unit" in value else "working_days"
    document = c.text("document", _COMMITTED["document"], required=True)
    if days is None or unit is None or document is None:
        return None
    committed = CommittedTimeLimit(days, unit, document)
    if legal is not None and legal.days is not None and legal.unit == unit and days >= legal.days:
        c.error("days", f"thời hạn cam kết {committed.brief} không ngắn hơn thời hạn theo quy định {legal.brief}; chỉ "
                        "ghi khi Sở cam kết giải quyết nhanh hơn (commitment not shorter than the law)")
        return None
    return committed


def read_channels(f: Fields, time_limit: TimeLimit | None, fees: str | None, from_complete: bool) -> tuple[Channel, ...]:
    channels = []
    for item, value, prefix, line in items(f, "channels"):
        if item is None:
            item = f.item(plain_record({"via": value}, line), prefix)
        item.reject_unknown(("via", "time_limit", "fee", "notes"))
        via = read_choice(item, "via", CHANNELS) if "via" in item.data else item.missing("via", "hình thức nộp")
        own = read_time_limit(item, "time_limit", item.data.get("time_limit"), from_complete)
        if via:
            channels.append(Channel(via, own or time_limit, read_fee(f, "fee", item) or fees, item.text("notes", "mô tả")))
    return tuple(channels)


def read_forms(f: Fields, source: SourceFile, docs_dir: str) -> tuple[Form, ...]:
    """Each form by name, a plain line or ``name:`` with the ``file:`` to download (under content/)."""
    forms = []
    for item, value, prefix, line in items(f, "forms"):
        if item is None:
            if isinstance(value, (dict, list)) or not written_text(value).strip():
                f.log.add(f.path, line, prefix.rstrip("."), f"{BY_NAME['forms'].label} là tên mẫu, hoặc hai dòng "
                                                            '"name:" và "file:" (expected a form)')
                continue
            forms.append(Form(written_text(value).strip()))
            continue
        item.reject_unknown(_FORM)
        name = item.text("name", _FORM["name"], required=True)
        written = item.text("file", _FORM["file"])
        file = _form_file(item, written, source, docs_dir) if written else None
        if name and (file or not written):
            forms.append(Form(name, file))
    return tuple(forms)


def _form_file(item: Fields, written: str, source: SourceFile, docs_dir: str) -> FormFile | None:
    uri = resolve_content_file(written, source, docs_dir, lambda message: item.error("file", message))
    if uri is None:
        return None
    name = posixpath.basename(uri)
    extension = posixpath.splitext(name)[1].lower()
    if extension not in FILE_KINDS:
        item.error("file", f'tệp mẫu "{written}" phải là {", ".join(FILE_KINDS)} để người dân tải về điền '
                           "(unsupported form file)")
        return None
    return FormFile(uri, name, FILE_KINDS[extension], os.path.getsize(os.path.join(docs_dir, uri)))


def form_links(forms: tuple[Form, ...], docs_dir: str) -> tuple[str, ...]:
    """The form files on disk: a procedure is loaded again when one of them changes."""
    return tuple(os.path.join(docs_dir, form.file.url) for form in forms if form.file)

"""The parts of a procedure file, each read and checked on its own: code, field, levels, agencies, steps,
dossier documents, legal bases, publication, status and history (time limits, fees, channels and forms are in
``cchc.kinds.procedures.limits``).

Names, labels and formats come from ``fields`` (the declaration); the forms a part may be written in
(a text or a list, a number of days or a text, a plain line or a record) are read here.
"""

from __future__ import annotations

import posixpath
import re
from datetime import date
from typing import Any

from cchc.core.fields import Fields
from cchc.core.reading import SourceFile
from cchc.core.text import format_date, slugify
from cchc.core.yamlmarks import MarkedDict, written_text
from cchc.kinds.procedures.fields import BY_NAME, CODE_PATTERN, FIELDS, TIME_LIMIT_FIELDS
from cchc.kinds.procedures.model import (
    FIELD_LABELS,
    LEVELS,
    STATUSES,
    Agencies,
    Change,
    Document,
    Field,
    LegalBasis,
    Publication,
    Step,
)

LABELS = {spec.name: spec.label for spec in FIELDS}
_ITEM_LABELS = {"via": BY_NAME["channels"].fields[0].label, "unit": TIME_LIMIT_FIELDS[1].label}

_CODE = re.compile(f"^{CODE_PATTERN}$")
_RESERVED = ("linh-vuc", "mot-cua")


def read_slug(f: Fields, source: SourceFile) -> str | None:
    slug = slugify(posixpath.splitext(posixpath.basename(source.src_uri))[0])
    if not slug or slug in _RESERVED:
        f.log.add(f.path, None, None, f'tên tệp cho đường dẫn "{slug}" không dùng được (trống, hoặc "linh-vuc", '
                                      '"mot-cua" đã dành cho trang lĩnh vực và danh mục Bộ phận Một cửa); đổi tên tệp '
                                      "(reserved slug)")
        return None
    return slug


def read_code(f: Fields) -> str | None:
    code = f.text("code", LABELS["code"])
    if code is not None and not _CODE.match(code):
        f.error("code", f'mã thủ tục "{code}" không đúng dạng d.dddddd (một chữ số, dấu chấm, sáu chữ số); viết '
                        'trong ngoặc kép, ví dụ code: "1.006388" (malformed code)')
        return None
    return code


def read_field(f: Fields) -> Field | None:
    written = f.text("field", LABELS["field"], required=True)
    if written is None:
        return None
    code = written.upper().replace(" ", "")
    if code not in FIELD_LABELS:
        f.error("field", f'mã lĩnh vực "{written}" không có trong danh mục; chọn một trong: '
                         f'{", ".join(FIELD_LABELS)} (unknown field code)')
        return None
    return Field(code, FIELD_LABELS[code])


def _key(written: Any) -> str:
    """"Cấp tỉnh", "toàn trình", "in-person" -> "cap_tinh", "toan_trinh", "in_person"."""
    return slugify(written_text(written)).replace("-", "_")


def read_choice(f: Fields, name: str, allowed: dict[str, str], default: str | None = None,
            value: Any = None, line: int | None = None) -> str | None:
    value = f.data.get(name) if value is None else value
    if value in (None, ""):
        return default
    wanted = _key(value)
    found = next((key for key, label in allowed.items() if wanted in (key, _key(label))), None)
    if found is None:
        choices = ", ".join(f'"{key}" ({label})' for key, label in allowed.items())
        label = LABELS.get(name) or _ITEM_LABELS.get(name, name)
        f.error(name, f'{label} "{value}" không hợp lệ; chọn một trong: {choices} (unknown value)',
                line)
    return found


def read_levels(f: Fields) -> tuple[str, ...] | None:
    written = f.data.get("levels")
    if written in (None, "", []):
        f.missing("levels", LABELS["levels"])
        return None
    items = written if isinstance(written, list) else [written]
    levels = [read_choice(f, "levels", {k: v for k, v in LEVELS.items()}, value=item) for item in items]
    return None if None in levels else tuple(sorted(set(levels), key=list(LEVELS).index))


def read_paragraphs(f: Fields, name: str) -> tuple[str, ...]:
    """A text, or a list of texts (commas inside a text are kept: "Mẫu đơn, tờ khai")."""
    value = f.data.get(name)
    if value in (None, ""):
        return ()
    items = value if isinstance(value, list) else [value]
    if any(isinstance(item, (dict, list)) for item in items):
        f.error(name, f'{LABELS[name]} là một đoạn chữ hoặc danh sách chữ, mỗi mục một dòng bắt đầu bằng "- " '
                      "(expected text or a list of text)")
        return ()
    return tuple(written_text(item).strip() for item in items if written_text(item).strip())


def read_agencies(f: Fields) -> Agencies | None:
    value = f.data.get("agencies")
    if not isinstance(value, MarkedDict):
        if value not in (None, "", [], {}):
            f.error("agencies", 'cơ quan thực hiện gồm các dòng "handling:", "deciding:", "cooperating:" '
                                "(expected a mapping)")
        return None
    a = f.item(value, "agencies.")
    a.reject_unknown(("handling", "deciding", "cooperating"))
    handling = a.text("handling", "cơ quan trực tiếp thực hiện", required=True)
    deciding, cooperating = a.text("deciding", "cơ quan có thẩm quyền quyết định"), a.text("cooperating", "cơ quan phối hợp")
    return None if handling is None else Agencies(handling, deciding, cooperating)


def items(f: Fields, name: str) -> list[tuple[Fields | None, Any, str, int]]:
    """List items as Fields (for mappings) with their prefix and line."""
    return [(f.item(item, prefix) if isinstance(item, MarkedDict) else None, item, prefix, line)
            for prefix, item, line in f.records(name, LABELS[name])]


def read_steps(f: Fields) -> tuple[Step, ...]:
    steps = []
    for item, value, prefix, line in items(f, "steps"):
        if item is None:
            steps.append(Step(written_text(value).strip(), None))
            continue
        item.reject_unknown(("title", "description"))
        title = item.text("title", "tên bước", required=True)
        if title:
            steps.append(Step(title, item.text("description", "mô tả bước")))
    return tuple(steps)


def plain_record(values: dict, line: int) -> MarkedDict:
    data = MarkedDict(values)
    data.line, data.key_lines = line, {key: line for key in values}
    return data


def read_documents(f: Fields) -> tuple[Document, ...]:
    documents = []
    for item, value, prefix, line in items(f, "documents"):
        if item is None:
            item = f.item(plain_record({"name": value}, line), prefix)
        item.reject_unknown(("name", "form", "originals", "copies", "notes"))
        name = item.text("name", "tên giấy tờ", required=True)
        originals = item.integer("originals", "số bản chính", minimum=0, default=0)
        copies = item.integer("copies", "số bản sao", minimum=0, default=0)
        if name:
            documents.append(Document(name, item.text("form", "mẫu đơn, tờ khai"), originals, copies,
                                      item.text("notes", "ghi chú")))
    return tuple(documents)


def read_legal_bases(f: Fields) -> tuple[LegalBasis, ...]:
    if not f.data.get("legal_bases"):
        f.missing("legal_bases", LABELS["legal_bases"])
    bases = []
    for item, value, prefix, line in items(f, "legal_bases"):
        if item is None:
            f.log.add(f.path, line, prefix.rstrip("."), 'mỗi căn cứ pháp lý gồm các dòng "number:", "title:", '
                                                        '"date:", "issuer:" (expected a mapping)')
            continue
        item.reject_unknown(("number", "title", "date", "issuer"))
        number, title = item.text("number", "số ký hiệu", required=True), item.text("title", "trích yếu", required=True)
        day, issuer = item.day("date", "ngày ban hành"), item.text("issuer", "cơ quan ban hành")
        if number and title:
            bases.append(LegalBasis(number, title, day, issuer))
    return tuple(bases)


def read_published_by(f: Fields) -> Publication | None:
    value = f.data.get("published_by")
    if not isinstance(value, MarkedDict):
        f.error("published_by", 'thiếu quyết định công bố thủ tục; thêm "published_by:" với hai dòng "number:" '
                                'và "date:" (publishing decision missing)')
        return None
    p = f.item(value, "published_by.")
    p.reject_unknown(("number", "date"))
    number, day = p.text("number", "số quyết định công bố", required=True), p.day("date", "ngày công bố", required=True)
    return Publication(number, day) if number and day else None


def read_status(f: Fields) -> tuple[str | None, date | None]:
    status = read_choice(f, "status", STATUSES, "in_force")
    abolished_on = f.day("abolished_on", LABELS["abolished_on"])
    if status == "abolished" and abolished_on is None and "abolished_on" not in f.data:
        f.error("status", 'thủ tục đã bãi bỏ nhưng thiếu ngày bãi bỏ; thêm dòng "abolished_on: 2024-01-15" '
                          "(abolished without a date)")
    if status == "in_force" and abolished_on is not None:
        f.error("abolished_on", 'có ngày bãi bỏ nhưng thủ tục không ghi "status: abolished"; thêm dòng đó hoặc '
                                "xóa ngày bãi bỏ (date given for a procedure in force)")
    return status, abolished_on


def read_history(f: Fields, today: date) -> tuple[Change, ...]:
    changes = []
    for item, value, prefix, line in items(f, "history"):
        if item is None:
            f.log.add(f.path, line, prefix.rstrip("."), 'mỗi lần thay đổi gồm các dòng "date:", "document:", '
                                                        '"change:" (expected a mapping)')
            continue
        item.reject_unknown(("date", "document", "change"))
        day = item.day("date", "ngày thay đổi", required=True)
        change = item.text("change", "nội dung thay đổi", required=True)
        if day is not None and day > today:
            item.error("date", f'ngày thay đổi {format_date(day)} ở sau ngày dựng trang ({format_date(today)}); '
                               "chỉ ghi thay đổi đã có hiệu lực, kiểm tra lại năm (date in the future)")
        elif day is not None and change:
            changes.append(Change(day, item.text("document", "văn bản quyết định thay đổi"), change))
    return tuple(sorted(changes, key=lambda c: c.date))

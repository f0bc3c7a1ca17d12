"""Reading a record's fields as its kind declares them (``cchc.core.declaration``).

The loaders of every kind call ``read`` for each plain field, so the names, labels, required fields,
types, patterns and allowed values they check are those of the declaration, with the messages of
``cchc.core.fields``. Fields a kind reads in its own way (a time limit, a list of attachments) still
take their label from the declaration.
"""

from __future__ import annotations

import re
from typing import Any

from cchc.core.declaration import Field
from cchc.core.fields import Fields
from cchc.core.yamlmarks import MarkedDict


def reject_unknown(f: Fields, fields: tuple[Field, ...], also: tuple[str, ...] = ()) -> None:
    f.reject_unknown((*(spec.name for spec in fields), *also))


def read(f: Fields, spec: Field) -> Any:
    """The field's value, parsed as its type says; None (after logging why) when it is missing or wrong."""
    reader = _READERS.get(spec.type)
    if reader is None:
        raise ValueError(f"{spec.name}: a {spec.type} field is read by its kind's own loader")
    value = reader(f, spec)
    if isinstance(value, str) and spec.pattern and not re.fullmatch(spec.pattern, value):
        f.error(spec.name, f"{pattern_message(spec, value)} (malformed value)")
        return None
    return value


FieldWarning = tuple[int | None, str, str]
"""(line, field, message) of something the site reads but an editor should still change."""


def short_item_warnings(data: MarkedDict, fields: tuple[Field, ...]) -> list[FieldWarning]:
    """Items written as one line ("- Nộp hồ sơ") where the long form is "- title: Nộp hồ sơ": the site reads
    both, but the browser form cannot open a file with the short one (Decap expects each item as fields)."""
    warnings = []
    for spec in fields:
        written = data.get(spec.name)
        if not spec.item_text or not isinstance(written, list):
            continue
        for index, item in enumerate(written):
            if not isinstance(item, dict):
                warnings.append((written.line_of(index), f"{spec.name}[{index + 1}]",
                                 f'mục viết gọn một dòng; viết "- {spec.item_text}: {item}" để mở được tệp trong '
                                 "trang soạn bài trên trình duyệt (/quan-tri/) (short item)"))
    return warnings


def pattern_message(spec: Field, value: str | None = None) -> str:
    """What is said of a text that does not match the field's pattern, by the build (with the value) and by the
    browser form (``cchc.cms``, before saving)."""
    shown = f' "{value}"' if value is not None else ""
    return f"{spec.label}{shown} không đúng dạng {spec.pattern_hint or spec.pattern}"


def _required(f: Fields, spec: Field, value: Any) -> Any:
    if spec.required and value in (None, (), []) and f.data.get(spec.name) in (None, "", []):
        f.missing(spec.name, spec.label)
    return value


def _choice(f: Fields, spec: Field) -> str | None:
    written = f.text(spec.name, spec.label, required=spec.required)
    allowed = spec.choices if isinstance(spec.choices, dict) else {}
    if written is not None and allowed and written not in allowed:
        f.error(spec.name, f'{spec.label} "{written}" không có trong danh sách; chọn một trong: '
                           f'{", ".join(allowed)} (unknown value)')
        return None
    return written if written is not None else spec.default


_READERS = {
    "text": lambda f, s: f.text(s.name, s.label, required=s.required),
    "image": lambda f, s: f.text(s.name, s.label, required=s.required),  # the path; the image is checked with content/
    "url": lambda f, s: f.url(s.name, s.label, required=s.required),
    "email": lambda f, s: f.email(s.name, s.label, required=s.required),
    "date": lambda f, s: f.day(s.name, s.label, required=s.required),
    "datetime": lambda f, s: f.moment(s.name, s.label, required=s.required),
    "boolean": lambda f, s: f.flag(s.name, s.label),
    "integer": lambda f, s: _required(f, s, f.integer(s.name, s.label, minimum=1 if s.minimum is None else s.minimum,
                                                      default=s.default)),
    "texts": lambda f, s: _required(f, s, f.texts(s.name, s.label)),
    "choice": _choice,
}

"""Placeholders "CẦN BỔ SUNG: …" left by ``cchc new`` and ``cchc import-thu-tuc`` for the editor to fill.

A value that begins with ``CẦN BỔ SUNG`` (capitals, with diacritics) is never published: the
loader reports it as an error naming the file, line and field, and the record is left out,
so the build stops until the editor has written the real content. Other errors about the
same field (a date "CẦN BỔ SUNG" is not a date) are dropped: the placeholder says it all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, TypeVar

from cchc.core.errors import ErrorLog
from cchc.core.fields import Fields
from cchc.core.yamlmarks import MarkedDict, MarkedList

MARK = "CẦN BỔ SUNG"
T = TypeVar("T")


def placeholder(what: str) -> str:
    """The text a template or an import writes where the editor must fill in ``what``."""
    return f"{MARK}: {what}"


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.strip().startswith(MARK)


@dataclass(frozen=True)
class Placeholder:
    field: str
    """As loaders name fields in errors: ``agencies.handling``, ``steps[1]``, ``documents[2].name``."""
    line: int
    text: str


def find_placeholders(data: Any, field: str = "", line: int = 0) -> list[Placeholder]:
    """Every placeholder in a YAML tree loaded with line marks, in file order."""
    if isinstance(data, MarkedDict):
        return [p for key, value in data.items()
                for p in find_placeholders(value, f"{field}.{key}" if field else str(key), data.line_of(key))]
    if isinstance(data, MarkedList):
        return [p for index, value in enumerate(data)
                for p in find_placeholders(value, f"{field}[{index + 1}]", data.line_of(index))]
    return [Placeholder(field, line, data.strip())] if is_placeholder(data) else []


def message(item: Placeholder) -> str:
    return (f'chưa điền: "{item.text}"; thay cả dòng chữ này bằng nội dung thật (xem docs/bien-tap/) '
            "(placeholder to fill)")


def load_filled(data: MarkedDict, path: str, log: ErrorLog, load: Callable[[Fields], T | None]) -> T | None:
    """Run ``load`` on a record; placeholders are errors and hide the other errors on their fields."""
    found = find_placeholders(data)
    if not found:
        return load(Fields(data, path, log))
    scratch = ErrorLog()
    load(Fields(data, path, scratch))
    for item in found:
        log.add(path, item.line, item.field, message(item))
    log.errors += [e for e in scratch.errors if not any(_covers(p.field, e.field) for p in found)]
    return None


def _covers(placeholder_field: str, error_field: str | None) -> bool:
    if error_field is None:
        return False
    return error_field == placeholder_field or error_field.startswith((f"{placeholder_field}.",
                                                                        f"{placeholder_field}["))

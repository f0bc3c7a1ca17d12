"""Typed reading of one YAML record, reporting every bad field to an ErrorLog.

Loaders of every content kind use ``Fields`` so that messages look the same
everywhere: ``file:line: field: what is wrong; how to fix it (English)``.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable

from cchc.core.errors import ErrorLog
from cchc.core.text import VN_TZ
from cchc.core.yamlmarks import MarkedDict, MarkedList, written_text

_DATETIME_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S",
                     "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d", "%d/%m/%Y")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)


def required_message(label: str) -> str:
    """What is said of a required field left empty, by the build and by the browser form (``cchc.cms``)."""
    return f"thiếu {label} (trường bắt buộc)"


class Fields:
    """Read fields of one mapping; each reader returns None after logging a problem."""

    def __init__(self, data: MarkedDict, path: str, log: ErrorLog, prefix: str = "") -> None:
        self.data = data
        self.path = path
        self.log = log
        self.prefix = prefix

    def error(self, name: str, message: str, line: int | None = None) -> None:
        if line is None:
            line = self.data.line_of(name) if name in self.data else self.data.line
        self.log.add(self.path, line, self.prefix + name, message)

    def missing(self, name: str, label: str) -> None:
        self.error(name, f'{required_message(label)}; thêm dòng "{name}: ..." (required field missing)')

    def raw(self, name: str, label: str, required: bool) -> Any:
        value = self.data.get(name)
        if value is None or value == "":
            if required:
                self.missing(name, label)
            return None
        return value

    def text(self, name: str, label: str, *, required: bool = False) -> str | None:
        value = self.raw(name, label, required)
        if value is None:
            return None
        if isinstance(value, (dict, list)):
            self.error(name, f"{label} phải là một dòng chữ, không phải danh sách (expected text)")
            return None
        value = written_text(value).strip()
        if not value and required:
            self.missing(name, label)
        return value or None

    def url(self, name: str, label: str, *, required: bool = False) -> str | None:
        value = self.text(name, label, required=required)
        if value is not None and not _URL.match(value):
            self.error(name, f'{label} "{value}" không phải địa chỉ web; viết đủ dạng '
                             "https://ten-mien.gov.vn (expected an http(s) URL)")
            return None
        return value

    def email(self, name: str, label: str, *, required: bool = False) -> str | None:
        value = self.text(name, label, required=required)
        if value is not None and not _EMAIL.match(value):
            self.error(name, f'{label} "{value}" không phải địa chỉ email hợp lệ (invalid email)')
            return None
        return value

    def flag(self, name: str, label: str) -> bool:
        value = self.data.get(name, False)
        if isinstance(value, bool):
            return value
        self.error(name, f'{label} chỉ nhận "true" hoặc "false", không phải "{value}" (expected a boolean)')
        return False

    def integer(self, name: str, label: str, *, minimum: int = 1, default: int | None = None) -> int | None:
        value = self.data.get(name, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.error(name, f'{label} phải là số nguyên từ {minimum} trở lên, không phải "{value}" '
                             "(expected a whole number)")
            return default
        return value

    def decimal(self, name: str, label: str, *, required: bool = False, example: str = "4 hoặc 4,5") -> Decimal | None:
        """A number as Vietnamese write it ("4,5") or as YAML reads it (4.5); never negative."""
        value = self.raw(name, label, required)
        if value is None:
            return None
        written, number = written_number(value)
        if number is None or number < 0:
            self.error(name, f'{label} phải là số từ 0 trở lên, ví dụ {example}; không phải "{written}" '
                             "(expected a number)")
            return None
        return number

    def moment(self, name: str, label: str, *, required: bool = False) -> datetime | None:
        """A date and time in Vietnam time; a date alone means midnight."""
        value = self.raw(name, label, required)
        if value is None:
            return None
        parsed = parse_moment(value)
        if parsed is None:
            self.error(name, f'{label} "{value}" không đúng dạng ngày giờ; viết "2022-02-24 08:30" '
                             'hoặc "24/02/2022 08:30" (invalid date)')
        return parsed

    def day(self, name: str, label: str, *, required: bool = False) -> date | None:
        value = self.raw(name, label, required)
        if value is None:
            return None
        parsed = parse_day(value)
        if parsed is None:
            self.error(name, f'{label} "{value}" không đúng dạng ngày; viết "2022-02-24" '
                             'hoặc "24/02/2022" (invalid date)')
        return parsed

    def texts(self, name: str, label: str) -> tuple[str, ...]:
        """A list of short texts; "a, b" written on one line is accepted too."""
        value = self.data.get(name)
        if value is None or value == "":
            return ()
        if isinstance(value, str):
            value = value.split(",")
        if not isinstance(value, list) or any(isinstance(v, (dict, list)) for v in value):
            self.error(name, f"{label} phải là danh sách chữ, mỗi mục một dòng bắt đầu bằng "
                             '"- " (expected a list of text)')
            return ()
        return tuple(dict.fromkeys(written_text(v).strip() for v in value if written_text(v).strip()))

    def records(self, name: str, label: str) -> list[tuple[str, Any, int]]:
        """Items of a list with their error prefix (e.g. ``attachments[2].``) and line."""
        value = self.data.get(name)
        if value is None:
            return []
        if not isinstance(value, MarkedList):
            self.error(name, f'{label} phải là danh sách, mỗi mục bắt đầu bằng "- " (expected a list)')
            return []
        return [(f"{self.prefix}{name}[{i + 1}].", item, value.line_of(i)) for i, item in enumerate(value)]

    def item(self, item: MarkedDict, prefix: str) -> Fields:
        return Fields(item, self.path, self.log, prefix)

    def reject_unknown(self, known: Iterable[str]) -> None:
        """Typos such as ``titel:`` would otherwise vanish silently."""
        known = list(known)
        for name in self.data:
            if name not in known:
                close = difflib.get_close_matches(str(name), known, n=1)
                hint = f'; có phải ý bạn là "{close[0]}"?' if close else ""
                self.error(str(name), f"trường không được hỗ trợ{hint} (unknown field)")


def parse_moment(value: Any) -> datetime | None:
    """YAML dates, datetimes or the usual written forms, as an aware +07:00 datetime."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=VN_TZ) if value.tzinfo is None else value.astimezone(VN_TZ)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=VN_TZ)
    for fmt in _DATETIME_FORMATS:
        try:
            return datetime.strptime(str(value).strip(), fmt).replace(tzinfo=VN_TZ)
        except ValueError:
            continue
    return _iso_moment(str(value).strip())


def _iso_moment(written: str) -> datetime | None:
    """ISO 8601 with a UTC offset ("2022-02-24T08:30:00+07:00", "...Z"), as YAML timestamps are written."""
    try:
        moment = datetime.fromisoformat(written)
    except ValueError:
        return None
    return moment.replace(tzinfo=VN_TZ) if moment.tzinfo is None else moment.astimezone(VN_TZ)


def parse_day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(str(value).strip(), fmt).date()
        except ValueError:
            continue
    return None


def written_number(value: Any, suffix: str = "") -> tuple[str, Decimal | None]:
    """A value as the editor wrote it, and the finite number it says ("4,5" as Vietnamese write it, or 4.5; a
    ``suffix`` such as "%" may follow it), or None if it says none."""
    written = written_text(value).strip()
    if isinstance(value, bool):
        return written, None
    try:
        number = Decimal(written.removesuffix(suffix).strip().replace(",", "."))
    except InvalidOperation:
        return written, None
    return written, number if number.is_finite() else None

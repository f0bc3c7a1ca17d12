"""Vietnamese text handling: NFC, diacritic folding, slugs, dates and XML-safe text."""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "+07:00")
"""Asia/Ho_Chi_Minh has had no daylight saving since 1975: a fixed offset is exact."""

# đ/Đ have no Unicode decomposition, so stripping combining marks leaves them alone.
_D_BAR = str.maketrans({"đ": "d", "Đ": "D"})
# XML 1.0 forbids C0 controls except tab, newline and carriage return (Word pastes U+000B).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form every comparison here assumes."""
    return unicodedata.normalize("NFC", text)


def fold_diacritics(text: str) -> str:
    """Remove Vietnamese tone and vowel marks: "Đường dây nóng" -> "Duong day nong"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_BAR))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    """An ASCII URL slug: "Đường dây nóng" -> "duong-day-nong"."""
    return _NON_SLUG.sub("-", fold_diacritics(text).lower()).strip("-")


def short_slug(slug: str, limit: int = 80) -> str:
    """A slug cut at a word when longer than ``limit``: long procedure names make unwieldy URLs."""
    if len(slug) <= limit:
        return slug
    return slug[:limit + 1].rsplit("-", 1)[0] or slug[:limit]


def xml_safe(text: str) -> str:
    """Drop the characters XML 1.0 cannot carry, so a feed can never break."""
    return _XML_ILLEGAL.sub("", text)


def format_date(value: date | datetime) -> str:
    """dd/mm/yyyy in Vietnam time, the way Vietnamese readers write dates."""
    if isinstance(value, datetime):
        value = value.astimezone(VN_TZ)
    return value.strftime("%d/%m/%Y")


def format_datetime(value: datetime) -> str:
    """dd/mm/yyyy HH:MM in Vietnam time."""
    return value.astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M")


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier, the month's last day when it has no such day
    (31/08 six months back is 28/02 or 29/02)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def format_size(size: int) -> str:
    """A file size as Vietnamese readers write it: "1,5 MB", "820 KB"."""
    if size < 1024:
        return f"{size} B"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            shown = f"{size:.1f}" if size < 10 else f"{size:.0f}"
            return f"{shown.replace('.', ',')} {unit}"
    raise AssertionError("unreachable")


def format_count(value: int) -> str:
    """A whole number with Vietnamese digit grouping: 12345 -> "12.345"."""
    return f"{value:,}".replace(",", ".")


def nfc_tree(value: object) -> object:
    """NFC-normalize every string inside nested dicts and lists (page metadata)."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dict):
        return {nfc_tree(k): nfc_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nfc_tree(v) for v in value]
    return value


class NotUtf8(Exception):
    """A file saved in another encoding (Windows-1258, TCVN3, …): it must be saved again as UTF-8."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.message = ("tệp không được lưu ở bảng mã UTF-8 (có thể là Windows-1258 hoặc TCVN3); mở tệp, "
                        'chọn "Lưu thành" (Save As) với bảng mã UTF-8 rồi chạy lại (file is not UTF-8)')
        super().__init__(self.message)


def decode_utf8(data: bytes) -> str:
    """Bytes of a UTF-8 file as text, exactly (BOM and line endings kept); NotUtf8 names the first bad line."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotUtf8(data.count(b"\n", 0, error.start) + 1) from None


def read_utf8(path: str) -> str:
    """A text file as the loaders read it: UTF-8 without BOM, line endings turned into "\\n"."""
    with open(path, "rb") as stream:
        text = decode_utf8(stream.read())
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")

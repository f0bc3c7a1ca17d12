"""Text hygiene: what pasting from Word or typing on a Mac leaves in editors' files.

``scan`` finds, line by line, text in decomposed Unicode (NFD), text in the legacy
TCVN3 or VNI encodings, control characters, zero-width characters and non-breaking
spaces; each finding carries the exact repairs that fix it. ``repair`` applies them and
changes nothing else: every character outside a repaired span, line endings included,
stays as it was. Pure functions on ``str``; reading and writing files is the caller's job.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from cchc.core.legacy import TCVN3_ENCODING, detect

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_COMBINING_RUN = re.compile("(.)([\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+)")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_NBSP = re.compile("[\u00a0\u202f]")

_CONTROL_NAMES = {"\x0b": "ngắt dòng của Word", "\x0c": "ngắt trang của Word"}
_CONTROL_TO_SPACE = frozenset(_CONTROL_NAMES)
FIX_HINT = 'chạy "cchc check --fix" để'


@dataclass(frozen=True)
class Repair:
    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Finding:
    """One kind of problem on one line, with what to tell the editor before and after fixing."""

    line: int
    kind: str
    message: str
    fixed_message: str
    repairs: tuple[Repair, ...]


def scan(text: str) -> list[Finding]:
    """Every hygiene problem of ``text``, in line order."""
    findings = []
    for number, match in enumerate(_LINE.finditer(text), start=1):
        findings += _scan_line(match.group(), match.start(), number)
    return findings


def repair(text: str, findings: list[Finding]) -> str:
    """``text`` with the repairs of ``findings`` applied and nothing else changed."""
    repairs = sorted((r for f in findings for r in f.repairs), key=lambda r: r.start)
    out, last = [], 0
    for r in repairs:
        if r.start < last:
            raise ValueError(f"overlapping repairs at {r.start}")
        out += [text[last:r.start], r.replacement]
        last = r.end
    return "".join(out) + text[last:]


def _scan_line(line: str, offset: int, number: int) -> list[Finding]:
    found = [_legacy(line, offset, number), _decomposed(line, offset, number),
             _controls(line, offset, number), _invisible(line, offset, number), _nbsp(line, offset, number)]
    return [f for f in found if f is not None]


def _legacy(line: str, offset: int, number: int) -> Finding | None:
    encoding = detect(line)
    if encoding is None:
        return None
    spans = encoding.repairs(line)
    before = line[spans[0][0]:spans[-1][1]]
    after = encoding.decode(before)
    before, after = _shorten(before), _shorten(after)
    starts_with_tone = any(not word[0].isascii() and word[0].islower() for _, _, word in spans)
    case = ("; kiểm tra lại chữ hoa có dấu ở đầu từ vì bảng mã TCVN3 không phân biệt được"
            if encoding is TCVN3_ENCODING and starts_with_tone else "")
    return Finding(
        number, "legacy",
        f'chữ bảng mã {encoding.label} dán từ Word: "{before}" đọc là "{after}"; '
        f"{FIX_HINT} chuyển sang Unicode{case} (legacy {encoding.name} text)",
        f'đã chuyển chữ bảng mã {encoding.label} sang Unicode: "{after}"{case} '
        f"(legacy {encoding.name} text converted)",
        tuple(Repair(offset + start, offset + end, word) for start, end, word in spans),
    )


def _decomposed(line: str, offset: int, number: int) -> Finding | None:
    repairs = []
    for match in _COMBINING_RUN.finditer(line):
        composed = unicodedata.normalize("NFC", match.group())
        if composed != match.group():
            repairs.append(Repair(offset + match.start(), offset + match.end(), composed))
    if not repairs:
        return None
    first = repairs[0].start - offset
    word = unicodedata.normalize("NFC", _word_at(line, first))
    return Finding(
        number, "nfd",
        f'chữ có dấu viết ở dạng dấu rời (Unicode tổ hợp, NFD – thường do máy Mac hoặc bảng mã '
        f'Windows-1258), ví dụ "{word}"; {FIX_HINT} chuyển sang dạng dựng sẵn NFC (decomposed Unicode)',
        f'đã chuyển chữ dấu rời sang dạng dựng sẵn NFC, ví dụ "{word}" (decomposed Unicode fixed)',
        tuple(repairs),
    )


def _controls(line: str, offset: int, number: int) -> Finding | None:
    matches = list(_CONTROL.finditer(line))
    if not matches:
        return None
    codes = _codes(m.group() for m in matches)
    return Finding(
        number, "control",
        f"có ký tự điều khiển {codes} ở cột {matches[0].start() + 1} (thường do dán từ Word); "
        f"{FIX_HINT} thay ngắt dòng, ngắt trang bằng dấu cách và xóa các ký tự khác (control character)",
        f"đã sửa ký tự điều khiển {codes} (control character removed)",
        tuple(Repair(offset + m.start(), offset + m.end(), " " if m.group() in _CONTROL_TO_SPACE else "")
              for m in matches),
    )


def _invisible(line: str, offset: int, number: int) -> Finding | None:
    matches = [m for m in _INVISIBLE.finditer(line) if not _is_kept_invisible(line, offset, m.start())]
    if not matches:
        return None
    codes = _codes(m.group() for m in matches)
    return Finding(
        number, "invisible",
        f"có ký tự vô hình {codes} ở cột {matches[0].start() + 1} (khoảng trắng độ rộng 0); "
        f"{FIX_HINT} xóa (zero-width character)",
        f"đã xóa ký tự vô hình {codes} (zero-width character removed)",
        tuple(Repair(offset + m.start(), offset + m.end(), "") for m in matches),
    )


def _is_kept_invisible(line: str, offset: int, index: int) -> bool:
    """A byte-order mark opening the file, or a joiner inside an emoji sequence (👨‍👩‍👧)."""
    ch = line[index]
    if ch == "\ufeff":
        return offset + index == 0
    if ch == "\u200d" and 0 < index < len(line) - 1:
        return unicodedata.category(line[index - 1]) == "So" or unicodedata.category(line[index + 1]) == "So"
    return False


def _nbsp(line: str, offset: int, number: int) -> Finding | None:
    matches = list(_NBSP.finditer(line))
    if not matches:
        return None
    return Finding(
        number, "nbsp",
        f"có {len(matches)} dấu cách không ngắt (NBSP {_codes(m.group() for m in matches)}) từ cột "
        f"{matches[0].start() + 1}; {FIX_HINT} thay bằng dấu cách thường (non-breaking space)",
        f"đã thay {len(matches)} dấu cách không ngắt bằng dấu cách thường (non-breaking space replaced)",
        tuple(Repair(offset + m.start(), offset + m.end(), " ") for m in matches),
    )


def _codes(chars) -> str:
    names = []
    for ch in dict.fromkeys(chars):
        name = _CONTROL_NAMES.get(ch)
        names.append(f"U+{ord(ch):04X}" + (f" ({name})" if name else ""))
    return ", ".join(names)


def _word_at(line: str, index: int) -> str:
    start = index
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    end = index
    while end < len(line) and not line[end].isspace():
        end += 1
    return line[start:end]


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"

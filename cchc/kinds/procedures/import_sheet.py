"""Read a procedure list laid out like the appendix of a Quyết định công bố (.xlsx or .csv).

Columns are found by their header, loosely (case, diacritics, extra words, any order):
STT, tên thủ tục, mã, lĩnh vực, thời hạn, phí, căn cứ pháp lý, cơ quan thực hiện. Group
rows ("A. TTHC cấp tỉnh", "I. Lĩnh vực Giáo dục trung học") set the level or field of the
rows below them. Each procedure row becomes a dict of procedure fields in the YAML layout
of ``content/thu-tuc-hanh-chinh/``; a row that cannot be read becomes a ``RowProblem``
with a Vietnamese reason. Writing the files is ``cchc.kinds.procedures.write``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cchc.core.fields import parse_day
from cchc.core.text import fold_diacritics
from cchc.kinds.procedures.fields import CODE_PATTERN
from cchc.kinds.procedures.model import FIELD_LABELS
from cchc.kinds.procedures.limits import TIME_TEXTS
from cchc.kinds.procedures.sheet_files import ImportProblem, tables_of

HEADER_SEARCH_ROWS = 20
ROLES = ("stt", "name", "code", "field", "time_limit", "fees", "legal_bases", "agency")
_FIELD_ALIASES = {"quy che thi tuyen sinh": "G03-GD12", "he thong van bang chung chi": "G03-GD14",
                  "giao duc dao tao thuoc he thong giao duc quoc dan va cac co so khac": "BGD-GD15",
                  "cac co so giao duc khac": "BGD-GD15"}
_LEVELS = {"cap tinh": "tinh", "cap huyen": "huyen", "cap xa": "xa"}
_DETAILS = ("time_limit", "fees", "legal_bases", "agency")
"""Columns only a procedure row fills: a row without them (and without a number) is a group row."""
_NUMBERED = re.compile(r"\d+[.)]?")
_ENUMERATOR = re.compile(r"^\s*(?:[A-Za-z]|[IVXLC]+|\d+)\s*[.)/]\s*")
_CODE = re.compile(f"^({CODE_PATTERN})(\\.[0-9A-Za-z.]+)?$")
_DAYS = re.compile(r"^(\d+)\s*(ngay lam viec|ngay)\b[\s,.;:-]*(.*)$")
_LEGAL_NUMBER = re.compile(r"\b(\d{1,5}(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-Za-zĐđ0-9]+)+)")
_LEGAL_DATE = re.compile(r"ngày\s+(\d{1,2})\s*(?:/|-|\.|tháng)\s*(\d{1,2})\s*(?:/|-|\.|năm)\s*(\d{4})")


@dataclass(frozen=True)
class RowProblem:
    row: int
    reason: str


@dataclass
class ImportedRow:
    row: int
    values: dict[str, Any]
    """Procedure fields read from the row, in file order; only what the sheet says."""
    missing: list[str] = field(default_factory=list)
    """Fields of the row's imported columns that were empty (a new file gets placeholders there)."""


@dataclass
class Sheet:
    columns: dict[str, int]
    rows: list[ImportedRow]
    problems: list[RowProblem]


def read_sheet(path: str) -> Sheet:
    """The procedure rows of the first sheet (or CSV) that has a header with a "tên thủ tục" column."""
    for table in tables_of(path):
        header = _find_header(table)
        if header is not None:
            return _read_rows(*header)
    raise ImportProblem(f'không tìm thấy dòng tiêu đề có cột "Tên thủ tục" trong {HEADER_SEARCH_ROWS} dòng đầu của '
                        f"{path}; tệp cần bảng như phụ lục Quyết định công bố (STT, Tên thủ tục, Mã, Lĩnh vực, "
                        "Thời hạn, Phí, Căn cứ pháp lý, Cơ quan thực hiện) (header row not found)")


def folded(text: str) -> str:
    """"Phí, lệ phí (đồng)" → "phi le phi dong": what header and label matching compare."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold_diacritics(text).lower()).split())


def column_role(header: str) -> str | None:
    words = folded(header)
    padded = f" {words} "
    if any(k in padded for k in (" vbqppl ", " can cu ", " phap ly ", " van ban quy pham ", " van ban quy dinh ")):
        return "legal_bases"
    if words.startswith("ma ") or words == "ma":
        return "code"
    if " ten " in padded and (" thu tuc " in padded or " tthc " in padded):
        return "name"
    if " linh vuc " in padded:
        return "field"
    if " thoi han " in padded or " thoi gian giai quyet " in padded:
        return "time_limit"
    if " phi " in padded:
        return "fees"
    if " co quan " in padded:
        return "agency"
    if words in ("stt", "tt", "so tt") or " so thu tu " in padded:
        return "stt"
    return None


def _find_header(table: list[tuple[int, list[str]]]) -> tuple[list[tuple[int, list[str]]], dict[str, int]] | None:
    for position, (_, cells) in enumerate(table[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for index, cell in enumerate(cells):
            role = column_role(cell) if cell else None
            if role and role not in columns:
                columns[role] = index
        if "name" in columns and len(columns) >= 2:
            return table[position + 1:], columns
    return None


def match_field(text: str) -> str | None:
    """A field code from a code ("G03-GD10") or a label, loosely ("Lĩnh vực Giáo dục Trung học")."""
    upper = text.strip().upper().replace(" ", "")
    if upper in FIELD_LABELS:
        return upper
    words = folded(re.sub(r"\(.*?\)", " ", _ENUMERATOR.sub("", text)))
    words = words.removeprefix("linh vuc ").strip()
    labels = {folded(label): code for code, label in FIELD_LABELS.items()} | _FIELD_ALIASES
    return labels.get(words)


def _read_rows(table: list[tuple[int, list[str]]], columns: dict[str, int]) -> Sheet:
    sheet = Sheet(columns, [], [])
    level: str | None = None
    group_field: tuple[str | None, int, str] | None = None  # (code, row, heading)
    cell = lambda cells, role: cells[columns[role]] if role in columns and columns[role] < len(cells) else ""  # noqa: E731
    for number, cells in table:
        values = {role: cell(cells, role) for role in columns}
        if not any(cells):
            continue
        stt = values.get("stt", "")
        if not _NUMBERED.fullmatch(stt) and not any(values.get(role) for role in _DETAILS):
            others = [c for i, c in enumerate(cells) if c and i != columns.get("stt")]
            heading = " ".join(others) or stt
            found_level = next((v for k, v in _LEVELS.items() if f" {k} " in f" {folded(heading)} "), None)
            if found_level:
                level = found_level
                continue
            code = match_field(heading)
            if code or stt or _ENUMERATOR.match(heading) or folded(heading).startswith("linh vuc"):
                group_field = (code, number, heading)
                if code is None:
                    sheet.problems.append(RowProblem(number, f'dòng nhóm "{heading}": lĩnh vực không có trong danh '
                                                             "mục mã G03-GDxx; các thủ tục bên dưới không được nhập "
                                                             "(unknown field)"))
                continue
        row = _read_row(number, values, level, group_field)
        if isinstance(row, RowProblem):
            sheet.problems.append(row)
        else:
            sheet.rows.append(row)
    return sheet


def _read_row(number: int, values: dict[str, str], level: str | None,
              group_field: tuple[str | None, int, str] | None) -> ImportedRow | RowProblem:
    row = ImportedRow(number, {})
    name = values.get("name", "")
    if not name:
        return RowProblem(number, "thiếu tên thủ tục (no name)")
    code = values.get("code", "")
    if code:
        match = _CODE.match(code)
        if not match:
            return RowProblem(number, f'mã "{code}" không đúng dạng d.dddddd, ví dụ 1.005142; nếu Excel bỏ số 0 ở '
                                      "cuối, định dạng cột mã là Văn bản (Text) (malformed code)")
        row.values["code"] = match.group(1)
        if match.group(2):
            row.values["local_symbol"] = code
    row.values["name"] = name
    field_code = _row_field(values, group_field)
    if isinstance(field_code, str) and field_code.startswith("!"):
        return RowProblem(number, field_code[1:])
    if field_code:
        row.values["field"] = field_code
    else:
        row.missing.append("field")
    if level:
        row.values["levels"] = [level]
    else:
        row.missing.append("levels")
    if values.get("agency"):
        row.values["agencies"] = {"handling": values["agency"]}
    else:
        row.missing.append("agencies")
    for role, parse in (("time_limit", parse_time_limit), ("fees", parse_fees), ("legal_bases", parse_legal_bases)):
        if not values.get(role):
            row.missing.append(role)
            continue
        parsed = parse(values[role])
        if parsed is None:
            texts = ", ".join(f'"{t}"' for t in TIME_TEXTS)
            return RowProblem(number, f'thời hạn "{values[role]}" không đọc được; ghi số ngày như "15 ngày làm '
                                      f'việc" hoặc chữ bắt đầu bằng một trong: {texts} (invalid time limit)')
        row.values[role] = parsed
    return row


def _row_field(values: dict[str, str], group_field: tuple[str | None, int, str] | None) -> str | None:
    """The field code; a reason starting with "!" when the row cannot have one."""
    written = values.get("field", "")
    if written:
        return match_field(written) or (f'!lĩnh vực "{written}" không có trong danh mục; dùng tên như "Thi, tuyển '
                                        'sinh" hoặc mã như G03-GD12 (unknown field)')
    if group_field is not None and group_field[0] is None:
        return f'!lĩnh vực của nhóm "{group_field[2]}" (dòng {group_field[1]}) không có trong danh mục (unknown field)'
    return group_field[0] if group_field else None


def parse_time_limit(text: str) -> dict[str, Any] | str | None:
    """"15 ngày làm việc" → {days: 15, unit: working_days}; "Ngay trong ngày" stays text; None if unreadable."""
    words = folded(text)
    if words.isdigit() and int(words) > 0:
        return {"days": int(words), "unit": "working_days"}
    match = _DAYS.match(words)
    if match and int(match.group(1)) > 0:
        result: dict[str, Any] = {"days": int(match.group(1)),
                                  "unit": "working_days" if match.group(2) == "ngay lam viec" else "days"}
        note = re.split(r"(?i)ngày(?: làm việc)?", text, maxsplit=1)[-1].strip(" ,.;:-")
        if note:
            result["note"] = note
        return result
    if any(words.startswith(folded(t)) for t in TIME_TEXTS):
        return text
    return None


def parse_fees(text: str) -> str:
    """"Không", "0", "Không thu" → "Không"; a bare number gets "đồng" with Vietnamese grouping."""
    words = folded(text)
    if words in ("0", "khong", "khong co", "khong thu", "mien phi", "mien"):
        return "Không"
    if words.isdigit():
        return f"{int(words):,} đồng".replace(",", ".")
    return text


def parse_legal_bases(text: str) -> list[dict[str, Any]]:
    """One basis per line or ";"-separated part: the number and date found in it, the whole part as title."""
    bases = []
    for part in re.split(r"[\n;]+", text):
        part = part.strip().lstrip("-+•–").strip().rstrip(".,")
        if not part:
            continue
        basis: dict[str, Any] = {}
        number = _LEGAL_NUMBER.search(part)
        basis["number"] = number.group(1) if number else None
        basis["title"] = part
        day = _LEGAL_DATE.search(part)
        parsed = parse_day("/".join(day.groups())) if day else None
        if parsed:
            basis["date"] = parsed
        bases.append(basis)
    return bases

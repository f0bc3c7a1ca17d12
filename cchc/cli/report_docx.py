"""The yearly report as a Word file (python-docx): headings, paragraphs and real tables, in Times New Roman 13 as
administrative documents are typed (Nghị định 30/2020/NĐ-CP), so an office copies whole tables into its report."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from cchc.cli.report_sections import Section, Table

FONT = "Times New Roman"


def render_docx(report, title: str, heading_lines: list[str], sections: list[Section]) -> bytes:
    document = Document()
    _fonts(document)
    document.core_properties.title = title
    document.core_properties.author = "cchc report"
    made = datetime(report.today.year, report.today.month, report.today.day)
    document.core_properties.created = document.core_properties.modified = made
    document.add_heading(title, level=1)
    for line in heading_lines:
        document.add_paragraph(line)
    for section in sections:
        document.add_heading(section.title, level=2)
        for part in section.parts:
            if isinstance(part, Table):
                _table(document, part)
            elif part.startswith("- "):
                for line in part.split("\n"):
                    document.add_paragraph(line[2:], style="List Bullet")
            else:
                document.add_paragraph(part)
    out = io.BytesIO()
    document.save(out)
    return _stamped(out.getvalue(), made)


def _stamped(package: bytes, made: datetime) -> bytes:
    """The same Word file with every part dated ``made``: python-docx dates each part by the clock, and two
    reports of the same figures should be the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            target.writestr(zipfile.ZipInfo(part.filename, made.timetuple()[:6]), source.read(part),
                            compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _fonts(document) -> None:
    for name in ("Normal", "Heading 1", "Heading 2", "List Bullet"):
        style = document.styles[name]
        style.font.name = FONT
        style.element.rPr.rFonts.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", FONT)
    document.styles["Normal"].font.size = Pt(13)


def _table(document, table: Table) -> None:
    grid = document.add_table(rows=1, cols=len(table.header))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(grid.rows[0].cells, table.header):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in table.rows:
        cells = grid.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, row)):
            cell.text = text
            if index in table.numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph()

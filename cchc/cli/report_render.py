"""The yearly report written out: Markdown (tables to paste), plain text (columns aligned, for e-mail or a
console), CSV (one long table, Phần, Mục, Giá trị, Ghi chú, UTF-8 with BOM for Excel) and Word (.docx, tables
an office pastes into its report), all from the same sections (``cchc.cli.report_sections``)."""

from __future__ import annotations

import unicodedata

from cchc.cli.report import YearReport
from cchc.cli.report_sections import Table, heading_lines, report_sections
from cchc.core.spreadsheet import SpreadsheetWriter
from cchc.core.text import format_date

CSV_HEADER = ("Phần", "Mục", "Giá trị", "Ghi chú")
FORMATS = ("markdown", "text", "csv", "docx")


def title(report: YearReport) -> str:
    return f"Số liệu cải cách hành chính năm {report.year}"


def render(report: YearReport, form: str) -> bytes:
    if form == "csv":
        return render_csv(report)
    if form == "docx":
        from cchc.cli.report_docx import render_docx  # python-docx is loaded only when a Word file is asked for
        return render_docx(report, title(report), heading_lines(report), report_sections(report))
    text = render_text(report) if form == "text" else render_markdown(report)
    return text.encode("utf-8")


def render_markdown(report: YearReport) -> str:
    lines = [f"# {title(report)}", "", *heading_lines(report), ""]
    for section in report_sections(report):
        lines += [f"## {section.title}", ""]
        for part in section.parts:
            lines += (_markdown_table(part) if isinstance(part, Table) else [part]) + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _markdown_table(table: Table) -> list[str]:
    align = ["---:" if i in table.numeric else "---" for i in range(len(table.header))]
    lines = [f"| {' | '.join(table.header)} |", f"|{'|'.join(align)}|"]
    return lines + [f"| {' | '.join(_cell(c) for c in row)} |" for row in table.rows]


def render_text(report: YearReport) -> str:
    """Plain text: headings underlined, tables as aligned columns (widths count what a reader sees, NFC)."""
    heading = title(report)
    lines = [heading.upper(), "=" * _width(heading), "", *heading_lines(report), ""]
    for section in report_sections(report):
        lines += [section.title, "-" * _width(section.title), ""]
        for part in section.parts:
            lines += (_text_table(part) if isinstance(part, Table) else [part]) + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 1 for c in text)


def _text_table(table: Table) -> list[str]:
    rows = [table.header, *table.rows]
    widths = [max(_width(_cell(row[i])) for row in rows) for i in range(len(table.header))]

    def line(row: tuple[str, ...]) -> str:
        cells = []
        for i, cell in enumerate(row):
            text, pad = _cell(cell), " " * (widths[i] - _width(_cell(cell)))
            cells.append(pad + text if i in table.numeric else text + pad)
        return "  ".join(cells).rstrip()

    return [line(table.header), "  ".join("-" * w for w in widths), *(line(row) for row in table.rows)]


def render_csv(report: YearReport) -> bytes:
    """One long table: a row per figure or listed item; numbers without grouping, rates with a comma."""
    writer = SpreadsheetWriter()
    writer.writerow(CSV_HEADER)
    writer.writerow(("Kỳ báo cáo", "Từ ngày", format_date(report.starts), ""))
    writer.writerow(("Kỳ báo cáo", "Đến ngày", format_date(report.ends), f"số liệu tính đến {format_date(report.as_of)}"))
    for section in report_sections(report):
        writer.writerows(section.facts)
    return writer.getvalue()


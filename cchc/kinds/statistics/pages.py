"""The statistics page ``/thong-ke/``: dossier and survey tables, their SVG charts and the CSV download."""

from __future__ import annotations

import csv
import io
from typing import Any

from markupsafe import Markup

from cchc.core.charts import BarRow, Series, render_both, render_percent_bars, render_stacked_bars
from cchc.core.pages import GeneratedFile, GeneratedPage
from cchc.core.text import format_count, format_date
from cchc.kinds.statistics.model import STATISTICS_SECTION, DossierPeriod, Statistics, rate_number

PAGE_TITLE = "Thống kê kết quả giải quyết hồ sơ TTHC và sự hài lòng"
CSV_URI = f"{STATISTICS_SECTION}/ho-so.csv"

OUTCOMES = (
    Series("Giải quyết trước hạn", "#0b4a1f"),
    Series("Giải quyết đúng hạn", "#44a15b"),
    Series("Giải quyết quá hạn", "#7a1010"),
    Series("Đang giải quyết trong hạn", "#6390d6"),
    Series("Đang giải quyết quá hạn", "#5a2e00"),
    Series("Trả lại, rút", "#909090"),
)
"""What became of a period's dossiers, in bar order. Dark and mid tones alternate (3:1 between
neighbours and against white); segments are also parted by white gaps."""
SURVEY_COLOUR = "#0b4f8a"


def outcome_counts(period: DossierPeriod) -> tuple[int, ...]:
    return (period.resolved.early, period.resolved.on_time, period.resolved.late,
            period.in_progress.within_limit, period.in_progress.overdue, period.returned)


def build_statistics_pages(statistics: Statistics) -> list[GeneratedPage | GeneratedFile]:
    data: dict[str, Any] = {"statistics": statistics, "outcomes": OUTCOMES, "csv_url": None,
                            "periods_chart": None, "surveys_chart": None}
    pages: list[GeneratedPage | GeneratedFile] = []
    if statistics.periods:
        data.update(csv_url=CSV_URI, periods_chart=render_periods_chart(statistics.periods))
        pages.append(GeneratedFile(CSV_URI, render_periods_csv(statistics.periods),
                                   "Kết quả giải quyết hồ sơ TTHC (CSV)"))
    if statistics.surveys:
        data["surveys_chart"] = render_surveys_chart(statistics)
    latest = statistics.latest
    description = (f"{latest.name.label}: tiếp nhận {format_count(latest.received.total)} hồ sơ, "
                   f"tỷ lệ đúng hạn {latest.on_time_rate_text}" if latest
                   else "Kết quả giải quyết hồ sơ thủ tục hành chính và đo lường sự hài lòng")
    pages.insert(0, GeneratedPage(f"{STATISTICS_SECTION}/index.md", PAGE_TITLE, "statistics.html", data,
                                  description, hide=("navigation", "toc")))
    return pages


def render_periods_chart(periods: tuple[DossierPeriod, ...]) -> Markup:
    rows = tuple(
        BarRow(f"{p.name.label} ({p.dates}): {format_count(p.handled)} hồ sơ, đúng hạn {p.on_time_rate_text}",
               outcome_counts(p),
               tuple(f"{p.name.label} – {s.label}: {format_count(n)}" for s, n in zip(OUTCOMES, outcome_counts(p))))
        for p in periods)
    desc = ("Biểu đồ thanh ngang, mỗi kỳ một thanh chia theo tỷ lệ: " + ", ".join(s.label for s in OUTCOMES)
            + ". Số liệu đầy đủ ở bảng ngay dưới biểu đồ.")
    return render_both(render_stacked_bars, "bieu-do-ho-so", "Kết quả giải quyết hồ sơ TTHC theo kỳ", desc, OUTCOMES, rows)


def render_surveys_chart(statistics: Statistics) -> Markup:
    rows = tuple(
        BarRow(f"{format_date(s.day)} – {_shorten(s.title, 60)}: {s.percent_text} hài lòng "
               f"({format_count(s.sample)} phiếu)",
               (float(s.satisfied_percent),), (f"{s.title}: {s.percent_text}",))
        for s in statistics.surveys)
    desc = "Biểu đồ thanh ngang: tỷ lệ người được khảo sát hài lòng, mỗi cuộc khảo sát một thanh. " \
           "Số liệu đầy đủ ở bảng ngay dưới biểu đồ."
    return render_both(render_percent_bars, "bieu-do-hai-long", "Tỷ lệ hài lòng theo cuộc khảo sát", desc, SURVEY_COLOUR,
                       rows)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


CSV_HEADER = ("Kỳ", "Từ ngày", "Đến ngày", "Kỳ trước chuyển sang", "Tiếp nhận trực tiếp", "Tiếp nhận trực tuyến",
              "Tiếp nhận qua bưu chính", "Tổng tiếp nhận", "Giải quyết trước hạn", "Giải quyết đúng hạn",
              "Giải quyết quá hạn", "Tổng đã giải quyết", "Đang giải quyết trong hạn", "Đang giải quyết quá hạn",
              "Trả lại, rút", "Tỷ lệ đúng hạn (%)", "Nguồn", "Ghi chú")


def render_periods_csv(periods: tuple[DossierPeriod, ...]) -> bytes:
    """One row per period, newest first, as on the page; UTF-8 with BOM so Excel reads the diacritics.

    Channels are empty when the report gives only a total; the rate has a decimal comma ("99,8").
    No total row: periods of different lengths overlap (a year and its quarters).
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for p in periods:
        received = p.received
        writer.writerow((
            p.name.label, format_date(p.starts), format_date(p.ends), p.carried_over,
            *(("" if n is None else n) for n in (received.in_person, received.online, received.postal)),
            received.total, p.resolved.early, p.resolved.on_time, p.resolved.late, p.resolved.total,
            p.in_progress.within_limit, p.in_progress.overdue, p.returned,
            "" if p.on_time_rate is None else rate_number(p.on_time_rate), p.source or "", p.note or ""))
    return ("\ufeff" + out.getvalue()).encode("utf-8")

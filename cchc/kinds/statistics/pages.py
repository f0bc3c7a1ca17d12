"""The statistics page ``/thong-ke/``: dossier results, the service indicators of Quyết định 766/QĐ-TTg, results
by field, satisfaction (procedure handling apart from public education), the index results by year; their SVG
charts and two CSV downloads (``ho-so.csv`` per period, ``chi-so.csv`` per indicator)."""

from __future__ import annotations

from datetime import date
from typing import Any

from markupsafe import Markup

from cchc.core.charts import BarRow, Series, render_both, render_percent_bars, render_stacked_bars, render_value_bars
from cchc.core.pages import GeneratedFile, GeneratedPage
from cchc.core.spreadsheet import SpreadsheetWriter
from cchc.core.text import format_count, format_date
from cchc.kinds.statistics.indicators import GROUPS, Indicator, field_on_time, period_indicators
from cchc.kinds.statistics.model import STATISTICS_SECTION, DossierPeriod, Statistics, rate_number

PAGE_TITLE = "Thống kê kết quả giải quyết hồ sơ TTHC và sự hài lòng"
CSV_URI = f"{STATISTICS_SECTION}/ho-so.csv"
INDICATORS_CSV_URI = f"{STATISTICS_SECTION}/chi-so.csv"

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
INDICATOR_COLOUR = "#0b4a1f"


def outcome_counts(period: DossierPeriod) -> tuple[int, ...]:
    return (period.resolved.early, period.resolved.on_time, period.resolved.late,
            period.in_progress.within_limit, period.in_progress.overdue, period.returned)


def build_statistics_pages(statistics: Statistics, publicity: tuple[Indicator, ...] = (),
                           today: date | None = None) -> list[GeneratedPage | GeneratedFile]:
    """``publicity``: group 1 of the index (công khai, minh bạch), which the procedure catalogue gives."""
    periods = statistics.periods
    indicators = {p: period_indicators(p) for p in periods}
    data: dict[str, Any] = {
        "statistics": statistics, "outcomes": OUTCOMES, "csv_url": None, "periods_chart": None,
        "surveys_chart": None, "groups": GROUPS, "indicators": indicators, "publicity": publicity,
        "indicator_rows": indicator_rows(periods, indicators), "indicator_charts": indicator_charts(indicators),
        "indicators_csv_url": INDICATORS_CSV_URI if periods or publicity else None,
        "field_periods": tuple(p for p in periods if p.by_field),
        "procedure_surveys": statistics.surveys_of("tthc"), "education_surveys": statistics.surveys_of("giao_duc_cong"),
        "results_chart": render_results_chart(statistics) if statistics.results else None,
    }
    pages: list[GeneratedPage | GeneratedFile] = []
    if periods:
        data.update(csv_url=CSV_URI, periods_chart=render_periods_chart(periods))
        pages.append(GeneratedFile(CSV_URI, render_periods_csv(periods), "Kết quả giải quyết hồ sơ TTHC (CSV)"))
    if periods or publicity:
        pages.append(GeneratedFile(INDICATORS_CSV_URI, render_indicators_csv(indicators, publicity, today),
                                   "Chỉ số phục vụ người dân, doanh nghiệp (CSV)"))
    if data["education_surveys"]:
        data["surveys_chart"] = render_surveys_chart(data["education_surveys"])
    latest = statistics.latest
    description = (f"{latest.name.label}: tiếp nhận {format_count(latest.received.total)} hồ sơ, "
                   f"tỷ lệ đúng hạn {latest.on_time_rate_text}" if latest
                   else "Kết quả giải quyết hồ sơ thủ tục hành chính và đo lường sự hài lòng")
    pages.insert(0, GeneratedPage(f"{STATISTICS_SECTION}/index.md", PAGE_TITLE, "statistics.html", data,
                                  description, hide=("navigation", "toc")))
    return pages


def indicator_rows(periods: tuple[DossierPeriod, ...],
                   indicators: dict[DossierPeriod, tuple[Indicator, ...]]) -> list[tuple[Any, list[tuple[str, list]]]]:
    """The table of indicators: per group, per indicator, its value in each period (newest first)."""
    rows = []
    for group in GROUPS[1:]:
        keyed: dict[str, tuple[str, list[Indicator]]] = {}
        for period in periods:
            for indicator in indicators[period]:
                if indicator.group == group:
                    keyed.setdefault(indicator.key, (indicator.label, []))[1].append(indicator)
        rows.append((group, list(keyed.values())))
    return rows


def indicator_charts(indicators: dict[DossierPeriod, tuple[Indicator, ...]]) -> list[tuple[Any, Markup]]:
    """One chart per group of the indicators that have a value: a bar per period and indicator."""
    charts = []
    for group in GROUPS[1:]:
        known = [(p, i) for p, listed in indicators.items() for i in listed if i.group == group and i.known]
        rates = tuple(BarRow(f"{p.name.label} – {i.label}: {i.value_text}", (float(i.rate * 100),),
                             (f"{i.label}: {i.value_text} ({i.detail})",)) for p, i in known if i.unit == "%")
        numbers = tuple(BarRow(f"{p.name.label} – {i.label}: {i.value_text}", (float(i.number),),
                               (f"{i.label}: {i.value_text}",)) for p, i in known if i.unit != "%")
        desc = f"Biểu đồ thanh ngang, nhóm chỉ số {group.label}: mỗi kỳ, mỗi chỉ số có số liệu một thanh. " \
               "Số liệu đầy đủ ở bảng chỉ số."
        if rates:
            charts.append((group, render_both(render_percent_bars, f"bieu-do-chi-so-{group.key}",
                                              f"Nhóm chỉ số {group.label}", desc, INDICATOR_COLOUR, rates)))
        if numbers:
            charts.append((group, render_both(render_value_bars, f"bieu-do-chi-so-{group.key}-so-ngay",
                                              f"Nhóm chỉ số {group.label} (số ngày)", desc, INDICATOR_COLOUR, numbers)))
    return charts


def render_periods_chart(periods: tuple[DossierPeriod, ...]) -> Markup:
    rows = tuple(
        BarRow(f"{p.name.label} ({p.dates}): {format_count(p.handled)} hồ sơ, đúng hạn {p.on_time_rate_text}",
               outcome_counts(p),
               tuple(f"{p.name.label} – {s.label}: {format_count(n)}" for s, n in zip(OUTCOMES, outcome_counts(p))))
        for p in periods)
    desc = ("Biểu đồ thanh ngang, mỗi kỳ một thanh chia theo tỷ lệ: " + ", ".join(s.label for s in OUTCOMES)
            + ". Số liệu đầy đủ ở bảng ngay dưới biểu đồ.")
    return render_both(render_stacked_bars, "bieu-do-ho-so", "Kết quả giải quyết hồ sơ TTHC theo kỳ", desc, OUTCOMES, rows)


def render_surveys_chart(surveys: tuple) -> Markup:
    """The surveys of public education, a bar each (procedure handling is apart, among the indicators)."""
    rows = tuple(
        BarRow(f"{format_date(s.day)} – {_shorten(s.title, 60)}: {s.percent_text} hài lòng "
               f"({format_count(s.sample)} phiếu)",
               (float(s.satisfied_percent),), (f"{s.title}: {s.percent_text}",))
        for s in surveys)
    desc = "Biểu đồ thanh ngang: tỷ lệ người được khảo sát hài lòng, mỗi cuộc khảo sát một thanh. " \
           "Số liệu đầy đủ ở bảng ngay dưới biểu đồ."
    return render_both(render_percent_bars, "bieu-do-hai-long", "Tỷ lệ hài lòng theo cuộc khảo sát", desc, SURVEY_COLOUR,
                       rows)


def render_results_chart(statistics: Statistics) -> Markup:
    rows = tuple(BarRow(f"Năm {r.year} – {_shorten(r.index_label, 60)}: {r.score_text} điểm",
                        (float(100 * r.score / r.max_score),), (f"{r.index_label}: {r.score_text}",))
                 for r in statistics.results)
    desc = "Biểu đồ thanh ngang: điểm đạt được trên điểm tối đa, mỗi năm, mỗi bộ chỉ số một thanh. " \
           "Số liệu đầy đủ ở bảng ngay dưới biểu đồ."
    return render_both(render_percent_bars, "bieu-do-chi-so-cchc", "Kết quả chỉ số theo năm", desc, SURVEY_COLOUR, rows)


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
    writer = SpreadsheetWriter()
    writer.writerow(CSV_HEADER)
    for p in periods:
        received = p.received
        writer.writerow((
            p.name.label, format_date(p.starts), format_date(p.ends), p.carried_over,
            *(("" if n is None else n) for n in (received.in_person, received.online, received.postal)),
            received.total, p.resolved.early, p.resolved.on_time, p.resolved.late, p.resolved.total,
            p.in_progress.within_limit, p.in_progress.overdue, p.returned,
            "" if p.on_time_rate is None else rate_number(p.on_time_rate), p.source or "", p.note or ""))
    return writer.getvalue()


INDICATORS_CSV_HEADER = ("Kỳ", "Từ ngày", "Đến ngày", "Lĩnh vực", "Nhóm chỉ số (Quyết định 766/QĐ-TTg)", "Chỉ số",
                         "Giá trị", "Đơn vị", "Số liệu", "Ghi chú")
ALL_FIELDS = "Tất cả lĩnh vực"


def render_indicators_csv(indicators: dict[DossierPeriod, tuple[Indicator, ...]], publicity: tuple[Indicator, ...],
                          today: date | None) -> bytes:
    """One row per period and indicator (and per field for the on-time rate); a missing figure has an empty
    value and "chưa có số liệu" as its note, never 0. UTF-8 with BOM."""
    writer = SpreadsheetWriter()
    writer.writerow(INDICATORS_CSV_HEADER)
    day = format_date(today) if today else ""
    for indicator in publicity:
        writer.writerow((f"Tại ngày {day}", day, day, ALL_FIELDS, *_indicator_cells(indicator)))
    for period, listed in indicators.items():
        dates = (period.name.label, format_date(period.starts), format_date(period.ends))
        for indicator in listed:
            writer.writerow((*dates, ALL_FIELDS, *_indicator_cells(indicator)))
        for figures in period.by_field:
            writer.writerow((*dates, f"{figures.label} ({figures.code})", *_indicator_cells(field_on_time(figures))))
    return writer.getvalue()


def _indicator_cells(indicator: Indicator) -> tuple[str, ...]:
    note = "" if indicator.known else indicator.why_missing
    return (indicator.group.label, indicator.label, indicator.value_number, indicator.unit, indicator.detail, note)

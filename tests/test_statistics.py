"""Dossier statistics and satisfaction surveys: exact errors, the computed rate, the page, its charts and CSV."""

import csv
import io
import re
import textwrap
import xml.etree.ElementTree as ET
from fractions import Fraction
from itertools import combinations
from pathlib import Path

import pytest
from conftest import Site, error_lines

from cchc.core.charts import MIN_SEGMENT, contrast_ratio, segment_widths
from cchc.core.errors import ErrorLog
from cchc.core.reading import SourceFile
from cchc.kinds.statistics.load import load_statistics
from cchc.kinds.statistics.model import PERIODS_URI, SURVEYS_URI, PeriodKind, format_rate, parse_period
from cchc.kinds.statistics.pages import OUTCOMES, SURVEY_COLOUR

SVG = "{http://www.w3.org/2000/svg}"

PERIOD_2020 = """\
periods:
  - period: "2020"
    from: 2020-01-01
    to: 21/12/2020
    received: 557
    resolved:
      early: 508
      late: 1
    in_progress:
      within_limit: 48
    source: Báo cáo của Sở
"""

QUARTER = """\
  - period: {period}
    carried_over: 48
    received: {{in_person: 60, online: 52, postal: 8}}
    resolved: {{early: 140, on_time: 20, late: 2}}
    in_progress: {{within_limit: 5}}
    returned: 1
"""

SURVEY = """\
surveys:
  - date: 31/05/2022
    title: Sự hài lòng về dịch vụ giáo dục công năm 2021
    sample: 1200
    satisfied_percent: {percent}
"""


def load(tmp_path: Path, periods: str | None = None, surveys: str | None = None):
    """Run the loader on the given file texts; returns the statistics and the error lines."""
    sources = []
    for uri, text in ((PERIODS_URI, periods), (SURVEYS_URI, surveys)):
        if text is not None:
            path = tmp_path / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
            sources.append(SourceFile(uri, str(path), f"content/{uri}"))
    log = ErrorLog()
    statistics = load_statistics(sources, log)
    return statistics, [str(e) for e in sorted(log.errors)]


# --- the loader: exact messages ----------------------------------------------------------------

def test_figures_that_do_not_add_up_name_the_period_and_the_numbers(tmp_path):
    _, errors = load(tmp_path, PERIOD_2020.replace("within_limit: 48", "within_limit: 47"))
    assert errors == [
        "content/thong-ke/ho-so.yaml:2: periods[1]: kỳ 2020: số liệu không khớp: kỳ trước chuyển sang 0 + "
        "tiếp nhận 557 = 557, nhưng đã giải quyết 509 + đang giải quyết 47 + trả lại 0 = 556; kiểm tra lại "
        "các số (figures do not add up)"
    ]


def test_figures_with_channels_carried_over_and_returned_add_up(tmp_path):
    statistics, errors = load(tmp_path, "periods:\n" + QUARTER.format(period="2021-Q1"))
    assert errors == []
    period = statistics.periods[0]
    assert (period.received.total, period.received.online, period.handled) == (120, 52, 168)
    assert period.on_time_rate == Fraction(160, 162) and period.on_time_rate_text == "98,8%"


def test_negative_count(tmp_path):
    _, errors = load(tmp_path, PERIOD_2020.replace("late: 1", "late: -1"))
    assert errors == [
        'content/thong-ke/ho-so.yaml:8: periods[1].resolved.late: số hồ sơ giải quyết quá hạn phải là số nguyên '
        'từ 0 trở lên, không phải "-1" (expected a whole number)'
    ]


def test_count_that_is_not_a_whole_number(tmp_path):
    _, errors = load(tmp_path, PERIOD_2020.replace("received: 557", "received: 557.5"))
    assert errors == [
        'content/thong-ke/ho-so.yaml:5: periods[1].received: số hồ sơ tiếp nhận là một số (tổng) hoặc các dòng '
        'in_person:, online:, postal: thụt vào dưới "received:", không phải "557.5" (expected a count or a mapping)'
    ]


def test_duplicate_period_written_two_ways(tmp_path):
    text = "periods:\n" + QUARTER.format(period="2021-Q1") + QUARTER.format(period="Quý I/2021")
    _, errors = load(tmp_path, text)
    assert errors == [
        "content/thong-ke/ho-so.yaml:8: periods[2].period: kỳ Quý 1/2021 đã có ở periods[1] (dòng 2); mỗi kỳ "
        "chỉ ghi một lần, xóa hoặc sửa một trong hai (duplicate period)"
    ]


def test_unknown_period_format(tmp_path):
    _, errors = load(tmp_path, "periods:\n" + QUARTER.format(period="2021/13"))
    assert errors == [
        'content/thong-ke/ho-so.yaml:2: periods[1].period: kỳ "2021/13" không đúng dạng; viết năm "2020", '
        'quý "2020-Q1" hoặc "Quý 1/2020", tháng "2020-06" hoặc "06/2020" (unknown period format)'
    ]


def test_dates_outside_the_period_and_unknown_fields(tmp_path):
    text = PERIOD_2020.replace("to: 21/12/2020", "to: 2021-01-05").replace("early: 508", "earli: 508")
    _, errors = load(tmp_path, text)
    assert errors == [
        "content/thong-ke/ho-so.yaml:4: periods[1].to: ngày 05/01/2021 nằm ngoài kỳ Năm 2020 (01/01/2020–"
        "31/12/2020); sửa ngày hoặc kỳ báo cáo (date outside the period)",
        'content/thong-ke/ho-so.yaml:7: periods[1].resolved.earli: trường không được hỗ trợ; có phải ý bạn là '
        '"early"? (unknown field)',
    ]


def test_missing_resolved_and_received(tmp_path):
    _, errors = load(tmp_path, 'periods:\n  - period: "06/2022"\n')
    assert errors == [
        'content/thong-ke/ho-so.yaml:2: periods[1].received: thiếu số hồ sơ tiếp nhận (trường bắt buộc); '
        'thêm dòng "received: ..." (required field missing)',
        'content/thong-ke/ho-so.yaml:2: periods[1].resolved: thiếu số hồ sơ đã giải quyết (trường bắt buộc); '
        'thêm dòng "resolved: ..." (required field missing)',
    ]


@pytest.mark.parametrize("percent", ["105", "-1", "nhiều", "100,5%"])
def test_percent_out_of_range(tmp_path, percent):
    _, errors = load(tmp_path, surveys=SURVEY.format(percent=percent))
    assert errors == [
        f"content/thong-ke/hai-long.yaml:5: surveys[1].satisfied_percent: tỷ lệ hài lòng (%) phải là số từ 0 đến "
        f'100, ví dụ 95 hoặc 95,5; không phải "{percent}" (percent out of range)'
    ]


def test_survey_sample_must_be_at_least_one(tmp_path):
    _, errors = load(tmp_path, surveys=SURVEY.format(percent=90).replace("sample: 1200", "sample: 0"))
    assert errors == [
        'content/thong-ke/hai-long.yaml:4: surveys[1].sample: số phiếu phải là số nguyên từ 1 trở lên, '
        'không phải "0" (expected a whole number)'
    ]


@pytest.mark.parametrize("written, shown", [("95,5", "95,5%"), ("95.5", "95,5%"), ("96", "96%"), ('"96,25%"', "96,25%")])
def test_survey_percent_as_written(tmp_path, written, shown):
    statistics, errors = load(tmp_path, surveys=SURVEY.format(percent=written))
    assert errors == []
    assert statistics.surveys[0].percent_text == shown


def test_file_that_is_a_bare_list(tmp_path):
    _, errors = load(tmp_path, '- period: "2020"\n')
    assert errors == ['content/thong-ke/ho-so.yaml:1: tệp phải bắt đầu bằng dòng "periods:" rồi đến các mục, '
                      'mỗi mục bắt đầu bằng "- " (expected a mapping)']


def test_no_files_means_no_data(tmp_path):
    statistics, errors = load(tmp_path)
    assert errors == [] and statistics.periods == () and statistics.surveys == () and statistics.latest is None
    assert statistics.unpublished == frozenset()


# --- periods and the rate -----------------------------------------------------------------------

@pytest.mark.parametrize("written, kind, label", [
    ("2020", PeriodKind.YEAR, "Năm 2020"), (2020, PeriodKind.YEAR, "Năm 2020"),
    ("2020-Q1", PeriodKind.QUARTER, "Quý 1/2020"), ("Quý 4/2020", PeriodKind.QUARTER, "Quý 4/2020"),
    ("Quý IV/2020", PeriodKind.QUARTER, "Quý 4/2020"), ("2020-06", PeriodKind.MONTH, "Tháng 6/2020"),
    ("06/2020", PeriodKind.MONTH, "Tháng 6/2020"), ("Tháng 6/2020", PeriodKind.MONTH, "Tháng 6/2020"),
])
def test_period_formats(written, kind, label):
    period = parse_period(written)
    assert (period.kind, period.label) == (kind, label)


@pytest.mark.parametrize("written", ["2020-Q5", "13/2020", "2020-00", "Quý V/2020", "năm ngoái", "20"])
def test_not_periods(written):
    assert parse_period(written) is None


def test_quarter_and_month_bounds():
    assert (parse_period("2020-Q1").first_day.isoformat(), parse_period("2020-Q1").last_day.isoformat()) == \
        ("2020-01-01", "2020-03-31")
    assert parse_period("02/2024").last_day.isoformat() == "2024-02-29"


@pytest.mark.parametrize("rate, shown", [
    (Fraction(508, 509), "99,8%"), (Fraction(1), "100,0%"), (Fraction(9999, 10000), "99,9%"),
    (Fraction(0), "0,0%"), (Fraction(1, 3), "33,3%"), (None, "—"),
])
def test_rate_format(rate, shown):
    assert format_rate(rate) == shown


def test_example_2020_rate_and_newest_first(tmp_path):
    month = '  - period: "11/2020"\n    received: 40\n    resolved: {on_time: 38}\n    in_progress: {overdue: 2}\n'
    text = PERIOD_2020 + QUARTER.format(period="2021-Q1") + month
    statistics, errors = load(tmp_path, text)
    assert errors == []
    assert [p.name.label for p in statistics.periods] == ["Quý 1/2021", "Năm 2020", "Tháng 11/2020"]
    year = statistics.periods[1]
    assert year.on_time_rate_text == "99,8%" and year.cut_short and year.dates == "01/01/2020–21/12/2020"
    assert statistics.latest.name.label == "Quý 1/2021"


# --- charts ------------------------------------------------------------------------------------

def test_chart_colours_contrast_with_white_and_with_their_neighbours():
    colours = [s.colour for s in OUTCOMES]
    assert all(contrast_ratio(c, "#ffffff") >= 3 for c in colours + [SURVEY_COLOUR])
    assert all(contrast_ratio(a, b) >= 3 for a, b in zip(colours, colours[1:]))
    assert len(set(colours)) == len(colours)
    assert min(contrast_ratio(a, b) for a, b in combinations(colours, 2)) > 1  # distinct, never identical


def test_segment_widths_fill_the_bar_and_keep_one_late_dossier_visible():
    widths = segment_widths((508, 0, 1, 48, 0, 0), 700)
    assert widths[1] == widths[4] == widths[5] == 0
    assert widths[2] == MIN_SEGMENT
    assert sum(widths) + 2 * 2 == pytest.approx(700)  # two gaps between three shown segments
    assert segment_widths((0, 0), 700) == [0, 0]


# --- the built page ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def stats_site(tmp_path_factory) -> Site:
    """Built once for the module: its tests only read it."""
    site = Site(tmp_path_factory.mktemp("statistics"))
    site.write(f"content/{PERIODS_URI}", PERIOD_2020 + QUARTER.format(period="Quý 1/2021"))
    site.write(f"content/{SURVEYS_URI}", SURVEY.format(percent="89,5").replace(
        "năm 2021", "năm 2021 <script>alert(1)</script> & co"))
    site.build_ok()
    return site


def svg_charts(html: str, layout: str = "wide") -> list[ET.Element]:
    """The page's charts as drawn for a desktop ("wide") or a phone ("phone")."""
    return [ET.fromstring(match) for match in re.findall(r"<svg\b.*?</svg>", html, re.DOTALL)
            if f'class="cchc-chart cchc-chart--{layout}"' in match]


def test_page_table_charts_and_rate(stats_site):
    page = stats_site.html("thong-ke/")
    rows = page.select(".cchc-periods tbody tr")
    assert [r.th.contents[0].strip() for r in rows] == ["Quý 1/2021", "Năm 2020"]
    year = rows[1]
    cells = [td.get_text(strip=True) for td in year.select("td")]
    assert cells == ["0", *["chưa có số liệu"] * 3, "557", "508", "0", "1", "509", "48", "0", "0", "99,8%"]
    assert "Nguồn: Báo cáo của Sở" in year.th.get_text()

    html = (stats_site.site_dir / "thong-ke/index.html").read_text(encoding="utf-8")
    charts = {chart.get("id"): chart for chart in svg_charts(html)}
    periods_chart, surveys_chart = charts["bieu-do-ho-so"], charts["bieu-do-hai-long"]
    for chart in (periods_chart, surveys_chart):
        assert chart.get("role") == "img"
        assert chart.find(f"{SVG}title").text and chart.find(f"{SVG}desc").text
        assert chart.get("aria-labelledby") == f"{chart.get('id')}-title {chart.get('id')}-desc"
    texts = [t.text for t in periods_chart.iter(f"{SVG}text")]
    assert [s.label for s in OUTCOMES] == texts[:6]  # the legend names every colour
    assert "Năm 2020 (01/01/2020–21/12/2020): 557 hồ sơ, đúng hạn 99,8%" in texts
    survey_label = next(t.text for t in surveys_chart.iter(f"{SVG}text") if t.text.startswith("31/05/2022"))
    assert "<script>" in survey_label  # kept as text, escaped in the markup
    assert "<script>alert" not in html
    assert page.select_one(".cchc-surveys td.cchc-stats__rate").get_text() == "89,5%"


def test_each_chart_is_drawn_for_a_phone_too_with_its_labels_wrapped_to_fit(stats_site):
    """360 units wide on a phone's 343 px column: its 14-unit text shows at 13 px (the wide one shrunk: 6 px)."""
    html = (stats_site.site_dir / "thong-ke/index.html").read_text(encoding="utf-8")
    for wide, phone in zip(svg_charts(html), svg_charts(html, "phone"), strict=True):
        assert phone.get("viewBox").startswith("0 0 360 ") and phone.get("id") == wide.get("id") + "-dien-thoai"
        assert phone.get("aria-labelledby") == f"{phone.get('id')}-title {phone.get('id')}-desc"
        texts = [t.text for t in phone.iter(f"{SVG}text")]
        assert all(len(text) * 14 * 0.56 <= 344 for text in texts), texts  # every line fits the drawing
        assert " ".join(texts).count("hồ sơ") == " ".join(t.text for t in wide.iter(f"{SVG}text")).count("hồ sơ")


def test_csv_has_one_row_per_period_with_the_computed_rate(stats_site):
    raw = (stats_site.site_dir / "thong-ke/ho-so.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["Kỳ"], r["Tổng tiếp nhận"], r["Tỷ lệ đúng hạn (%)"]) for r in rows] == [
        ("Quý 1/2021", "120", "98,8"), ("Năm 2020", "557", "99,8")]
    assert rows[1]["Tiếp nhận trực tuyến"] == "" and rows[0]["Tiếp nhận trực tuyến"] == "52"
    assert rows[1]["Đến ngày"] == "21/12/2020"
    link = stats_site.html("thong-ke/").select_one("a[download]")
    assert link["href"] == "ho-so.csv"


def test_data_files_are_not_published(stats_site):
    assert not (stats_site.site_dir / "thong-ke/ho-so.yaml").exists()
    assert not (stats_site.site_dir / "thong-ke/hai-long.yaml").exists()


def test_home_page_shows_the_latest_period(stats_site):
    section = stats_site.html("/").select_one(".cchc-home-stats")
    text = section.get_text(" ", strip=True)
    assert "Quý 1/2021" in text and "98,8%" in text and "89,5% hài lòng" in text
    assert section.select("a")[-1]["href"] == "thong-ke/"


def test_without_data_files_the_page_says_so(site):
    site.build_ok()
    page = site.html("thong-ke/")
    assert [p.get_text() for p in page.select(".cchc-stats__empty")] == [
        "Chưa có số liệu giải quyết hồ sơ.", "Chưa có số liệu theo lĩnh vực.",
        "Chưa có cuộc khảo sát riêng về giải quyết thủ tục hành chính.", "Chưa có kết quả khảo sát sự hài lòng.",
        "Chưa có kết quả chỉ số cải cách hành chính."]
    assert not page.select("svg.cchc-chart")
    assert not (site.site_dir / "thong-ke/ho-so.csv").exists()
    assert not site.html("/").select(".cchc-home-stats")


def test_build_fails_listing_every_statistics_error(site):
    site.write(f"content/{PERIODS_URI}", PERIOD_2020.replace("within_limit: 48", "within_limit: 47"))
    site.write(f"content/{SURVEYS_URI}", SURVEY.format(percent=105))
    result = site.build()
    assert result.returncode == 1 and "Traceback" not in result.output
    assert error_lines(result.output) == [
        "content/thong-ke/hai-long.yaml:5: surveys[1].satisfied_percent: tỷ lệ hài lòng (%) phải là số từ 0 đến "
        '100, ví dụ 95 hoặc 95,5; không phải "105" (percent out of range)',
        "content/thong-ke/ho-so.yaml:2: periods[1]: kỳ 2020: số liệu không khớp: kỳ trước chuyển sang 0 + "
        "tiếp nhận 557 = 557, nhưng đã giải quyết 509 + đang giải quyết 47 + trả lại 0 = 556; kiểm tra lại "
        "các số (figures do not add up)",
    ]

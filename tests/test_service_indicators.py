"""The service indicators of Quyết định 766/QĐ-TTg on /thong-ke/: the on-time rule, each new figure of a period with
its exact messages, results by field, satisfaction apart from the education survey, index results by year, CSV."""

import csv
import io
import textwrap
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from conftest import Site

from cchc.core.errors import ErrorLog
from cchc.core.reading import SourceFile
from cchc.kinds.statistics.indicators import period_indicators
from cchc.kinds.statistics.load import load_statistics
from cchc.kinds.statistics.model import PERIODS_URI, RESULTS_URI, SURVEYS_URI
from cchc.site.rules import Rules

Q2_2021 = """\
periods:
  - period: Quý 2/2021
    carried_over: 5
    received: {in_person: 70, online: 95, postal: 10}
    resolved: {early: 150, on_time: 22}
    in_progress: {within_limit: 6, overdue: 1}
    returned: 1
"""


def load(tmp_path: Path, periods: str | None = None, surveys: str | None = None, results: str | None = None,
         rules: Rules = Rules()):
    sources = []
    for uri, text in ((PERIODS_URI, periods), (SURVEYS_URI, surveys), (RESULTS_URI, results)):
        if text is not None:
            path = tmp_path / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
            sources.append(SourceFile(uri, str(path), f"content/{uri}"))
    log = ErrorLog()
    statistics = load_statistics(sources, log, rules)
    return statistics, [str(e) for e in sorted(log.errors)]


def with_figures(extra: str) -> str:
    return Q2_2021 + textwrap.indent(textwrap.dedent(extra), "    ")


# --- the on-time rate as the index computes it ------------------------------------------------

def test_a_dossier_still_in_progress_past_its_limit_counts_as_late(tmp_path):
    statistics, errors = load(tmp_path, Q2_2021)
    assert errors == []
    period = statistics.periods[0]
    assert (period.on_time.part, period.on_time.whole) == (172, 173)  # 172 resolved in time, 1 overdue still open
    assert period.on_time_rate == Fraction(172, 173) and period.on_time_rate_text == "99,4%"  # was 100,0 %
    assert period.late_total == 1


def test_the_rule_is_a_setting_that_can_count_resolved_dossiers_only(tmp_path):
    statistics, _ = load(tmp_path, Q2_2021, rules=Rules(overdue_in_progress_is_late=False))
    assert statistics.periods[0].on_time_rate_text == "100,0%"


def test_the_page_states_the_rule_it_computed_with(site: Site):
    site.write(f"content/{PERIODS_URI}", Q2_2021)
    site.build_ok()
    page = site.html("thong-ke/")
    assert "(tổng số hồ sơ đã giải quyết + số hồ sơ đang giải quyết đã quá hạn)" in page.select_one(".cchc-stats p").text
    assert page.select_one("#ky-2021-q2 .cchc-stats__rate").text == "99,4%"
    site.config["extra"]["rules"] = {"overdue_in_progress_is_late": False}
    site.write_config()
    site.build_ok()
    page = site.html("thong-ke/")
    assert "đang giải quyết đã quá hạn" not in page.select_one(".cchc-stats p").text
    assert page.select_one("#ky-2021-q2 .cchc-stats__rate").text == "100,0%"


# --- each new figure: read, and its exact message when wrong ------------------------------------

def test_every_index_figure_is_read(tmp_path):
    statistics, errors = load(tmp_path, with_figures("""\
        average_days: 4,5
        apologies: 1
        feedback: {received: 4, on_time: 3}
        payments: {due: 20, online: 12}
        digitised: {dossiers: 150, results: 90}
        satisfaction: {rated: 60, satisfied: 57}
        """))
    assert errors == []
    values = {i.key: (i.value_text, i.detail) for i in period_indicators(statistics.periods[0])}
    assert values == {
        "dung-han": ("99,4%", "172/173"), "thoi-gian-trung-binh": ("4,5 ngày", ""), "xin-loi": ("100,0%", "1/1"),
        "so-hoa-ho-so": ("85,7%", "150/175"), "ket-qua-dien-tu": ("52,3%", "90/172"),
        "truc-tuyen": ("54,3%", "95/175"), "thanh-toan": ("60,0%", "12/20"),
        "pakn-dung-han": ("75,0%", "3/4"), "hai-long-tthc": ("95,0%", "57/60"),
    }
    assert statistics.periods[0].average_days == Decimal("4.5")


def test_missing_figures_stay_missing_never_zero(tmp_path):
    statistics, _ = load(tmp_path, Q2_2021.replace("{in_person: 70, online: 95, postal: 10}", "175"))
    shown = {i.key: i.value_text for i in period_indicators(statistics.periods[0])}
    assert shown["truc-tuyen"] == shown["thoi-gian-trung-binh"] == shown["pakn-dung-han"] == "chưa có số liệu"
    assert shown["xin-loi"] == shown["hai-long-tthc"] == shown["so-hoa-ho-so"] == "chưa có số liệu"


def test_apologies_without_late_dossiers_say_so(tmp_path):
    text = with_figures("apologies: 0\n").replace("within_limit: 6, overdue: 1", "within_limit: 7")
    statistics, _ = load(tmp_path, text)
    assert {i.key: i.value_text for i in period_indicators(statistics.periods[0])}["xin-loi"] == \
        "không có hồ sơ quá hạn"


@pytest.mark.parametrize("extra, message", [
    ("average_days: nhanh\n",
     'content/thong-ke/ho-so.yaml:8: periods[1].average_days: thời gian giải quyết trung bình (ngày) phải là số từ 0 '
     'trở lên, ví dụ 4 hoặc 4,5; không phải "nhanh" (expected a number)'),
    ("apologies: -1\n",
     'content/thong-ke/ho-so.yaml:8: periods[1].apologies: số văn bản xin lỗi hồ sơ quá hạn phải là số nguyên từ 0 trở '
     'lên, không phải "-1" (expected a whole number)'),
    ("feedback: {received: 3, on_time: 4}\n",
     "content/thong-ke/ho-so.yaml:8: periods[1].feedback.on_time: số phản ánh, kiến nghị xử lý đúng hạn 4 lớn hơn số "
     "phản ánh, kiến nghị tiếp nhận 3; kiểm tra lại hai số (part larger than its whole)"),
    ("feedback: {received: 3}\n",
     'content/thong-ke/ho-so.yaml:8: periods[1].feedback.on_time: thiếu số phản ánh, kiến nghị xử lý đúng hạn (trường '
     'bắt buộc); thêm dòng "on_time: ..." (required field missing)'),
    ("feedback: 3\n",
     'content/thong-ke/ho-so.yaml:8: periods[1].feedback: phản ánh, kiến nghị ghi thành các dòng received:, on_time: '
     'thụt vào dưới "feedback:" (expected a mapping)'),
    ("payments: {due: 10, online: 11}\n",
     "content/thong-ke/ho-so.yaml:8: periods[1].payments.online: số hồ sơ thanh toán trực tuyến 11 lớn hơn số hồ sơ "
     "phải nộp phí, lệ phí 10; kiểm tra lại hai số (part larger than its whole)"),
    ("digitised: {dossiers: 176}\n",
     "content/thong-ke/ho-so.yaml:8: periods[1].digitised.dossiers: số hồ sơ được số hóa khi tiếp nhận 176 lớn hơn số "
     "hồ sơ tiếp nhận của kỳ (175); kiểm tra lại hai số (part larger than its whole)"),
    ("digitised: {results: 173}\n",
     "content/thong-ke/ho-so.yaml:8: periods[1].digitised.results: số kết quả giải quyết điện tử 173 lớn hơn số hồ sơ "
     "đã giải quyết của kỳ (172); kiểm tra lại hai số (part larger than its whole)"),
    ("digitised: {scanned: 3}\n",
     "content/thong-ke/ho-so.yaml:8: periods[1].digitised.scanned: trường không được hỗ trợ (unknown field)"),
    ("satisfaction: {rated: 10, satisfied: 12}\n",
     "content/thong-ke/ho-so.yaml:8: periods[1].satisfaction.satisfied: số lượt đánh giá hài lòng 12 lớn hơn số lượt "
     "đánh giá 10; kiểm tra lại hai số (part larger than its whole)"),
])
def test_each_index_figure_has_an_exact_message(tmp_path, extra, message):
    _, errors = load(tmp_path, with_figures(extra))
    assert errors == [message]


# --- results by field -----------------------------------------------------------------------

BY_FIELD = """\
by_field:
  - field: G03-GD14
    received: 100
    resolved: {early: 90, on_time: 5}
    in_progress: {overdue: 1}
  - field: G03-GD12
    received: 60
    resolved: {early: 55, on_time: 10}
"""


def test_results_by_field_have_their_own_rate(tmp_path):
    statistics, errors = load(tmp_path, with_figures(BY_FIELD))
    assert errors == []
    first, second = statistics.periods[0].by_field
    assert (first.label, first.on_time_text, second.on_time_text) == ("Văn bằng, chứng chỉ", "99,0%", "100,0%")


@pytest.mark.parametrize("change, message", [
    (("received: 60", "received: 80"),
     "content/thong-ke/ho-so.yaml:8: periods[1].by_field: cộng các lĩnh vực lớn hơn số liệu của cả kỳ: tiếp nhận 180 > "
     "175; kiểm tra lại số liệu theo lĩnh vực (fields add up to more than the period)"),
    (("G03-GD12", "G03-GD14"),
     "content/thong-ke/ho-so.yaml:13: periods[1].by_field[2].field: lĩnh vực G03-GD14 đã có ở dòng 9; mỗi lĩnh vực chỉ "
     "ghi một lần trong một kỳ (duplicate field)"),
    (("G03-GD12", "G03-GD99"),
     'content/thong-ke/ho-so.yaml:13: periods[1].by_field[2].field: mã lĩnh vực "G03-GD99" không có trong danh mục; '
     "chọn một trong: G03-GD01, G03-GD02, G03-GD03, G03-GD04, G03-GD05, G03-GD06, G03-GD07, G03-GD08, G03-GD09, "
     "G03-GD10, G03-GD11, G03-GD12, G03-GD13, G03-GD14, BGD-GD15 (unknown field code)"),
])
def test_results_by_field_errors(tmp_path, change, message):
    _, errors = load(tmp_path, with_figures(BY_FIELD.replace(*change)))
    assert errors == [message]


# --- satisfaction apart, index results by year ----------------------------------------------

SURVEYS = """\
surveys:
  - date: 2022-05-31
    title: Sự hài lòng về dịch vụ giáo dục công
    sample: 1200
    satisfied_percent: 89,5
  - date: 2022-06-30
    title: Sự hài lòng về giải quyết thủ tục hành chính
    subject: tthc
    sample: 80
    satisfied_percent: 96
"""

RESULTS = """\
results:
  - year: 2021
    score: 85,6
    rank: 5
    ranked_among: 20
    document: Quyết định 123/QĐ-UBND
  - year: 2022
    index: phuc_vu
    score: 78
"""


def test_survey_subject_and_index_results_are_read(tmp_path):
    statistics, errors = load(tmp_path, surveys=SURVEYS, results=RESULTS)
    assert errors == []
    assert [s.subject for s in statistics.surveys_of("tthc")] == ["tthc"]
    assert statistics.latest_education_survey.title == "Sự hài lòng về dịch vụ giáo dục công"
    first, second = statistics.results
    assert (first.year, first.index_label, first.score_text, first.rank_text) == (
        2022, "Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)", "78/100", "chưa có số liệu")
    assert (second.score_text, second.rank_text) == ("85,6/100", "5/20")


@pytest.mark.parametrize("text, message", [
    (SURVEYS.replace("subject: tthc", "subject: tthc_khac"),
     'content/thong-ke/hai-long.yaml:8: surveys[2].subject: nội dung khảo sát "tthc_khac" không có trong danh sách; '
     "chọn một trong: giao_duc_cong, tthc (unknown value)"),
])
def test_survey_subject_errors(tmp_path, text, message):
    _, errors = load(tmp_path, surveys=text)
    assert errors == [message]


@pytest.mark.parametrize("change, message", [
    (("score: 78", "score: 120"),
     "content/thong-ke/chi-so.yaml:9: results[2].score: điểm đạt được 120 lớn hơn điểm tối đa 100; kiểm tra lại "
     "(score above the maximum)"),
    (("score: 78", "score: cao"),
     'content/thong-ke/chi-so.yaml:9: results[2].score: điểm đạt được phải là số từ 0 trở lên, ví dụ 85 hoặc 85,6; '
     'không phải "cao" (expected a number)'),
    (("rank: 5", "rank: 25"),
     "content/thong-ke/chi-so.yaml:4: results[1].rank: thứ hạng 25 lớn hơn số cơ quan được xếp hạng 20; kiểm tra lại "
     "(rank out of range)"),
    (("index: phuc_vu", "index: cchc"),
     "content/thong-ke/chi-so.yaml:7: results[2].year: kết quả năm 2022 của bộ chỉ số này đã có ở results[1] (dòng 2); "
     "mỗi năm chỉ ghi một lần cho mỗi bộ chỉ số (duplicate year)"),
    (("  - year: 2022\n    index", "  - index"),
     'content/thong-ke/chi-so.yaml:7: results[2].year: thiếu năm đánh giá (trường bắt buộc); thêm dòng "year: ..." '
     "(required field missing)"),
])
def test_index_result_errors(tmp_path, change, message):
    text = RESULTS.replace(*change)
    if change[0] == "index: phuc_vu":
        text = text.replace("year: 2021", "year: 2022")
    _, errors = load(tmp_path, results=text)
    assert errors == [message]


# --- the page and the CSV --------------------------------------------------------------------

@pytest.fixture
def indicator_site(site: Site) -> Site:
    site.write(f"content/{PERIODS_URI}", with_figures("average_days: 4,5\nfeedback: {received: 4, on_time: 3}\n"
                                                      + BY_FIELD))
    site.write(f"content/{SURVEYS_URI}", SURVEYS)
    site.write(f"content/{RESULTS_URI}", RESULTS)
    site.build_ok()
    return site


def test_page_labels_each_indicator_with_its_group_and_charts_them(indicator_site):
    page = indicator_site.html("thong-ke/")
    table = page.select_one(".cchc-indicators table")
    groups = [th.get_text() for th in table.select(".cchc-indicators__group th")]
    assert groups == ["Nhóm: Tiến độ, kết quả giải quyết", "Nhóm: Số hóa hồ sơ", "Nhóm: Cung cấp dịch vụ trực tuyến",
                      "Nhóm: Mức độ hài lòng"]
    rows = {tr.th.get_text(): tr.td.get_text(" ", strip=True) for tr in table.select("tbody tr") if tr.td}
    assert rows["Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn"] == "99,4% (172/173)"
    assert rows["Thời gian giải quyết trung bình"] == "4,5 ngày"
    assert rows["Tỷ lệ hồ sơ được số hóa khi tiếp nhận"] == "chưa có số liệu"
    charts = [svg["id"] for svg in page.select("svg.cchc-chart--wide")]  # each also drawn for a phone
    assert charts == ["bieu-do-ho-so", "bieu-do-chi-so-tien-do", "bieu-do-chi-so-tien-do-so-ngay",
                      "bieu-do-chi-so-truc-tuyen", "bieu-do-chi-so-hai-long", "bieu-do-hai-long", "bieu-do-chi-so-cchc"]
    fields = [[c.get_text() for c in tr.select("th, td")] for tr in page.select(".cchc-fields tbody tr")]
    assert fields[0] == ["Văn bằng, chứng chỉ (G03-GD14)", "100", "90", "5", "0", "0", "1", "99,0%"]
    procedure_rows = page.select("#hai-long-tthc ~ div .cchc-surveys th[scope=row]")
    assert [th.contents[0].strip() for th in procedure_rows] == ["Sự hài lòng về giải quyết thủ tục hành chính"]
    education = page.select("#su-hai-long ~ div .cchc-surveys th[scope=row]")
    assert [th.contents[0].strip() for th in education] == ["Sự hài lòng về dịch vụ giáo dục công"]
    results = [[c.get_text(" ", strip=True) for c in tr.select("th, td")] for tr in page.select(".cchc-results tbody tr")]
    assert results[1] == ["2021", "Chỉ số cải cách hành chính của Sở (do tỉnh đánh giá)", "85,6/100", "5/20",
                          "Quyết định 123/QĐ-UBND"]


def test_indicators_csv_has_group_value_and_missing_note(indicator_site):
    raw = (indicator_site.site_dir / "thong-ke/chi-so.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    by_key = {(r["Kỳ"], r["Lĩnh vực"], r["Chỉ số"]): r for r in rows}
    on_time = by_key[("Quý 2/2021", "Tất cả lĩnh vực", "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn")]
    assert (on_time["Nhóm chỉ số (Quyết định 766/QĐ-TTg)"], on_time["Giá trị"], on_time["Số liệu"]) == (
        "Tiến độ, kết quả giải quyết", "99,4", "172/173")
    payments = by_key[("Quý 2/2021", "Tất cả lĩnh vực", "Tỷ lệ hồ sơ thanh toán phí, lệ phí trực tuyến")]
    assert (payments["Giá trị"], payments["Ghi chú"]) == ("", "chưa có số liệu")
    field = by_key[("Quý 2/2021", "Văn bằng, chứng chỉ (G03-GD14)", "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn")]
    assert field["Giá trị"] == "99,0"
    assert indicator_site.html("thong-ke/").select_one('a[href="chi-so.csv"]') is not None

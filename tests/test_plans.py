"""The yearly propaganda plan: errors, the 12-month calendar, month pages, results, CSV and iCalendar."""

import csv
import io

import pytest
from conftest import Site, epoch_of, plan_data
from icalendar import Calendar

# --- bad input -----------------------------------------------------------------------------

def test_month_outside_1_to_12(site):
    data = plan_data()
    data["tasks"][0]["month"] = 13
    data["tasks"].append({"month": 0, "theme": "Sai", "forms": ["website"], "lead": "VP"})
    site.plan(tasks=data["tasks"])
    assert site.build_failed() == [
        'plans/2022.yaml:7: tasks[1].month: tháng "13" không hợp lệ; ghi số từ 1 đến 12 (month must be 1-12)',
        'plans/2022.yaml:67: tasks[13].month: tháng "0" không hợp lệ; ghi số từ 1 đến 12 (month must be 1-12)',
    ]


def test_file_name_and_year_disagree(site):
    site.plan(2021, file_name="2022")
    assert site.build_failed() == [
        "plans/2022.yaml:1: year: tệp tên 2022.yaml nhưng ghi năm 2021; sửa năm hoặc đổi tên tệp cho khớp "
        "(file name and year disagree)"
    ]


def test_month_left_without_a_task(site):
    data = plan_data()
    site.plan(tasks=[t for t in data["tasks"] if t["month"] != 7])
    assert site.build_failed() == [
        "plans/2022.yaml:6: tasks: tháng 7 chưa có nhiệm vụ nào; mỗi tháng trong năm cần ít nhất một nhiệm vụ "
        "(month without a task)"
    ]


def test_unknown_form(site):
    data = plan_data()
    data["tasks"][2]["forms"] = ["website", "bao_chi"]
    site.plan(tasks=data["tasks"])
    assert site.build_failed() == [
        'plans/2022.yaml:19: tasks[3].forms: hình thức "bao_chi" không có trong danh sách; chọn trong: '
        "website, van_ban, video, infographic, hoi_thi, tap_huan, hop_co_quan, niem_yet, khao_sat, hoi_dap, "
        "duong_day_nong, bao_cao (unknown form)"
    ]


def test_missing_theme(site):
    data = plan_data()
    del data["tasks"][4]["theme"]
    site.plan(tasks=data["tasks"])
    assert site.build_failed() == [
        'plans/2022.yaml:27: tasks[5].theme: thiếu chủ đề (trường bắt buộc); thêm dòng "theme: ..." '
        "(required field missing)"
    ]


def test_article_linked_to_a_month_without_plan_names_both_files(site):
    site.plan(2022)
    site.article("lac-nam", plan_month="2023-07")
    assert site.build_failed() == [
        "content/tin-tuc/lac-nam.md:8: plan_month: bài gắn với tháng 07/2023 nhưng chưa có kế hoạch năm 2023 "
        "(plans/2023.yaml); sửa plan_month hoặc thêm tệp kế hoạch (no plan for that month)"
    ]


def test_plan_month_that_is_not_a_month(site):
    site.plan(2022)
    site.article("sai-thang", plan_month="2022-13")
    assert site.build_failed() == [
        'content/tin-tuc/sai-thang.md:8: plan_month: "2022-13" không phải một tháng; viết dạng "2022-06" '
        'hoặc "06/2022" (expected a month)'
    ]


# --- the calendar ----------------------------------------------------------------------------

@pytest.fixture
def plan_site(site: Site) -> Site:
    return write_plan_site(site)


@pytest.fixture(scope="module")
def plan_site_on(tmp_path_factory):
    """The plan site built on a day (``epoch_of``), once per day for the module: the tests that take it only read it."""
    built: dict[str, Site] = {}

    def on(day: str) -> Site:
        if day not in built:
            built[day] = write_plan_site(Site(tmp_path_factory.mktemp("plan")))
            built[day].build_ok(epoch=epoch_of(day))
        return built[day]
    return on


def write_plan_site(site: Site) -> Site:
    data = plan_data()
    data["tasks"][1]["expected_articles"] = 2          # February expects two articles
    data["tasks"][10] = {"month": 11, "theme": "Hội thi tìm hiểu CCHC", "forms": ["hoi_thi"], "lead": "Phòng TCCB"}
    site.plan(tasks=data["tasks"])
    site.article("thang-1", date="2022-01-20", plan_month="2022-01")
    site.article("thang-2a", date="2022-02-10", plan_month="02/2022")
    site.article("thang-3", date="2022-03-05", plan_month="2022-03")
    site.article("thang-6", date="2022-06-02", plan_month="2022-06")
    return site


def states(site: Site) -> dict[int, str]:
    cards = site.html("ke-hoach/2022/").select(".cchc-month")
    assert len(cards) == 12
    return {n: card.select_one(".cchc-badge").get_text() for n, card in enumerate(cards, 1)}


def test_month_states_against_a_fixed_build_date(plan_site_on):
    plan_site = plan_site_on("2022-06-15")
    got = states(plan_site)
    assert got[1] == got[3] == got[6] == "Đã thực hiện"
    assert got[2] == "Chưa thực hiện"     # 1 of 2 expected articles, February is over
    assert got[4] == got[5] == "Chưa thực hiện"
    assert got[7] == got[11] == got[12] == "Chưa đến"
    current = plan_site.html("ke-hoach/2022/").select_one('[aria-current="date"]')
    assert current.select_one("h2").get_text(" ", strip=True).startswith("Tháng 6")


def test_current_month_without_output_is_in_progress(plan_site_on):
    plan_site = plan_site_on("2022-04-10")
    assert states(plan_site)[4] == "Đang thực hiện"


def test_month_page_shows_the_task_and_its_articles(plan_site_on):
    plan_site = plan_site_on("2022-12-31")
    page = plan_site.html("ke-hoach/2022/thang-02/")
    assert "Chủ đề tháng 2" in page.h1.get_text()
    assert [a["href"] for a in page.select(".cchc-card__title a")] == ["../../../tin-tuc/thang-2a/"]
    fields = page.select_one(".cchc-task__fields").get_text(" ", strip=True)
    assert "Văn phòng Sở" in fields and "Tin, bài trên chuyên trang CCHC" in fields


def test_results_page_csv_and_calendar_agree(plan_site_on):
    plan_site = plan_site_on("2022-12-31")
    calendar_done = list(states(plan_site).values()).count("Đã thực hiện")
    raw = (plan_site.site_dir / "ke-hoach/2022/ket-qua.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:6] == ["Tháng", "Chủ đề", "Hình thức", "Đơn vị chủ trì", "Tin bài dự kiến", "Tin bài đã đăng"]
    months, total = rows[1:13], rows[13]
    assert [r[0] for r in months] == [f"{m:02d}/2022" for m in range(1, 13)]
    assert sum(int(r[5]) for r in months) == int(total[5]) == 4
    assert sum(r[7] == "Đã thực hiện" for r in months) == calendar_done == 3
    assert total[1] == "3/12 nhiệm vụ đã thực hiện"
    results = plan_site.html("ke-hoach/2022/ket-qua/")
    assert results.select_one(".cchc-plan-headline").get_text(strip=True) == "3/12 nhiệm vụ đã thực hiện, 4 tin bài."


def test_task_without_articles_is_done_once_its_result_is_reported(site):
    data = plan_data()
    data["tasks"][10] = {"month": 11, "theme": "Hội thi", "forms": ["hoi_thi"], "lead": "Phòng TCCB",
                         "result": "Đạt giải Ba hội thi của tỉnh"}
    site.plan(tasks=data["tasks"])
    site.build_ok(epoch=epoch_of("2022-12-31"))
    assert states(site)[11] == "Đã thực hiện"


def test_icalendar_has_one_event_per_task_spanning_its_month(plan_site_on):
    plan_site = plan_site_on("2022-12-31")
    calendar = Calendar.from_ical((plan_site.site_dir / "ke-hoach/2022.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 12
    assert len({str(e["UID"]) for e in events}) == 12
    december = next(e for e in events if str(e["SUMMARY"]) == "Chủ đề tháng 12")
    assert str(december["UID"]) == "ke-hoach-2022-thang-12-12@cchc.example.gov.vn"
    assert december.decoded("DTSTART").isoformat() == "2022-12-01"
    assert december.decoded("DTEND").isoformat() == "2023-01-01"
    assert str(december["URL"]) == "https://cchc.example.gov.vn/ke-hoach/2022/thang-12/"


def test_home_page_shows_this_months_theme(plan_site_on):
    plan_site = plan_site_on("2022-06-15")
    section = plan_site.html("/").select_one(".cchc-home-plan")
    assert section.h2.get_text() == "Chủ đề tuyên truyền tháng 6/2022"
    assert section.select_one(".cchc-home-plan__theme").get_text() == "Chủ đề tháng 6"
    assert section.a["href"] == "ke-hoach/2022/thang-06/"


def test_plan_index_lists_years_newest_first(site):
    site.plan(2020, number="285/KH-SGDĐT")
    site.plan(2022)
    site.build_ok()
    years = [h.get_text() for h in site.html("ke-hoach/").select(".cchc-plan-years h2")]
    assert years == ["Năm 2022", "Năm 2020"]


@pytest.mark.browser
def test_calendar_prints_on_one_a4_page(plan_site, tmp_path):
    from browser import print_to_pdf
    plan_site.config["use_directory_urls"] = False  # file:// pages need real file names
    plan_site.write_config()
    plan_site.build_ok(epoch=epoch_of("2022-06-15"))
    url = (plan_site.site_dir / "ke-hoach/2022/index.html").as_uri()
    assert print_to_pdf(url, tmp_path / "lich.pdf") == 1

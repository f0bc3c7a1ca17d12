"""``cchc report <year>``: known figures of a small site in Markdown and CSV, and the example's plan figures."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

from bs4 import BeautifulSoup
from conftest import FIXED_EPOCH, Site, front_matter_text
from procedure_helpers import write_procedure
from test_cli import cchc

QUARTER = "| Quý 1/2022 | 01/01/2022–31/03/2022 | 0 | 100 | 90 | 5 | 1 | 4 | 0 | 99,0% |"


def question(site: Site, name: str, answered: str) -> None:
    site.write(f"content/hoi-dap/{name}.md", front_matter_text(
        {"title": "Hỏi?", "question": "Xin hỏi?", "asker": "Trần Thị H.", "asked": answered, "channel": "website",
         "answered_by": "Văn phòng Sở", "answered": answered}, "Trả lời.\n"))


def small_site(site: Site) -> Site:
    site.plan(2022)
    site.article("a1", date="2022-01-10 08:00", plan_month="2022-01")
    site.article("a2", date="2022-02-03 08:00", plan_month="2022-02", category="Thủ tục hành chính")
    site.article("a3", date="2022-02-20 08:00", plan_month="2022-02")
    site.article("nhap", date="2022-03-01 08:00", plan_month="2022-03", draft=True)
    site.article("cu", date="2021-12-31 23:00")  # after the 2021 report's cut-off (14/12): in the 2022 report
    site.article("truoc-ky", date="2021-12-14 23:00")  # the 2021 report's last day
    site.article("sau-ky", date="2022-12-15 08:00")  # the 2023 report's first day
    site.write("content/van-ban/993.yaml", "number: 993/SGDĐT-TCCB\ntype: CV\ndate: 2022-06-05\nissuer: Sở GDĐT\n"
                                           "summary: Tăng cường CCHC\n")
    site.write("content/van-ban/1.yaml", "number: 1/TB-SGDĐT\ntype: TB\ndate: 2021-12-14\nissuer: Sở GDĐT\n"
                                         "summary: Năm trước\n")  # the last day of the 2021 report
    site.write("content/van-ban/766.yaml", "number: 766/QĐ-TTg\ntype: QĐ\ndate: 2022-06-23\nissuer: Thủ tướng Chính "
                                           "phủ\nsummary: Phê duyệt Bộ chỉ số phục vụ người dân, doanh nghiệp\n")
    site.write("content/van-ban/2544.yaml", "number: 2544/UBND-NC\ntype: CV\ndate: 2022-09-14\nissuer: Ủy ban nhân "
                                            "dân tỉnh Bình Phước\nsummary: Nâng cao Chỉ số CCHC\norigin: khac\n")
    write_procedure(site, "ban-sao", published_by={"number": "15/QĐ-UBND", "date": "2022-03-01"},
                    history=[{"date": "2022-07-01", "document": "Thông báo 2/TB-SGDĐT", "change": "Rút ngắn thời hạn"}])
    question(site, "q1", "2022-03-16")
    question(site, "q2", "2021-05-01")
    site.write("content/thong-ke/ho-so.yaml", """periods:
  - period: Quý 1/2022
    received: 100
    resolved: {early: 90, on_time: 5, late: 1}
    in_progress: {within_limit: 4}
  - period: "2021"
    received: 10
    resolved: {early: 10}
""")
    return site


def test_markdown_report_of_a_small_site(site):
    result = cchc(small_site(site), "report", "2022")
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[:3] == ["# Số liệu cải cách hành chính năm 2022", "",
                         "Kỳ báo cáo: 15/12/2021–14/12/2022 (thời gian chốt số liệu báo cáo năm, extra: rules: "
                         "report_period_start). Số liệu tính đến ngày 14/12/2022."]
    expected_in_order = [
        "## 1. Công tác chỉ đạo, điều hành: văn bản",
        "Văn bản do Sở ban hành: 2 văn bản.",
        "| 290/KH-SGDĐT | 24/02/2022 | Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm | Kế hoạch tuyên truyền cải cách hành "
        "chính năm 2022 |",
        "| 993/SGDĐT-TCCB | 05/06/2022 | Sở GDĐT | Tăng cường CCHC |",
        "Văn bản của cơ quan cấp trên: 1 văn bản.",
        "| 766/QĐ-TTg | 23/06/2022 | Thủ tướng Chính phủ | Phê duyệt Bộ chỉ số phục vụ người dân, doanh nghiệp |",
        "Văn bản của cơ quan khác (tham khảo): 1 văn bản.",
        "| 2544/UBND-NC | 14/09/2022 | Ủy ban nhân dân tỉnh Bình Phước | Nâng cao Chỉ số CCHC |",
        "## 2. Công tác tuyên truyền cải cách hành chính",
        "Kế hoạch số 290/KH-SGDĐT ngày 24/02/2022: 2/12 nhiệm vụ đã thực hiện, 3 tin bài; tỷ lệ nhiệm vụ đã thực "
        "hiện 16,7%.",
        "| 01/2022 | Chủ đề tháng 1 | 1 | 1 | Đã thực hiện |",
        "| 03/2022 | Chủ đề tháng 3 | 1 | 0 | Chưa thực hiện |",  # the draft does not count
        "| Tin, bài trên chuyên trang CCHC | 12 | 2 |",
        "Tin bài đăng trên chuyên trang trong kỳ báo cáo: 4 tin bài.",
        "| 12/2021 | 1 |",  # 31/12/2021 is after the cut-off of 2021: it counts in 2022
        "| 02/2022 | 2 |",
        "| Hoạt động CCHC | 3 |",
        "| Thủ tục hành chính | 1 |",
        "## 3. Cải cách thủ tục hành chính",
        "- Công bố mới: 1 thủ tục",
        "- Sửa đổi, bổ sung: 1 lần",
        "- Bãi bỏ: 0 thủ tục",
        "- Đang có hiệu lực trên chuyên trang (ngày 15/11/2023): 1 thủ tục",
        "| 01/03/2022 | Cấp bản sao văn bằng, chứng chỉ từ sổ gốc | 1.006388 | Công bố | 15/QĐ-UBND |",
        "| 01/07/2022 | Cấp bản sao văn bằng, chứng chỉ từ sổ gốc | 1.006388 | Rút ngắn thời hạn | Thông báo 2/TB-SGDĐT |",
        "Hỏi – đáp: đã trả lời 1 câu hỏi.",
        "## 4. Kết quả giải quyết hồ sơ thủ tục hành chính",
        QUARTER,
        "## 5. Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)",
        "| Tiến độ, kết quả giải quyết | Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn | 99,0% | 95/96 |",
        "## 6. Sự hài lòng",
        "Chưa có cuộc khảo sát nào công bố trong kỳ báo cáo (content/thong-ke/hai-long.yaml).",
        "## 7. Kết quả Chỉ số cải cách hành chính",
    ]
    positions = [lines.index(line) for line in expected_in_order]
    assert positions == sorted(positions)
    assert "| 2021 |" not in result.stdout and "Năm trước" not in result.stdout


def test_csv_report_is_one_long_table_with_bom(site):
    result = cchc(small_site(site), "report", "2022", "--format", "csv", "-o", "bao-cao.csv")
    assert (result.returncode, result.stdout) == (0, "Đã ghi bao-cao.csv.\n")
    data = (site.root / "bao-cao.csv").read_bytes()
    assert data.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["Phần", "Mục", "Giá trị", "Ghi chú"]
    for row in (["Kỳ báo cáo", "Từ ngày", "15/12/2021", ""],
                ["Kỳ báo cáo", "Đến ngày", "14/12/2022", "số liệu tính đến 14/12/2022"],
                ["Kế hoạch tuyên truyền", "Nhiệm vụ đã thực hiện", "2", ""],
                ["Kế hoạch tuyên truyền", "Tổng số nhiệm vụ", "12", ""],
                ["Kế hoạch tuyên truyền", "Tỷ lệ nhiệm vụ đã thực hiện (%)", "16,7", ""],
                ["Kế hoạch tuyên truyền", "Tin bài theo kế hoạch", "3", ""],
                ["Kế hoạch tuyên truyền theo tháng", "02/2022", "2", "Đã thực hiện"],
                ["Tin bài theo tháng", "02/2022", "2", ""],
                ["Tin bài theo chuyên mục", "Thủ tục hành chính", "1", ""],
                ["Văn bản", "Văn bản do Sở ban hành", "2", ""],
                ["Văn bản", "Văn bản của cơ quan cấp trên", "1", ""],
                ["Văn bản do Sở ban hành", "993/SGDĐT-TCCB", "05/06/2022", "Tăng cường CCHC (Sở GDĐT)"],
                ["Thủ tục hành chính", "Công bố mới", "1", ""],
                ["Thủ tục hành chính – sự kiện", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "01/07/2022",
                 "1.006388 – Rút ngắn thời hạn – Thông báo 2/TB-SGDĐT"],
                ["Hỏi – đáp", "Câu hỏi đã trả lời", "1", ""],
                ["Hồ sơ Quý 1/2022", "Tiếp nhận", "100", "01/01/2022–31/03/2022"],
                ["Hồ sơ Quý 1/2022", "Tỷ lệ đúng hạn (%)", "99,0", "01/01/2022–31/03/2022"],
                ["Chỉ số Quý 1/2022", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "", "chưa có số liệu"]):
        assert row in rows, row
    assert not any(r[0].startswith("Hồ sơ Năm 2021") for r in rows)


def test_report_refuses_content_with_errors(site):
    small_site(site).article("sai", date="32/13/2022")
    result = cchc(site, "report", "2022")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines()[-1] == 'Sửa các lỗi trên (xem "cchc check") rồi chạy lại.'


def test_plan_figures_are_the_sites_results_page(built_example):
    root, site_dir = built_example.parent, built_example
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    for year in (2020, 2022):
        page = BeautifulSoup((site_dir / f"ke-hoach/{year}/ket-qua/index.html").read_text(encoding="utf-8"), "lxml")
        headline = page.select_one(".cchc-plan-headline").get_text(strip=True)
        result = subprocess.run([sys.executable, "-m", "cchc.cli", "report", str(year)], cwd=root, env=env,
                                capture_output=True, text=True, timeout=60)
        line = next(line for line in result.stdout.splitlines() if line.startswith("Kế hoạch số "))
        assert f": {headline.rstrip('.')};" in line, (line, headline)


def no_plan(year: int, years: str, example: int) -> str:
    return (f"cchc: không có kế hoạch tuyên truyền năm {year} (plans/{year}.yaml) nên không lập được báo cáo năm đó; "
            f'chọn một năm có kế hoạch: {years}, ví dụ "cchc report {example}" (no plan for that year)\n')


def test_a_year_without_a_plan_is_refused_with_the_years_that_have_one(site):
    small_site(site).plan(2020, number="125/KH-SGDĐT")
    for year in (22, 2021, 2030):
        result = cchc(site, "report", str(year))
        assert (result.returncode, result.stdout, result.stderr) == (2, "", no_plan(year, "2020, 2022", 2022))
    assert cchc(site, "report", "2020").returncode == 0


def test_a_plan_with_errors_still_counts_as_the_years_plan(site):
    site.plan(2022, number=None)
    result = cchc(site, "report", "2022")
    assert (result.returncode, result.stdout) == (1, "")
    assert "plans/2022.yaml:" in result.stderr and "(required field missing)" in result.stderr
    assert cchc(site, "report", "2023").stderr == no_plan(2023, "2022", 2022)


def test_no_plan_at_all_is_said_so(site):
    site.write_config()
    result = cchc(site, "report", "2022")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == ("cchc: chưa có kế hoạch tuyên truyền năm nào trong thư mục plans/; thêm kế hoạch của "
                             "năm, ví dụ plans/2022.yaml (xem docs/bien-tap/), rồi chạy lại (no plans)\n")


def test_an_output_file_that_cannot_be_written_is_a_message_not_a_traceback(site):
    result = cchc(small_site(site), "report", "2022", "-o", "khong-co/bao-cao.csv")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == ('cchc: không đọc hoặc ghi được tệp "khong-co/bao-cao.csv"; kiểm tra thư mục có tồn tại, '
                             "được phép ghi và tệp không đang mở trong chương trình khác (như Excel), rồi chạy lại "
                             "(No such file or directory)\n")

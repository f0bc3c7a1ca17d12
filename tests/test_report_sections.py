"""``cchc report``: each section against the built example site's own figures, the reporting cut-off as a rule,
the propaganda section's forms and evidence, the yearly total beside the quarters, text and Word output."""

import csv
import io
import re
import tempfile
import zipfile
from datetime import date, datetime, timezone
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import epoch_of
from test_cli import cchc, cchc_in
from test_cli_report import small_site


@pytest.fixture
def example(built_example) -> tuple[Path, Path]:
    return built_example.parent, built_example


def report(root: Path, year: int, *args: str) -> str:
    result = cchc_in(root, "report", str(year), *args)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout


def page(site_dir: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url / "index.html").read_text(encoding="utf-8"), "lxml")


def csv_facts(root: Path, year: int) -> list[list[str]]:
    with tempfile.TemporaryDirectory() as folder:  # not into the project, which other tests read
        output = Path(folder) / "bao-cao.csv"
        cchc_in(root, "report", str(year), "--format", "csv", "-o", str(output))
        return list(csv.reader(io.StringIO(output.read_bytes().decode("utf-8-sig"))))


def table_after(markdown: str, heading: str) -> list[list[str]]:
    """The rows of the first Markdown table after ``heading`` (without its header and rule)."""
    tail = markdown.split(heading, 1)[1].split("\n\n|", 1)[1]
    lines = ("|" + tail).split("\n\n", 1)[0].splitlines()[2:]
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines]


# --- every figure as the site shows it -------------------------------------------------------------

def test_propaganda_figures_are_the_results_page(example):
    root, site_dir = example
    text = report(root, 2022)
    headline = page(site_dir, "ke-hoach/2022/ket-qua").select_one(".cchc-plan-headline").get_text(strip=True)
    assert f": {headline.rstrip('.')}; tỷ lệ nhiệm vụ đã thực hiện 41,7%." in text  # 5/12
    months = page(site_dir, "ke-hoach/2022/ket-qua").select("tbody tr")
    shown = [[c.get_text(" ", strip=True) for c in tr.select("th, td")] for tr in months]
    reported = table_after(text, "## 2. Công tác tuyên truyền")
    assert [(r[0], r[3], r[4]) for r in reported] == [(s[0], s[3], s[4]) for s in shown]


def test_dossier_figures_are_the_statistics_pages(example):
    root, site_dir = example
    text = report(root, 2022)
    rows = {tr["id"]: [c.get_text(strip=True) for c in tr.select("td")]
            for tr in page(site_dir, "thong-ke").select(".cchc-periods tbody tr")}
    reported = table_after(text, "## 4. Kết quả giải quyết hồ sơ")
    for row, slug in zip(reported, ("ky-2022-q1", "ky-2022-q2")):
        site = rows[slug]  # carried, direct, online, postal, received, early, on time, late, resolved, within, overdue…
        assert [row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9]] == \
            [site[0], site[4], site[5], site[6], site[7], site[9], site[10], site[12]]
    assert reported[1][9] == "98,4%"  # Q2/2022: two dossiers still open past their limit count as late
    total = reported[2]
    assert total[:2] == ["Cộng 2 quý (1–2)", "01/01/2022–30/06/2022"]
    assert total[2:10] == ["6", "254", "228", "24", "1", "5", "2", "98,8%"]  # 252 of 255 due, in time


def test_indicator_figures_are_the_sites_csv(example):
    root, site_dir = example
    site_rows = list(csv.DictReader(io.StringIO((site_dir / "thong-ke/chi-so.csv").read_bytes().decode("utf-8-sig"))))
    site = {(r["Kỳ"], r["Chỉ số"]): r["Giá trị"] for r in site_rows if r["Lĩnh vực"] == "Tất cả lĩnh vực"}
    facts = [f for f in csv_facts(root, 2022) if f[0].startswith("Chỉ số Quý")]
    assert len(facts) == 18
    for part, item, value, _ in facts:
        assert site[(part.removeprefix("Chỉ số "), item)] == value, (part, item)


def test_document_figures_are_the_documents_pages_in_the_period(example):
    root, site_dir = example
    listed = {}
    for tr in page(site_dir, "van-ban").select("tbody tr"):
        cells = [c.get_text(" ", strip=True) for c in tr.select("th, td")]
        number, day = cells[0], next(c for c in cells if re.fullmatch(r"\d\d/\d\d/\d{4}", c))
        listed[number] = date(*map(int, reversed(day.split("/"))))
    in_period = {n for n, d in listed.items() if date(2021, 12, 15) <= d <= date(2022, 12, 14)}
    facts = csv_facts(root, 2022)
    reported = {f[1]: f[0] for f in facts if f[0].startswith("Văn bản ") and "/" in f[1]}
    assert set(reported) == in_period == {"290/KH-SGDĐT", "766/QĐ-TTg", "2544/UBND-NC"}
    assert reported == {"290/KH-SGDĐT": "Văn bản do Sở ban hành", "766/QĐ-TTg": "Văn bản của cơ quan cấp trên",
                        "2544/UBND-NC": "Văn bản của cơ quan khác (tham khảo)"}  # Bình Phước's is not counted as issued


def test_procedure_figures_are_the_catalogues(example):
    root, site_dir = example
    lead = page(site_dir, "thu-tuc-hanh-chinh").select_one(".cchc-lead").get_text()
    in_force = int(re.search(r"\d+", lead).group())
    assert f"- Đang có hiệu lực trên chuyên trang (ngày 15/11/2023): {in_force} thủ tục" in report(root, 2022)


def test_article_figures_are_the_published_articles_in_the_period(example):
    root, site_dir = example
    feed = feedparser.parse((site_dir / "rss.xml").read_bytes())  # every public article (fewer than the feed's limit)
    published = [date(*entry.published_parsed[:3]) for entry in feed.entries]
    expected = sum(date(2021, 12, 15) <= d <= date(2022, 12, 14) for d in published)
    assert expected == 6
    assert f"Tin bài đăng trên chuyên trang trong kỳ báo cáo: {expected} tin bài." in report(root, 2022)


def test_index_results_and_satisfaction_are_the_statistics_pages(example):
    root, site_dir = example
    text = report(root, 2022)
    results = [[c.get_text(" ", strip=True) for c in tr.select("th, td")]
               for tr in page(site_dir, "thong-ke").select(".cchc-results tbody tr")]
    reported = table_after(text, "## 7. Kết quả Chỉ số cải cách hành chính")
    assert [r[:4] for r in reported] == [[r[0], r[1].split(" Dữ liệu")[0], r[2], r[3]] for r in results]
    satisfaction = table_after(text, "Sự hài lòng về giải quyết thủ tục hành chính (tính riêng")
    assert satisfaction == [["Quý 1/2022", "Đánh giá khi nhận kết quả", "50/52", "96,2%"],
                            ["Quý 2/2022", "Đánh giá khi nhận kết quả", "60/61", "98,4%"]]


# --- the cut-off --------------------------------------------------------------------------------

def test_the_cut_off_is_a_rule_and_not_today(site):
    small_site(site)
    text = cchc(site, "report", "2022").stdout
    assert "Kỳ báo cáo: 15/12/2021–14/12/2022" in text and "Tin bài đăng trên chuyên trang trong kỳ báo cáo: 4" in text
    early = cchc(site, "report", "2022", epoch=epoch_of("2022-08-10")).stdout
    assert "Số liệu tính đến ngày 10/08/2022." in early  # a report made before the cut-off says so
    site.config["extra"]["rules"] = {"report_period_start": "01/01"}
    site.write_config()
    text = cchc(site, "report", "2022").stdout
    assert "Kỳ báo cáo: 01/01/2022–31/12/2022" in text
    assert "Tin bài đăng trên chuyên trang trong kỳ báo cáo: 4 tin bài." in text  # 31/12/2021 out, 15/12/2022 in
    assert "| 12/2021 |" not in text


def test_a_wrong_cut_off_is_a_settings_error(site):
    small_site(site).config["extra"]["rules"] = {"report_period_start": "31/02"}
    result = cchc(site, "report", "2022")
    assert result.returncode == 1
    assert ('extra.rules.report_period_start: ngày bắt đầu kỳ báo cáo "31/02" không đúng dạng; ghi ngày/tháng như '
            '"15/12" hoặc "01/01" (expected day/month)') in result.stderr


# --- propaganda: forms and evidence --------------------------------------------------------------

def test_tasks_done_outside_the_website_carry_their_evidence(site):
    small_site(site)
    site.write("content/ke-hoach/minh-chung/bien-ban.pdf", b"%PDF-1.4 minutes")
    tasks = [{"month": m, "theme": f"Chủ đề tháng {m}", "forms": ["website"], "lead": "Văn phòng Sở"}
             for m in range(1, 13)]
    tasks[4] = {"month": 5, "theme": "Lồng ghép họp cơ quan", "forms": ["hop_co_quan"], "lead": "Văn phòng Sở",
                "evidence": [{"title": "Biên bản họp tháng 5", "file": "ke-hoach/minh-chung/bien-ban.pdf",
                              "date": "2022-05-20"},
                             {"title": "Video clip", "url": "https://video.example.vn/cchc-5"}]}
    tasks[10] = {"month": 11, "theme": "Hội thi", "forms": ["hoi_thi"], "lead": "Phòng TCCB"}
    site.plan(2022, tasks=tasks)
    text = cchc(site, "report", "2022").stdout
    assert "| Lồng ghép trong cuộc họp | 1 | 1 |" in text and "| Hội thi tìm hiểu CCHC | 1 | 0 |" in text
    assert ("| 05/2022 | Lồng ghép họp cơ quan | Lồng ghép trong cuộc họp | Đã thực hiện | Biên bản họp tháng 5 "
            "(ke-hoach/minh-chung/bien-ban.pdf); Video clip (https://video.example.vn/cchc-5) |") in text
    assert "| 11/2022 | Hội thi | Hội thi tìm hiểu CCHC | Chưa xong | chưa có minh chứng |" in text
    site.build_ok()
    links = site.html("ke-hoach/2022/thang-05/").select(".cchc-evidence a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Biên bản họp tháng 5", "../../minh-chung/bien-ban.pdf"),
        ("Video clip", "https://video.example.vn/cchc-5")]


@pytest.mark.parametrize("evidence, message", [
    ({"title": "Biên bản"}, 'mỗi minh chứng ghi đúng một trong hai: "url:" (địa chỉ web) hoặc "file:" (tệp trong '
                            "content/) (one of url or file)"),
    ({"title": "Biên bản", "file": "khong-co.pdf"},
     'không tìm thấy tập tin "khong-co.pdf" (tìm ở content/khong-co.pdf); kiểm tra tên tệp và thư mục (file not found)'),
    ({"title": "Video", "url": "video.example.vn"},
     'địa chỉ web của minh chứng "video.example.vn" không phải địa chỉ web; viết đủ dạng https://ten-mien.gov.vn '
     "(expected an http(s) URL)"),
])
def test_evidence_errors(site, evidence, message):
    tasks = [{"month": m, "theme": f"Chủ đề {m}", "forms": ["website"], "lead": "Văn phòng Sở"} for m in range(1, 13)]
    tasks[0]["evidence"] = [evidence]
    site.plan(2022, tasks=tasks)
    [error] = site.build_failed()
    assert error.startswith("plans/2022.yaml:") and error.endswith(message), error
    assert "tasks[1].evidence[1]." in error


# --- text and Word ------------------------------------------------------------------------------

def test_text_output_aligns_columns_without_markdown(site):
    text = cchc(small_site(site), "report", "2022", "--format", "text").stdout
    assert text.startswith("SỐ LIỆU CẢI CÁCH HÀNH CHÍNH NĂM 2022\n====")
    assert "|" not in text.split("Theo hình thức tuyên truyền:")[1].split("\n\n")[1]
    assert "Tin, bài trên chuyên trang CCHC                      12                      2" in text


def test_word_output_has_the_reports_tables(site):
    from docx import Document
    result = cchc(small_site(site), "report", "2022", "--format", "docx", "-o", "bao-cao.docx")
    assert result.returncode == 0
    document = Document(str(site.root / "bao-cao.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Số liệu cải cách hành chính năm 2022"
    assert "4. Kết quả giải quyết hồ sơ thủ tục hành chính" in headings
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert ["Quý 1/2022", "01/01/2022–31/03/2022", "0", "100", "90", "5", "1", "4", "0", "99,0%"] in cells
    # Dated by the build's day (SOURCE_DATE_EPOCH 2023-11-15), not by the clock: the same figures, the same bytes.
    with zipfile.ZipFile(site.root / "bao-cao.docx") as package:
        assert {part.date_time for part in package.infolist()} == {(2023, 11, 15, 0, 0, 0)}
    assert document.core_properties.modified == datetime(2023, 11, 15, tzinfo=timezone.utc)
    refused = cchc(site, "report", "2022", "--format", "docx")
    assert (refused.returncode, refused.stderr) == (2, 'cchc: tệp Word không in ra màn hình được; thêm "-o '
                                                       'bao-cao.docx" để ghi ra tệp (docx needs -o)\n')


def test_a_document_origin_outside_the_list_is_an_error(site):
    site.write("content/van-ban/1.yaml", "number: 1/TB-SGDĐT\ntype: TB\ndate: 2022-06-05\nissuer: Sở GDĐT\n"
                                         "summary: Thông báo\norigin: tinh\n")
    assert site.build_failed() == [
        'content/van-ban/1.yaml:6: origin: nguồn văn bản "tinh" không có trong danh sách; chọn một trong: so, cap_tren, '
        "khac (unknown value)"]


def test_rules_with_wrong_values_are_errors_of_the_settings(site):
    site.config["extra"]["rules"] = {"national_check_months": 0, "overdue_in_progress_is_late": "có"}
    lines = site.build_failed()
    assert [line.split(": ", 1)[1] for line in lines] == [
        'extra.rules.national_check_months: số tháng tối đa giữa hai lần đối chiếu thủ tục với CSDL quốc gia phải là '
        'số nguyên từ 1 trở lên, không phải "0" (expected a whole number)',
        'extra.rules.overdue_in_progress_is_late: hồ sơ đang giải quyết đã quá hạn tính là trễ hạn chỉ nhận "true" '
        'hoặc "false", không phải "có" (expected a boolean)']

"""The browser form at work, in Chromium: ``cchc edit`` on a copy of the example site (preview and Decap's local
server on 127.0.0.1), an editor signing in at /quan-tri/, writing a news article with a picture, answering a
question, entering a procedure with its parts a)–l), leaving a required field empty, and making a mistake only
the build can see. Each saved file is read back, and ``cchc check`` and ``mkdocs build --strict`` must pass.
The screenshots are those of the editors' guide (docs/bien-tap/soan-bai-tren-trinh-duyet.md)."""

from __future__ import annotations

import socket
import time
import urllib.request
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from cms_browser import (EditSession, add_item, choose, field, form_driver, markdown_body, open_entry, preview, publish,
                         screenshot, set_date, sign_in, type_into, upload_image, wait, wait_for_file)
from conftest import FIXED_EPOCH, build_here, environment
from selenium.webdriver.common.by import By
from test_cms_typing_browser import png

from cchc.core.text import VN_TZ, short_slug, slugify
from cchc.kinds.registry import by_name

pytestmark = pytest.mark.browser

TITLE = "Sở GDĐT hướng dẫn đăng ký dự thi tốt nghiệp THPT năm 2023"
TIMINGS = Path(__file__).resolve().parent.parent / "test-artifacts" / "soan-bai" / "thoi-gian.txt"


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    with EditSession(tmp_path_factory.mktemp("soan-bai")) as running:
        yield running


@pytest.fixture(scope="module")
def driver(session):
    browser = form_driver()
    browser.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": "Asia/Ho_Chi_Minh"})
    try:
        sign_in(browser, session.base_url)
        yield browser
    finally:
        browser.quit()


def page_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for_page(url: str, contains: str, seconds: float = 60) -> float:
    """Seconds until the preview's page at ``url`` shows ``contains``."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if contains in page_text(url):
            return time.monotonic() - start
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {contains!r}:\n{page_text(url)[:800]}")


def check_and_build(project: Path) -> None:
    """What CI runs on the saved files: ``cchc check`` and ``mkdocs build --strict``, both clean."""
    from cchc.cli.check import ERROR, run_check
    from cchc.site.project import load_project
    with environment(SOURCE_DATE_EPOCH=FIXED_EPOCH):
        reports = run_check(load_project(str(project / "mkdocs.yml")), fix=False)
    assert [str(r.problem) for r in reports if r.severity == ERROR] == []
    result = build_here(project, ["--strict", "-d", str(project / "site-kiem-tra")], {"SOURCE_DATE_EPOCH": FIXED_EPOCH})
    assert result.returncode == 0, result.output


def test_the_form_lists_every_kind_in_vietnamese(session, driver):
    driver.get(session.base_url + "quan-tri/#/")
    for label in ("Tin tức", "Kế hoạch tuyên truyền", "Thủ tục hành chính", "Văn bản chỉ đạo, điều hành", "Hỏi – đáp",
                  "Thống kê"):
        wait(driver).until(lambda d, label=label: d.find_elements(By.XPATH, f"//*[normalize-space(text())='{label}']"))
    screenshot(driver, "01-danh-sach")


def test_a_news_article_written_in_the_form_is_the_file_cchc_new_would_start(session, driver, tmp_path):
    picture = tmp_path / "hoi-nghi-tuyen-sinh.png"
    picture.write_bytes(png(800, 500))
    open_entry(driver, session.base_url, "news")
    type_into(driver, "title", TITLE)
    set_date(driver, "date", "2023-06-01T08:30")
    type_into(driver, "summary", "Thí sinh tự do đăng ký trực tuyến từ ngày 24/4 đến 5/5/2023.")
    choose(driver, "category", "Chuyển đổi")
    for number, tag in enumerate(("tuyển sinh", "thi tốt nghiệp")):
        add_item(driver, "từ khóa")
        type_into(driver, "muc", tag, index=number)
    upload_image(driver, "image", picture)
    type_into(driver, "image_alt", "Quang cảnh hội nghị hướng dẫn đăng ký dự thi")
    field(driver, "draft").click()  # a new article starts as a draft, as with cchc new: publish it
    body = markdown_body(driver)
    body.click()
    body.send_keys("Để đăng ký dự thi, thí sinh đăng nhập Cổng Dịch vụ công quốc gia.")
    screenshot(driver, "02-viet-tin")
    lead, sheets = preview(driver, ".cchc-article .cchc-lead")  # drawn as the site draws an article
    assert lead == "Thí sinh tự do đăng ký trực tuyến từ ngày 24/4 đến 5/5/2023."
    assert any("/assets/stylesheets/main." in sheet for sheet in sheets), sheets
    assert any(sheet.endswith("/assets/stylesheets/cchc.css") for sheet in sheets), sheets
    publish(driver)
    # cchc new names the file by its moment, which is also the article's date; the form names it by the date the
    # editor gave, so the file name still starts with the day of publication
    name = by_name("news").new.file_name(short_slug(slugify(TITLE)), datetime(2023, 6, 1, 8, 30, tzinfo=VN_TZ))
    written = session.project / "content" / "tin-tuc" / name
    folder = written.parent
    text = wait_for_file(written, "Cổng Dịch vụ công")
    saved = time.monotonic()
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["title"] == TITLE and meta["date"] == "2023-06-01 08:30"
    assert meta["category"] == "Chuyển đổi số" and meta["tags"] == ["tuyển sinh", "thi tốt nghiệp"]
    assert meta["image"] == "anh/hoi-nghi-tuyen-sinh.png" and meta["draft"] is False
    assert (folder / "anh" / "hoi-nghi-tuyen-sinh.png").read_bytes() == picture.read_bytes()
    assert text.split("---\n", 2)[2].strip() == "Để đăng ký dự thi, thí sinh đăng nhập Cổng Dịch vụ công quốc gia."
    slug = written.stem[len("2023-06-01-"):]
    wait_for_page(f"{session.base_url}tin-tuc/{slug}/", TITLE)
    seconds = time.monotonic() - saved
    TIMINGS.parent.mkdir(parents=True, exist_ok=True)
    TIMINGS.write_text(f"từ lúc tệp được ghi tới lúc trang xem trước hiện tin: {seconds:.1f} giây\n", encoding="utf-8")
    assert seconds < 60
    driver.get(f"{session.base_url}tin-tuc/{slug}/")
    screenshot(driver, "03-xem-truoc")
    check_and_build(session.project)


def test_a_required_field_left_empty_is_refused_with_the_builds_words(session, driver):
    before = sorted((session.project / "content" / "tin-tuc").glob("*.md"))
    open_entry(driver, session.base_url, "news")
    type_into(driver, "summary", "Bài chưa có tiêu đề.")
    publish(driver)
    wait(driver).until(lambda d: d.find_elements(By.XPATH, "//*[contains(text(), 'thiếu tiêu đề (trường bắt buộc)')]"))
    assert driver.find_elements(By.XPATH, "//*[contains(text(), 'Bạn còn thiếu vài thông tin bắt buộc')]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field(driver, "title"))
    screenshot(driver, "04-thieu-truong-bat-buoc")
    time.sleep(1)
    assert sorted((session.project / "content" / "tin-tuc").glob("*.md")) == before


def test_answering_a_question_and_what_only_the_build_sees(session, driver):
    path = session.project / "content" / "hoi-dap" / "chua-tra-loi-hoc-phi.md"
    open_entry(driver, session.base_url, "questions", "chua-tra-loi-hoc-phi")
    set_date(driver, "answered", "2022-08-20")
    body = markdown_body(driver)
    body.click()
    body.send_keys("Học phí năm học mới giữ như năm trước, theo Nghị quyết của Hội đồng nhân dân tỉnh.")
    assert "theo Nghị quyết" in preview(driver, ".cchc-answer")[0]
    publish(driver)  # answered, but without who answered: a rule of the loader, not of the form
    wait_for_file(path, "Nghị quyết")
    error_page = session.base_url + "hoi-dap/"
    wait_for_page(error_page, "Trang chưa dựng lại được vì nội dung có lỗi")
    assert "content/hoi-dap/chua-tra-loi-hoc-phi.md:" in page_text(error_page)
    assert "answered_by: thiếu người trả lời (trường bắt buộc)" in page_text(error_page)
    driver.get(error_page)
    screenshot(driver, "05-loi-khi-dung-trang")
    open_entry(driver, session.base_url, "questions", "chua-tra-loi-hoc-phi")
    type_into(driver, "answered_by", "Phòng Kế hoạch – Tài chính")
    publish(driver)
    wait_for_file(path, "Phòng Kế hoạch – Tài chính")
    wait_for_page(session.base_url + "hoi-dap/chua-tra-loi-hoc-phi/", "theo Nghị quyết của Hội đồng nhân dân tỉnh")
    meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert str(meta["answered"]) == "2022-08-20" and meta["question"].startswith("Xin hỏi học phí THPT")
    check_and_build(session.project)


def test_a_procedure_entered_with_its_parts_a_to_l(session, driver):
    open_entry(driver, session.base_url, "procedures")
    type_into(driver, "name", "Cho phép trường trung học cơ sở dạy thí điểm chương trình tiếng Khmer")
    choose(driver, "field", "G03-GD10")
    choose(driver, "levels", "Cấp tỉnh")
    add_item(driver, "đối tượng thực hiện")
    type_into(driver, "dong", "Trường trung học phổ thông")
    add_item(driver, "trình tự thực hiện")
    type_into(driver, "title", "Trường nộp hồ sơ đề nghị công nhận tại Sở")
    add_item(driver, "cách thức thực hiện")
    choose(driver, "via", "Trực tiếp")
    add_item(driver, "thành phần hồ sơ")
    type_into(driver, "name", "Tờ trình đề nghị công nhận", index=1)
    field(driver, "sets").send_keys("1")
    type_into(driver, "days", "20", index=1)  # index 0: the channel's own time limit
    type_into(driver, "result", "Quyết định công nhận trường đạt chuẩn quốc gia")
    add_item(driver, "căn cứ pháp lý")
    type_into(driver, "number", "18/2018/TT-BGDĐT")
    type_into(driver, "title", "Quy định về kiểm định chất lượng giáo dục và công nhận đạt chuẩn quốc gia", index=1)
    type_into(driver, "number", "2922/QĐ-UBND", index=1)
    set_date(driver, "date", "2018-11-05", index=1)
    screenshot(driver, "06-thu-tuc")
    assert "Bước 1: Trường nộp hồ sơ đề nghị công nhận tại Sở" in preview(driver, ".cchc-procedure")[0]
    publish(driver)
    slug = "cho-phep-truong-trung-hoc-co-so-day-thi-diem-chuong-trinh-tieng-khmer"
    path = session.project / "content" / "thu-tuc-hanh-chinh" / f"{slug}.yaml"
    data = yaml.safe_load(wait_for_file(path, "2922/QĐ-UBND"))
    assert data["field"] == "G03-GD10" and data["levels"] == ["tinh"]
    assert data["agencies"]["handling"] == "Sở Giáo dục và Đào tạo tỉnh Sóc Trăng"  # as cchc new fills it in
    assert data["applicants"] == ["Trường trung học phổ thông"]
    assert data["steps"][0]["title"] == "Trường nộp hồ sơ đề nghị công nhận tại Sở"
    assert data["channels"][0]["via"] == "in_person" and data["documents"][0]["name"] == "Tờ trình đề nghị công nhận"
    assert data["sets"] == 1 and data["time_limit"]["days"] == 20
    assert "from_complete_dossier" not in data["time_limit"]  # left alone: the department's rule applies
    assert data["legal_bases"][0]["number"] == "18/2018/TT-BGDĐT"
    assert data["published_by"]["number"] == "2922/QĐ-UBND" and str(data["published_by"]["date"]) == "2018-11-05"
    wait_for_page(f"{session.base_url}thu-tuc-hanh-chinh/{slug}/", "a) Trình tự thực hiện")
    check_and_build(session.project)


def test_editing_an_existing_procedure_keeps_what_the_form_did_not_touch(session, driver):
    """A procedure written by hand in a short form (its time limit as words, not a number of days) is saved back
    with the form's change only, and still passes the build."""
    path = session.project / "content" / "thu-tuc-hanh-chinh" / "dang-ky-du-thi-tot-nghiep-trung-hoc-pho-thong.yaml"
    before = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(before["time_limit"], str)
    open_entry(driver, session.base_url, "procedures", path.stem)
    type_into(driver, "result", " (bản điện tử)")
    publish(driver)
    after = yaml.safe_load(wait_for_file(path, "(bản điện tử)"))
    assert after["result"] == before["result"] + " (bản điện tử)"
    assert {key: value for key, value in after.items() if key != "result"} == \
        {key: value for key, value in before.items() if key != "result"}
    check_and_build(session.project)


def test_ctrl_c_stops_the_preview_and_the_local_server(session):
    assert session.stop() == 0  # SIGINT, as Ctrl+C in the terminal
    assert "Đã dừng." in "".join(session.output)
    for port in (session.port, session.cms_port):
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0, port

"""The catalogue's filter in headless Chromium: queries without diacritics, field/level/online filters."""

import functools
import http.server
import threading

import pytest
from browser import start_driver
from conftest import Site
from procedure_helpers import with_catalogue_menu, write_procedure
from selenium.webdriver.support.select import Select

pytestmark = pytest.mark.browser


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def browser_page(site: Site):
    with_catalogue_menu(site)
    write_procedure(site, "cap-ban-sao")
    write_procedure(site, "thanh-lap-ttnn", code="1.000001", name="Thành lập trung tâm ngoại ngữ, tin học",
                    field="BGD-GD15", levels=["tinh"], online_level="mot_phan", local_symbol=None)
    write_procedure(site, "cho-phep-ttnn", code="1.000002", name="Cho phép trung tâm ngoại ngữ, tin học hoạt động",
                    field="BGD-GD15", levels=["tinh"], online_level="none", portal_url=None, local_symbol=None)
    write_procedure(site, "thanh-lap-thpt", code="1.000003", name="Thành lập trường trung học phổ thông",
                    field="G03-GD10", levels=["tinh"], online_level="none", portal_url=None, local_symbol=None)
    site.build_ok()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site.site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    driver = start_driver()
    driver.get(f"http://127.0.0.1:{server.server_port}/thu-tuc-hanh-chinh/")
    yield driver
    driver.quit()
    server.shutdown()


def visible(driver) -> list[str]:
    return [a.text for a in driver.find_elements("css selector", ".cchc-tthc__name") if a.is_displayed()]


def type_query(driver, text: str) -> None:
    box = driver.find_element("id", "tthc-q")
    box.clear()
    box.send_keys(text)


def test_query_without_diacritics_finds_the_procedure(browser_page):
    assert browser_page.find_element("id", "tthc-q").is_displayed()  # the script showed the form
    assert len(visible(browser_page)) == 4
    type_query(browser_page, "cap ban sao")
    assert visible(browser_page) == ["Cấp bản sao văn bằng, chứng chỉ từ sổ gốc"]
    type_query(browser_page, "thanh lap trung tam")
    assert visible(browser_page) == ["Thành lập trung tâm ngoại ngữ, tin học"]
    assert browser_page.find_element("css selector", "[data-cchc-count]").text == "Hiển thị 1/4 thủ tục"


def test_query_with_diacritics_and_by_code(browser_page):
    type_query(browser_page, "ĐÀO TẠO")
    assert visible(browser_page) == ["Cho phép trung tâm ngoại ngữ, tin học hoạt động",
                                     "Thành lập trung tâm ngoại ngữ, tin học"]
    type_query(browser_page, "1.006388")
    assert visible(browser_page) == ["Cấp bản sao văn bằng, chứng chỉ từ sổ gốc"]


def test_filters_by_field_level_and_online_level_and_hide_empty_groups(browser_page):
    select = Select
    select(browser_page.find_element("id", "tthc-field")).select_by_value("bgd-gd15")
    assert visible(browser_page) == ["Cho phép trung tâm ngoại ngữ, tin học hoạt động",
                                     "Thành lập trung tâm ngoại ngữ, tin học"]
    select(browser_page.find_element("id", "tthc-online")).select_by_value("none")
    assert visible(browser_page) == ["Cho phép trung tâm ngoại ngữ, tin học hoạt động"]
    groups = [g.get_attribute("data-field") for g in browser_page.find_elements("css selector", ".cchc-tthc-group")
              if g.is_displayed()]
    assert groups == ["bgd-gd15"]
    select(browser_page.find_element("id", "tthc-field")).select_by_value("")
    select(browser_page.find_element("id", "tthc-online")).select_by_value("")
    select(browser_page.find_element("id", "tthc-level")).select_by_value("huyen")
    assert visible(browser_page) == ["Cấp bản sao văn bằng, chứng chỉ từ sổ gốc"]
    type_query(browser_page, "khong co thu tuc nao")
    assert visible(browser_page) == []
    assert browser_page.find_element("css selector", "[data-cchc-none]").is_displayed()

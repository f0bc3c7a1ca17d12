"""Search finds what people mean (issue: "thu tuc" gave seven plan months before the first procedure): queries
typed without diacritics, as parents and teachers type them on a phone, each finding the page about the thing
among the first three results; excerpts that keep their spaces; titles that look like links; on a phone the
filters folded under a button, so that the first result is on the first screen.

Pagefind ranks with the weights the templates give (``data-pagefind-weight``), the name of each page's subject
(``data-pagefind-meta="ten:…"``) and the ranking options of overrides/assets/javascripts/cchc-search.js.
"""

from __future__ import annotations

import re

import pytest
from browser import start_driver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

QUERIES = [
    ("thu tuc", "/thu-tuc-hanh-chinh/"),  # the catalogue, not the plan months that mention procedures
    ("danh muc thu tuc hanh chinh", "/thu-tuc-hanh-chinh/"),
    ("hoi dap", "/hoi-dap/"),
    ("chuyen truong", "/thu-tuc-hanh-chinh/chuyen-truong-doi-voi-hoc-sinh-trung-hoc-pho-thong/"),
    ("cap ban sao bang tot nghiep", "/thu-tuc-hanh-chinh/cap-ban-sao-van-bang-chung-chi-tu-so-goc/"),
    ("cap ban sao bang tot nghiep", "/hoi-dap/ban-sao-bang-tot-nghiep-thpt/"),
    ("dang ky du thi", "/thu-tuc-hanh-chinh/dang-ky-du-thi-tot-nghiep-trung-hoc-pho-thong/"),
    ("duong day nong", "/tin-tuc/duong-day-nong/"),
    ("ke hoach tuyen truyen 2022", "/tin-tuc/ke-hoach-tuyen-truyen-cchc-nam-2022/"),
    ("ke hoach tuyen truyen 2022", "/van-ban/290-kh-sgddt/"),
    ("phuc khao", "/thu-tuc-hanh-chinh/phuc-khao-bai-thi-tot-nghiep-trung-hoc-pho-thong/"),
    ("day them hoc them", "/thu-tuc-hanh-chinh/cap-giay-phep-day-them-hoc-them/"),
    ("du hoc", "/thu-tuc-hanh-chinh/cap-giay-chung-nhan-dang-ky-tu-van-du-hoc/"),
    ("noi tru", "/thu-tuc-hanh-chinh/xet-tuyen-vao-truong-pho-thong-dan-toc-noi-tru/"),
    ("sai ngay sinh", "/hoi-dap/sai-ngay-sinh-tren-bang/"),
    ("dich vu cong truc tuyen", "/tin-tuc/huong-dan-dich-vu-cong-truc-tuyen/"),
    ("thong bao 371", "/van-ban/371-tb-sgddt/"),
    ("su hai long", "/tin-tuc/do-luong-su-hai-long-giao-duc-cong/"),
    ("hoi nghi trien khai", "/tin-tuc/hoi-nghi-trien-khai-cchc-nam-hoc-2020-2021/"),
]


@pytest.fixture(scope="module")
def driver():
    browser = start_driver("--window-size=1280,900")
    yield browser
    browser.quit()


def search(driver, base_url: str, query: str) -> list[str]:
    """The result paths Pagefind's UI shows for ``query``, as the header's box sends it (/tim-kiem/?q=…)."""
    driver.get(f"{base_url}/tim-kiem/?q={query.replace(' ', '+')}")
    WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link"))
    WebDriverWait(driver, 15).until(lambda d: all(
        e.text.strip() for e in d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-excerpt")[:3]))
    return [re.sub(r"^https?://[^/]+", "", link.get_attribute("href"))
            for link in driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")]


@pytest.mark.browser
@pytest.mark.parametrize("query, expected", QUERIES)
def test_a_query_without_diacritics_finds_the_page_about_it_among_the_first_three(driver, served_example,
                                                                                 query, expected):
    driver.set_window_size(1280, 900)
    results = search(driver, served_example.base_url, query)
    assert expected in results[:3], results[:6]


@pytest.mark.browser
def test_excerpts_keep_the_spaces_between_elements_and_titles_look_like_links(driver, served_example):
    driver.set_window_size(1280, 900)
    search(driver, served_example.base_url, "chuyen truong")
    excerpts = " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-excerpt"))
    assert "Mã thủ tục chưa cập" in excerpts and "tụcchưa" not in excerpts, excerpts
    link = driver.find_element(By.CSS_SELECTOR, ".pagefind-ui__result-link")
    style = driver.execute_script("const s = getComputedStyle(arguments[0]); return [s.textDecorationLine, s.color]", link)
    assert style == ["underline", "rgb(11, 79, 138)"]  # the site's link colour, underlined
    assert not driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-tags")  # the ranking name is not shown


@pytest.mark.browser
def test_on_a_phone_the_filters_are_folded_under_a_button_and_the_first_result_is_on_the_first_screen(
        driver, served_example):
    driver.set_window_size(375, 667)
    search(driver, served_example.base_url, "cap ban sao")
    panel = driver.find_element(By.CSS_SELECTOR, ".pagefind-ui__filter-panel")
    assert not panel.is_displayed()
    first = driver.find_element(By.CSS_SELECTOR, ".pagefind-ui__result-link")
    assert driver.execute_script("return arguments[0].getBoundingClientRect().bottom", first) < 667
    toggle = driver.find_element(By.CSS_SELECTOR, "[data-cchc-filters-toggle]")
    assert toggle.is_displayed() and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert panel.is_displayed() and toggle.get_attribute("aria-expanded") == "true"
    driver.set_window_size(1280, 900)
    assert not toggle.is_displayed() and panel.is_displayed()  # a desktop shows them beside the results

"""Search finds what people mean (issue: "thu tuc" gave seven plan months before the first procedure): queries
typed without diacritics, as parents and teachers type them on a phone, each finding the page about the thing
among the first three results; excerpts that keep their spaces; titles that look like links; on a phone the
filters folded under a button, so that the first result is on the first screen.

Pagefind ranks with the weights the templates give (``data-pagefind-weight``), the name of each page's subject
(``data-pagefind-meta="ten:…"``) and the ranking options of overrides/assets/javascripts/cchc-search.js. The news
articles are searched too when none of the first results is named for what was typed, or when the reader asks.
"""

from __future__ import annotations

import pytest
from browser import start_driver
from example_site import RESULT_EXCERPT, RESULT_LINK, SEARCH_STATUS, SiteServer, wait_for_results
from selenium.webdriver.common.action_chains import ActionChains
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
    """The result paths the search page shows for ``query``, as the header's box sends it (/tim-kiem/?q=…)."""
    driver.get(f"{base_url}/tim-kiem/?q={query.replace(' ', '+')}")
    results = wait_for_results(driver)
    assert all(e.text.strip() for e in driver.find_elements(By.CSS_SELECTOR, RESULT_EXCERPT)[:3])
    return results


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
    excerpts = " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, RESULT_EXCERPT))
    assert "Mã thủ tục chưa cập" in excerpts and "tụcchưa" not in excerpts, excerpts
    link = driver.find_element(By.CSS_SELECTOR, RESULT_LINK)
    style = driver.execute_script("const s = getComputedStyle(arguments[0]); return [s.textDecorationLine, s.color]", link)
    assert style == ["underline", "rgb(11, 79, 138)"]  # the site's link colour, underlined
    assert driver.find_element(By.CSS_SELECTOR, ".cchc-search__kind").text == "Thủ tục"  # its kind, no ranking name


@pytest.mark.browser
def test_on_a_phone_the_filters_are_folded_under_a_button_and_the_first_result_is_on_the_first_screen(
        driver, served_example):
    driver.set_window_size(375, 667)
    search(driver, served_example.base_url, "cap ban sao")
    panel = driver.find_element(By.CSS_SELECTOR, ".cchc-search__filters")
    assert not panel.is_displayed()
    first = driver.find_element(By.CSS_SELECTOR, RESULT_LINK)
    assert driver.execute_script("return arguments[0].getBoundingClientRect().bottom", first) < 667
    toggle = driver.find_element(By.CSS_SELECTOR, "[data-cchc-filters-toggle]")
    assert toggle.is_displayed() and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert panel.is_displayed() and toggle.get_attribute("aria-expanded") == "true"
    driver.set_window_size(1280, 900)
    assert not toggle.is_displayed() and panel.is_displayed()  # a desktop shows them beside the results


@pytest.mark.browser
def test_the_news_are_searched_on_demand_and_when_nothing_first_found_is_about_it(driver, served_example):
    """The first search reads only the main bundle; the news bundle is fetched when asked or needed."""
    driver.set_window_size(1280, 900)
    base = served_example.base_url
    driver.get(base + "/")
    before = len(served_example.answers)
    results = search(driver, base, "ke hoach tuyen truyen 2022")  # the plan's document is named for it
    assert "/van-ban/290-kh-sgddt/" in results[:3] and not [r for r in results if r.startswith("/tin-tuc/")]
    assert "chưa gồm tin tức" in driver.find_element(By.CSS_SELECTOR, SEARCH_STATUS).text
    fetched = [answer.path for answer in served_example.answers[before:]]  # Pagefind fetches from a worker too
    assert any(path.startswith("/pagefind/index/") for path in fetched), fetched
    assert not [path for path in fetched if path.startswith("/pagefind-tin-tuc/")]
    driver.find_element(By.CSS_SELECTOR, "[data-cchc-search-news]").click()
    WebDriverWait(driver, 15).until(lambda d: "tin=1" in d.current_url)
    results = wait_for_results(driver)
    assert "/tin-tuc/ke-hoach-tuyen-truyen-cchc-nam-2022/" in results[:3], results[:6]
    assert "chưa gồm" not in driver.find_element(By.CSS_SELECTOR, SEARCH_STATUS).text
    assert not driver.find_element(By.CSS_SELECTOR, "[data-cchc-search-news]").is_displayed()

    driver.get(driver.current_url)  # the address keeps the choice: a shared link searches the news as well
    assert "/tin-tuc/ke-hoach-tuyen-truyen-cchc-nam-2022/" in wait_for_results(driver)[:3]

    results = search(driver, base, "duong day nong")  # only plan months mention it: the news are searched at once
    assert results[0] == "/tin-tuc/duong-day-nong/" and "tin=1" in driver.current_url


@pytest.mark.browser
def test_markup_an_editor_wrote_in_a_title_or_text_shows_as_text_in_the_results(driver, site):
    """The results are drawn by cchc-search.js from Pagefind's data: titles as text, excerpts rebuilt from their
    text and <mark> only, so nothing an editor typed becomes an element or runs."""
    title = 'Lịch tiếp dân <img src=x onerror="window.__pwned=1">'
    site.article("lich-tiep-dan", title=title, summary='Tóm tắt <b onmouseover="window.__pwned=2">đậm</b>.',
                 body="Lịch tiếp dân &lt;img src=x onerror=window.__pwned=3&gt; hằng tuần.\n")  # markup in a body is refused
    site.build_ok()
    driver.set_window_size(1280, 900)
    with SiteServer(site.site_dir) as server:
        driver.get(f"{server.base_url}/tim-kiem/?q=lich+tiep+dan")
        results = wait_for_results(driver)
        assert results == ["/tin-tuc/lich-tiep-dan/"]
        item = driver.find_element(By.CSS_SELECTOR, ".cchc-search__result")
        assert not item.find_elements(By.CSS_SELECTOR, "img, b, script")
        assert item.find_elements(By.CSS_SELECTOR, ".cchc-search__excerpt mark")
        assert item.find_element(By.CSS_SELECTOR, RESULT_LINK).text == title  # as typed, not as markup
        ActionChains(driver).move_to_element(item).perform()
        assert driver.execute_script("return window.__pwned === undefined")

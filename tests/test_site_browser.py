"""The example site in headless Chromium: Pagefind search without diacritics, reader controls,
axe-core (WCAG 2.1 AA) on every page type at phone and desktop width, print without navigation,
screenshots at 375 and 1280 px.

The site is built and served once for the test run (conftest.py) and one browser is shared. Screenshots and
PDFs go to test-artifacts/ (git-ignored). axe-core comes from npm, installed by the test command into .cache/npm.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from browser import axe_script, pdf_text, print_to_pdf, start_driver
from conftest import REPO
from example_site import (PAGE_TYPES, RESULT_EXCERPT, RESULT_LINK, SEARCH_BOX, SEARCH_STATUS, open_page,
                          result_paths, wait_for_results)
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from cchc.search.index import BUNDLES

ARTIFACTS = REPO / "test-artifacts"
WIDTHS = (375, 1280)


@pytest.fixture(scope="module")
def built_site(example_site_dir: Path) -> Path:
    return example_site_dir


@pytest.fixture(scope="module")
def base_url(served_example) -> str:
    return served_example.base_url


@pytest.fixture(scope="module")
def driver():
    browser = start_driver("--window-size=1280,900")
    yield browser
    browser.quit()


@pytest.fixture
def fresh(driver, base_url):
    """The browser at the home page with no saved reader settings, at desktop width."""
    driver.set_window_size(1280, 900)
    driver.get(base_url + "/")
    driver.execute_script("localStorage.clear()")
    driver.get(base_url + "/")
    return driver


def search_results(driver, base_url: str, query: str) -> list[str]:
    """Paths of the results the search page shows for ``query`` typed in the header box."""
    driver.get(base_url + "/")
    box = driver.find_element(By.ID, "cchc-header-q")
    box.send_keys(query, Keys.ENTER)
    WebDriverWait(driver, 15).until(lambda d: "/tim-kiem/" in d.current_url)
    return wait_for_results(driver)


@pytest.mark.browser
@pytest.mark.parametrize("query, written, expected", [
    ("thu tuc", "thủ tục", None),
    ("dang ky", "đăng ký", "/thu-tuc-hanh-chinh/dang-ky-du-thi-tot-nghiep-trung-hoc-pho-thong/"),
    ("duong day nong", "đường dây nóng", "/tin-tuc/duong-day-nong/"),
    ("cap ban sao van bang", "cấp bản sao văn bằng", "/thu-tuc-hanh-chinh/cap-ban-sao-van-bang-chung-chi-tu-so-goc/"),
])
def test_search_without_diacritics_finds_pages_written_with_them(driver, base_url, query, written, expected):
    results = search_results(driver, base_url, query)
    assert len(results) >= (5 if expected is None else 1), results
    if expected:
        assert expected in results, results
    excerpts = [e.text.lower() for e in driver.find_elements(By.CSS_SELECTOR, RESULT_EXCERPT)]
    assert written.split()[-1] in excerpts[0], excerpts[0]
    assert driver.find_element(By.CSS_SELECTOR, SEARCH_BOX).get_attribute("value") == query
    assert "q=" + query.replace(" ", "+") in driver.current_url


def kind_filters(driver) -> dict[str, str]:
    """The kind filter's boxes shown: value → its label ("Thủ tục (14)")."""
    return driver.execute_script("""
        const group = [...document.querySelectorAll(".cchc-search__filters fieldset")]
          .find(g => g.querySelector("legend").textContent === "Loại");
        return Object.fromEntries([...(group ? group.querySelectorAll("label") : [])]
          .map(label => [label.querySelector("input").value, label.textContent.trim()]));""")


@pytest.mark.browser
def test_one_list_of_results_comes_from_both_bundles_once_the_news_are_asked_for(driver, base_url):
    results = search_results(driver, base_url, "tuyen sinh")  # procedures are named for it: the news wait
    assert "Tin tức" not in kind_filters(driver) and not any(r.startswith("/tin-tuc/") for r in results)
    driver.find_element(By.CSS_SELECTOR, "[data-cchc-search-news]").click()
    WebDriverWait(driver, 15).until(lambda d: "Tin tức" in kind_filters(d))
    driver.find_element(By.CSS_SELECTOR, "[data-cchc-search-more]").click()  # the news rank after the procedures
    WebDriverWait(driver, 15).until(lambda d: any(path.startswith("/tin-tuc/") for path in result_paths(d)))
    results = wait_for_results(driver)
    assert any(r.startswith("/tin-tuc/") for r in results) and any(r.startswith("/thu-tuc-hanh-chinh/") for r in results)
    assert {"Tin tức", "Thủ tục"} <= set(kind_filters(driver))


@pytest.mark.browser
def test_search_is_in_vietnamese_and_filters_by_kind_and_field(driver, base_url):
    search_results(driver, base_url, "cap ban sao")
    assert "kết quả cho" in driver.find_element(By.CSS_SELECTOR, SEARCH_STATUS).text
    groups = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".cchc-search__filters legend")]
    assert groups == ["Loại", "Lĩnh vực"]
    assert re.fullmatch(r"Thủ tục \(\d+\)", kind_filters(driver)["Thủ tục"])
    driver.find_element(By.XPATH, "//fieldset[legend[.='Loại']]//label[contains(., 'Thủ tục')]").click()
    WebDriverWait(driver, 10).until(lambda d: "q=cap+ban+sao" in d.current_url and all(
        path.startswith("/thu-tuc-hanh-chinh/") for path in result_paths(d)))
    assert driver.find_elements(By.CSS_SELECTOR, RESULT_LINK)
    ticked = driver.find_element(By.XPATH, "//fieldset[legend[.='Loại']]//input[@value='Thủ tục']")
    assert ticked.is_selected() and driver.switch_to.active_element == ticked  # the focus stays on the box


PAGES_BY_FILTER_JS = """
const [bundle, done] = [arguments[0], arguments[arguments.length - 1]];
(async () => {
  const pagefind = await import(`/${bundle}/pagefind.js`);
  await pagefind.init();
  const found = {};
  for (const [filter, values] of Object.entries(await pagefind.filters())) {
    found[filter] = {};
    for (const value of Object.keys(values)) {
      const search = await pagefind.search(null, {filters: {[filter]: value}});
      found[filter][value] = (await Promise.all(search.results.map(r => r.data()))).map(d => d.url).sort();
    }
  }
  return found;
})().then(done, error => done(String(error)));
"""
"""Pagefind in the page, loaded from one bundle: for each value of each filter, the pages it finds with it."""


def pages_by_filter(bundle_dir: Path) -> dict[str, dict[str, list[str]]]:
    """For each value of each filter, the pages indexed with it (read from the bundle's fragments)."""
    found: dict[str, dict[str, list[str]]] = {}
    for fragment_file in (bundle_dir / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(fragment_file.read_bytes()).removeprefix(b"pagefind_dcd"))
        for name, values in fragment["filters"].items():
            for value in values:
                found.setdefault(name, {}).setdefault(value, []).append(fragment["url"])
    return {name: {value: sorted(urls) for value, urls in values.items()} for name, values in found.items()}


@pytest.mark.browser
@pytest.mark.parametrize("bundle", BUNDLES)
def test_each_filter_value_finds_exactly_the_pages_indexed_with_it(driver, base_url, built_site, bundle):
    """The filter files are rewritten after Pagefind (``cchc.search.canonical``): Pagefind still reads
    them, and each value still leads to its own pages."""
    driver.get(base_url + "/")  # a page without the search page's script, which would merge the other bundle in
    driver.set_script_timeout(60)
    found = driver.execute_async_script(PAGES_BY_FILTER_JS, bundle)
    expected = pages_by_filter(built_site / bundle)
    assert expected.get("Loại") and found == expected


def test_listing_pages_and_chrome_are_not_indexed(built_site):
    """The catalogue is found by its name (its heading and lead), not by the names of all it lists."""
    from bs4 import BeautifulSoup
    catalogue = BeautifulSoup((built_site / "thu-tuc-hanh-chinh" / "index.html").read_text(encoding="utf-8"), "lxml")
    indexed = catalogue.select("[data-pagefind-body]")
    assert len(indexed) == 1 and indexed[0].h1 and not indexed[0].select(".cchc-tthc")
    assert 'data-pagefind-body' not in (built_site / "tin-tuc" / "index.html").read_text(encoding="utf-8")
    article = (built_site / "tin-tuc" / "duong-day-nong" / "index.html").read_text(encoding="utf-8")
    assert article.count("data-pagefind-body") == 1  # the folded words live in the index only


def test_header_search_works_without_javascript(built_site):
    html = (built_site / "van-ban" / "index.html").read_text(encoding="utf-8")
    form = re.search(r'<form class="cchc-header-search"[^>]*>', html).group(0)
    assert 'action="../tim-kiem/"' in form and 'method="get"' in form
    assert 'name="q"' in html


@pytest.mark.browser
def test_font_size_and_contrast_are_remembered_across_pages(fresh, base_url):
    driver = fresh
    def body_size() -> float:
        return driver.execute_script("return parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    default = body_size()
    bigger = driver.find_element(By.CSS_SELECTOR, "[aria-label='A+ Tăng cỡ chữ']")
    assert bigger.is_displayed()
    bigger.click()
    assert body_size() > default
    assert driver.find_element(By.CSS_SELECTOR, "[aria-label='Cỡ chữ mặc định']").get_attribute("aria-pressed") == "false"
    contrast = driver.find_element(By.CSS_SELECTOR, "button[data-cchc-contrast]")
    contrast.click()
    assert contrast.get_attribute("aria-pressed") == "true"
    assert driver.execute_script("return getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    driver.get(base_url + PAGE_TYPES["thu-tuc"])
    assert driver.execute_script("return document.documentElement.getAttribute('data-cchc-font')") == "1"
    assert body_size() > default
    assert driver.find_element(By.CSS_SELECTOR, "button[data-cchc-contrast]").get_attribute("aria-pressed") == "true"
    driver.find_element(By.CSS_SELECTOR, "[aria-label='Cỡ chữ mặc định']").click()
    assert body_size() == default
    assert driver.find_element(By.CSS_SELECTOR, "[aria-label='Cỡ chữ mặc định']").get_attribute("aria-pressed") == "true"


@pytest.mark.browser
def test_reader_controls_work_with_the_keyboard_only(fresh):
    driver = fresh
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    reached = []
    for _ in range(8):
        active = driver.switch_to.active_element
        reached.append(active.get_attribute("aria-label") or active.text)
        if reached[-1] == "A+ Tăng cỡ chữ":
            break
        active.send_keys(Keys.TAB)
    assert reached[-1] == "A+ Tăng cỡ chữ", reached
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    assert driver.execute_script("return document.documentElement.getAttribute('data-cchc-font')") == "1"
    driver.switch_to.active_element.send_keys(Keys.TAB)
    assert driver.switch_to.active_element.text == "Tương phản cao"
    driver.switch_to.active_element.send_keys(Keys.SPACE)
    assert driver.execute_script("return document.documentElement.getAttribute('data-cchc-contrast')") == "high"
    status = driver.find_element(By.CSS_SELECTOR, "[data-cchc-reader-status]")
    assert status.get_attribute("aria-live") == "polite" and "tương phản cao" in status.get_attribute("textContent")


def axe_violations(driver, axe: str) -> list[dict]:
    driver.execute_script(axe)
    result = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
           .then(r => done(r.violations.map(v => ({id: v.id, help: v.help,
                 nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}))))
           .catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));""")
    return result


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("contrast", ["default", "high"])
def test_axe_finds_no_wcag_violations(driver, base_url, width, contrast):
    """Every page type, at phone and desktop width: a phone shows the menu button and tables that scroll sideways."""
    axe = axe_script()
    driver.set_script_timeout(60)
    driver.set_window_size(width, 900)
    driver.get(base_url + "/")
    driver.execute_script("localStorage.clear()")
    if contrast == "high":
        driver.execute_script("localStorage.setItem('cchc-contrast', 'high')")
    report = {}
    for name in PAGE_TYPES:
        open_page(driver, base_url, name)
        shown = driver.execute_script("return document.documentElement.getAttribute('data-cchc-contrast')")
        assert shown == ("high" if contrast == "high" else None), name
        violations = axe_violations(driver, axe)
        if violations:
            report[name] = violations
    assert report == {}, json.dumps(report, ensure_ascii=False, indent=1)


@pytest.mark.browser
@pytest.mark.parametrize("name, table", [("thu-tuc", ".cchc-legal"), ("thong-ke", ".cchc-periods")])
def test_a_table_wider_than_a_phone_is_reached_with_tab_and_scrolled_with_the_arrow_keys(driver, base_url, name, table):
    driver.set_window_size(375, 900)
    open_page(driver, base_url, name)
    region = driver.find_element(By.CSS_SELECTOR, table).find_element(By.XPATH, "ancestor-or-self::*[@role='region'][1]")
    assert driver.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", region)
    label = driver.find_element(By.ID, region.get_attribute("aria-labelledby")).text
    assert label  # its name, read out when it takes the focus
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    for _ in range(150):
        if driver.switch_to.active_element == region:
            break
        ActionChains(driver).send_keys(Keys.TAB).perform()
    assert driver.switch_to.active_element == region, label
    ActionChains(driver).send_keys(Keys.ARROW_RIGHT * 3).perform()
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return arguments[0].scrollLeft", region) > 0)


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots(driver, base_url, width):
    """Kept in test-artifacts/ for people to look at; the test checks nothing overflows sideways."""
    ARTIFACTS.mkdir(exist_ok=True)
    driver.set_window_size(width, 900)
    driver.get(base_url + "/")
    driver.execute_script("localStorage.clear()")
    too_wide = {}
    for name in PAGE_TYPES:
        open_page(driver, base_url, name)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(height + 140, 6000))
        driver.save_screenshot(str(ARTIFACTS / f"{name}-{width}.png"))
        overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            too_wide[name] = overflow
        driver.set_window_size(width, 900)
    assert too_wide == {}


@pytest.mark.browser
@pytest.mark.parametrize("name", ["tin", "thu-tuc"])
def test_news_and_procedures_print_without_navigation_and_with_link_urls(base_url, name):
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"in-{name}.pdf"
    pages = print_to_pdf(base_url + PAGE_TYPES[name], target)
    assert pages >= 1
    text = pdf_text(target)
    assert "Tìm kiếm" not in text and "Cỡ chữ" not in text and "Kế hoạch tuyên truyền" not in text.split("\n")[0]
    assert "(http" in text


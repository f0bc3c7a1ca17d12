"""Readable at 375 px (a cheap Android phone): the department's short name in the header, charts whose text is
12 px or more, wide tables that scroll with a visible cue, abbreviations spelled out where they first appear.
Screenshots of every page type at 375 and 1280 px are in test-artifacts/ (tests/test_site_browser.py)."""

from __future__ import annotations

import pytest
from browser import start_driver
from example_site import PAGE_TYPES, open_page
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

CHART_TEXT_JS = """
return [...document.querySelectorAll('svg.cchc-chart')].filter(svg => svg.getBoundingClientRect().width > 0)
  .map(svg => [svg.id, Number(svg.getAttribute('font-size')) * svg.getBoundingClientRect().width
               / svg.viewBox.baseVal.width]);
"""
"""Each chart shown, with the size its text is drawn at on the screen (its font size times its scale)."""


@pytest.fixture(scope="module")
def driver():
    browser = start_driver("--window-size=375,667")
    yield browser
    browser.quit()


@pytest.mark.browser
def test_the_header_shows_the_departments_short_name_whole_on_a_phone(driver, served_example):
    driver.set_window_size(375, 667)
    open_page(driver, served_example.base_url, "thu-tuc")
    title = driver.find_element(By.CSS_SELECTOR, ".md-header__topic .md-ellipsis")
    assert title.text == "Sở GDĐT Sóc Trăng"
    assert driver.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", title)
    driver.set_window_size(1280, 800)
    assert title.text == "Chuyên trang Cải cách hành chính – Sở GDĐT Sóc Trăng"


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
def test_chart_text_is_at_least_12_px_on_a_phone_and_a_desktop(driver, served_example, width):
    driver.set_window_size(width, 800)
    open_page(driver, served_example.base_url, "thong-ke")
    shown = driver.execute_script(CHART_TEXT_JS)
    wide = driver.execute_script('return document.querySelectorAll("svg.cchc-chart--wide").length')
    assert len(shown) == wide >= 2, shown  # one drawing of each chart: periods, surveys, the indicators' groups
    assert all(size >= 12 for _, size in shown), shown
    assert all(chart_id.endswith("-dien-thoai") == (width == 375) for chart_id, _ in shown), shown


@pytest.mark.browser
@pytest.mark.parametrize("name, table", [("thu-tuc", ".cchc-legal"), ("thong-ke", ".cchc-periods"),
                                         ("tin-co-bang", "table")])
def test_a_table_wider_than_a_phone_shows_there_is_more_until_scrolled_to_its_end(driver, served_example, name,
                                                                                    table):
    driver.set_window_size(375, 667)
    open_page(driver, served_example.base_url, name)
    region = driver.find_element(By.CSS_SELECTOR, f".md-content {table}").find_element(
        By.XPATH, "ancestor-or-self::*[@role='region'][1]")
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("aria-label") or region.get_attribute("aria-labelledby")
    frame = region.find_element(By.XPATH, "..")
    assert frame.get_attribute("class") == "cchc-scroll-frame" and frame.get_attribute("data-cchc-more") == ""
    cue = driver.execute_script("return getComputedStyle(arguments[0], '::after').display", frame)
    assert cue == "flex"  # the fading edge with its arrow is drawn
    driver.execute_script("arguments[0].scrollLeft = arguments[0].scrollWidth", region)
    WebDriverWait(driver, 5).until(lambda d: frame.get_attribute("data-cchc-more") is None)
    driver.set_window_size(1280, 800)  # wide enough for the article's table: no cue
    if name == "tin-co-bang":
        WebDriverWait(driver, 5).until(lambda d: frame.get_attribute("data-cchc-more") is None)


@pytest.mark.browser
def test_the_catalogue_spells_out_dvctt_on_its_first_card_and_marks_it_after(driver, served_example):
    driver.set_window_size(375, 667)
    open_page(driver, served_example.base_url, "danh-muc")
    terms = driver.find_elements(By.CSS_SELECTOR, ".cchc-tthc__facts dt")
    online = [term for term in terms if "DVCTT" in term.text]
    assert online[0].text == "Dịch vụ công trực tuyến (DVCTT)"
    marked = online[1].find_element(By.TAG_NAME, "abbr")
    assert marked.text == "DVCTT" and marked.get_attribute("title") == "Dịch vụ công trực tuyến"

"""Nothing jumps while a page loads: cumulative layout shift under 0.05 on every page type, on a phone and a
desktop; and controls that need script are not shown without it.

The layout shift is summed over the whole visit: every ``layout-shift`` entry from the first frame on, but
those within half a second of the visitor's own input (``hadRecentInput``). The server answers scripts and
images 0.4 s late, as a slow phone network may: from 127.0.0.1 they would often be there before the first
frame is drawn, and hide a shift a visitor sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import start_driver
from example_site import PAGE_TYPES, SiteServer, open_page, wait_until_quiet
from selenium.webdriver.common.by import By

LIMIT = 0.05
SCREENS = {"phone": (375, 667), "desktop": (1280, 800)}

LAYOUT_SHIFT_JS = """
const done = arguments[arguments.length - 1];
let total = 0;
const add = entries => { for (const e of entries) { if (!e.hadRecentInput) total += e.value; } };
const observer = new PerformanceObserver(list => add(list.getEntries()));
observer.observe({type: 'layout-shift', buffered: true});
setTimeout(() => { add(observer.takeRecords()); observer.disconnect(); done(total); }, 300);
"""
"""The page's layout shift so far: entries are kept from the first frame (buffered), delivered in a task."""


LATE_DELAY = 0.4


@pytest.fixture(scope="module")
def slow_scripts(example_site_dir: Path):
    """The example site served with its scripts and images late (``SiteServer.late_delay``)."""
    with SiteServer(example_site_dir, late_delay=LATE_DELAY) as server:
        yield server


@pytest.fixture(scope="module")
def driver():
    driver = start_driver("--window-size=1280,800")
    driver.set_script_timeout(30)
    yield driver
    driver.quit()


def layout_shift(driver, server, name: str) -> float:
    open_page(driver, server.base_url, name)
    wait_until_quiet(server)
    return driver.execute_async_script(LAYOUT_SHIFT_JS)


@pytest.mark.browser
@pytest.mark.parametrize("screen", SCREENS)
def test_no_page_type_shifts_while_it_loads(driver, slow_scripts, screen):
    driver.set_window_size(*SCREENS[screen])
    shifts = {name: round(layout_shift(driver, slow_scripts, name), 4) for name in PAGE_TYPES}
    assert {name: shift for name, shift in shifts.items() if shift >= LIMIT} == {}, shifts


@pytest.mark.browser
def test_the_first_frame_comes_before_the_scripts(driver, slow_scripts):
    """The measure above is only worth something if the page is drawn before its scripts run."""
    driver.get(slow_scripts.base_url + PAGE_TYPES["danh-muc"])
    timing = driver.execute_script("""
        const paint = performance.getEntriesByName('first-paint')[0];
        const script = performance.getEntriesByType('resource').find(r => r.name.endsWith('/thu-tuc.js'));
        return {paint: paint && paint.startTime, script: script && script.responseEnd};""")
    assert timing["paint"] is not None and timing["paint"] < timing["script"], timing


@pytest.fixture(scope="module")
def driver_without_script():
    driver = start_driver("--window-size=375,667", "--blink-settings=scriptEnabled=false")
    yield driver
    driver.quit()


@pytest.mark.browser
@pytest.mark.parametrize("name, needs_script", [
    ("trang-chu", ".cchc-reader"),
    ("danh-muc", "form.cchc-tthc-filter"),
    ("thu-tuc", "[data-cchc-print]"),
])
def test_controls_that_need_script_are_not_shown_without_it(driver_without_script, served_example, name, needs_script):
    """They are drawn from the first frame when script runs (data-cchc-js, set in <head>), never without it."""
    driver = driver_without_script
    driver.get(served_example.base_url + PAGE_TYPES[name])
    assert driver.execute_script("return document.documentElement.hasAttribute('data-cchc-js')") is False
    control = driver.find_element(By.CSS_SELECTOR, needs_script)
    assert not control.is_displayed()
    if name == "danh-muc":
        rows = driver.find_elements(By.CSS_SELECTOR, ".cchc-tthc")
        assert len(rows) >= 25 and all(row.is_displayed() for row in rows)

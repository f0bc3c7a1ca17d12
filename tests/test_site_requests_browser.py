"""No request leaves the site and none fails, on every page type, from a copy served on another host.

The example site's site_url is https://cchc.sogddt.soctrang.example.vn/; here it is served from 127.0.0.1, as a
staging or intranet copy would be. Two records of each page's requests are read:

- Chromium's network log (``start_driver(network_log=True)``): every request the page makes, to any host, with
  its status or its failure; a request to another host fails here (there is no such host) and is reported too.
- the server's own list of what it answered (``SiteServer.answers``): it also holds the requests of Pagefind's
  web worker (its index and fragments), which the page's log shows only as the worker's script.

Material's bundle.js, which fetched sitemap.xml beside every ``<link rel="alternate">`` (the feeds), is no longer
loaded (overrides/main.html: 34 KB of an article's first visit); feed folders keep their sitemap.xml for crawlers.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browser import start_driver
from example_site import NOT_FOUND, PAGE_TYPES, logged_requests, open_page, same_origin, wait_until_quiet

ANSWERED = (200, 304)  # 304: the browser's cached copy is still good


@pytest.fixture
def logging_driver():
    """A new browser for each test: an empty cache, so that each asks the server for what it checks."""
    driver = start_driver("--window-size=1280,900", network_log=True)
    yield driver
    driver.quit()


def requests_of(driver, server, name: str) -> tuple[list, list]:
    """What the page of type ``name`` asked for: the browser's log and the server's answers."""
    driver.get_log("performance")  # forget the previous page's events
    first_answer = len(server.answers)
    open_page(driver, server.base_url, name)
    wait_until_quiet(server)
    return logged_requests(driver), server.answers[first_answer:]


def path_of(url: str) -> str:
    """The path and query of an address, as the server notes a request."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def problems_of(name: str, logged: list, answers: list, base_url: str) -> list[str]:
    """Each request that left the site, failed or was not answered 200 (the 404 page's own address is 404)."""
    own_path = PAGE_TYPES[name]
    expected = {own_path: 404} if name == NOT_FOUND else {}
    problems = []
    answered_paths = {answer.path for answer in answers}
    for request in logged:
        path = path_of(request.url)
        if not same_origin(request.url, base_url):
            problems.append(f"to another host: {request.url} ({request.outcome})")
        elif request.failure or request.redirects:
            problems.append(f"{request.url}: {request.outcome}, redirects {request.redirects}")
        elif request.status is None and path not in answered_paths:
            problems.append(f"{request.url}: no answer in the page's log nor from the server")
        elif request.status is not None and request.status not in ANSWERED and expected.get(path) != request.status:
            problems.append(f"{request.url}: {request.status}")
    for answer in answers:
        if answer.status not in ANSWERED and expected.get(answer.path) != answer.status:
            problems.append(f"the server answered {answer.path} with {answer.status}")
    return problems


@pytest.mark.browser
def test_every_request_of_every_page_type_stays_on_the_site_and_succeeds(logging_driver, served_example):
    base_url = served_example.base_url
    site_host = "cchc.sogddt.soctrang.example.vn"
    assert (served_example.site_dir / "index.html").read_text(encoding="utf-8").count(f"https://{site_host}/") > 0
    assert urlsplit(base_url).hostname != site_host  # a copy on another host, as on a staging server
    report = {}
    for name in PAGE_TYPES:
        logged, answers = requests_of(logging_driver, served_example, name)
        assert logged and answers, name
        problems = problems_of(name, logged, answers, base_url)
        if problems:
            report[name] = problems
    assert report == {}, "\n".join(f"{name}: {problem}" for name, problems in report.items() for problem in problems)


@pytest.mark.browser
def test_the_pages_scripts_and_search_index_are_among_the_requests(logging_driver, served_example):
    """The test sees what it must: the catalogue's own script, the worker's index; and no Material script."""
    _, catalogue = requests_of(logging_driver, served_example, "danh-muc")
    assert "/assets/javascripts/thu-tuc.js" in {a.path for a in catalogue}
    assert not [a.path for a in catalogue if "/assets/javascripts/bundle." in a.path]
    assert (served_example.site_dir / "thu-tuc-hanh-chinh/sitemap.xml").exists()
    _, search = requests_of(logging_driver, served_example, "go-tim-kiem")
    assert any(a.path.endswith(".pf_fragment") and a.status == 200 for a in search)  # fetched by Pagefind's worker
    logged, not_found = requests_of(logging_driver, served_example, NOT_FOUND)
    assert [a.status for a in not_found if a.path == PAGE_TYPES[NOT_FOUND]] == [404]
    assert any(r.url.endswith("/assets/stylesheets/cchc.css") and r.status in (200, 304) for r in logged)

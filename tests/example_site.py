"""The example site as browser tests see it: one page of each type, a web server that serves the built site
on 127.0.0.1 and notes every request it answers, and the requests Chromium's network log shows.

The server answers as one set up for MkDocs does (nginx's ``error_page 404 /404.html``): 404.html, with the
status 404, for an address that does not exist. It tells the browser to keep nothing (``Cache-Control: no-store``)
so that every request reaches it and is noted, none answered unseen from the browser's cache. The fixtures that build and serve the site once per test run
are in conftest.py.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

SEARCH_QUERY = "thu tuc"

PAGE_TYPES = {
    "trang-chu": "/",
    "tin-tuc": "/tin-tuc/",
    "tin": "/tin-tuc/duong-day-nong/",
    "tin-co-anh": "/tin-tuc/hoi-nghi-trien-khai-cchc-nam-hoc-2020-2021/",  # a cover image
    "tin-co-bang": "/tin-tuc/nop-ho-so-qua-dich-vu-cong-truc-tuyen/",  # an editor's Markdown table
    "chuyen-muc": "/tin-tuc/chuyen-muc/chuyen-doi-so/",
    "cac-chuyen-muc": "/tin-tuc/chuyen-muc/",
    "ke-hoach": "/ke-hoach/",
    "lich": "/ke-hoach/2022/",
    "thang": "/ke-hoach/2022/thang-06/",
    "ket-qua": "/ke-hoach/2022/ket-qua/",
    "danh-muc": "/thu-tuc-hanh-chinh/",
    "linh-vuc": "/thu-tuc-hanh-chinh/linh-vuc/g03-gd12/",
    "thu-tuc": "/thu-tuc-hanh-chinh/cap-ban-sao-van-bang-chung-chi-tu-so-goc/",
    "mot-cua": "/thu-tuc-hanh-chinh/mot-cua/",  # the one-stop desk's list, printable
    "van-ban": "/van-ban/",
    "mot-van-ban": "/van-ban/290-kh-sgddt/",
    "hoi-dap": "/hoi-dap/",
    "cau-hoi": "/hoi-dap/ban-sao-bang-tot-nghiep-thpt/",
    "thong-ke": "/thong-ke/",
    "tim-kiem": "/tim-kiem/?q=thu+tuc",  # as the header's search box sends it: Pagefind searches at once
    "go-tim-kiem": "/tim-kiem/",  # the query typed into Pagefind's own box (see open_page)
    "404": "/khong-co-trang-nay/",
}
"""One page of each type of the example site, by a short name (screenshots are saved under it)."""

NOT_FOUND = "404"
LATE_SUFFIXES = (".js", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
"""What a slow network brings after the first frame (``SiteServer.late_delay``): scripts and images."""


@dataclass(frozen=True)
class Answer:
    """One request the server answered."""

    path: str
    status: int


class SiteServer(http.server.ThreadingHTTPServer):
    """A built site on 127.0.0.1 (a free port), noting what it answers; ``with`` starts and stops it.

    ``late_delay``: seconds to wait before answering a script or an image, as a slow phone network would: the
    browser draws the page (its HTML and stylesheets) before its scripts run and its images arrive.
    """

    def __init__(self, site_dir: Path, late_delay: float = 0) -> None:
        super().__init__(("127.0.0.1", 0), functools.partial(_SiteHandler, directory=str(site_dir)))
        self.site_dir = site_dir
        self.late_delay = late_delay
        self.answers: list[Answer] = []  # appended by the handler threads (list.append is atomic)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"

    def __enter__(self) -> SiteServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.shutdown()
        self.server_close()


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    server: SiteServer

    def log_message(self, *args) -> None:
        pass  # the answers are noted by log_request

    def log_request(self, code="-", size="-") -> None:
        self.server.answers.append(Answer(self.path, int(code)))

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_head(self):
        if self.server.late_delay and urlsplit(self.path).path.endswith(LATE_SUFFIXES):
            time.sleep(self.server.late_delay)
        return super().send_head()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.server.site_dir / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


SEARCH_BOX, RESULT_LINK, RESULT_EXCERPT, SEARCH_STATUS = (
    "#cchc-search-q", ".cchc-search__link", ".cchc-search__excerpt", ".cchc-search__status")
"""The search page's box, each result's link and excerpt, and the line that says what was found (search.html)."""


def result_paths(driver) -> list[str]:
    """The paths of the results shown, read in one go: the list is drawn again after every search."""
    hrefs = driver.execute_script(f"return [...document.querySelectorAll('{RESULT_LINK}')].map(a => a.href)")
    return [urlsplit(href).path for href in hrefs]


def wait_for_results(driver, timeout: float = 15) -> list[str]:
    """Wait until the search page has shown what it found; the result paths, in order."""
    WebDriverWait(driver, timeout).until(lambda d: (lambda text: text and not text.startswith("Đang"))(
        d.find_element(By.CSS_SELECTOR, SEARCH_STATUS).text))
    WebDriverWait(driver, timeout).until(lambda d: result_paths(d)
                                         or "Không tìm thấy" in d.find_element(By.CSS_SELECTOR, SEARCH_STATUS).text)
    return result_paths(driver)


def open_page(driver, base_url: str, name: str) -> None:
    """Open one of PAGE_TYPES; on the search pages, wait until the results of SEARCH_QUERY show."""
    driver.get(base_url + PAGE_TYPES[name])
    if name == "go-tim-kiem":
        box = WebDriverWait(driver, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, SEARCH_BOX))
        box.send_keys(SEARCH_QUERY)
    if name in ("tim-kiem", "go-tim-kiem"):
        WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, RESULT_LINK))


def wait_until_quiet(server: SiteServer, quiet_seconds: float = 0.6, at_most: float = 15) -> None:
    """Wait until the server has answered nothing for a while (late requests: Pagefind's fragments)."""
    deadline = time.monotonic() + at_most
    seen = -1
    while time.monotonic() < deadline and seen != len(server.answers):
        seen = len(server.answers)
        time.sleep(quiet_seconds)


@dataclass
class Request:
    """One request in Chromium's network log: its address and how it ended."""

    url: str
    status: int | None = None
    failure: str | None = None
    redirects: list[int] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        return self.failure or str(self.status)


def logged_requests(driver) -> list[Request]:
    """The requests of the page's network log since it was last read (``start_driver(network_log=True)``).

    data: addresses are left out: they are in the page itself and nothing goes over the network.
    """
    requests: dict[str, Request] = {}
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, params = message["method"], message.get("params", {})
        if method == "Network.requestWillBeSent":
            request = requests.setdefault(params["requestId"], Request(params["request"]["url"]))
            if "redirectResponse" in params:  # the same id goes on to the address it was sent to
                request.redirects.append(params["redirectResponse"]["status"])
                request.url = params["request"]["url"]
        elif method == "Network.responseReceived" and params["requestId"] in requests:
            requests[params["requestId"]].status = params["response"]["status"]
        elif method == "Network.loadingFailed" and params["requestId"] in requests:
            requests[params["requestId"]].failure = params.get("blockedReason") or params["errorText"]
    return [r for r in requests.values() if not r.url.startswith("data:")]


def same_origin(url: str, base_url: str) -> bool:
    return urlsplit(url)[:2] == urlsplit(base_url)[:2]

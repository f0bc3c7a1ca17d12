"""The shipped nginx configuration serves the published example site right (cchc/publish/nginx/cchc.conf).

The example is published with ``cchc publish`` into a release folder, and Debian's nginx serves it through the
``current`` link over HTTPS, with the configuration as shipped (only its ports and paths changed, see
tests/nginx_config.py): each page type, feed, calendar, open-data file and file of the search index has its type,
compression and cache lifetime; an unknown address gets the site's 404 page; HTTP goes to HTTPS; the CMS page
/quan-tri/ has its own policy. Chromium then loads every page type and runs a search under the
Content-Security-Policy and reports no violation, in the page or in Pagefind's worker.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from browser import require_tool, start_driver
from conftest import epoch_of
from example_site import NOT_FOUND, PAGE_TYPES, open_page
from nginx_config import SHIPPED, Ports, adapted, nginx_command, request, running_nginx, self_signed_certificate, \
    write_harness
from selenium.common.exceptions import TimeoutException
from test_publish import example_project, publish
from test_serve import free_port

from cchc.publish.csp import policy_hashes, shipped_policies, site_script_hashes

PUBLIC_POLICY, CMS_POLICY = shipped_policies()
IMMUTABLE, REVALIDATE, SHORT, DAY = ("public, max-age=31536000, immutable", "no-cache", "public, max-age=300",
                                     "public, max-age=86400")
COMPRESSIBLE = 256
"""nginx's gzip_min_length: smaller answers are sent as they are."""


@pytest.fixture(scope="module")
def published():
    """The example published by ``cchc publish`` into a folder www-data may enter (pytest's are private)."""
    require_tool("rsync", shutil.which("rsync"), "apt-get install rsync (the README's test command installs it)")
    root = Path(tempfile.mkdtemp(prefix="cchc-nginx-"))
    root.chmod(0o755)
    try:
        project = example_project(root)
        result = publish(project, "--target", str(root / "srv"), SOURCE_DATE_EPOCH=epoch_of("2022-11-15"))
        assert result.returncode == 0, result.stdout
        site = root / "srv" / "current"
        (site / "kiem-tra.wasm").write_bytes(b"\0asm\1\0\0\0" + bytes(2000))  # the site has no .wasm of its own
        yield project, site
    finally:
        shutil.rmtree(root)


@pytest.fixture(scope="module")
def nginx(published):
    """(ports, harness) of Debian's nginx serving the published site with the shipped configuration."""
    project, site = published
    folder = project.parent / "nginx"
    folder.mkdir()
    cert, key = self_signed_certificate(folder)
    ports = Ports(*distinct_free_ports())
    text = adapted(SHIPPED.read_text(encoding="utf-8"), ports, site, cert, key, folder / "acme")
    main = write_harness(folder, text)
    with running_nginx(main, ports):
        yield ports, main


def distinct_free_ports() -> tuple[int, int]:
    https = free_port()
    http = free_port()
    while http == https:
        http = free_port()
    return https, http


def test_nginx_takes_the_shipped_configuration_without_a_warning(nginx):
    _, main = nginx
    result = subprocess.run(nginx_command(main, "-t"), capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "[warn]" in line or "[emerg]" in line]
    assert [w for w in warnings if "listen ... http2" not in w] == []  # the conf says how nginx 1.25.1+ writes it


def assert_served(answer, file: Path, content_type: str, cache: str, encoding: str | None) -> None:
    assert answer.status == 200
    assert (answer.header("content-type"), answer.header("cache-control")) == (content_type, cache)
    assert answer.header("content-encoding") == encoding
    assert (gzip.decompress(answer.body) if encoding == "gzip" else answer.body) == file.read_bytes()
    assert answer.header("content-security-policy") == PUBLIC_POLICY
    assert answer.header("x-content-type-options") == "nosniff"
    assert answer.header("referrer-policy") == "strict-origin-when-cross-origin"
    assert answer.header("strict-transport-security") == "max-age=31536000"
    assert answer.header("x-robots-tag") is None


def test_every_page_type_is_compressed_utf8_html_that_browsers_check_again(nginx, published):
    (ports, _), (_, site) = nginx, published
    for name, path in PAGE_TYPES.items():
        if name != NOT_FOUND:
            file = site / path.split("?")[0].strip("/") / "index.html"
            assert_served(request(ports.https, path), file, "text/html; charset=utf-8", REVALIDATE, "gzip")
            assert request(ports.https, path, "br, gzip").header("content-encoding") == "br", name


SERVED_FILES = {
    # feeds, sitemaps, calendars, open data: short lifetimes
    "rss.xml": ("application/xml; charset=utf-8", SHORT),
    "atom.xml": ("application/xml; charset=utf-8", SHORT),
    "tin-tuc/chuyen-muc/chuyen-doi-so/rss.xml": ("application/xml; charset=utf-8", SHORT),
    "sitemap.xml": ("application/xml; charset=utf-8", SHORT),
    "ke-hoach/2022.ics": ("text/calendar; charset=utf-8", SHORT),
    "thu-tuc-hanh-chinh/thu-tuc.csv": ("text/csv; charset=utf-8", SHORT),
    "thu-tuc-hanh-chinh/thu-tuc.json": ("application/json; charset=utf-8", REVALIDATE),
    # the search index's entry and scripts keep their names from one build to the next: checked every time
    "pagefind/pagefind-entry.json": ("application/json; charset=utf-8", REVALIDATE),
    "pagefind/pagefind.js": ("application/javascript; charset=utf-8", REVALIDATE),
    "pagefind/pagefind-worker.js": ("application/javascript; charset=utf-8", REVALIDATE),
    "assets/stylesheets/cchc.css": ("text/css; charset=utf-8", REVALIDATE),
    "assets/javascripts/cchc-reader.js": ("application/javascript; charset=utf-8", REVALIDATE),
    # Material's assets, named by their hash
    "assets/stylesheets/main.*.min.css": ("text/css; charset=utf-8", IMMUTABLE),
    "assets/stylesheets/palette.*.min.css": ("text/css; charset=utf-8", IMMUTABLE),
    # pictures and attachments
    "assets/images/favicon.png": ("image/png", DAY),
    "tin-tuc/anh/hoi-nghi-cchc-2020.svg": ("image/svg+xml; charset=utf-8", DAY),
    "tin-tuc/tep/thong-bao-371-tb-sgddt.pdf": ("application/pdf", DAY),
    "kiem-tra.wasm": ("application/wasm", REVALIDATE),
}
NOT_TEXT = ("image/png", "application/pdf")


def test_feeds_open_data_scripts_and_styles_have_their_types_compression_and_lifetimes(nginx, published):
    (ports, _), (_, site) = nginx, published
    for pattern, (content_type, cache) in SERVED_FILES.items():
        file, = site.glob(pattern)
        path = "/" + file.relative_to(site).as_posix()
        compressed = content_type not in NOT_TEXT and file.stat().st_size >= COMPRESSIBLE
        assert_served(request(ports.https, path), file, content_type, cache, "gzip" if compressed else None)
        if compressed:
            assert request(ports.https, path, "br, gzip").header("content-encoding") == "br", path


def test_the_search_index_is_served_as_pagefind_compressed_it_and_kept_for_a_year(nginx, published):
    """Pagefind writes its index gzip-compressed and decompresses it in the browser: nginx sends those bytes as
    they are (compressing them again gains nothing), each file named by its content's hash, so kept a year."""
    (ports, _), (_, site) = nginx, published
    files = {suffix: sorted(site.glob(f"pagefind*/**/*{suffix}"))[0]
             for suffix in (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")}
    files[".pagefind"] = site / "pagefind" / "wasm.unknown.pagefind"
    for suffix, file in files.items():
        answer = request(ports.https, "/" + file.relative_to(site).as_posix(), "br, gzip")
        cache = REVALIDATE if suffix == ".pagefind" else IMMUTABLE  # the WebAssembly keeps its name
        assert_served(answer, file, "application/octet-stream", cache, None)
        assert answer.body[:2] == b"\x1f\x8b", suffix  # already gzip


def test_an_unknown_address_gets_the_site_s_404_page_with_status_404(nginx, published):
    (ports, _), (_, site) = nginx, published
    answer = request(ports.https, PAGE_TYPES[NOT_FOUND])
    assert answer.status == 404 and answer.header("content-type") == "text/html; charset=utf-8"
    assert gzip.decompress(answer.body) == (site / "404.html").read_bytes()
    assert answer.header("content-security-policy") == PUBLIC_POLICY


def test_http_goes_to_https_and_a_folder_gets_its_slash_on_the_same_host(nginx):
    ports, _ = nginx
    answer = request(ports.http, "/tin-tuc/?trang=2", tls=False)
    assert (answer.status, answer.header("location")) == (301, "https://127.0.0.1/tin-tuc/?trang=2")
    answer = request(ports.https, "/tin-tuc")
    assert (answer.status, answer.header("location")) == (301, "/tin-tuc/")


def test_the_cms_page_has_its_own_policy_and_is_not_for_search_engines(nginx):
    ports, _ = nginx
    answer = request(ports.https, "/quan-tri/")
    assert answer.status == 200 and answer.header("cache-control") == REVALIDATE
    assert answer.header("content-security-policy") == CMS_POLICY != PUBLIC_POLICY
    assert "frame-ancestors 'none'" in CMS_POLICY and answer.header("x-frame-options") == "DENY"
    assert answer.header("x-robots-tag") == "noindex, nofollow"
    assert answer.header("x-content-type-options") == "nosniff"
    assert answer.header("strict-transport-security") == "max-age=31536000"


def test_the_cms_policy_allows_the_inline_scripts_of_the_cms_page(published):
    _, site = published
    assert site_script_hashes(site, cms=True) and site_script_hashes(site, cms=True) <= policy_hashes(CMS_POLICY)


def test_the_public_policy_allows_exactly_the_site_s_inline_scripts_by_hash(published):
    project, site = published
    assert site_script_hashes(site) == policy_hashes(PUBLIC_POLICY) and len(policy_hashes(PUBLIC_POLICY)) == 3
    assert "'unsafe-inline'" not in PUBLIC_POLICY and "'unsafe-eval'" not in PUBLIC_POLICY
    printed = subprocess.run([sys.executable, "-m", "cchc.cli", "publish", "--csp", "--site-dir", str(site)],
                             cwd=project, capture_output=True, text=True, timeout=60)
    assert (printed.returncode, printed.stdout.strip()) == (0, PUBLIC_POLICY)


VIOLATIONS = """window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(
  `${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));"""
"""Noted from before any script of the page runs; a worker's violations reach the console only."""


def reported_violations(driver) -> list[str]:
    """The page's violation events, and the console's reports (a worker's violations are only there)."""
    console = [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]
    return driver.execute_script("return window.__violations") + console


@pytest.mark.browser
def test_chromium_shows_every_page_type_and_searches_with_no_policy_violation(nginx):
    ports, _ = nginx
    base = f"https://127.0.0.1:{ports.https}"
    driver = start_driver("--window-size=1280,900", "--ignore-certificate-errors")
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": VIOLATIONS})
        report = {}
        for name in PAGE_TYPES:
            try:
                open_page(driver, base, name)  # the search pages wait for Pagefind's results: its WebAssembly ran
                time.sleep(0.3)
                ran = driver.execute_script('return document.documentElement.hasAttribute("data-cchc-js") '
                                            '&& typeof __md_get === "function"')  # the hashed <head> scripts ran
            except TimeoutException:
                ran = False
            problems = reported_violations(driver)
            if problems or not ran:
                report[name] = problems or ["a script did not run, or the search showed no result"]
        driver.get(f"{base}/quan-tri/")  # the CMS page, under its own policy
        time.sleep(1)
        cms_problems = reported_violations(driver)
        started = 'return window.CMS_MANUAL_INIT === true && typeof window.CMS === "object"'  # Decap's script ran too
        if cms_problems or not driver.execute_script(started):
            report["quan-tri"] = cms_problems or ["the page's inline script or Decap's did not run"]
        assert report == {}
        driver.get(base + "/")
        driver.execute_script('var s = document.createElement("script"); s.textContent = "window.x = 1";'
                              "document.head.append(s)")  # a script the policy does not know: blocked and noted
        assert [v.split()[0] for v in driver.execute_script("return window.__violations")] == ["script-src-elem"]
    finally:
        driver.quit()

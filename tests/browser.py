"""Headless Debian Chromium for tests: a WebDriver session, print to PDF (no browser is downloaded).

The tools browser tests need are looked up with ``require_tool``: a missing one skips the test on a
developer's machine but fails it when the environment variable CI is set, so that CI cannot report
success with its browser tests skipped. The hooks at the end (imported by conftest.py) count the tests
marked ``browser`` and fail a CI run in which none ran or some skipped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
AXE = REPO / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
VNU = REPO / ".cache" / "npm" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync")
INSTALL = "the README's test command installs it"


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def require_tool(name: str, path: str | os.PathLike | None, install: str = INSTALL) -> str:
    """The path of a tool a test needs; when it is missing, skip the test, or fail it when CI is set."""
    if path is not None and Path(path).exists():
        return str(path)
    reason = f"{name} is missing ({path or 'not on PATH'}); {install}"
    if in_ci():
        pytest.fail(f"{reason}. CI is set, so a missing tool fails the run instead of skipping it.", pytrace=False)
    pytest.skip(reason)


def chromium() -> str:
    return require_tool("chromium", shutil.which("chromium"), "apt-get install chromium")


def chromedriver() -> str:
    return require_tool("chromedriver", shutil.which("chromedriver"), "apt-get install chromium-driver")


def axe_script() -> str:
    path = require_tool("axe-core", AXE, "npm install --prefix .cache/npm axe-core@<the README's version>")
    return Path(path).read_text(encoding="utf-8")


def vnu_command() -> list[str]:
    """The Nu HTML Checker (npm vnu-jar, pinned in the README's test command), run by Debian's Java."""
    jar = require_tool("vnu-jar", VNU, "npm install --prefix .cache/npm vnu-jar@<the README's version>")
    java = require_tool("java", shutil.which("java"), "apt-get install default-jre-headless")
    return [java, "-jar", jar]


def pdftotext() -> str:
    return require_tool("pdftotext", shutil.which("pdftotext"), "apt-get install poppler-utils")


def start_driver(*arguments: str, network_log: bool = False):
    """A WebDriver session with Debian's Chromium and chromedriver; the caller quits it.

    With ``network_log``, chromedriver keeps the DevTools events of the pages (``driver.get_log("performance")``),
    among them every request a page makes (Network.requestWillBeSent, responseReceived, loadingFailed).
    """
    from selenium import webdriver

    browser, driver = chromium(), chromedriver()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in (*FLAGS, *arguments):
        options.add_argument(argument)
    if network_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=webdriver.ChromeService(driver), options=options)


def run_chromium(*args: str) -> None:
    browser = chromium()
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", *args],
                       check=True, capture_output=True, timeout=120)


def print_to_pdf(url: str, target: Path) -> int:
    """Print a page as Chromium would on A4 and return the number of pages."""
    run_chromium("--no-pdf-header-footer", f"--print-to-pdf={target}", url)
    return len(re.findall(rb"/Type\s*/Page[^s]", target.read_bytes()))


def pdfinfo_pages(path: Path) -> int:
    """The number of pages of a PDF, as poppler's pdfinfo counts them."""
    tool = require_tool("pdfinfo", shutil.which("pdfinfo"), "apt-get install poppler-utils")
    info = subprocess.run([tool, str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def pdf_page_text(path: Path, page: int) -> str:
    return subprocess.run([pdftotext(), "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def pdf_text(path: Path) -> str:
    return subprocess.run([pdftotext(), "-layout", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


# Counting the browser tests: pytest hooks, registered by conftest.py importing them.

_outcomes: dict[str, str] = {}  # test id -> "ran", "skipped" or "did not start"


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if "browser" not in report.keywords:
        return
    if report.skipped:
        _outcomes[report.nodeid] = "skipped"
    elif report.when == "call":
        _outcomes[report.nodeid] = "ran"
    elif report.when == "setup" and report.failed:
        _outcomes[report.nodeid] = "did not start"


def browser_counts() -> dict[str, int]:
    counts = {"ran": 0, "skipped": 0, "did not start": 0}
    for outcome in _outcomes.values():
        counts[outcome] += 1
    return counts


def ci_should_fail(counts: dict[str, int]) -> bool:
    return in_ci() and (counts["ran"] == 0 or counts["skipped"] > 0)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if exitstatus == pytest.ExitCode.OK and ci_should_fail(browser_counts()):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    counts = browser_counts()
    line = f"Browser tests: {counts['ran']} ran, {counts['skipped']} skipped"
    if counts["did not start"]:
        line += f", {counts['did not start']} did not start"
    terminalreporter.write_line(line)
    if ci_should_fail(counts):
        terminalreporter.write_line("CI is set: every browser test must run, none may skip; the run fails.",
                                    red=True, bold=True)

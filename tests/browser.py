"""Headless Debian Chromium for tests: print to PDF, screenshots (no browser is downloaded)."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync")


def run_chromium(*args: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                       check=True, capture_output=True, timeout=120)


def print_to_pdf(url: str, target: Path) -> int:
    """Print a page as Chromium would on A4 and return the number of pages."""
    run_chromium("--no-pdf-header-footer", f"--print-to-pdf={target}", url)
    return len(re.findall(rb"/Type\s*/Page[^s]", target.read_bytes()))

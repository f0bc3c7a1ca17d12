"""`mkdocs serve` for editors: drafts are previewed, and a saved edit shows up in every listing and feed."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import feedparser
import pytest
from conftest import Site


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, contains: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if contains in last:
                return last
        except OSError:
            pass
        time.sleep(0.05)
    raise AssertionError(f"{url} never contained {contains!r}; last response:\n{last[:500]}")


@contextlib.contextmanager
def serving(site: Site, *args: str, output: int = subprocess.DEVNULL):
    """``mkdocs serve`` of the site on a free port, its base URL; stopped as ``cchc edit`` stops its preview
    (SIGTERM), after which it must have removed what it wrote into the temporary folder (its site folder, the
    search index's staging folders) and, when its output is kept, printed no traceback."""
    port, temp = free_port(), site.root / "tmp"
    temp.mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp)}
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *args, "-a", f"127.0.0.1:{port}"],
                               cwd=site.root, env=env, stdout=output, stderr=subprocess.STDOUT, text=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        printed = process.communicate(timeout=20)[0] or ""
    assert "Traceback" not in printed, printed
    assert process.returncode == 0, printed
    assert not list(temp.iterdir()), list(temp.iterdir())


@pytest.fixture(params=[[], ["--dirty"]], ids=["serve", "serve-dirty"])
def served(site: Site, request):
    """Stock serve, and serve --dirty (the README's preview command)."""
    site.article("cong-khai", title="Tin công khai", date="2022-01-01")
    site.article("nhap", title="Tin đang soạn", date="2022-01-02", draft=True)
    site.write_config()
    with serving(site, *request.param) as base:
        yield site, base


def test_serve_previews_drafts_with_a_banner_and_rebuilds_after_an_edit(served):
    site, base = served
    draft = wait_for(base + "tin-tuc/nhap/", "Tin đang soạn")
    assert "Bản nháp: chỉ hiện khi xem trước" in draft

    site.article("cong-khai", title="Tin công khai đã sửa", date="2022-01-01")
    listing = wait_for(base + "tin-tuc/", "Tin công khai đã sửa")
    assert "Tin công khai</a>" not in listing
    feed = feedparser.parse(fetch(base + "rss.xml"))
    assert "Tin công khai đã sửa" in [e.title for e in feed.entries]
    assert "Tin đang soạn" not in [e.title for e in feed.entries]


def test_dirty_serve_renders_what_changed_and_drops_removed_articles(site):
    site.article("cu", title="Tin cũ", date="2022-01-01", tags=["CCHC"])
    site.article("moi", title="Tin mới", date="2022-01-02", tags=["CCHC"])
    site.article("bo", title="Tin sẽ xóa", date="2021-06-01", tags=["khác"])
    site.write_config()
    with serving(site, "--dirty") as base:
        wait_for(base + "tin-tuc/bo/", "Tin sẽ xóa")
        site.article("moi", title="Tin mới đã sửa", date="2022-01-02", tags=["CCHC"])
        (site.root / "content/tin-tuc/bo.md").unlink()
        wait_for(base + "tin-tuc/", "Tin mới đã sửa")
        assert "Tin sẽ xóa" not in fetch(base + "tin-tuc/")
        older = wait_for(base + "tin-tuc/cu/", "Tin mới đã sửa")  # its "newer" and "related" links
        assert "Tin mới</a>" not in older
        assert "Tin mới đã sửa" in wait_for(base + "tin-tuc/chuyen-muc/hoat-dong-cchc/", "Tin mới đã sửa")
        assert "Tin mới đã sửa" in [e.title for e in feedparser.parse(fetch(base + "rss.xml")).entries]
        deadline = time.monotonic() + 30
        while fetch_status(base + "tin-tuc/bo/") != 404 and time.monotonic() < deadline:
            time.sleep(0.3)
        assert fetch_status(base + "tin-tuc/bo/") == 404


def fetch_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0

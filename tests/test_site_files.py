"""Every file of the built site can be served by a web server running as another user.

A folder of the site is 0777 and a file 0666, less the umask (0755 and 0644 under the usual 022), as
MkDocs makes its own; the search index (Pagefind's bundles, written into a folder of their own and
renamed into place), the feeds and the generated files included. Served by Debian's nginx as
www-data, the search index answers 200, not 403.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import Site, build_copied_example, copy_example
from nginx_config import nginx_command, write_harness
from test_serve import free_port, wait_for

from cchc.search.index import BUNDLES

PUBLISHED = ("pagefind/pagefind-entry.json", "pagefind-tin-tuc/pagefind-entry.json", "rss.xml",
             "tin-tuc/tep/thong-bao-371-tb-sgddt.pdf", "thu-tuc-hanh-chinh/thu-tuc.json", "ke-hoach/2022.ics")
"""Files of each way cchc publishes: Pagefind, feeds, copied attachments, generated files."""


def wrong_modes(site_dir: Path, umask: int, skip_root: bool = False) -> dict[str, str]:
    """The paths under ``site_dir`` (itself included unless ``skip_root``) whose mode is not what the umask gives."""
    expected = {True: 0o777 & ~umask, False: 0o666 & ~umask}
    paths = [site_dir, *site_dir.rglob("*")][1 if skip_root else 0:]
    wrong = {}
    for path in paths:
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode != expected[path.is_dir()]:
            wrong[str(path.relative_to(site_dir)) or "."] = oct(mode)
    return wrong


def build_with_umask(root: Path, umask: int) -> Path:
    """The example site built under ``umask``, its attachment saved private (0600) as an editor's tool might."""
    copy_example(root)
    (root / "content/tin-tuc/tep/thong-bao-371-tb-sgddt.pdf").chmod(0o600)
    return build_copied_example(root, umask=umask)


@pytest.fixture(scope="module")
def published():
    """The example site built under umask 022 in a folder others may enter (as a web root's parent is):
    pytest's own temporary folders are private (0700) and would hide it from www-data."""
    root = Path(tempfile.mkdtemp(prefix="cchc-published-"))
    root.chmod(0o755)
    try:
        yield build_with_umask(root, 0o022)
    finally:
        shutil.rmtree(root)


def test_every_folder_of_the_site_is_0755_and_every_file_0644_under_umask_022(published):
    assert all((published / path).is_file() for path in PUBLISHED)
    assert wrong_modes(published, 0o022) == {}


def test_the_modes_follow_the_umask(tmp_path):
    site_dir = build_with_umask(tmp_path, 0o027)
    assert all((site_dir / path).is_file() for path in PUBLISHED)
    assert wrong_modes(site_dir, 0o027) == {}
    assert stat.S_IMODE((site_dir / "pagefind").stat().st_mode) == 0o750


def test_the_preview_writes_its_search_index_with_the_umask_s_modes(site: Site, tmp_path):
    """``mkdocs serve`` writes the index in the background into MkDocs' temporary site folder
    (found through TMPDIR); that folder is MkDocs' own (private, served by MkDocs itself)."""
    site.article("duong-day-nong", title="Đường dây nóng")
    site.plan(2022)
    site.write_config()
    temp = tmp_path / "tmp"
    temp.mkdir()
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp)}
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=site.root,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, umask=0o022)
    try:
        wait_for(f"http://127.0.0.1:{port}/tim-kiem/", "Tìm kiếm")
        site_dir = next(temp.glob("mkdocs_*"))
        wait_until(lambda: all((site_dir / bundle / "pagefind-entry.json").exists() for bundle in BUNDLES)
                   and not list(site_dir.glob(".pagefind*")))
        assert wrong_modes(site_dir, 0o022, skip_root=True) == {}
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_until(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


SERVER = """\
server {{
    listen 127.0.0.1:{port};
    root {site};
}}
"""


@pytest.fixture
def nginx(published: Path, tmp_path: Path):
    """Debian's nginx serving the published site on 127.0.0.1, its workers running as www-data."""
    port = free_port()
    main = write_harness(tmp_path, SERVER.format(port=port, site=published), brotli=False)
    process = subprocess.Popen(nginx_command(main), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/", "<html")
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=10)


def status_of(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_nginx_as_www_data_serves_every_file_of_the_search_index(published, nginx):
    served = {}
    for bundle in BUNDLES:
        for path in sorted((published / bundle).rglob("*")):
            if path.is_file():
                rel = path.relative_to(published).as_posix()
                status, body = status_of(nginx + rel)
                served[rel] = status if status != 200 or body == path.read_bytes() else "other bytes"
    assert len(served) > 20 and {rel: s for rel, s in served.items() if s != 200} == {}
    assert status_of(nginx + "tim-kiem/")[0] == 200

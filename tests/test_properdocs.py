"""The example site builds with ProperDocs, the maintained fork of MkDocs 1.x, as it does with MkDocs.

Material for MkDocs reaches end of life on 2027-05-05; ProperDocs reads the same mkdocs.yml,
runs the same hooks and Material theme, and is the way forward. Both are installed side by side
(the test extra pins ProperDocs), each with its own command.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import FIXED_EPOCH, REPO

from cchc.search.index import BUNDLES


def build_with(tool: str, site_dir: Path) -> None:
    """The repository's example built by ``tool``'s own command in a process of its own."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    process = subprocess.run([sys.executable, "-m", tool, "build", "--strict", "-f", "mkdocs.yml", "-d", str(site_dir)],
                             cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert process.returncode == 0, process.stdout + process.stderr


def without_generator(page: bytes) -> bytes:
    """The <meta name="generator"> tag names the tool and its version: the one expected difference."""
    return re.sub(rb'<meta name="generator" content="[^"]*">', b"", page)


def outputs(site_dir: Path) -> set[str]:
    """Every output file, except Pagefind's index, whose file names carry hashes that vary between runs."""
    return {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*")
            if p.is_file() and p.relative_to(site_dir).parts[0] not in BUNDLES}


def test_example_site_builds_with_properdocs_as_with_mkdocs(tmp_path, built_example):
    """``built_example``: the same example built by MkDocs' own command line (``conftest.build_example``)."""
    properdocs = tmp_path / "properdocs"
    build_with("properdocs", properdocs)
    assert outputs(properdocs) == outputs(built_example)
    for page in ("tin-tuc/index.html", "rss.xml", "thu-tuc-hanh-chinh/thu-tuc.json", "ke-hoach/2022/index.html"):
        built = [without_generator((site_dir / page).read_bytes()) for site_dir in (properdocs, built_example)]
        assert built[0] == built[1], page

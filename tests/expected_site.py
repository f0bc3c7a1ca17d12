"""The example site as built, kept under tests/expected/site/ and compared byte for byte with every build.

Pelican keeps such a functional test: a difference is either a bug or a deliberate change, committed with
its new expected files. Material's own assets, the Pagefind index and Decap CMS's files are left out (they are Material's,
Pagefind's and Decap's bytes, and the index is checked by its own tests).

    python tests/expected_site.py      # after a deliberate change: rebuild and write the expected files
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import REPO, build_example  # noqa: E402

EXPECTED = REPO / "tests" / "expected" / "site"
VENDOR = "quan-tri/decap/"
"""Decap CMS's own files, as its npm package has them (checked against its pinned hash by cchc/cms/package.py)."""
MATERIAL_ASSET = re.compile(rb"(assets/[\w/.-]+?)\.[0-9a-f]{8}(\.min\.(?:js|css))")
"""Material names its bundles by a hash of their bytes: a patch release of Material changes every page's links
to them, not cchc's output, so the hash is left out of the comparison."""


PILLOW_MADE = (".jpg", ".jpeg", ".png", ".webp")
"""Photos re-encoded by Pillow (cchc/core/images.py): their bytes change with the JPEG and WebP libraries Pillow
ships, not with cchc, so each is kept as what cchc decides of it: its format, size and colour mode. Two builds
still give the same bytes (tests/test_site_files.py)."""


def image_summary(path: Path) -> bytes:
    from PIL import Image
    with Image.open(path) as image:
        return f"{image.format} {image.width}x{image.height} {image.mode}\n".encode()


def kept(site: Path) -> dict[str, bytes]:
    """The files of a built site that are cchc's output, by path."""
    own_assets = {p.relative_to(REPO / "overrides").as_posix() for p in (REPO / "overrides" / "assets").rglob("*")}
    files = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and not rel.startswith(("pagefind", VENDOR)) and (not rel.startswith("assets/") or rel in own_assets):
            if rel.endswith(PILLOW_MADE) and not rel.startswith("assets/"):
                files[rel] = image_summary(path)
                continue
            data = path.read_bytes()
            files[rel] = MATERIAL_ASSET.sub(rb"\1.HASH\2", data) if rel.endswith(".html") else data
    return files


def build(target: Path) -> dict[str, bytes]:
    return kept(build_example(target, CCHC_SEARCH_INDEX="off"))


def expected() -> dict[str, bytes]:
    return {path.relative_to(EXPECTED).as_posix(): path.read_bytes() for path in sorted(EXPECTED.rglob("*"))
            if path.is_file()}


def write_expected() -> int:
    with tempfile.TemporaryDirectory() as folder:
        files = build(Path(folder))
    shutil.rmtree(EXPECTED, ignore_errors=True)
    for rel, data in files.items():
        target = EXPECTED / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"{len(files)} expected files written to {EXPECTED.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(write_expected())

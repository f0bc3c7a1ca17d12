"""Test helpers: write a small site into tmp_path, build it with the real MkDocs, parse the output."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import feedparser
import pytest
import yaml
from browser import pytest_runtest_logreport, pytest_sessionfinish, pytest_terminal_summary  # noqa: F401 (hooks)
from bs4 import BeautifulSoup
from click.testing import CliRunner
from mkdocs.__main__ import cli as mkdocs_cli

from cchc.search.index import BUNDLES

REPO = Path(__file__).resolve().parent.parent
FIXED_EPOCH = "1700000000"  # 2023-11-15: "now" for drafts and future posts in tests

DEPARTMENT = {
    "name": "Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm",
    "short_name": "Sở GDĐT Thử Nghiệm",
    "parent": "Ủy ban nhân dân tỉnh Thử Nghiệm",
    "address": "Số 1 Đường Thử, phường 1",
    "phone": "0299.3000001",
    "fax": "0299.3000002",
    "email": "vanphong@example.edu.vn",
    "feedback_hotline": "0299.3000003",
    "national_portal": "https://dichvucong.gov.vn/",
    "provincial_portal": "https://dichvucong.example.gov.vn/",
}


def base_config() -> dict:
    return {
        "site_name": "Trang thử",
        "site_url": "https://cchc.example.gov.vn/",
        "docs_dir": "content",
        "theme": {"name": "material", "custom_dir": str(REPO / "overrides"), "language": "vi", "font": False},
        "plugins": [],
        "hooks": [str(REPO / "hooks" / "cchc_site.py")],
        "not_in_nav": "/tin-tuc/\n/ke-hoach/\n/van-ban/\n",
        "nav": [{"Trang chủ": "index.md"}, {"Tin tức": "tin-tuc/index.md"}],
        "extra": {
            "generator": False,
            "department": dict(DEPARTMENT),
            "news": {"per_page": 10, "categories": [
                {"name": "Hoạt động CCHC", "slug": "hoat-dong-cchc"},
                {"name": "Thủ tục hành chính"},
            ]},
            "feeds": {"limit": 20},
        },
    }


def front_matter_text(meta: dict, body: str = "Nội dung bài viết.\n") -> str:
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{header}---\n\n{body}"


def article_meta(**overrides) -> dict:
    meta = {
        "title": "Bài viết thử",
        "date": "2022-02-24 08:30",
        "summary": "Tóm tắt bài viết.",
        "category": "Hoạt động CCHC",
        "tags": ["CCHC"],
    }
    meta.update(overrides)
    return {k: v for k, v in meta.items() if v is not None}


def plan_data(year: int = 2022, **overrides) -> dict:
    """A valid yearly plan: one website task per month, each expecting one article."""
    data = {
        "year": year,
        "number": "290/KH-SGDĐT",
        "date": f"{year}-02-24",
        "title": f"Kế hoạch tuyên truyền cải cách hành chính năm {year}",
        "issuer": "Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm",
        "tasks": [{"month": m, "theme": f"Chủ đề tháng {m}", "forms": ["website"], "lead": "Văn phòng Sở"}
                  for m in range(1, 13)],
    }
    data.update(overrides)
    return data


def image_bytes(width: int, height: int, fmt: str = "PNG", **save_options) -> bytes:
    """A real image of that size (stripes, so that it compresses like a picture, not a blank)."""
    import io

    from PIL import Image, ImageDraw
    mode = "RGBA" if save_options.pop("alpha", False) else "RGB"
    image = Image.new(mode, (width, height), (30, 90, 160, 255) if mode == "RGBA" else (30, 90, 160))
    draw = ImageDraw.Draw(image)
    for x in range(0, width, max(1, width // 20)):
        draw.rectangle([x, 0, x + max(1, width // 40), height], fill=(220, 140, 40))
    out = io.BytesIO()
    image.save(out, fmt, **save_options)
    return out.getvalue()


def epoch_of(day: str) -> str:
    """SOURCE_DATE_EPOCH for noon of a day ("2022-06-15") in Vietnam time."""
    from datetime import datetime, timedelta, timezone
    moment = datetime.fromisoformat(day).replace(hour=12, tzinfo=timezone(timedelta(hours=7)))
    return str(int(moment.timestamp()))


@dataclass
class BuildResult:
    returncode: int
    output: str


class Site:
    """A throw-away project folder with its own mkdocs.yml and content/."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.config = base_config()
        self.write("content/index.md", "---\ntitle: Trang chủ\ntemplate: home.html\n---\n\n# Trang chủ\n")

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def article(self, name: str, body: str = "Nội dung bài viết.\n", **meta) -> Path:
        return self.write(f"content/tin-tuc/{name}.md", front_matter_text(article_meta(**meta), body))

    def plan(self, year: int = 2022, file_name: str | None = None, **overrides) -> Path:
        text = yaml.safe_dump(plan_data(year, **overrides), allow_unicode=True, sort_keys=False)
        return self.write(f"plans/{file_name or year}.yaml", text)

    def write_config(self, text: str | None = None) -> None:
        config = text if text is not None else yaml.safe_dump(self.config, allow_unicode=True, sort_keys=False)
        self.write("mkdocs.yml", config)

    def build(self, *args: str, epoch: str = FIXED_EPOCH, **env_vars: str) -> BuildResult:
        """``mkdocs build --strict`` of this site, run by the real MkDocs in this process (see ``build_here``)."""
        if not (self.root / "mkdocs.yml").exists():
            self.write_config()
        return build_here(self.root, ["--strict", *args], {"SOURCE_DATE_EPOCH": epoch, **env_vars})

    def build_failed(self, *args: str) -> list[str]:
        """Build, expect the clean failure editors see (exit 1, no traceback, no site) and return its error lines."""
        result = self.build(*args)
        assert result.returncode == 1, result.output
        assert "Traceback" not in result.output
        assert not (self.site_dir / "index.html").exists()
        built = error_lines(result.output)
        assert sorted(built) == self.checked_errors(), "cchc check and the build disagree"
        return built

    def checked_errors(self) -> list[str]:
        """What ``cchc check`` reports as errors for this site: every failed build of the suite compares them
        with its own, line for line (one rule set for both)."""
        from cchc.cli.check import ERROR, run_check
        from cchc.site.project import load_project
        with environment(SOURCE_DATE_EPOCH=FIXED_EPOCH):
            reports = run_check(load_project(str(self.root / "mkdocs.yml")), fix=False)
        return sorted(str(report.problem) for report in reports if report.severity == ERROR)

    def build_ok(self, *args: str, epoch: str = FIXED_EPOCH, **env_vars: str) -> BuildResult:
        result = self.build(*args, epoch=epoch, **env_vars)
        assert result.returncode == 0, result.output
        return result

    def html(self, url: str) -> BeautifulSoup:
        path = self.site_dir / url.strip("/") / "index.html" if not url.endswith(".html") else self.site_dir / url
        return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")

    def feed(self, rel: str):
        return feedparser.parse((self.site_dir / rel).read_bytes())


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return Site(tmp_path)


def search_fragments(site_dir: Path) -> list[dict]:
    """Every page in the site's Pagefind bundles, as Pagefind stores it (gzipped JSON fragments)."""
    return [json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
            for bundle in BUNDLES for fragment in (site_dir / bundle / "fragment").glob("*.pf_fragment")]


EXAMPLE_FILES = ("mkdocs.yml", "content", "overrides", "hooks", "plans")
"""The repository's own example site: what ``build_example`` copies."""


def copy_example(target: Path) -> Path:
    for name in EXAMPLE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy(source, target / name)
    return target


def build_example(target: Path, umask: int = -1, **env_vars: str) -> Path:
    """Copy the example site into ``target`` and build it there (under ``umask`` if given); its site folder."""
    return build_copied_example(copy_example(target), umask, **env_vars)


def build_copied_example(target: Path, umask: int = -1, **env_vars: str) -> Path:
    if umask == -1:
        result = build_here(target, ["--strict"], {"SOURCE_DATE_EPOCH": FIXED_EPOCH, **env_vars})
        assert result.returncode == 0, result.output
        return target / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": FIXED_EPOCH, **env_vars}
    process = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=target, env=env,
                             capture_output=True, text=True, timeout=300, umask=umask)  # the umask is the process's
    assert process.returncode == 0, process.stdout + process.stderr
    return target / "site"


@contextlib.contextmanager
def environment(**values: str):
    """Environment variables set for the time of a block, as a new process would have them."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def build_here(project: Path, args: list[str], env_vars: dict[str, str]) -> BuildResult:
    """Run ``mkdocs build`` through MkDocs' own command line in this process, as ``mkdocs build`` would in its own.

    The same MkDocs, hooks and content, without starting Python and importing MkDocs and Material again for
    each of the suite's hundreds of builds (0.6 s a build in a new process, 0.16 s here). What MkDocs logs and
    prints is the output; an exception that would have ended the process with a traceback is written out as one.
    """
    with environment(NO_MKDOCS_2_WARNING="1", **env_vars):
        result = CliRunner().invoke(mkdocs_cli, ["build", *args, "-f", str(project / "mkdocs.yml")])
    output = result.output  # MkDocs' log, which it writes with click, and what click prints
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        output += "Traceback (most recent call last):\n" + "".join(traceback.format_exception(result.exception))
    return BuildResult(result.exit_code, output)


@pytest.fixture(scope="session")
def built_example(tmp_path_factory) -> Path:
    """The example site built once per test process on ``FIXED_EPOCH`` with the default options, for the tests that
    only read it, or its project (the site folder's parent): write nothing into either."""
    return build_example(tmp_path_factory.mktemp("example-built"))


@pytest.fixture(scope="session")
def example_site_dir(tmp_path_factory) -> Path:
    """The example site built once for the browser tests, on 15/11/2022 (a day inside its 2022 plan)."""
    return build_example(tmp_path_factory.mktemp("example"), SOURCE_DATE_EPOCH=epoch_of("2022-11-15"))


@pytest.fixture(scope="session")
def served_example(example_site_dir: Path):
    """The built example site served on 127.0.0.1 (``example_site.SiteServer``), a host other than its site_url's."""
    from example_site import SiteServer

    with SiteServer(example_site_dir) as server:
        yield server


def error_lines(output: str) -> list[str]:
    """The indented error lines of a failed build's report, in order."""
    return [line.strip() for line in output.splitlines() if line.startswith("  ") and ": " in line]

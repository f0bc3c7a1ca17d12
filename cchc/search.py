"""Site search with Pagefind: the ``/tim-kiem/`` page and the index written after each build.

Templates mark what is searchable (``data-pagefind-body`` on an article, procedure, question,
document or plan; ``data-pagefind-filter`` for its kind and field); every other page is left out.

Pagefind (1.5) already matches "thu tuc" to "thủ tục": it indexes words with tone and vowel marks
removed. It does not turn "đ" into "d" (Unicode gives "đ" no decomposition), so "duong day nong"
would miss "Đường dây nóng". Each indexed page therefore gets, in the index only (the published HTML
is not changed), one more block listing its words that contain đ/Đ with the letter written as d/D
("Dường", "Dăng"). Pagefind then folds their marks like any other word, and a query typed without
diacritics finds the page; the excerpt shown still comes from the real text around the other words.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import threading
from typing import Callable

from mkdocs.plugins import get_plugin_logger

from cchc.pages import GeneratedPage

log = get_plugin_logger("cchc")

SEARCH_URI = "tim-kiem/index.md"
SEARCH_TITLE = "Tìm kiếm"
BUNDLE_FOLDER = "pagefind"

_TAG = re.compile(r"<[^>]+>")
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_WORD = re.compile(r"\w+")
_D_BAR = str.maketrans({"đ": "d", "Đ": "D"})
_BODY_START = "<body"
_HTML_LANG = re.compile(r'<html[^>]*\slang="([^"]*)"')
_TITLE = re.compile(r"<title>.*?</title>", re.DOTALL)
_ARTICLE_END = "</article>"  # kept: a procedure's own <article> holds data-pagefind-body


def build_search_pages() -> list[GeneratedPage]:
    return [GeneratedPage(SEARCH_URI, SEARCH_TITLE, "search.html",
                          description="Tìm tin tức, thủ tục hành chính, hỏi – đáp, văn bản và kế hoạch, gõ có dấu hay không dấu",
                          hide=("navigation", "toc"))]


def searchable_region(html: str) -> str:
    """The page from the tag holding its first ``data-pagefind-body`` to the end of the article ("" if none).

    Only this part is indexed; the header, menu and footer ("Sở Giáo dục và Đào tạo" on every page)
    must not add their words, or "dao tao" would match every page. Scanning less is also faster.
    The region ends with ``</article>`` so the block of folded words added after it is never inside
    the searchable element (a nested ``data-pagefind-body`` made Pagefind index that block alone).
    """
    start = html.find("data-pagefind-body")
    if start < 0:
        return ""
    tag, end = html.rfind("<", 0, start), html.find(_ARTICLE_END, start)
    return html[tag:end + len(_ARTICLE_END)] if end >= 0 else html[tag:]


def d_bar_words(region: str) -> list[str]:
    """The distinct words of a searchable region's text that contain đ/Đ, with d/D instead, in first-seen order."""
    text = _TAG.sub(" ", _SCRIPT_OR_STYLE.sub(" ", region))
    seen: dict[str, None] = {}
    # Split on spaces first (fast) and look for words only in the few pieces with đ: "\w*[đĐ]\w*"
    # backtracked at every letter, and finding every word was most of the time spent here.
    for piece in text.split():
        if "đ" in piece or "Đ" in piece:
            for word in _WORD.findall(piece):
                if "đ" in word or "Đ" in word:
                    seen.setdefault(word.translate(_D_BAR), None)
    return list(seen)


def page_for_index(html: str) -> str | None:
    """What Pagefind reads of a built page, or None for a page left out of search.

    The page's language and title, its searchable part and one more block of its đ-words written
    with d. The rest of the head (styles, scripts, social cards), the menu, header and footer are
    dropped: Pagefind ignores them anyway (its result title is the page's first heading), and it
    reads a quarter of the bytes.
    """
    region = searchable_region(html)
    body = html.find(_BODY_START)
    if not region or body < 0:
        return None
    words = d_bar_words(region)
    folded = f'<div data-pagefind-body>{" ".join(words)}</div>' if words else ""
    return f"{_short_head(html[:body])}<body>{region}{folded}</body></html>"


def _short_head(head: str) -> str:
    lang, title = _HTML_LANG.search(head), _TITLE.search(head)
    lang_attribute = f' lang="{lang.group(1)}"' if lang else ""
    return f'<!doctype html><html{lang_attribute}><head><meta charset="utf-8">{title.group(0) if title else ""}</head>'


class IndexedPages:
    """What Pagefind will read of each built page, kept as MkDocs writes the pages.

    Taking it from the HTML in hand saves reading every page back from disk at the end of the
    build. Under ``mkdocs serve --dirty`` a page that is not rendered again keeps what it had.
    """

    def __init__(self) -> None:
        self._pages: dict[str, str] = {}

    def add(self, dest_uri: str, html: str) -> None:
        part = page_for_index(html)
        if part is None:
            self._pages.pop(dest_uri, None)
        else:
            self._pages[dest_uri] = part

    def keep_only(self, dest_uris: set[str]) -> None:
        """Forget pages this build no longer has (deleted, unpublished, moved)."""
        for dest_uri in [d for d in self._pages if d not in dest_uris]:
            del self._pages[dest_uri]

    def snapshot(self) -> dict[str, str]:
        return dict(self._pages)


def stage(pages: dict[str, str], staging_dir: str) -> None:
    """Write each page Pagefind should read at its path in the site, so Pagefind gives it the same URL."""
    for dest_uri in sorted(pages):  # a stable order for a stable index
        target = os.path.join(staging_dir, *dest_uri.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as stream:
            stream.write(pages[dest_uri])


def write_search_index(site_dir: str, pages: dict[str, str], is_current: Callable[[], bool] = lambda: True) -> int:
    """Index ``pages`` (see ``IndexedPages``) into ``<site_dir>/pagefind/`` (index, UI script and styles).

    Runs the Pagefind command (from ``pagefind[bin]``) on a staged copy of the pages, so the
    published HTML keeps no trace of the folded words. Its Python service API was tried first: it
    returned before all files were written and left truncated bundles, and it reads one answer per
    0.1 s. A client of the same service protocol, fed each page as MkDocs wrote it, was tried too:
    on two cores the rendering slowed by as much as the end of the build gained.

    The bundle is written beside the old one and swapped in whole, so a page never loads half an
    index; ``is_current`` lets a newer run (under serve) win over an older one. Returns the pages
    indexed.
    """
    from pagefind_bin import get_executable

    if not pages:
        return 0  # nothing to search yet (Pagefind refuses an empty site)
    target = os.path.abspath(os.path.join(site_dir, BUNDLE_FOLDER))
    fresh = tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir)
    try:
        with tempfile.TemporaryDirectory(prefix="cchc-search-") as staging_dir:
            stage(pages, staging_dir)
            command = [str(get_executable()), "--site", staging_dir, "--output-path", fresh,
                       "--force-language", "vi", "--quiet"]
            process = subprocess.run(command, capture_output=True, text=True)
        if process.returncode != 0:
            raise SearchIndexError("không tạo được chỉ mục tìm kiếm; cài lại bằng lệnh cài đặt trong README "
                                   f"(Pagefind could not index the site: {process.stdout}{process.stderr})".strip())
        with _SWAP:
            if is_current():
                shutil.rmtree(target, ignore_errors=True)
                os.rename(fresh, target)
        return len(pages)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


_SWAP = threading.Lock()


class SearchIndexError(Exception):
    """Pagefind failed; the message holds its output."""


class BackgroundIndexer:
    """Under ``mkdocs serve`` the index is written after the pages are served, so an edit shows at once.

    Indexing a large site takes seconds; the preview serves the rebuilt pages meanwhile and search
    catches up. A newer run supersedes an older one still going. ``wait`` is for a full rebuild,
    which cleans the site folder first.
    """

    def __init__(self) -> None:
        self._threads: list[threading.Thread] = []
        self._generation = 0

    def wait(self) -> None:
        for thread in self._threads:
            thread.join()
        self._threads = []

    def start(self, site_dir: str, pages: dict[str, str]) -> None:
        self._generation += 1
        generation = self._generation
        thread = threading.Thread(target=self._index, args=(site_dir, pages, lambda: generation == self._generation),
                                  name="cchc-search-index", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    @staticmethod
    def _index(site_dir: str, pages: dict[str, str], is_current: Callable[[], bool]) -> None:
        try:
            write_search_index(site_dir, pages, is_current)
        except (SearchIndexError, OSError) as error:
            log.warning(str(error))

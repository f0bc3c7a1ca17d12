"""Site search with Pagefind: the ``/tim-kiem/`` page and the index written after each build.

Templates mark what is searchable (``data-pagefind-body`` on an article, procedure, question,
document or plan; ``data-pagefind-filter`` for its kind and field); every other page is left out.

News articles get a Pagefind bundle of their own (``pagefind-tin-tuc/``; everything else is in
``pagefind/``). On a large site they are most of the text, and Pagefind takes seconds to compress
them. ``mkdocs build`` renders the searchable pages first, articles first, and starts each bundle
as soon as its pages are in, so Pagefind works on the second core while MkDocs renders the
listings on the first (see ``EarlyBundles``).

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
from typing import Callable, Iterable

from mkdocs.plugins import get_plugin_logger

from cchc.pages import GeneratedPage

log = get_plugin_logger("cchc")

SEARCH_URI = "tim-kiem/index.md"
SEARCH_TITLE = "Tìm kiếm"
MAIN_BUNDLE = "pagefind"
NEWS_BUNDLE = "pagefind-tin-tuc"
BUNDLES = (MAIN_BUNDLE, NEWS_BUNDLE)
"""Pagefind bundles (folders of the built site), the main one first: the search page loads Pagefind's UI
from the first one that exists and merges the others into its results (Pagefind's ``mergeIndex``)."""
NEWS_PREFIX = "tin-tuc/"
"""``cchc.news.NEWS_DIR``, not imported: ``cchc.news`` imports ``cchc.rebuilds``, which imports this module."""
SEARCHABLE_TEMPLATES = frozenset({"article.html", "procedure.html", "question.html", "document.html",
                                  "plan-calendar.html", "plan-month.html"})
"""The templates that mark their page with ``data-pagefind-body`` (a test keeps this list true)."""

_TAG = re.compile(r"<[^>]+>")
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_WORD = re.compile(r"\w+")
_D_BAR = str.maketrans({"đ": "d", "Đ": "D"})
_BODY_START = "<body"
_HTML_LANG = re.compile(r'<html[^>]*\slang="([^"]*)"')
_TITLE = re.compile(r"<title>.*?</title>", re.DOTALL)
_ARTICLE_END = "</article>"  # kept: a procedure's own <article> holds data-pagefind-body


def bundle_of(path: str) -> str:
    """The bundle that indexes the page at ``path`` (its URL or output file, relative to the site)."""
    return NEWS_BUNDLE if path.startswith(NEWS_PREFIX) else MAIN_BUNDLE


def pages_in(bundle: str, pages: dict[str, str]) -> dict[str, str]:
    """The entries of ``pages`` (output file → what Pagefind reads) that ``bundle`` indexes."""
    return {dest_uri: part for dest_uri, part in pages.items() if bundle_of(dest_uri) == bundle}


def bundle_of_page(page: object) -> str | None:
    """The bundle that indexes a section's page, or None if its template does not make it searchable."""
    if getattr(page, "template", None) not in SEARCHABLE_TEMPLATES:
        return None
    return bundle_of(page.url)


def search_bundles(pages: Iterable[object]) -> list[str]:
    """The bundles a site's pages fill (main first); an empty bundle is not written, as Pagefind refuses it."""
    filled = {bundle_of_page(page) for page in pages}
    return [bundle for bundle in BUNDLES if bundle in filled]


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

    def snapshot(self, bundle: str | None = None) -> dict[str, str]:
        """The pages in hand (only those of ``bundle`` if given)."""
        return dict(self._pages) if bundle is None else pages_in(bundle, self._pages)


def stage(pages: dict[str, str], staging_dir: str) -> None:
    """Write each page Pagefind should read at its path in the site, so Pagefind gives it the same URL."""
    for dest_uri in sorted(pages):  # a stable order for a stable index
        target = os.path.join(staging_dir, *dest_uri.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as stream:
            stream.write(pages[dest_uri])


class PagefindRun:
    """Pagefind writing one bundle in a process of its own, into a fresh folder beside the old bundle.

    It reads a staged copy of the pages (see ``stage``), so the published HTML keeps no trace of the
    folded words. Pagefind's Python service API was tried first: it returned before all files were
    written and left truncated bundles, and it reads one answer per 0.1 s. A client of the same
    service protocol, fed each page as MkDocs wrote it, gained nothing: Pagefind does most of its
    work (building and compressing the index) only once it has every page.
    """

    def __init__(self, site_dir: str, bundle: str, pages: dict[str, str]) -> None:
        from pagefind_bin import get_executable

        self.pages = pages
        self.fresh = tempfile.mkdtemp(prefix=f".{bundle}-", dir=site_dir)
        self._staging = tempfile.TemporaryDirectory(prefix="cchc-search-")
        stage(pages, self._staging.name)
        command = [str(get_executable()), "--site", self._staging.name, "--output-path", self.fresh,
                   "--force-language", "vi", "--quiet"]
        try:
            self._process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        except OSError as error:
            self.discard()
            raise SearchIndexError(f"{_REINSTALL} (Pagefind could not start: {error})") from None

    def wait(self) -> None:
        """Wait for Pagefind to finish the bundle; SearchIndexError if it failed."""
        output, _ = self._process.communicate()
        self._staging.cleanup()
        if self._process.returncode != 0:
            raise SearchIndexError(f"{_REINSTALL} (Pagefind could not index the site: {output})".strip())

    def discard(self) -> None:
        """Stop Pagefind if it still runs and remove what it wrote (after a failed build, or once swapped in)."""
        process = getattr(self, "_process", None)
        if process is not None and process.poll() is None:
            process.kill()
            process.communicate()
        self._staging.cleanup()
        shutil.rmtree(self.fresh, ignore_errors=True)


_REINSTALL = "không tạo được chỉ mục tìm kiếm; cài lại bằng lệnh cài đặt trong README"


EARLY_ORDER = (NEWS_BUNDLE, MAIN_BUNDLE)
"""The order in which ``mkdocs build`` renders the bundles' pages: the largest first, as it runs longest."""


class EarlyBundles:
    """In ``mkdocs build``: start each bundle's Pagefind as soon as the last of its pages is rendered.

    MkDocs renders pages one at a time on one core. The glue has it render the searchable pages
    first (``EARLY_ORDER``), so Pagefind indexes them on the second core while the listings render.
    ``write_search_index`` uses a run only if the build ends with the same pages it indexed.
    """

    def __init__(self, site_dir: str, src_uris_by_bundle: dict[str, set[str]]) -> None:
        self.site_dir = site_dir
        self._waiting = {bundle: set(src_uris) for bundle, src_uris in src_uris_by_bundle.items() if src_uris}
        self.runs: dict[str, PagefindRun] = {}

    def page_written(self, src_uri: str, indexed: IndexedPages) -> None:
        for bundle, waiting in self._waiting.items():
            if src_uri in waiting:
                waiting.discard(src_uri)
                if not waiting:
                    self._start(bundle, indexed)
                return

    def _start(self, bundle: str, indexed: IndexedPages) -> None:
        try:
            self.runs[bundle] = PagefindRun(self.site_dir, bundle, indexed.snapshot(bundle))
        except SearchIndexError:
            pass  # tried again at the end of the build, which reports the error

    def started(self, pages: dict[str, str]) -> dict[str, PagefindRun]:
        """The runs under way that index exactly the pages of their bundle in ``pages``; the others are stopped."""
        kept = {}
        for bundle, run in self.runs.items():
            if run.pages == pages_in(bundle, pages):
                kept[bundle] = run
            else:
                run.discard()
        self.runs = {}
        return kept

    def discard(self) -> None:
        for run in self.runs.values():
            run.discard()
        self.runs = {}


def write_search_index(site_dir: str, pages: dict[str, str], is_current: Callable[[], bool] = lambda: True,
                       started: dict[str, PagefindRun] | None = None) -> int:
    """Index ``pages`` (see ``IndexedPages``) into the site's bundles (index, UI script and styles).

    One Pagefind process per bundle, side by side; ``started`` holds runs already under way (see
    ``EarlyBundles``). Each bundle is written beside the old one and swapped in whole once all are
    written, so a page never loads half an index; ``is_current`` lets a newer run (under serve) win
    over an older one. A bundle with no pages is removed. Returns the pages indexed.
    """
    runs = dict(started or {})
    try:
        for bundle in BUNDLES:
            bundle_pages = pages_in(bundle, pages)
            if bundle_pages and bundle not in runs:
                runs[bundle] = PagefindRun(site_dir, bundle, bundle_pages)
        for run in runs.values():
            run.wait()
        with _SWAP:
            if is_current():
                for bundle in BUNDLES:
                    target = os.path.abspath(os.path.join(site_dir, bundle))
                    shutil.rmtree(target, ignore_errors=True)
                    if bundle in runs:
                        os.rename(runs[bundle].fresh, target)
        return len(pages)
    finally:
        for run in runs.values():
            run.discard()


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

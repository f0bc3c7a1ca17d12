"""Running Pagefind over the pages a build indexed: one process per bundle, started as early as its pages are in.

``mkdocs build`` starts each bundle as soon as its pages are in (``EarlyBundles``), so Pagefind works on
the second core while MkDocs goes on; under ``mkdocs serve`` the index is written in the background after
the pages are served (``BackgroundIndexer``). A new bundle is written into a fresh folder and swapped in
whole, its files rewritten in one order (``cchc.search.canonical``) so two builds give the same bytes.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
from typing import Callable

from mkdocs.plugins import get_plugin_logger

from cchc.search import input as search_input
from cchc.search.canonical import UnexpectedBundle, canonicalize_bundle
from cchc.search.index import BUNDLES, EXCLUDED_SELECTORS, MAIN_BUNDLE, NEWS_BUNDLE, pages_in

log = get_plugin_logger("cchc")


class PagefindRun:
    """Pagefind writing one bundle in a process of its own, into a fresh folder beside the old bundle.

    Pages are sent to the process one by one, as the build has them (``add``); it writes out what
    Pagefind reads of each meanwhile (``cchc.search.input``, on the second core), and becomes
    Pagefind once ``index`` says every page is in. The published HTML keeps no trace of the folded
    words. Pagefind's Python service API was tried first: it returned before all files were written
    and left truncated bundles, and it reads one answer per 0.1 s. A client of the same service
    protocol, fed each page as MkDocs wrote it, gained nothing: Pagefind does most of its work
    (building and compressing the index) only once it has every page.
    """

    def __init__(self, site_dir: str, bundle: str) -> None:
        from pagefind_bin import get_executable

        self.bundle = bundle
        self.pages: dict[str, str] = {}
        """The searchable region of each page sent, by output file."""
        os.makedirs(site_dir, exist_ok=True)  # an early run may start before MkDocs writes the first file
        self.fresh = fresh_folder(site_dir, bundle)
        self._staging = tempfile.TemporaryDirectory(prefix="cchc-search-")
        pagefind = [str(get_executable()), "--site", self._staging.name, "--output-path", self.fresh,
                    "--force-language", "vi", "--quiet"]
        for selector in EXCLUDED_SELECTORS:
            pagefind += ["--exclude-selectors", selector]
        command = [*_LOW_PRIORITY, sys.executable, "-I", search_input.__file__, self._staging.name, *pagefind]
        try:
            self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                             stderr=subprocess.STDOUT)
        except OSError as error:
            self.discard()
            raise SearchIndexError(f"{_REINSTALL} (Pagefind could not start: {error})") from None

    def add(self, dest_uri: str, region: str) -> None:
        self.pages[dest_uri] = region
        try:
            self._process.stdin.write(search_input.page_line(dest_uri, region))
        except OSError:
            pass  # the process has ended: ``wait`` reports its output

    def index(self) -> None:
        """Every page is in: Pagefind starts on them."""
        try:
            self._process.stdin.close()
        except OSError:
            pass

    def wait(self) -> None:
        """Wait for Pagefind to finish the bundle (SearchIndexError if it failed), then put its filters in
        one order, so two builds write the same bytes (``cchc.search.canonical``)."""
        self.index()
        output = self._process.stdout.read().decode("utf-8", "replace")
        self._process.wait()
        self._staging.cleanup()
        if self._process.returncode != 0:
            raise SearchIndexError(f"{_REINSTALL} (Pagefind could not index the site: {output})".strip())
        drop_unused_files(self.fresh)
        try:
            canonicalize_bundle(self.fresh)
        except UnexpectedBundle as error:  # another Pagefind version: the search works, only reproducibility is lost
            log.debug(f"search: {self.bundle}/ left as Pagefind wrote it ({error})")

    def discard(self) -> None:
        """Stop Pagefind if it still runs and remove what it wrote (after a failed build, or once swapped in)."""
        process = getattr(self, "_process", None)
        if process is not None:
            if process.poll() is None:
                process.kill()
            self.index()
            process.wait()
            process.stdout.close()
        self._staging.cleanup()
        shutil.rmtree(self.fresh, ignore_errors=True)


UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
"""Pagefind's ready-made interfaces and its highlighter (400 KB a bundle): the search page has its own
(overrides/assets/javascripts/cchc-search.js, on Pagefind's ``pagefind.js``), so they are not published."""


def drop_unused_files(bundle_dir: str) -> None:
    for name in UNUSED_FILES:
        try:
            os.remove(os.path.join(bundle_dir, name))
        except FileNotFoundError:
            pass


def fresh_folder(site_dir: str, bundle: str) -> str:
    """A new, empty folder beside the bundle for Pagefind to write the next one into.

    Not ``tempfile.mkdtemp``: its folders are private (0700), and this one is published as it is
    (renamed into place), so a web server running as another user (nginx as www-data) was refused the
    index. Made by ``os.mkdir``, it gets the mode MkDocs' own folders get: 0777 less the umask.
    """
    while True:
        path = os.path.join(site_dir, f".{bundle}-{secrets.token_hex(4)}")
        try:
            os.mkdir(path)
            return path
        except FileExistsError:
            continue


_REINSTALL = "không tạo được chỉ mục tìm kiếm; cài lại bằng lệnh cài đặt trong README"
_LOW_PRIORITY = ["nice", "-n", "19"] if shutil.which("nice") else []
"""Pagefind runs beside MkDocs and uses every core it gets; at the lowest priority it takes only what
MkDocs leaves, so pages render as fast as without it (measured: 1.2 s less rendering at 2,000 articles)."""


EARLY_ORDER = (MAIN_BUNDLE, NEWS_BUNDLE)
"""The order in which ``mkdocs build`` reads and renders the bundles' pages. The main bundle's pages
come first: they are indexed as they are rendered, and rendering starts once every page is read.
The articles are indexed as they are read (their body is rendered with their Markdown)."""


class EarlyBundles:
    """In ``mkdocs build``: send each page to its bundle's Pagefind as soon as it is indexed, and start
    indexing once the last one is in.

    MkDocs reads (converts) every page, then renders them one at a time, on one core. An article is
    indexed as it is read, any other page as it is rendered; the glue has the searchable pages come
    first (``EARLY_ORDER``), so Pagefind indexes them on the second core while the other pages are
    read and rendered. ``write_search_index`` uses a run only if the build ends with the same pages
    it was sent.
    """

    def __init__(self, site_dir: str, src_uris_by_bundle: dict[str, set[str]]) -> None:
        self.site_dir = site_dir
        self._waiting = {bundle: set(src_uris) for bundle, src_uris in src_uris_by_bundle.items() if src_uris}
        self.runs: dict[str, PagefindRun] = {}
        self._failed: set[str] = set()

    def page_indexed(self, src_uri: str, dest_uri: str, region: str) -> None:
        """``region``: the page's searchable part ("" if it has none after all)."""
        bundle = next((bundle for bundle, waiting in self._waiting.items() if src_uri in waiting), None)
        if bundle is None:
            return
        self._waiting[bundle].discard(src_uri)
        run = self._run(bundle)
        if run is None:
            return
        if region:
            run.add(dest_uri, region)
        if not self._waiting[bundle]:
            run.index()
            log.debug(f"search: Pagefind started on the {len(run.pages)} pages of {bundle}/")

    def _run(self, bundle: str) -> PagefindRun | None:
        if bundle not in self.runs and bundle not in self._failed:
            try:
                self.runs[bundle] = PagefindRun(self.site_dir, bundle)
            except SearchIndexError:
                self._failed.add(bundle)  # tried again at the end of the build, which reports the error
        return self.runs.get(bundle)

    def started(self, pages: dict[str, str]) -> dict[str, PagefindRun]:
        """The runs that were sent exactly the pages of their bundle in ``pages`` (at least one: Pagefind
        refuses an empty bundle); the others are stopped."""
        kept = {}
        for bundle, run in self.runs.items():
            if run.pages and run.pages == pages_in(bundle, pages):
                kept[bundle] = run
                log.debug(f"search: {bundle}/ indexed while the build went on")
            else:
                run.discard()
                log.debug(f"search: {bundle}/ indexed again: its pages changed after Pagefind had started")
        self.runs = {}
        return kept

    def discard(self) -> None:
        for run in self.runs.values():
            run.discard()
        self.runs = {}


def write_search_index(site_dir: str, pages: dict[str, str], is_current: Callable[[], bool] = lambda: True,
                       started: dict[str, PagefindRun] | None = None) -> int:
    """Index ``pages`` (see ``IndexedPages``) into the site's bundles (index and the scripts that read it).

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
                runs[bundle] = run = PagefindRun(site_dir, bundle)
                for dest_uri, region in bundle_pages.items():
                    run.add(dest_uri, region)
                run.index()
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

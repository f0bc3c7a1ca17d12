"""The search index through a build: searchable pages first, each page's searchable part kept as it is
rendered, Pagefind started per bundle as early as its pages are in, and run at the end (``cchc.search``)."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from cchc.mkdocs_adapter.rebuilds import Memory
from cchc.search.index import bundle_of_page
from cchc.search.pagefind import EARLY_ORDER, EarlyBundles, SearchIndexError, write_search_index


class SearchIndexing:
    def __init__(self, memory: Memory, site_dir: str, enabled: bool, preview: bool) -> None:
        self.memory, self.site_dir, self.enabled, self.preview = memory, site_dir, enabled, preview
        self._early: EarlyBundles | None = None
        self._page_outputs: set[str] = set()

    def order(self, files: Files, pages: dict) -> Files:
        """Read and render the searchable pages first, by bundle, so each bundle is indexed while the rest renders.

        See ``EarlyBundles``. MkDocs reads and renders pages in the order of ``files`` (and sitemap.xml
        lists them so); the other pages keep their order. Under ``mkdocs serve`` the index comes after.
        """
        self._page_outputs = {f.dest_uri for f in files if f.is_documentation_page()}
        if not self.enabled or self.preview:
            return files
        by_bundle: dict[str, set[str]] = {bundle: set() for bundle in EARLY_ORDER}
        for page in pages.values():
            bundle = bundle_of_page(page)
            if bundle is not None:
                by_bundle[bundle].add(page.src_uri)
        self._early = EarlyBundles(self.site_dir, by_bundle)
        rank = {src_uri: EARLY_ORDER.index(bundle) for bundle, src_uris in by_bundle.items() for src_uri in src_uris}
        return Files(sorted(files, key=lambda file: rank.get(file.src_uri, len(EARLY_ORDER))))

    def index(self, page: Page, html: str) -> None:
        """Keep what the index needs of a page while its HTML is in hand."""
        if self.enabled:
            region = self.memory.indexed.add(page.file.dest_uri, html)
            if self._early is not None:
                self._early.page_indexed(page.file.src_uri, page.file.dest_uri, region)

    def write(self) -> None:
        """Index the written pages with Pagefind, so every build (and serve) has a working search.

        Under ``mkdocs serve`` it runs in the background, after the pages are served. The option
        ``search_index`` off (``CCHC_SEARCH_INDEX=off``) skips it: the benchmark measures indexing by difference.
        """
        if not self.enabled:
            return
        indexed = self.memory.indexed
        indexed.keep_only(self._page_outputs)
        if self.preview:  # under serve: pages first, the index a few seconds later
            self.memory.search.start(self.site_dir, indexed.snapshot())
            return
        pages = indexed.snapshot()
        started = self._early.started(pages) if self._early is not None else {}
        try:
            write_search_index(self.site_dir, pages, started=started)
        except SearchIndexError as error:
            raise PluginError(str(error)) from None

    def discard(self) -> None:
        if self._early is not None:
            self._early.discard()

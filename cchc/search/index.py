"""Site search with Pagefind: the ``/tim-kiem/`` page, what each bundle indexes, and what is kept of each page.

Templates mark what is searchable (``data-pagefind-body`` on an article, procedure, question,
document or plan; ``data-pagefind-filter`` for its kind and field); every other page is left out.
The search page (``overrides/search.html`` and ``cchc-search.js``) shows filter names and values as text; they are
fixed words all the same (the kind, a field's label from ``FIELD_LABELS``), never text an editor wrote; the
sanitizer keeps no ``data-`` attribute of a body, so an editor cannot add one.

News articles get a Pagefind bundle of their own (``pagefind-tin-tuc/``; everything else is in
``pagefind/``). On a large site they are most of the text, and Pagefind takes seconds to compress
them. ``mkdocs build`` starts each bundle as soon as its pages are in, so Pagefind works on the
second core while MkDocs goes on with the rest on the first (see ``cchc.search.pagefind``): an article's
body is rendered with its Markdown (``ContentPage.body_template``), so the articles' bundle starts
before MkDocs renders the first page; the other searchable pages are rendered first.

Typed without diacritics, "duong day nong" still finds "Đường dây nóng": see ``cchc.search.input``
for what Pagefind reads of each page.
"""

from __future__ import annotations

from typing import Iterable

from cchc.core.pages import GeneratedPage
from cchc.kinds.news.model import NEWS_DIR
from cchc.kinds.registry import kinds
from cchc.search.input import searchable_region

SEARCH_URI = "tim-kiem/index.md"
SEARCH_TITLE = "Tìm kiếm"
MAIN_BUNDLE = "pagefind"
NEWS_BUNDLE = "pagefind-tin-tuc"
BUNDLES = (MAIN_BUNDLE, NEWS_BUNDLE)
"""Pagefind bundles (folders of the built site), the main one first: the search page searches the first one that
exists at once, and merges the others into its results (Pagefind's ``mergeIndex``) when the reader asks for the
news or none of the first results is about what was typed. At 2,000 articles the news index doubled what a first
search fetched (docs/phat-trien/hieu-nang-dien-thoai.md)."""
NEWS_PREFIX = f"{NEWS_DIR}/"
EXCLUDED_SELECTORS = (".cchc-procedure > h2",)
"""Left out of the index: a procedure's section headings are the same on every procedure ("e) Cơ quan thực hiện
thủ tục hành chính"), so they matched "thu tuc" on all of them and filled the index with the same words."""


def searchable_templates() -> frozenset[str]:
    """The templates that mark their page with ``data-pagefind-body``, as each kind declares them (a test keeps
    the declarations true)."""
    return frozenset(template for kind in kinds() for template in kind.searchable_templates)



def bundle_of(path: str) -> str:
    """The bundle that indexes the page at ``path`` (its URL or output file, relative to the site)."""
    return NEWS_BUNDLE if path.startswith(NEWS_PREFIX) else MAIN_BUNDLE


def pages_in(bundle: str, pages: dict[str, str]) -> dict[str, str]:
    """The entries of ``pages`` (output file → searchable region) that ``bundle`` indexes."""
    return {dest_uri: part for dest_uri, part in pages.items() if bundle_of(dest_uri) == bundle}


def bundle_of_page(page: object) -> str | None:
    """The bundle that indexes a section's page, or None if its template does not make it searchable."""
    if getattr(page, "template", None) not in searchable_templates():
        return None
    if getattr(page, "data", {}).get("searchable") is False:  # a list page of a kind with nothing to find yet
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


class IndexedPages:
    """The searchable region of each built page, kept as MkDocs renders the pages (an article's body,
    as its Markdown is converted).

    Taking it from the HTML in hand saves reading every page back from disk at the end of the
    build. Under ``mkdocs serve --dirty`` a page that is not rendered again keeps what it had.
    """

    def __init__(self) -> None:
        self._pages: dict[str, str] = {}

    def add(self, dest_uri: str, html: str) -> str:
        """Keep the page's searchable region and return it ("" for a page left out of search)."""
        region = searchable_region(html)
        if region:
            self._pages[dest_uri] = region
        else:
            self._pages.pop(dest_uri, None)
        return region

    def keep_only(self, dest_uris: set[str]) -> None:
        """Forget pages this build no longer has (deleted, unpublished, moved)."""
        for dest_uri in [d for d in self._pages if d not in dest_uris]:
            del self._pages[dest_uri]

    def snapshot(self) -> dict[str, str]:
        """The pages in hand."""
        return dict(self._pages)

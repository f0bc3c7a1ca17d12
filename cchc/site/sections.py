"""What the site publishes, from every declared kind (``cchc.kinds.registry``): pages, feeds, template data,
and the check of the whole (``load_checked_site``) that ``cchc check`` and the build share."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from cchc.cms.admin import admin_files
from cchc.cms.config import ADMIN_FOLDER
from cchc.cms.package import VENDOR_FOLDER
from cchc.core.errors import ContentError, ContentErrors
from cchc.core.feeds import Feed
from cchc.core.memo import FileMemo
from cchc.core.pages import ContentPage, GeneratedFile, GeneratedPage
from cchc.core.schema import kind_schema, schema_path
from cchc.kinds.registry import kinds
from cchc.search.index import BUNDLES, build_search_pages
from cchc.site.content import ContentPaths, SiteContent, load_site
from cchc.site.outputs import editor_outputs, generated_outputs, output_clashes
from cchc.site.plain_pages import footer_pages

Page = GeneratedPage | GeneratedFile | ContentPage


def schema_files(site: SiteContent) -> list[GeneratedFile]:
    """The JSON Schema of every kind's files (``cchc.core.schema``), with this site's own categories."""
    choices = {"categories": [category.name for category in site.settings.categories]}
    return [GeneratedFile(schema_path(kind), _json(kind_schema(kind, site.settings.site_url, choices)),
                          f"lược đồ JSON của {kind.label}") for kind in kinds()]


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def cms_files(site: SiteContent) -> list[GeneratedFile]:
    """The browser form at /quan-tri/ (``cchc.cms``), its configuration made from every kind's declaration."""
    settings = site.settings
    docs_dir = "content" if site.paths is None else site.paths.shown_docs_dir
    return admin_files(kinds(), [category.name for category in settings.categories], settings.git_host,
                       settings.site_url, settings.department.short_name, settings.department.name, docs_dir)


SITE_PAGES: tuple[Callable[[SiteContent], list[Page]], ...] = (lambda site: build_search_pages(), schema_files,
                                                               cms_files)
"""Pages of no kind: the search page, the editors' schemas, the browser form."""


def template_globals(site: SiteContent) -> dict[str, Any]:
    """Data every page's template may show (the home page shows this month's plan theme, the latest figures,
    the procedures by field, the latest answers and the hotline), from each kind."""
    own = {key: value for kind in kinds() for key, value in kind.template_globals(site).items()}
    return {**own, "footer_pages": footer_pages(site.editor_files)}


def section_pages(site: SiteContent) -> list[Page]:
    return [page for kind in kinds() for page in kind.pages(site)] + [page for build in SITE_PAGES for page in build(site)]


def feeds(site: SiteContent) -> list[Feed]:
    return [feed for kind in kinds() for feed in kind.feeds(site)]


@dataclass(frozen=True)
class CheckedSite:
    """The site's content with the pages and feeds made from it, after every rule has passed."""

    content: SiteContent
    pages: list[Page]
    feeds: list[Feed]


def load_checked_site(paths: ContentPaths, site_url: str | None, src_uris: list[str], now: datetime,
                      include_drafts: bool = False, memo: FileMemo | None = None) -> CheckedSite:
    """``load_site``, then the rules that need the whole site's pages (two sources for one address).

    ``cchc check`` and the build both call this, so they report the same errors; every error is raised at
    once, the clashes of what did load included.
    """
    try:
        site, errors = load_site(paths, site_url, src_uris, now, include_drafts, memo), []
    except ContentErrors as partial:
        if partial.partial is None:
            raise
        site, errors = partial.partial, partial.errors
    pages, site_feeds = section_pages(site), feeds(site)
    reported = frozenset(error.path for error in errors)  # a duplicate slug is told once, by its loader
    errors += output_clashes_of(site, pages, site_feeds, paths, reported)
    if errors:
        raise ContentErrors(errors, warnings=site.warnings)
    return CheckedSite(site, pages, site_feeds)


def output_clashes_of(site: SiteContent, pages: list[Page], site_feeds: list[Feed], paths: ContentPaths,
                      reported: frozenset[str] = frozenset()) -> list[ContentError]:
    """Editors' files whose output another file also writes (see ``cchc.site.outputs``), leaving out files already
    ``reported`` with an error of their own."""
    shown = {uri: paths.source(uri).shown_path for uri in site.editor_files if uri not in site.unpublished_src_uris}
    published = [uri for uri, path in shown.items() if path not in reported]
    cms = {f"{ADMIN_FOLDER}/{VENDOR_FOLDER}": f"tệp của Decap CMS ({ADMIN_FOLDER}/{VENDOR_FOLDER}/) do cchc chép từ npm"}
    return output_clashes(editor_outputs(published, pages, shown), generated_outputs(pages, site_feeds, BUNDLES, cms))

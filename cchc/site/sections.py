"""The one list of what each section generates: its pages and its feeds.

A new section (plans, procedures, Q&A, documents) adds one entry to each list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from cchc.site.content import ContentPaths, SiteContent, load_site
from cchc.core.errors import ContentError, ContentErrors
from cchc.core.feeds import Feed
from cchc.kinds.documents.pages import build_document_feeds, build_document_pages
from cchc.kinds.news.pages import build_article_pages, build_news_feeds, build_news_pages
from cchc.core.pages import ContentPage, GeneratedFile, GeneratedPage
from cchc.kinds.plans.pages import build_plan_pages, current_month
from cchc.kinds.procedures.pages import build_procedure_feeds, build_procedure_pages
from cchc.core.memo import FileMemo
from cchc.kinds.questions.pages import ask_links, build_question_feeds, build_question_pages
from cchc.site.outputs import editor_outputs, generated_outputs, output_clashes
from cchc.search.index import BUNDLES, build_search_pages
from cchc.kinds.statistics.pages import build_statistics_pages

Page = GeneratedPage | GeneratedFile | ContentPage
HOME_QUESTIONS = 3

PAGE_BUILDERS: tuple[Callable[[SiteContent], list[Page]], ...] = (
    lambda site: build_news_pages(site.news, site.settings),
    lambda site: build_article_pages(site.news),
    lambda site: build_plan_pages(site.plans, site.public_news, site.built_at.date(), site.settings.site_url),
    lambda site: build_procedure_pages(site.procedures, site.settings, site.questions),
    lambda site: build_document_pages(site.documents, site.built_at.date()),
    lambda site: build_question_pages(site.questions, site.settings),
    lambda site: build_statistics_pages(site.statistics),
    lambda site: build_search_pages(),
)

FEEDS: tuple[Callable[[SiteContent], list[Feed]], ...] = (
    lambda site: build_news_feeds(site.public_news, site.settings),
    lambda site: build_procedure_feeds(site.procedures, site.settings, site.built_at.date()),
    lambda site: build_document_feeds(site.documents, site.settings),
    lambda site: build_question_feeds(site.questions, site.settings),
)


TEMPLATE_GLOBALS: tuple[Callable[[SiteContent], dict[str, Any]], ...] = (
    lambda site: {"plan_month_now": current_month(site.plans, site.public_news, site.built_at.date())},
    lambda site: {"stats_latest": site.statistics.latest,
                  "survey_latest": site.statistics.surveys[0] if site.statistics.surveys else None},
    lambda site: {"home_fields": [(field, len(site.procedures.in_field(field))) for field in site.procedures.fields
                                  if site.procedures.in_field(field)],
                  "home_procedure_count": len(site.procedures.in_force),
                  "home_questions": site.questions[:HOME_QUESTIONS],
                  "home_ask": ask_links(site.settings.department)},
)
"""Data every page's template may show (the home page shows this month's plan theme, the latest figures,
the procedures by field, the latest answers and the hotline)."""


def template_globals(site: SiteContent) -> dict[str, Any]:
    return {key: value for build in TEMPLATE_GLOBALS for key, value in build(site).items()}


def section_pages(site: SiteContent) -> list[Page]:
    return [page for build in PAGE_BUILDERS for page in build(site)]


def feeds(site: SiteContent) -> list[Feed]:
    return [feed for build in FEEDS for feed in build(site)]


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
        raise ContentErrors(errors)
    return CheckedSite(site, pages, site_feeds)


def output_clashes_of(site: SiteContent, pages: list[Page], site_feeds: list[Feed], paths: ContentPaths,
                      reported: frozenset[str] = frozenset()) -> list[ContentError]:
    """Editors' files whose output another file also writes (see ``cchc.site.outputs``), leaving out files already
    ``reported`` with an error of their own."""
    shown = {uri: paths.source(uri).shown_path for uri in site.editor_files if uri not in site.unpublished_src_uris}
    published = [uri for uri, path in shown.items() if path not in reported]
    return output_clashes(editor_outputs(published, pages, shown), generated_outputs(pages, site_feeds, BUNDLES))

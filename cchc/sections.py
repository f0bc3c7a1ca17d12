"""The one list of what each section generates: its pages and its feeds.

A new section (plans, procedures, Q&A, documents) adds one entry to each list.
"""

from __future__ import annotations

from typing import Any, Callable

from cchc.content import SiteContent
from cchc.feeds import Feed
from cchc.news_pages import build_article_pages, build_news_feeds, build_news_pages
from cchc.pages import ContentPage, GeneratedFile, GeneratedPage
from cchc.plan_pages import build_plan_pages, current_month
from cchc.statistics_pages import build_statistics_pages

Page = GeneratedPage | GeneratedFile | ContentPage

PAGE_BUILDERS: tuple[Callable[[SiteContent], list[Page]], ...] = (
    lambda site: build_news_pages(site.news, site.settings),
    lambda site: build_article_pages(site.news),
    lambda site: build_plan_pages(site.plans, site.public_news, site.built_at.date(), site.settings.site_url),
    lambda site: build_statistics_pages(site.statistics),
)

FEEDS: tuple[Callable[[SiteContent], list[Feed]], ...] = (
    lambda site: build_news_feeds(site.public_news, site.settings),
)


TEMPLATE_GLOBALS: tuple[Callable[[SiteContent], dict[str, Any]], ...] = (
    lambda site: {"plan_month_now": current_month(site.plans, site.public_news, site.built_at.date())},
    lambda site: {"stats_latest": site.statistics.latest,
                  "survey_latest": site.statistics.surveys[0] if site.statistics.surveys else None},
)
"""Data every page's template may show (the home page shows this month's plan theme and the latest figures)."""


def template_globals(site: SiteContent) -> dict[str, Any]:
    return {key: value for build in TEMPLATE_GLOBALS for key, value in build(site).items()}


def section_pages(site: SiteContent) -> list[Page]:
    return [page for build in PAGE_BUILDERS for page in build(site)]


def feeds(site: SiteContent) -> list[Feed]:
    return [feed for build in FEEDS for feed in build(site)]

"""The one list of what each section generates: its pages and its feeds.

A new section (plans, procedures, Q&A, documents) adds one entry to each list.
"""

from __future__ import annotations

from typing import Callable

from cchc.content import SiteContent
from cchc.feeds import Feed
from cchc.news_pages import build_article_pages, build_news_feeds, build_news_pages
from cchc.pages import ContentPage, GeneratedFile, GeneratedPage
from cchc.procedure_pages import build_procedure_feeds, build_procedure_pages

Page = GeneratedPage | ContentPage | GeneratedFile

PAGE_BUILDERS: tuple[Callable[[SiteContent], list[Page]], ...] = (
    lambda site: build_news_pages(site.news, site.settings),
    lambda site: build_article_pages(site.news),
    lambda site: build_procedure_pages(site.procedures, site.settings),
)

FEEDS: tuple[Callable[[SiteContent], list[Feed]], ...] = (
    lambda site: build_news_feeds(site.public_news, site.settings),
    lambda site: build_procedure_feeds(site.procedures, site.settings, site.built_at.date()),
)


def section_pages(site: SiteContent) -> list[Page]:
    return [page for build in PAGE_BUILDERS for page in build(site)]


def feeds(site: SiteContent) -> list[Feed]:
    return [feed for build in FEEDS for feed in build(site)]

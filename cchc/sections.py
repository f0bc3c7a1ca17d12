"""The one list of what each section generates: its pages and its feeds.

A new section (plans, procedures, Q&A, documents) adds one entry to each list.
"""

from __future__ import annotations

from typing import Callable

from cchc.content import SiteContent
from cchc.feeds import Feed
from cchc.news_pages import build_news_feeds, build_news_pages
from cchc.pages import GeneratedPage

PAGE_BUILDERS: tuple[Callable[[SiteContent], list[GeneratedPage]], ...] = (
    lambda site: build_news_pages(site.news, site.settings),
)

FEEDS: tuple[Callable[[SiteContent], list[Feed]], ...] = (
    lambda site: build_news_feeds(site.public_news, site.settings),
)


def generated_pages(site: SiteContent) -> list[GeneratedPage]:
    return [page for build in PAGE_BUILDERS for page in build(site)]


def feeds(site: SiteContent) -> list[Feed]:
    return [feed for build in FEEDS for feed in build(site)]

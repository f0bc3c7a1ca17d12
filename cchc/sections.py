"""The one list of what each section generates: its pages and its feeds.

A new section (plans, procedures, Q&A, documents) adds one entry to each list.
"""

from __future__ import annotations

from typing import Callable

from cchc.content import ContentPaths, SiteContent
from cchc.errors import ContentError
from cchc.feeds import Feed
from cchc.news_pages import build_article_pages, build_news_feeds, build_news_pages
from cchc.pages import ContentPage, GeneratedPage

Page = GeneratedPage | ContentPage
GENERATOR_NAME = "trang do cchc tạo tự động"

PAGE_BUILDERS: tuple[Callable[[SiteContent], list[Page]], ...] = (
    lambda site: build_news_pages(site.news, site.settings),
    lambda site: build_article_pages(site.news),
)

FEEDS: tuple[Callable[[SiteContent], list[Feed]], ...] = (
    lambda site: build_news_feeds(site.public_news, site.settings),
)


def section_pages(site: SiteContent) -> list[Page]:
    return [page for build in PAGE_BUILDERS for page in build(site)]


def feeds(site: SiteContent) -> list[Feed]:
    return [feed for build in FEEDS for feed in build(site)]


def generated_page_clashes(site: SiteContent, paths: ContentPaths, src_uris: list[str]) -> list[ContentError]:
    """Editors' files at the source path of a page cchc generates (content/tin-tuc/index.md)."""
    existing = set(src_uris)
    return [
        ContentError(paths.source(page.src_uri).shown_path, None, None,
                     f'tệp này trùng địa chỉ /{page.url} với {GENERATOR_NAME} ("{page.title}"); '
                     "đổi tên hoặc chuyển tệp sang thư mục khác (clashes with a generated page)")
        for page in section_pages(site) if isinstance(page, GeneratedPage) and page.src_uri in existing
    ]

"""The one list of what each section generates: its pages and its feeds.

A new section (plans, procedures, Q&A, documents) adds one entry to each list.
"""

from __future__ import annotations

from typing import Any, Callable

from cchc.content import ContentPaths, SiteContent
from cchc.errors import ContentError
from cchc.feeds import Feed
from cchc.document_pages import build_document_feeds, build_document_pages
from cchc.news_pages import build_article_pages, build_news_feeds, build_news_pages
from cchc.pages import ContentPage, GeneratedFile, GeneratedPage
from cchc.plan_pages import build_plan_pages, current_month
from cchc.procedure_pages import build_procedure_feeds, build_procedure_pages
from cchc.question_pages import ask_links, build_question_feeds, build_question_pages
from cchc.search import build_search_pages
from cchc.statistics_pages import build_statistics_pages

Page = GeneratedPage | GeneratedFile | ContentPage
GENERATOR_NAME = "trang do cchc tạo tự động"
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


def generated_page_clashes(pages: list[Page], paths: ContentPaths, src_uris: list[str]) -> list[ContentError]:
    """Editors' files at the source path of a page or file cchc generates (content/tin-tuc/index.md)."""
    existing = set(src_uris)
    return [
        ContentError(paths.source(page.src_uri).shown_path, None, None,
                     f'tệp này trùng địa chỉ /{page.url} với {GENERATOR_NAME} ("{page.title}"); '
                     "đổi tên hoặc chuyển tệp sang thư mục khác (clashes with a generated page)")
        for page in pages if isinstance(page, (GeneratedPage, GeneratedFile)) and page.src_uri in existing
    ]

"""Load and validate all content of the site once per build.

``load_site`` is the single entry point: it reads the settings and every
content kind, collects all errors, and either returns an immutable
``SiteContent`` or raises ``ContentErrors`` listing every problem.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

from cchc.errors import ErrorLog
from cchc.news import NEWS_DIR, Article, News, SourceFile, load_articles
from cchc.plans import Plan, load_plans
from cchc.settings import Settings, load_settings
from cchc.statistics import PERIODS_URI, SURVEYS_URI, Statistics, load_statistics


@dataclass(frozen=True)
class ContentPaths:
    """Where things are: the project, its mkdocs.yml and docs folder."""

    project_dir: str
    config_path: str
    docs_dir: str

    def source(self, src_uri: str) -> SourceFile:
        abs_path = os.path.join(self.docs_dir, src_uri)
        return SourceFile(src_uri, abs_path, os.path.relpath(abs_path, self.project_dir).replace(os.sep, "/"))


@dataclass(frozen=True)
class SiteContent:
    settings: Settings
    news: News
    """What this build shows: the public articles, plus drafts when previewing."""
    public_news: News
    """What feeds carry: never drafts or future articles, even in a preview."""
    all_articles: tuple[Article, ...]
    """Every valid article, drafts and future ones included."""
    plans: dict[int, Plan]
    """The yearly propaganda plans by year."""
    statistics: Statistics
    """Dossier figures per period and satisfaction surveys."""
    built_at: datetime

    @property
    def unpublished_src_uris(self) -> frozenset[str]:
        """Content files not to publish as they are: drafts, articles dated in the future, data files."""
        shown = {a.src_uri for a in self.news.articles}
        hidden_articles = frozenset(a.src_uri for a in self.all_articles if a.src_uri not in shown)
        return hidden_articles | self.statistics.src_uris


def is_article(src_uri: str) -> bool:
    return src_uri.startswith(f"{NEWS_DIR}/") and src_uri.endswith(".md") and not src_uri.endswith("index.md")


def load_site(paths: ContentPaths, site_url: str | None, src_uris: list[str], now: datetime,
              include_drafts: bool = False) -> SiteContent:
    """Read everything under content/ (``src_uris``) and the settings.

    Raises ContentErrors with every problem found if anything is wrong.
    """
    log = ErrorLog()
    settings = load_settings(paths.config_path, site_url, paths.project_dir, log)
    if settings is None:
        log.raise_if_any()
    plans = load_plans(paths.project_dir, paths.docs_dir, log)
    sources = [paths.source(uri) for uri in sorted(src_uris) if is_article(uri)]
    articles = load_articles(sources, settings, paths.docs_dir, plans, log)
    statistics = load_statistics([paths.source(uri) for uri in src_uris if uri in (PERIODS_URI, SURVEYS_URI)], log)
    log.raise_if_any()
    public = News.publish(articles, now)
    shown = News.publish(articles, now, include_drafts) if include_drafts else public
    return SiteContent(settings, shown, public, tuple(articles), plans, statistics, now)

"""Load and validate all content of the site once per build.

``load_site`` is the single entry point: it reads the settings and every
content kind, collects all errors, and either returns an immutable
``SiteContent`` or raises ``ContentErrors`` listing every problem.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from cchc.kinds.documents.load import Document, is_document, load_documents
from cchc.core.errors import ContentErrors, ErrorLog
from cchc.site.folders import is_markdown, is_refused, link_problems, misplaced_files, section_of
from cchc.kinds.news.load import Article, News, is_article, load_articles
from cchc.core.reading import SourceFile, guarded
from cchc.site.plain_pages import check_plain_pages, page_templates
from cchc.kinds.plans.load import PLANS_DIR, Plan, load_plans
from cchc.kinds.procedures.model import Catalogue
from cchc.kinds.procedures.load import is_procedure, load_procedures
from cchc.core.memo import FileMemo
from cchc.kinds.questions.load import Question, is_question, load_questions
from cchc.site.settings import Settings, load_settings
from cchc.kinds.statistics.model import PERIODS_URI, SURVEYS_URI, Statistics
from cchc.kinds.statistics.load import load_statistics


@dataclass(frozen=True)
class ContentPaths:
    """Where things are: the project, its mkdocs.yml and docs folder."""

    project_dir: str
    config_path: str
    docs_dir: str
    theme_dirs: tuple[str, ...] = ()
    """The theme's template folders, cchc's overrides first (empty: templates are not checked)."""

    def source(self, src_uri: str) -> SourceFile:
        shown = posixpath.normpath(f"{self._shown_docs_dir}/{src_uri}")
        return SourceFile(src_uri, os.path.join(self.docs_dir, src_uri), shown)

    @cached_property
    def _shown_docs_dir(self) -> str:
        """The docs folder as messages show it, relative to the project ("content"), worked out once a build."""
        return os.path.relpath(self.docs_dir, self.project_dir).replace(os.sep, "/")


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
    procedures: Catalogue
    documents: tuple[Document, ...]
    """Guiding documents, newest first, the yearly plans included."""
    questions: tuple[Question, ...]
    """Answered questions, newest answer first (unanswered ones, or answers dated after the build, wait)."""
    statistics: Statistics
    """Dossier figures per period and satisfaction surveys."""
    editor_files: tuple[str, ...]
    """Every file under content/ this build read or publishes (links refused, see ``cchc.site.folders``, left out)."""
    unpublished_src_uris: frozenset[str]
    """Content files not to publish as they are: drafts, future articles, unanswered questions, and the
    YAML data of procedures and documents (published as pages instead)."""
    built_at: datetime

def is_plain_page(src_uri: str) -> bool:
    """A Markdown page no section reads (the home page, an "about" page)."""
    return is_markdown(src_uri) and section_of(src_uri) is None


def load_site(paths: ContentPaths, site_url: str | None, src_uris: list[str], now: datetime,
              include_drafts: bool = False, memo: FileMemo | None = None) -> SiteContent:
    """Read everything under content/ (``src_uris``), plans/ and the settings.

    Raises ContentErrors with every problem found if anything is wrong (with the content that did load, when
    the settings could be read, see ``cchc.site.sections.load_checked_site``). ``memo`` holds the
    models of the previous build in this process; files that did not change are not parsed again.
    """
    memo = memo or FileMemo()
    memo.begin_build()
    log = ErrorLog()
    config = SourceFile("mkdocs.yml", paths.config_path, os.path.relpath(paths.config_path, paths.project_dir))
    settings = guarded(config, log, lambda: load_settings(paths.config_path, site_url, paths.project_dir, log))()
    if settings is None:
        log.raise_if_any()
    links, refused = link_problems(paths.project_dir, [paths.docs_dir, os.path.join(paths.project_dir, PLANS_DIR)])
    log.errors += links
    uris = sorted(uri for uri in src_uris if not is_refused(paths.source(uri).abs_path, refused))
    log.errors += misplaced_files(uris, paths.docs_dir, lambda uri: paths.source(uri).shown_path)
    sources = lambda wanted: [paths.source(uri) for uri in uris if wanted(uri)]  # noqa: E731
    check_plain_pages(sources(is_plain_page), page_templates(paths.theme_dirs), log)
    plans = load_plans(paths.project_dir, paths.docs_dir, log, memo, refused)
    procedures = Catalogue.of(load_procedures(sources(is_procedure), now.date(), log, memo))
    articles = load_articles(sources(is_article), settings, paths.docs_dir, plans, log, memo)
    documents = load_documents(sources(is_document), paths.docs_dir, plans, procedures.procedures, log, memo)
    questions = load_questions(sources(is_question), procedures.procedures, log, memo)
    statistics = load_statistics(sources(lambda uri: uri in (PERIODS_URI, SURVEYS_URI)), log)

    public = News.publish(articles, now)
    shown = News.publish(articles, now, include_drafts) if include_drafts else public
    answered = sorted((q for q in questions if q.is_answered and q.answered <= now.date()),
                      key=lambda q: (q.answered, q.slug), reverse=True)
    published = {a.src_uri for a in shown.articles} | {q.src_uri for q in answered}
    data_files = {uri for uri in uris if is_procedure(uri) or is_document(uri)}
    drafts = {uri for uri in uris if (is_article(uri) or is_question(uri)) and uri not in published}
    site = SiteContent(settings, shown, public, tuple(articles), plans, procedures, tuple(documents),
                       tuple(answered), statistics, tuple(uris), frozenset(data_files | drafts | statistics.src_uris),
                       now)
    if log.errors:
        raise ContentErrors(log.errors, partial=site)  # what did load, so rules on the whole site still run
    return site

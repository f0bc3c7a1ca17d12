"""Load and validate all content of the site once per build.

``load_site`` is the single entry point: it reads the settings, checks what content/ holds as a whole
(links, misplaced files, plain pages), then loads every declared kind (``cchc.kinds.registry``) in the
order their dependencies give, collects all errors, and either returns an immutable ``SiteContent`` or
raises ``ContentErrors`` listing every problem.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any, Mapping

from cchc.core.errors import ContentError, ContentErrors, ErrorLog
from cchc.core.memo import FileMemo
from cchc.core.reading import SourceFile, guarded
from cchc.kinds.registry import in_load_order
from cchc.site.folders import is_plain_page, is_refused, link_problems, misplaced_files
from cchc.site.images import SiteImages, check_share_image, load_images
from cchc.site.plain_pages import check_plain_pages, page_templates
from cchc.site.settings import Settings, load_settings

PLANS_DIR = "plans"
"""The project's folder beside content/ that holds the yearly plans (read by their kind, checked for links here)."""


@dataclass(frozen=True)
class ContentPaths:
    """Where things are: the project, its mkdocs.yml and docs folder."""

    project_dir: str
    config_path: str
    docs_dir: str
    theme_dirs: tuple[str, ...] = ()
    """The theme's template folders, cchc's overrides first (empty: templates are not checked)."""

    def source(self, src_uri: str) -> SourceFile:
        shown = posixpath.normpath(f"{self.shown_docs_dir}/{src_uri}")
        return SourceFile(src_uri, os.path.join(self.docs_dir, src_uri), shown)

    @cached_property
    def shown_docs_dir(self) -> str:
        """The docs folder as messages show it, relative to the project ("content"), worked out once a build."""
        return os.path.relpath(self.docs_dir, self.project_dir).replace(os.sep, "/")


@dataclass(frozen=True)
class LoadContext:
    """What a kind's loader is given: its own files, the kinds loaded before it, and where to report."""

    paths: ContentPaths
    settings: Settings
    now: datetime
    include_drafts: bool
    log: ErrorLog
    memo: FileMemo
    sources: list[SourceFile]
    """The kind's files under content/ (none for a kind outside it, such as the plans)."""
    loaded: Mapping[str, Any]
    """The content of every kind loaded so far, by kind name: the kinds this one depends on are there."""
    refused: frozenset[str]
    """Links not to read (``cchc.site.folders.link_problems``)."""
    images: SiteImages = SiteImages()
    """The images under content/, for the fields and texts that show one (``cchc.site.images``)."""


@dataclass(frozen=True)
class SiteContent:
    """Everything the site publishes: the settings and each kind's content, by kind name.

    ``site.news``, ``site.procedures``… read a kind's content by its name (templates write ``cchc.news``).
    """

    settings: Settings
    content: Mapping[str, Any]
    editor_files: tuple[str, ...]
    """Every file under content/ this build read or publishes (links refused, see ``cchc.site.folders``, left out)."""
    unpublished_src_uris: frozenset[str]
    """Content files not to publish as they are: drafts, future articles, unanswered questions, and the
    YAML data of procedures and documents (published as pages instead)."""
    built_at: datetime
    warnings: tuple[ContentError, ...] = ()
    """What the content's rules warn about (``ErrorLog.warn``): told by ``cchc check``, never stopping a build."""
    paths: ContentPaths | None = None
    """Where the project is (the browser form names its folders from the repository's root)."""
    images: SiteImages = SiteImages()
    """What each image under content/ is published as (``cchc.core.images``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["content"][name]
        except KeyError:
            raise AttributeError(name) from None


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
    images = load_images(paths.docs_dir, paths.project_dir, uris, {uri: paths.source(uri).shown_path for uri in uris},
                         log)
    check_share_image(settings.department, images, config.shown_path, log)
    check_plain_pages([paths.source(uri) for uri in uris if is_plain_page(uri)], page_templates(paths.theme_dirs),
                      log, images)
    loaded: dict[str, Any] = {}
    for kind in in_load_order():
        sources = [paths.source(uri) for uri in uris if kind.owns(uri)] if kind.in_content else []
        loaded[kind.name] = kind.load(LoadContext(paths, settings, now, include_drafts, log, memo, sources, loaded,
                                                  refused, images))
    unpublished = frozenset(uri for content in loaded.values() for uri in getattr(content, "unpublished", ()))
    site = SiteContent(settings, loaded, tuple(uris), unpublished, now, tuple(sorted(set(log.warnings))), paths, images)
    if log.errors:
        raise ContentErrors(log.errors, partial=site, warnings=site.warnings)  # what did load, so rules on the whole site still run
    return site

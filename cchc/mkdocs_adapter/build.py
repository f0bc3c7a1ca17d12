"""One MkDocs build of the site, phase by phase: load and register, render, write, remember.

One ``SiteBuild`` is created per build in ``on_config`` (so nothing leaks from one ``mkdocs serve``
rebuild to the next) and the hooks call its methods. Each phase's work is in its own module: files
and faster pages (``files``), the Jinja environment (``templates``), the search index (``indexing``),
feeds (``feed_files``), what a dirty rebuild may skip (``dirty``); the content itself is the domain's
(``cchc.site``), and a rebuild's memory is ``cchc.mkdocs_adapter.rebuilds``.
"""

from __future__ import annotations

import os
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime, get_relative_url

from cchc.cms.config import ADMIN_FOLDER
from cchc.cms.package import VENDOR_FOLDER, CmsPackageProblem, vendor_files
from cchc.core.errors import ContentErrors
from cchc.core.escaping import escape_config_texts
from cchc.core.pages import ContentPage, GeneratedPage
from cchc.core.safe_html import sanitize
from cchc.core.text import VN_TZ, nfc, nfc_tree
from cchc.kinds.registry import template_dirs
from cchc.mkdocs_adapter.dirty import DirtyRebuild, site_stamp
from cchc.mkdocs_adapter.feed_files import FeedLinks, write_feeds
from cchc.mkdocs_adapter.files import TrackedFile, add_files, place_pages, use_faster_pages
from cchc.mkdocs_adapter.image_files import add_picture_global, publish_images
from cchc.mkdocs_adapter.indexing import SearchIndexing
from cchc.mkdocs_adapter.share_cards import add_share_global
from cchc.mkdocs_adapter.rebuilds import PageMemo, memory_for
from cchc.mkdocs_adapter.shared_markdown import can_share_markdown
from cchc.mkdocs_adapter.templates import one_storage_scope, own_template_dirs, prepare_templates
from cchc.mkdocs_adapter.theme_files import drop_material_scripts, skip_hidden_folders
from cchc.search.index import search_bundles
from cchc.site.content import ContentPaths, SiteContent
from cchc.site.images import shown_body
from cchc.site.options import read_options
from cchc.site.sections import load_checked_site, template_globals


class SiteBuild:
    """The state of one build: the loaded content, the pages made from it, and its phases' helpers."""

    def __init__(self, config: MkDocsConfig, preview: bool, dirty: bool = False) -> None:
        escape_config_texts(config)
        one_storage_scope(config)
        skip_hidden_folders(config.theme)
        self.config, self.preview = config, preview
        config_path = os.path.abspath(config.config_file_path)
        self.paths = ContentPaths(os.path.dirname(config_path), config_path, config.docs_dir,
                                  (*config.theme.dirs, *template_dirs()))
        self.memory = memory_for(config_path)
        if not dirty:
            self.memory.search.wait()  # a full rebuild cleans the site folder: not under a running indexer
        self.options = read_options(config.extra)
        self.dirty = DirtyRebuild(self.memory) if dirty else None
        self.search = SearchIndexing(self.memory, config.site_dir, self.options["search_index"], preview)
        self._body_env: Environment | None = None
        self.site: SiteContent | None = None
        self.pages: dict[str, Any] = {}
        self.globals: dict[str, Any] = {}
        self.feed_links = FeedLinks([])

    # --- load and register -----------------------------------------------------------------------------

    def register_files(self, files: Files) -> Files:
        """Load all content, drop what is unpublished, place section pages, add generated ones."""
        now = get_build_datetime().astimezone(VN_TZ)
        try:
            checked = load_checked_site(self.paths, self.config.site_url, self._editors_files(files), now,
                                        self.preview, self.memory.files)
        except ContentErrors as errors:
            raise PluginError(errors.report()) from None
        self.site, self.feeds = checked.content, checked.feeds
        self.feed_links = FeedLinks(checked.feeds)
        self.globals = {**template_globals(self.site), "search_bundles": search_bundles(checked.pages)}
        for src_uri in self.site.unpublished_src_uris:
            files.remove(files.src_uris[src_uri])
        drop_material_scripts(files)
        place_pages(files, checked.pages, self.config)
        add_files(files, self._cms_vendor_files(), self.config)
        publish_images(files, self.site.images, self.config, TrackedFile.generated)
        self.pages = {page.src_uri: page for page in checked.pages}
        if self.dirty is not None:
            files = self.dirty.mark_modified(files, self.pages, self._site_stamp(),
                                             {path for feed in self.feeds for path in feed.paths})
        files = self.search.order(files, self.pages)
        use_faster_pages(files, self.config, self.pages, self.options["shared_markdown"] and can_share_markdown())
        return files

    def _cms_vendor_files(self) -> dict[str, bytes]:
        """Decap CMS's files from its npm package, under /quan-tri/decap/; a clear stop when it is missing."""
        try:
            vendor = vendor_files(self.paths.project_dir)
        except CmsPackageProblem as problem:
            raise PluginError(str(problem)) from None
        return {f"{ADMIN_FOLDER}/{VENDOR_FOLDER}/{name}": data for name, data in vendor.items()}

    def _editors_files(self, files: Files) -> list[str]:
        """The files under content/ (MkDocs' list also holds the theme's assets)."""
        docs_dir = os.path.abspath(self.config.docs_dir)
        return [f.src_uri for f in files if f.src_dir and os.path.abspath(f.src_dir) == docs_dir]

    def _site_stamp(self) -> tuple:
        images = self.site.images  # a page shows its pictures' sizes and files: a changed photo renders them again
        shown = (tuple((uri, plan.info) for uri, plan in images.plans.items()), tuple(images.videos.items()))
        return site_stamp((self.site.settings, shown), self.globals, self.feeds, self.site.built_at.date(),
                          self.paths.config_path, own_template_dirs(self.config), self.preview)

    # --- render --------------------------------------------------------------------------------------------

    def prepare_templates(self, env: Environment) -> None:
        prepare_templates(env, self.config, self.options["chrome_cache"])
        add_picture_global(env, self.site.images if self.site else None)
        add_share_global(env, self.site, self.config)

    def page_markdown(self, markdown: str, page: Page) -> str:
        """Normalize to NFC and give section pages their template."""
        page.meta = nfc_tree(page.meta)
        section_page = self.pages.get(page.file.src_uri)
        if isinstance(section_page, ContentPage):
            page.meta.setdefault("template", section_page.template)
        return nfc(markdown)

    def page_content(self, html: str, page: Page) -> str:
        """The converted Markdown, sanitized (``cchc.core.safe_html``); with a body template, that body around it.

        Rendering the body here, while MkDocs still reads the other pages, lets search index it before MkDocs
        renders the first page (see ``ContentPage.body_template``); the page template shows it as ``page.content``.
        """
        html = shown_body(sanitize(html), page.url, self.site.images, self.site.settings.department.tv_site)
        section_page = self._with_body_template(page)
        if section_page is None:
            return html
        page.content = html  # what the body template shows as the Markdown's HTML
        context = {**self.globals, **section_page.data, "config": self.config, "page": page,
                   "base_url": get_relative_url(".", page.url)}
        body = self._body_templates().get_template(section_page.body_template).render(context)
        self.search.index(page, body)
        return body

    def _with_body_template(self, page: Page) -> ContentPage | None:
        section_page = self.pages.get(page.file.src_uri)
        return section_page if isinstance(section_page, ContentPage) and section_page.body_template else None

    def _body_templates(self) -> Environment:
        """The theme's templates, with cchc's filters, for bodies rendered before MkDocs' own environment is ready."""
        if self._body_env is None:
            self._body_env = self.config.theme.get_env()
            self.prepare_templates(self._body_env)
        return self._body_env

    def page_context(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        section_page = self.pages.get(page.file.src_uri)
        data = section_page.data if isinstance(section_page, (GeneratedPage, ContentPage)) else {}
        context.update(self.globals, **data)
        context.update(cchc=self.site, feed_links=self.feed_links.of(data.get("feed_folder", "")))
        return context

    def page_written(self, page: Page, html: str) -> None:
        """Keep what the search index needs of the page while its HTML is in hand (a body rendered
        with its Markdown was indexed then)."""
        if self._with_body_template(page) is None:
            self.search.index(page, html)

    # --- write and remember ------------------------------------------------------------------------------

    def write_outputs(self, site_dir: str) -> None:
        """After the pages: the feeds and their sitemaps, the search index, and what the next rebuild may reuse."""
        write_feeds(site_dir, self.feeds, self.site.settings)
        self.search.write()
        if self.dirty is not None:
            self.dirty.remember(site_dir)

    def forget_build(self) -> None:
        """A build failed half-way: its outputs are unknown, so the next one renders every page."""
        self.memory.pages = PageMemo()
        self.search.discard()

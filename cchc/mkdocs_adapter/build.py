"""Everything that touches MkDocs: registering files, feeding templates, writing feeds.

One ``SiteBuild`` is created per build in ``on_config`` (so nothing leaks from
one ``mkdocs serve`` rebuild to the next) and the hooks call its methods. What a
rebuild may reuse lives in ``cchc.mkdocs_adapter.rebuilds`` and is checked against the files.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_build_datetime, get_relative_url

from cchc.core.errors import ContentErrors
from cchc.core.escaping import autoescape_templates_in, escape_config_texts
from cchc.core.feeds import Feed, Publisher, render_atom, render_rss, render_sitemap
from cchc.core.memo import digest, file_digest
from cchc.core.pages import ContentPage, GeneratedFile, GeneratedPage
from cchc.core.safe_html import sanitize
from cchc.core.text import VN_TZ, format_count, format_date, format_datetime, format_size, nfc, nfc_tree
from cchc.kinds.questions.pages import plain_text_with_breaks
from cchc.kinds.registry import template_dirs
from cchc.mkdocs_adapter.chrome_cache import ChromeCache, add_kind_templates, add_material_prefix, translations
from cchc.mkdocs_adapter.page_urls import SiteRootPage
from cchc.mkdocs_adapter.rebuilds import PageMemo, PageState, linked_src_uris, memory_for, theme_stamp
from cchc.mkdocs_adapter.shared_markdown import SharedConverter, SharedMarkdownPage, can_share_markdown
from cchc.search.index import bundle_of_page, search_bundles
from cchc.search.pagefind import EARLY_ORDER, EarlyBundles, SearchIndexError, write_search_index
from cchc.site.content import ContentPaths, SiteContent
from cchc.site.options import read_options
from cchc.site.sections import load_checked_site, template_globals

_DIRTY_BUILD_WARNING = "A 'dirty' build is being performed"


def quiet_dirty_build_warning() -> None:
    """Under ``mkdocs serve --dirty`` (the editors' preview), drop MkDocs' warning on every rebuild.

    It says that pages not rendered again may keep a stale menu and links. cchc renders again every
    page whose data, text or linked files changed, and every page when mkdocs.yml (the menu) or the
    theme changed (see ``SiteBuild._mark_modified``), so the warning would only alarm editors at
    each save.
    """
    logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_build_warning)  # once: same function


def _not_the_dirty_build_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(_DIRTY_BUILD_WARNING)


def report_unexpected(error: Exception) -> None:
    """After a build failed: turn an error nobody foresaw into a message instead of a traceback.

    MkDocs prints its own errors (content errors are ``PluginError``) and a traceback for any other
    exception. An editor cannot act on a traceback, so it becomes a Vietnamese message that says the
    content is probably fine and whom to tell; ``mkdocs build -v`` still logs the traceback.
    """
    if isinstance(error, (BuildError, Abort)):
        return
    logging.getLogger("mkdocs.plugins.cchc").debug("cchc: unexpected error", exc_info=error)
    raise Abort(failure_message(error)) from None


def failure_message(error: Exception) -> str:
    """What an editor is told of a failed build: the content errors, or a message for what nobody foresaw."""
    if isinstance(error, (BuildError, Abort)):
        return str(error)
    return ("Lỗi không lường trước khi dựng trang; nếu vừa sửa một tệp, kiểm tra lại tệp đó bằng "
            '"cchc check", rồi báo cho bộ phận kỹ thuật kèm dòng thông báo này '
            f"(unexpected error: {type(error).__name__}: {error})")


def own_template_dirs(config: MkDocsConfig) -> list[str]:
    """cchc's templates: the theme's custom_dir (overrides/) and each kind's own folder."""
    return ([config.theme.custom_dir] if config.theme.custom_dir else []) + template_dirs()


class TrackedFile(File):
    """A page whose need to be rendered again under ``--dirty`` cchc decides (see ``cchc.mkdocs_adapter.rebuilds``)."""

    modified = True

    def is_modified(self) -> bool:
        return self.modified


class TemplatePage(SiteRootPage):
    """A page cchc generates: its template draws all of it, so there is no Markdown to read or convert.

    MkDocs builds a new Markdown converter for every page (about a millisecond); a large site has
    a thousand or more listing, procedure and plan pages, none with a line of Markdown.
    """

    def __init__(self, generated: GeneratedPage, file: File, config: MkDocsConfig) -> None:
        super().__init__(None, file, config)
        self.generated = generated

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = "", self.generated.meta

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content, self.toc = "", get_toc([])
        self.present_anchor_ids = set()


def nav_paths(nav: Any) -> set[str] | None:
    """The files that ``nav:`` of mkdocs.yml names (None when there is no ``nav:``: MkDocs lists every page)."""
    if nav is None:
        return None
    found: set[str] = set()
    entries = list(nav.values()) if isinstance(nav, dict) else list(nav)
    while entries:
        entry = entries.pop()
        if isinstance(entry, str):
            found.add(entry.lstrip("/"))
        elif isinstance(entry, dict):
            entries += entry.values()
        elif isinstance(entry, list):
            entries += entry
    return found


class SiteBuild:
    """The state of one build: the loaded content and the pages made from it."""

    def __init__(self, config: MkDocsConfig, preview: bool, dirty: bool = False) -> None:
        escape_config_texts(config)
        self.config = config
        self.preview = preview
        self.dirty = dirty
        config_path = os.path.abspath(config.config_file_path)
        self.paths = ContentPaths(os.path.dirname(config_path), config_path, config.docs_dir,
                                  (*config.theme.dirs, *template_dirs()))
        self.memory = memory_for(config_path)
        if not dirty:
            self.memory.search.wait()  # a full rebuild cleans the site folder: not under a running indexer
        self._page_states: dict[str, PageState] = {}
        self._outputs: set[str] = set()
        self._page_outputs: set[str] = set()
        self.options = read_options(config.extra)
        self.search_enabled = self.options["search_index"]
        self._early_search: EarlyBundles | None = None
        self._body_env: Environment | None = None
        self.site: SiteContent | None = None
        self.pages: dict[str, GeneratedPage | GeneratedFile | ContentPage] = {}
        self.feeds: list[Feed] = []
        self.globals: dict[str, Any] = {}
        self._feed_links_by_folder: dict[str, list[dict[str, str]]] = {}

    def register_files(self, files: Files) -> Files:
        """Load all content, drop what is unpublished, place section pages, add generated ones."""
        now = get_build_datetime().astimezone(VN_TZ)
        try:
            checked = load_checked_site(self.paths, self.config.site_url, self._editors_files(files), now,
                                        self.preview, self.memory.files)
        except ContentErrors as errors:
            raise PluginError(errors.report()) from None
        self.site, self.feeds, pages = checked.content, checked.feeds, checked.pages
        self.globals = template_globals(self.site)
        for src_uri in self.site.unpublished_src_uris:
            files.remove(files.src_uris[src_uri])
        self.globals["search_bundles"] = search_bundles(pages)
        for page in pages:
            if isinstance(page, ContentPage):
                self._move(files, page)
            else:
                files.append(TrackedFile.generated(self.config, page.src_uri, content=page.content))
            self.pages[page.src_uri] = page
        if self.dirty:
            files = self._mark_modified(files)
        self._page_outputs = {f.dest_uri for f in files if f.is_documentation_page()}
        if self.search_enabled and not self.preview:
            files = self._searchable_pages_first(files)
        self._use_faster_pages(files)
        return files

    def _editors_files(self, files: Files) -> list[str]:
        """The files under content/ (MkDocs' list also holds the theme's assets)."""
        docs_dir = os.path.abspath(self.config.docs_dir)
        return [f.src_uri for f in files if f.src_dir and os.path.abspath(f.src_dir) == docs_dir]

    def _searchable_pages_first(self, files: Files) -> Files:
        """Read and render the searchable pages first, by bundle, so each bundle is indexed while the rest renders.

        See ``EarlyBundles``. MkDocs reads and renders pages in the order of ``files`` (and sitemap.xml
        lists them so); the other pages keep their order.
        """
        by_bundle: dict[str, set[str]] = {bundle: set() for bundle in EARLY_ORDER}
        for page in self.pages.values():
            bundle = bundle_of_page(page)
            if bundle is not None:
                by_bundle[bundle].add(page.src_uri)
        self._early_search = EarlyBundles(self.config.site_dir, by_bundle)
        rank = {src_uri: EARLY_ORDER.index(bundle) for bundle, src_uris in by_bundle.items() for src_uri in src_uris}
        return Files(sorted(files, key=lambda file: rank.get(file.src_uri, len(EARLY_ORDER))))

    def _use_faster_pages(self, files: Files) -> None:
        """Pages outside the navigation skip work MkDocs would repeat for each of them.

        Generated pages skip Markdown (see ``TemplatePage``); Markdown pages share one converter
        (see ``cchc.mkdocs_adapter.shared_markdown``). Made before MkDocs builds the navigation, which makes a
        page only for files that have none: making every page twice cost a tenth of a second of
        each rebuild. Pages in the navigation are left to MkDocs, which gives them the title the
        nav names them by (there are only a few); with no ``nav:`` every page is in it.
        """
        in_nav = nav_paths(self.config.nav)
        share = self.options["shared_markdown"] and can_share_markdown()
        converter = SharedConverter(self.config) if share else None
        for file in files.documentation_pages():
            if in_nav is None or file.src_uri in in_nav or file.page is not None:
                continue  # MkDocs' page, with its menu name; or a page another plugin made
            generated = self.pages.get(file.src_uri)
            if isinstance(generated, GeneratedPage):
                TemplatePage(generated, file, self.config)  # sets file.page
            elif converter is not None:
                SharedMarkdownPage(file, self.config, converter)  # sets file.page

    def _mark_modified(self, files: Files) -> Files:
        """Under ``--dirty``: render a page again only if what it shows changed since the last build.

        What a page shows: its source, its template's data (neighbours, related articles, listed
        items) and the URLs of the files its Markdown links to. Pages that are not cchc's (the home
        page shows the latest news) are always rendered.
        """
        site = self._site_stamp()
        same_site = site == self.memory.pages.site
        marked = []
        for file in files:
            page = self.pages.get(file.src_uri)
            if file.is_documentation_page() and not isinstance(file, TrackedFile):
                file = TrackedFile(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                                   dest_uri=file.dest_uri)
            if isinstance(file, TrackedFile) and isinstance(page, (GeneratedPage, ContentPage)):
                state = self._page_state(file, page, files)
                file.modified = self.memory.pages.changed(file.src_uri, state, same_site)
                self._page_states[file.src_uri] = state
            marked.append(file)
        self._outputs = {f.dest_uri for f in marked} | {path for feed in self.feeds for path in feed.paths}
        self._site = site
        return Files(marked)

    def _page_state(self, file: File, page: GeneratedPage | ContentPage, files: Files) -> PageState:
        if isinstance(page, GeneratedPage):
            return PageState(page.content.encode(), (page.template, page.data))
        source = self.memory.files.digests.get(file.abs_src_path)  # its model was loaded from it this build
        before = self.memory.pages.pages.get(file.src_uri)
        if source is not None and before is not None and before.source == source:
            linked = [src_uri for src_uri, _ in before.links]  # the same Markdown links to the same files
        else:
            with open(file.abs_src_path, "rb") as stream:
                markdown = stream.read()
            source, linked = digest(markdown), linked_src_uris(file.src_uri, markdown.decode("utf-8", "replace"))
        links = []
        for src_uri in linked:
            target = files.src_uris.get(src_uri)
            links.append((src_uri, target.url if target else None))
        return PageState(source, (page.template, page.data), tuple(links))

    def _site_stamp(self) -> tuple:
        """What every page may show: settings, globals, feed links, the day, mkdocs.yml and the theme."""
        site = self.site
        theme = own_template_dirs(self.config)
        return (site.settings, self.globals, tuple((f.folder, f.title) for f in self.feeds), site.built_at.date(),
                file_digest(self.paths.config_path), theme_stamp(theme), self.preview)

    def remember_build(self, site_dir: str) -> None:
        """After a successful build: remember what each page showed; delete outputs of pages now gone."""
        if not self.dirty:
            return
        for dest_uri in sorted(self.memory.pages.outputs - self._outputs):
            self._delete_output(site_dir, dest_uri)
        self.memory.pages = PageMemo(self._site, self._page_states, self._outputs)

    def forget_build(self) -> None:
        """A build failed half-way: its outputs are unknown, so the next one renders every page."""
        self.memory.pages = PageMemo()
        if self._early_search is not None:
            self._early_search.discard()

    @staticmethod
    def _delete_output(site_dir: str, dest_uri: str) -> None:
        path = os.path.join(site_dir, *dest_uri.split("/"))
        if os.path.isfile(path):
            os.remove(path)
        folder = os.path.dirname(path)
        while folder != os.path.normpath(site_dir) and os.path.isdir(folder) and not os.listdir(folder):
            os.rmdir(folder)
            folder = os.path.dirname(folder)

    def _move(self, files: Files, page: ContentPage) -> None:
        file = files.src_uris[page.src_uri]
        files.remove(file)
        files.append(TrackedFile(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                                 dest_uri=f"{page.url}index.html"))

    def prepare_templates(self, env: Environment) -> None:
        """Filters for Vietnamese dates and sizes, the once-per-build menus and texts (``cchc.mkdocs_adapter.chrome_cache``),
        and templates compiled once per process (``cchc.mkdocs_adapter.rebuilds``).

        MkDocs makes a new environment for each build, so the menu cache never outlives one.
        """
        add_kind_templates(env, template_dirs())
        add_material_prefix(env)
        env.autoescape = autoescape_templates_in(own_template_dirs(self.config))
        env.bytecode_cache = self.memory.templates
        env.globals["cchc_chrome"] = ChromeCache(self.options["chrome_cache"]).template_global()
        env.globals["cchc_translate"] = translations(env, self.config.theme["language"])
        env.filters.update(ngay=format_date, ngay_gio=format_datetime, kich_thuoc=format_size, so=format_count,
                           cau_hoi=plain_text_with_breaks)

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
        html = sanitize(html)
        section_page = self._with_body_template(page)
        if section_page is None:
            return html
        page.content = html  # what the body template shows as the Markdown's HTML
        context = {**self.globals, **section_page.data, "config": self.config, "page": page,
                   "base_url": get_relative_url(".", page.url)}
        body = self._body_templates().get_template(section_page.body_template).render(context)
        self._index(page, body)
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
        context.update(cchc=self.site, feed_links=self._feed_links(data.get("feed_folder", "")))
        return context

    def _feed_links(self, folder: str) -> list[dict[str, str]]:
        """The site-wide feeds, plus the feed of the listing the page shows (made once per folder)."""
        if folder not in self._feed_links_by_folder:
            self._feed_links_by_folder[folder] = self._make_feed_links(folder)
        return self._feed_links_by_folder[folder]

    def _make_feed_links(self, folder: str) -> list[dict[str, str]]:
        chosen = [f for f in self.feeds if f.folder in ("", folder)]
        return [{"title": f"{f.title} ({kind})", "type": mime, "url": path}
                for f in chosen for kind, mime, path in
                (("RSS", "application/rss+xml", f.rss_path), ("Atom", "application/atom+xml", f.atom_path))]

    def page_written(self, page: Page, html: str) -> None:
        """Keep what the search index needs of the page while its HTML is in hand (a body rendered
        with its Markdown was indexed then)."""
        if self._with_body_template(page) is None:
            self._index(page, html)

    def _index(self, page: Page, html: str) -> None:
        if self.search_enabled:
            region = self.memory.indexed.add(page.file.dest_uri, html)
            if self._early_search is not None:
                self._early_search.page_indexed(page.file.src_uri, page.file.dest_uri, region)

    def write_feeds(self, site_dir: str) -> None:
        """Each feed as RSS and Atom, and a section's sitemap beside them (see ``render_sitemap``)."""
        settings = self.site.settings
        publisher = Publisher(settings.department.name, settings.department.email)
        for feed in self.feeds:
            for path, render in ((feed.rss_path, render_rss), (feed.atom_path, render_atom)):
                self._write_file(site_dir, path, render(feed, settings.site_url, settings.feed_limit, publisher))
            if feed.sitemap_path:
                self._write_file(site_dir, feed.sitemap_path, render_sitemap(feed, settings.site_url))

    @staticmethod
    def _write_file(site_dir: str, path: str, content: bytes) -> None:
        target = os.path.join(site_dir, *path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as stream:
            stream.write(content)

    def write_search_index(self, site_dir: str) -> None:
        """Index the written pages with Pagefind, so every build (and serve) has a working search.

        Under ``mkdocs serve`` it runs in the background, after the pages are served. The option ``search_index`` off (``CCHC_SEARCH_INDEX=off``)
        skips it: the benchmark measures indexing by difference.
        """
        if not self.search_enabled:
            return
        indexed = self.memory.indexed
        indexed.keep_only(self._page_outputs)
        if self.preview:  # under serve: pages first, the index a few seconds later
            self.memory.search.start(site_dir, indexed.snapshot())
            return
        pages = indexed.snapshot()
        started = self._early_search.started(pages) if self._early_search is not None else {}
        try:
            write_search_index(site_dir, pages, started=started)
        except SearchIndexError as error:
            raise PluginError(str(error)) from None

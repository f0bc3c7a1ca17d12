"""Everything that touches MkDocs: registering files, feeding templates, writing feeds.

One ``SiteBuild`` is created per build in ``on_config`` (so nothing leaks from
one ``mkdocs serve`` rebuild to the next) and the hooks call its methods.
"""

from __future__ import annotations

import os
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from cchc.content import ContentPaths, SiteContent, load_site
from cchc.errors import ContentError, ContentErrors
from cchc.feeds import Feed, render_atom, render_rss
from cchc.pages import ContentPage, GeneratedFile, GeneratedPage
from cchc.question_pages import plain_text_with_breaks
from cchc.sections import feeds, generated_page_clashes, section_pages, template_globals
from cchc.text import VN_TZ, format_count, format_date, format_datetime, format_size, nfc, nfc_tree


class SiteBuild:
    """The state of one build: the loaded content and the pages made from it."""

    def __init__(self, config: MkDocsConfig, preview: bool) -> None:
        self.config = config
        self.preview = preview
        config_path = os.path.abspath(config.config_file_path)
        self.paths = ContentPaths(os.path.dirname(config_path), config_path, config.docs_dir)
        self.site: SiteContent | None = None
        self.pages: dict[str, GeneratedPage | GeneratedFile | ContentPage] = {}
        self.feeds: list[Feed] = []
        self.globals: dict[str, Any] = {}
        self._feed_links_by_folder: dict[str, list[dict[str, str]]] = {}

    def register_files(self, files: Files) -> Files:
        """Load all content, drop what is unpublished, place section pages, add generated ones."""
        now = get_build_datetime().astimezone(VN_TZ)
        try:
            self.site = load_site(self.paths, self.config.site_url, [f.src_uri for f in files], now, self.preview)
        except ContentErrors as errors:
            raise PluginError(errors.report()) from None
        self.feeds = feeds(self.site)
        self.globals = template_globals(self.site)
        for src_uri in self.site.unpublished_src_uris:
            files.remove(files.get_file_from_path(src_uri))
        pages = section_pages(self.site)
        clashes = generated_page_clashes(pages, self.paths, [f.src_uri for f in files])
        for page in pages:
            if isinstance(page, ContentPage):
                self._move(files, page)
            elif files.get_file_from_path(page.src_uri) is None:
                files.append(File.generated(self.config, page.src_uri, content=page.content))
            self.pages[page.src_uri] = page
        clashes += self._destination_clashes(files)
        if clashes:
            raise PluginError(ContentErrors(clashes).report())
        return files

    def _move(self, files: Files, page: ContentPage) -> None:
        file = files.get_file_from_path(page.src_uri)
        files.remove(file)
        files.append(File(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                          dest_uri=f"{page.url}index.html"))

    def _destination_clashes(self, files: Files) -> list[ContentError]:
        seen: dict[str, File] = {}
        clashes = []
        for file in files:
            first = seen.setdefault(file.dest_uri, file)
            if first is not file:
                names = sorted(self._describe(f) for f in (first, file))
                clashes.append(ContentError(names[0], None, None,
                    f"trùng địa chỉ /{file.url} với {names[1]}; đổi slug hoặc tên tệp (same URL twice)"))
        return clashes

    def _describe(self, file: File) -> str:
        if file.generated_by:
            return f"{GENERATOR_NAME} ({file.src_uri})"
        return self.paths.source(file.src_uri).shown_path

    def page_markdown(self, markdown: str, page: Page) -> str:
        """Normalize to NFC and give section pages their template."""
        page.meta = nfc_tree(page.meta)
        section_page = self.pages.get(page.file.src_uri)
        if isinstance(section_page, ContentPage):
            page.meta.setdefault("template", section_page.template)
        return nfc(markdown)

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

    def write_feeds(self, site_dir: str) -> None:
        settings = self.site.settings
        for feed in self.feeds:
            for path, render in ((feed.rss_path, render_rss), (feed.atom_path, render_atom)):
                target = os.path.join(site_dir, *path.split("/"))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as stream:
                    stream.write(render(feed, settings.site_url, settings.feed_limit))


def add_template_filters(env: Environment) -> None:
    env.filters.update(ngay=format_date, ngay_gio=format_datetime, kich_thuoc=format_size, so=format_count,
                       cau_hoi=plain_text_with_breaks)

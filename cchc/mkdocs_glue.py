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

from cchc.content import ContentPaths, SiteContent, is_article, load_site
from cchc.errors import ContentError, ContentErrors
from cchc.feeds import Feed, render_atom, render_rss
from cchc.pages import GeneratedPage
from cchc.sections import feeds, generated_pages
from cchc.text import VN_TZ, format_date, format_datetime, format_size, nfc, nfc_tree

GENERATOR_NAME = "trang do cchc tạo tự động"


class SiteBuild:
    """The state of one build: the loaded content and the pages generated from it."""

    def __init__(self, config: MkDocsConfig, preview: bool) -> None:
        self.config = config
        self.preview = preview
        project_dir = os.path.dirname(os.path.abspath(config.config_file_path))
        self.paths = ContentPaths(project_dir, os.path.abspath(config.config_file_path), config.docs_dir)
        self.site: SiteContent | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.articles: dict[str, Any] = {}
        self.feeds: list[Feed] = []

    def register_files(self, files: Files) -> Files:
        """Load all content, drop unpublished articles, move articles to their slugs, add listings."""
        markdown_uris = [f.src_uri for f in files if f.is_documentation_page()]
        now = get_build_datetime().astimezone(VN_TZ)
        try:
            self.site = load_site(self.paths, self.config.site_url, markdown_uris, now, self.preview)
        except ContentErrors as errors:
            raise PluginError(errors.report()) from None
        self.articles = {a.src_uri: a for a in self.site.news.articles}
        self.feeds = feeds(self.site)
        for src_uri in self.site.hidden_src_uris:
            files.remove(files.get_file_from_path(src_uri))
        for article in self.site.news.articles:
            self._move(files, files.get_file_from_path(article.src_uri), f"{article.url}index.html")
        self._add_generated(files, generated_pages(self.site))
        self._check_destinations(files)
        return files

    def _move(self, files: Files, file: File, dest_uri: str) -> None:
        files.remove(file)
        files.append(File(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                          dest_uri=dest_uri))

    def _add_generated(self, files: Files, pages: list[GeneratedPage]) -> None:
        clashes = []
        for page in pages:
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                clashes.append(ContentError(self.paths.source(existing.src_uri).shown_path, None, None,
                    f'tệp này trùng địa chỉ /{page.url} với {GENERATOR_NAME} ("{page.title}"); '
                    "đổi tên hoặc chuyển tệp sang thư mục khác (clashes with a generated page)"))
                continue
            files.append(File.generated(self.config, page.src_uri, content=page.markdown()))
            self.generated[page.src_uri] = page
        if clashes:
            raise PluginError(ContentErrors(clashes).report())

    def _check_destinations(self, files: Files) -> None:
        seen: dict[str, File] = {}
        clashes = []
        for file in files:
            first = seen.setdefault(file.dest_uri, file)
            if first is not file:
                names = sorted(self._describe(f) for f in (first, file))
                clashes.append(ContentError(names[0], None, None,
                    f"trùng địa chỉ /{file.url} với {names[1]}; đổi slug hoặc tên tệp (same URL twice)"))
        if clashes:
            raise PluginError(ContentErrors(clashes).report())

    def _describe(self, file: File) -> str:
        if file.generated_by:
            return f"{GENERATOR_NAME} ({file.src_uri})"
        return self.paths.source(file.src_uri).shown_path

    def page_markdown(self, markdown: str, page: Page) -> str:
        """Normalize to NFC and give article pages their template."""
        page.meta = nfc_tree(page.meta)
        if page.file.src_uri in self.articles:
            page.meta.setdefault("template", "article.html")
        return nfc(markdown)

    def page_context(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        context["cchc"] = self.site
        context["feed_links"] = self._feed_links(page)
        article = self.articles.get(page.file.src_uri)
        if article is not None:
            news = self.site.news
            context.update(article=article, newer=news.newer(article), older=news.older(article),
                           related=news.related(article))
        generated = self.generated.get(page.file.src_uri)
        if generated is not None:
            context.update(generated.data)
        return context

    def _feed_links(self, page: Page) -> list[dict[str, str]]:
        """The site-wide feeds, plus the feed of the section the page belongs to."""
        folder = self.generated[page.file.src_uri].data.get("feed_folder") if page.file.src_uri in self.generated else ""
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
    env.filters.update(ngay=format_date, ngay_gio=format_datetime, kich_thuoc=format_size)

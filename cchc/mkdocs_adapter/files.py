"""cchc's pages as MkDocs files: generated pages registered, section pages moved to their address, and
pages outside the navigation made cheaper to read and render."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from cchc.core.pages import ContentPage, GeneratedPage
from cchc.mkdocs_adapter.page_urls import SiteRootPage
from cchc.mkdocs_adapter.shared_markdown import SharedConverter, SharedMarkdownPage


class TrackedFile(File):
    """A page whose need to be rendered again under ``--dirty`` cchc decides (see ``cchc.mkdocs_adapter.dirty``)."""

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


def place_pages(files: Files, pages: list, config: MkDocsConfig) -> None:
    """Generated pages and files join MkDocs' list; an editor's page a section publishes moves to its address."""
    for page in pages:
        if isinstance(page, ContentPage):
            file = files.src_uris[page.src_uri]
            files.remove(file)
            files.append(TrackedFile(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                                     dest_uri=f"{page.url}index.html"))
        else:
            files.append(TrackedFile.generated(config, page.src_uri, content=page.content))


def add_files(files: Files, contents: dict[str, bytes], config: MkDocsConfig) -> None:
    """Files cchc publishes as they are, by their path in the site (the browser form's npm files)."""
    for src_uri, content in contents.items():
        files.append(TrackedFile.generated(config, src_uri, content=content))


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


def use_faster_pages(files: Files, config: MkDocsConfig, pages: dict[str, Any], share_markdown: bool) -> None:
    """Pages outside the navigation skip work MkDocs would repeat for each of them.

    Generated pages skip Markdown (see ``TemplatePage``); Markdown pages share one converter
    (see ``cchc.mkdocs_adapter.shared_markdown``). Made before MkDocs builds the navigation, which makes a
    page only for files that have none: making every page twice cost a tenth of a second of
    each rebuild. Pages in the navigation are left to MkDocs, which gives them the title the
    nav names them by (there are only a few); with no ``nav:`` every page is in it.
    """
    in_nav = nav_paths(config.nav)
    converter = SharedConverter(config) if share_markdown else None
    for file in files.documentation_pages():
        if in_nav is None or file.src_uri in in_nav or file.page is not None:
            continue  # MkDocs' page, with its menu name; or a page another plugin made
        generated = pages.get(file.src_uri)
        if isinstance(generated, GeneratedPage):
            TemplatePage(generated, file, config)  # sets file.page
        elif converter is not None:
            SharedMarkdownPage(file, config, converter)  # sets file.page

"""One Python-Markdown converter for all the Markdown pages of a build, instead of one per page.

MkDocs builds a new converter for every page, loading every extension again: 0.4 ms a page, a
second of a 2,000-article build spent before any Markdown is read. Python-Markdown supports
reusing a converter: ``reset()`` clears its state and that of each extension (heading ids,
reference links, stashed HTML), so one page never sees another's.

``SharedMarkdownPage.render`` is MkDocs 1.6's ``Page.render`` with the converter shared. MkDocs'
per-page processors (links made relative, anchors collected, title extracted) are private
classes of ``mkdocs.structure.pages``; they are made anew for each page and replace the previous
page's under the same names. Should a later MkDocs (or ProperDocs) drop them, every page falls
back to MkDocs' own ``render``. The option ``shared_markdown`` off (``CCHC_SHARED_MARKDOWN=off``) does the same; a test checks that
the site is byte for byte the one MkDocs builds.
"""

from __future__ import annotations

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from cchc.mkdocs_adapter.page_urls import SiteRootPage

_MKDOCS_PROCESSORS = ("_RawHTMLPreprocessor", "_ExtractAnchorsTreeprocessor",
                      "_RelativePathTreeprocessor", "_ExtractTitleTreeprocessor")


def can_share_markdown() -> bool:
    """Whether this MkDocs has the per-page processors ``SharedMarkdownPage`` needs (the option
    ``shared_markdown``, ``cchc.site.options``, turns sharing off)."""
    return all(hasattr(mkdocs_pages, name) for name in _MKDOCS_PROCESSORS)


class SharedConverter:
    """The converter of one build, made on first use from the build's Markdown settings, reset for each page."""

    def __init__(self, config: MkDocsConfig) -> None:
        self._config = config
        self._converter: markdown.Markdown | None = None

    def get(self) -> markdown.Markdown:
        if self._converter is None:
            self._converter = markdown.Markdown(extensions=self._config["markdown_extensions"],
                                                extension_configs=self._config["mdx_configs"] or {})
        self._converter.reset()
        return self._converter


class SharedMarkdownPage(SiteRootPage):
    """A Markdown page (article, question, document...) converted by its build's shared converter."""

    def __init__(self, file: File, config: MkDocsConfig, converter: SharedConverter) -> None:
        super().__init__(None, file, config)  # sets file.page
        self._shared = converter

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self._shared.get()
        raw_html = mkdocs_pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(self.file, files, config)
        anchors._register(md)
        relative_paths = mkdocs_pages._RelativePathTreeprocessor(self.file, files, config)
        relative_paths._register(md)
        title = mkdocs_pages._ExtractTitleTreeprocessor()
        title._register(md)

        self.content = md.convert(self.markdown)
        self.toc = get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = title.title
        self.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        self.links_to_anchors = relative_paths.links_to_anchors  # always, as ProperDocs (MkDocs 1.6.1 not under -v)

"""Under ``mkdocs serve --dirty``: render a page again only if what it shows changed since the last build.

What a page shows: its source, its template's data (neighbours, related articles, listed items) and the
URLs of the files its Markdown links to; and what every page shows (settings, template data, feed links,
the day, mkdocs.yml, the theme). Pages that are not cchc's (the home page shows the latest news) are always
rendered. Outputs of pages that are gone are deleted after a successful build.
"""

from __future__ import annotations

import os
from typing import Any

from mkdocs.structure.files import File, Files

from cchc.core.memo import digest, file_digest
from cchc.core.pages import ContentPage, GeneratedPage
from cchc.mkdocs_adapter.files import TrackedFile
from cchc.mkdocs_adapter.rebuilds import Memory, PageMemo, PageState, linked_src_uris, theme_stamp


class DirtyRebuild:
    """What this build shows of each page, compared with what the previous one showed (``Memory.pages``)."""

    def __init__(self, memory: Memory) -> None:
        self.memory = memory
        self._page_states: dict[str, PageState] = {}
        self._outputs: set[str] = set()
        self._site: tuple | None = None

    def mark_modified(self, files: Files, pages: dict[str, Any], site: tuple, feed_paths: set[str]) -> Files:
        """``files`` with each cchc page marked modified or not; ``site`` is what every page shows."""
        same_site = site == self.memory.pages.site
        marked = []
        for file in files:
            page = pages.get(file.src_uri)
            if file.is_documentation_page() and not isinstance(file, TrackedFile):
                file = TrackedFile(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                                   dest_uri=file.dest_uri)
            if isinstance(file, TrackedFile) and isinstance(page, (GeneratedPage, ContentPage)):
                state = self._page_state(file, page, files)
                file.modified = self.memory.pages.changed(file.src_uri, state, same_site)
                self._page_states[file.src_uri] = state
            marked.append(file)
        self._outputs = {f.dest_uri for f in marked} | feed_paths
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

    def remember(self, site_dir: str) -> None:
        """After a successful build: remember what each page showed; delete outputs of pages now gone."""
        for dest_uri in sorted(self.memory.pages.outputs - self._outputs):
            _delete_output(site_dir, dest_uri)
        self.memory.pages = PageMemo(self._site, self._page_states, self._outputs)



def site_stamp(settings: Any, globals_: dict, feeds: list, day: Any, config_path: str, theme_dirs: list[str],
               preview: bool) -> tuple:
    """What every page may show: settings, globals, feed links, the day, mkdocs.yml and the theme."""
    return (settings, globals_, tuple((f.folder, f.title) for f in feeds), day, file_digest(config_path),
            theme_stamp(theme_dirs), preview)


def _delete_output(site_dir: str, dest_uri: str) -> None:
    path = os.path.join(site_dir, *dest_uri.split("/"))
    if os.path.isfile(path):
        os.remove(path)
    folder = os.path.dirname(path)
    while folder != os.path.normpath(site_dir) and os.path.isdir(folder) and not os.listdir(folder):
        os.rmdir(folder)
        folder = os.path.dirname(folder)

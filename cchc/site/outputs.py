"""Where every file of the built site comes from, so that no two sources claim one address.

An editor's file and a page cchc generates can land on the same output (``content/tin-tuc/index.md``
and the news listing; ``content/tin-tuc/<slug>/index.md`` and an article; ``content/rss.xml`` and the
feed). MkDocs would keep one without a word. ``output_clashes`` is the one rule: ``cchc check`` and
the build both apply it, so they report the same errors, each naming both sources.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Iterable

from cchc.core.errors import ContentError
from cchc.core.feeds import Feed
from cchc.core.pages import ContentPage, GeneratedFile, GeneratedPage
from cchc.site.folders import is_markdown

GENERATOR_NAME = "trang do cchc tạo tự động"
MKDOCS_OUTPUTS = ("sitemap.xml", "sitemap.xml.gz", "404.html")
"""Files MkDocs writes itself after the pages."""


@dataclass(frozen=True)
class Output:
    path: str
    """The file in the built site ("tin-tuc/index.html", "rss.xml")."""
    source: str
    """Who makes it, as an editor is told: "content/tin-tuc/x.md" or 'trang do cchc tạo tự động ("Tin tức")'."""
    editor_file: str | None = None
    """The editor's file (as shown), when an editor's file makes it."""

    @property
    def address(self) -> str:
        return "/" + self.path.removesuffix("index.html")


def markdown_output(src_uri: str) -> str:
    """Where MkDocs writes a Markdown page (``use_directory_urls``: "a/b.md" → "a/b/index.html")."""
    parent, name = posixpath.split(src_uri)
    stem = posixpath.splitext(name)[0]
    folder = parent if stem in ("index", "README") else posixpath.join(parent, stem)
    return posixpath.join(folder, "index.html")


def editor_outputs(src_uris: Iterable[str], pages: Iterable[object], shown: dict[str, str]) -> list[Output]:
    """The outputs of the editors' published files; a page a section moves (an article) at its new place."""
    moved = {page.src_uri: f"{page.url}index.html" for page in pages if isinstance(page, ContentPage)}
    outputs = []
    for src_uri in src_uris:
        path = moved.get(src_uri) or (markdown_output(src_uri) if is_markdown(src_uri) else src_uri)
        outputs.append(Output(path, shown[src_uri], shown[src_uri]))
    return outputs


def generated_outputs(pages: Iterable[object], feeds: Iterable[Feed], search_folders: Iterable[str],
                      folders: dict[str, str] | None = None) -> list[Output]:
    """What cchc and MkDocs write besides the editors' files; ``folders``: other whole folders cchc writes, with
    who writes them (the browser form's npm files)."""
    outputs = []
    for page in pages:
        if isinstance(page, GeneratedPage):
            outputs.append(Output(page.src_uri.removesuffix("index.md") + "index.html",
                                  f'{GENERATOR_NAME} ("{page.title}")'))
        elif isinstance(page, GeneratedFile):
            outputs.append(Output(page.src_uri, f'{GENERATOR_NAME} ("{page.title}")'))
    for feed in feeds:
        outputs += [Output(path, f'luồng tin {kind} do cchc tạo ("{feed.title}")')
                    for kind, path in (("RSS", feed.rss_path), ("Atom", feed.atom_path))]
        if feed.sitemap_path:
            outputs.append(Output(feed.sitemap_path, f'sơ đồ trang sitemap.xml do cchc tạo ("{feed.title}")'))
    outputs += [Output(path, f"tệp {path} do MkDocs tạo") for path in MKDOCS_OUTPUTS]
    outputs += [Output(f"{folder}/", f"chỉ mục tìm kiếm ({folder}/) do cchc tạo") for folder in search_folders]
    outputs += [Output(f"{folder}/", source) for folder, source in (folders or {}).items()]
    return outputs


def output_clashes(editors: list[Output], generated: list[Output]) -> list[ContentError]:
    """An error for each editor's file whose output another editor's file or a generated file also writes."""
    claimed = {output.path: output for output in generated}
    folders = [output for output in generated if output.path.endswith("/")]
    errors = []
    for output in sorted(editors, key=lambda o: o.source):
        other = claimed.get(output.path) or next((f for f in folders if output.path.startswith(f.path)), None)
        if other is None:
            claimed[output.path] = output
        elif other.editor_file is None:
            errors.append(ContentError(output.editor_file, None, None,
                                       f"tệp này trùng địa chỉ {output.address} với {other.source}; đổi tên hoặc "
                                       "chuyển tệp sang thư mục khác (clashes with a generated page)"))
        else:
            errors.append(ContentError(other.editor_file, None, None,
                                       f"trùng địa chỉ {output.address} với {output.editor_file}; đổi slug hoặc "
                                       "tên tệp (same URL twice)"))
    return errors

"""What one build remembers for the next one in the same process (``mkdocs serve``).

MkDocs loads the hooks once per process and calls them again for every rebuild, so a
rebuild can reuse what did not change instead of redoing it:

- ``FileMemo`` (``cchc.core.memo``, plain Python for the loaders) keeps each content file's model.
- ``PageMemo`` keeps what each page showed (its data, source hash and the URLs of the files
  its Markdown links to). Under ``mkdocs serve --dirty`` a page is rendered again only if that
  changed, or if something every page shows (settings, theme, mkdocs.yml, the date) changed.
  Outputs of pages that no longer exist are deleted.
- ``IndexedPages`` (``cchc.search.index``) keeps what the search index reads of each page, so a page
  that is not rendered again is still searched.
- ``CompiledTemplates`` keeps the theme's templates compiled: MkDocs makes a new Jinja
  environment for every build, and compiling Material's templates again took half a second
  of each rebuild. Jinja checks each template's source checksum, so an edited one is compiled anew.

The memory is per mkdocs.yml and holds only the previous build (the compiled templates are kept for every
mkdocs.yml of the process). Two computations keep their last
result where they are, with ``functools.lru_cache``, because their inputs are all in their key
and their cost is in every rebuild: the related-articles ranking (``cchc.kinds.news.load.rank_related``) and
the catalogue's open data (``cchc.kinds.procedures.opendata``).
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any, Hashable
from urllib.parse import unquote

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

from cchc.core.memo import FileMemo
from cchc.search.index import IndexedPages
from cchc.search.pagefind import BackgroundIndexer

_LINK_TARGETS = (  # (a text every match contains, so most pages skip the pattern; the pattern)
    ("](", re.compile(r"\]\(\s*<?([^)\s>]+)")),                         # [text](target), ![alt](target)
    ("]:", re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE)),  # [label]: target
    ("=", re.compile(r"\b(?:href|src)\s*=\s*[\"']([^\"']+)")),             # raw HTML
)


def linked_src_uris(src_uri: str, markdown: str) -> list[str]:
    """The files a page's Markdown links to by relative path (``src_uri`` form, as MkDocs resolves them).

    A link is written into the page as the target's URL: if the target moves (a new ``slug:``)
    or goes, the linking page must be rendered again, though its own text did not change.
    Anything that looks like a link counts; one too many only costs a comparison.
    """
    found = set()
    for marker, pattern in _LINK_TARGETS:
        if marker not in markdown:
            continue
        for target in pattern.findall(markdown):
            path = target.split("#", 1)[0].split("?", 1)[0]
            if not path or path.startswith("/") or ":" in path:
                continue  # same page, site-absolute or another site: not resolved by MkDocs
            found.add(posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(path))))
    return sorted(found)


@dataclass
class PageState:
    source: bytes | None
    data: Any
    links: tuple[tuple[str, str | None], ...] = ()
    """Each linked file and its URL then (None: missing)."""


@dataclass
class PageMemo:
    """What every page showed in the previous build, and what it wrote."""

    site: Hashable | None = None
    pages: dict[str, PageState] = field(default_factory=dict)
    outputs: set[str] = field(default_factory=set)

    def changed(self, src_uri: str, state: PageState, site_same: bool) -> bool:
        before = self.pages.get(src_uri)
        return (not site_same or before is None or before.source != state.source or before.data != state.data
                or before.links != state.links)


class CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates, in memory, by template and source checksum (see the module's doc)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        """Jinja's bucket, keyed also by whether the template is autoescaped: the compiled code depends on it, and
        it is decided per project (``cchc.core.escaping``), which the name and file alone do not tell."""
        escaped = environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape
        bucket = Bucket(environment, f"{self.get_cache_key(name, filename)}:{int(bool(escaped))}",
                        self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored by Jinja if the template's source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


@dataclass
class Memory:
    files: FileMemo = field(default_factory=FileMemo)
    pages: PageMemo = field(default_factory=PageMemo)
    search: BackgroundIndexer = field(default_factory=BackgroundIndexer)
    indexed: IndexedPages = field(default_factory=IndexedPages)


COMPILED_TEMPLATES = CompiledTemplates()
"""Shared by every mkdocs.yml of the process: a template's key is its name and file, and Jinja checks its source,
so two projects never get each other's code, while Material's templates are compiled once (the test suite builds
hundreds of small sites in one process)."""

_MEMORIES: dict[str, Memory] = {}
"""One memory per mkdocs.yml for the life of the process: with ``COMPILED_TEMPLATES``, what is kept between builds."""


def memory_for(config_path: str) -> Memory:
    return _MEMORIES.setdefault(config_path, Memory())


def finish_search_indexing() -> None:
    """Wait for every search index still being written in the background: each run removes its staging folder
    when it ends, which a process exiting under it never does (MkDocs' ``on_shutdown``)."""
    for memory in _MEMORIES.values():
        memory.search.wait()


def theme_stamp(dirs: list[str]) -> tuple[int, int]:
    """Number and newest modification time of the theme's files: a template edit re-renders every page."""
    count, newest = 0, 0
    for top in dirs:
        for folder, _, names in os.walk(top):
            for name in names:
                count += 1
                newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime_ns)
    return count, newest

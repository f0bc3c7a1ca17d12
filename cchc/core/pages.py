"""The pages a section publishes, and how lists are split into pages.

A ``GeneratedPage`` is a small Markdown file made here (front matter naming its
template) plus the data its template shows; a ``ContentPage`` is an editor's
file moved to its section's URL; a ``GeneratedFile`` is a data file (JSON, CSV). The MkDocs glue registers both and hands the
data to the template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from math import ceil
from typing import Any, Sequence

import yaml

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter when present: PyYAML's own took a second for the listings of 2,000 articles."""


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    title: str
    template: str
    data: dict[str, Any] = field(default_factory=dict)
    description: str | None = None
    hide: tuple[str, ...] = ()
    """Material parts to hide ("navigation", "toc") so wide layouts get the whole width."""

    @property
    def url(self) -> str:
        return self.src_uri.removesuffix("index.md")

    @property
    def meta(self) -> dict[str, Any]:
        """The page's front matter: title, template and what Material should show of its own."""
        meta: dict[str, Any] = {"title": self.title, "template": self.template}
        if self.description:
            meta["description"] = self.description
        if self.hide:
            meta["hide"] = list(self.hide)
        return meta

    @cached_property
    def content(self) -> str:
        """The Markdown file MkDocs lists: front matter only; the template draws the page.

        Asked for twice under ``serve --dirty`` (to register the file, to tell if it changed).
        """
        header = yaml.dump(self.meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
        return f"---\n{header}---\n"


@dataclass(frozen=True)
class GeneratedFile:
    """A download made from content (CSV, iCalendar, JSON), published as it is."""

    src_uri: str
    content: bytes
    title: str = "tệp dữ liệu"

    @property
    def url(self) -> str:
        return self.src_uri


@dataclass(frozen=True)
class ContentPage:
    """An editor's Markdown file, published at the URL its section chooses, with a template and data."""

    src_uri: str
    url: str
    template: str
    data: dict[str, Any] = field(default_factory=dict)
    body_template: str | None = None
    """A partial that frames the page's converted Markdown (``page.content`` in it), rendered as soon as
    MkDocs has converted it; the page template then shows the result as ``page.content``. News articles
    use it so search can index them while MkDocs still reads the other pages (see ``cchc.search.index``)."""


@dataclass(frozen=True)
class Pager:
    """One page of a paginated list, with links to its neighbours."""

    items: tuple[Any, ...]
    number: int
    urls: tuple[str, ...]
    """Site-root-relative URL of every page of the list, page 1 first."""

    @property
    def count(self) -> int:
        return len(self.urls)

    @property
    def previous_url(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None


def page_folder(base: str, number: int) -> str:
    """"tin-tuc/" for page 1, "tin-tuc/trang-2/" after it."""
    return base if number == 1 else f"{base}trang-{number}/"


def paginate(base: str, items: Sequence[Any], per_page: int) -> list[tuple[str, Pager]]:
    """Split ``items`` into pages under folder ``base``; an empty list still gets page 1."""
    count = max(1, ceil(len(items) / per_page))
    urls = tuple(page_folder(base, n) for n in range(1, count + 1))
    return [
        (f"{urls[n - 1]}index.md", Pager(tuple(items[(n - 1) * per_page:n * per_page]), n, urls))
        for n in range(1, count + 1)
    ]


def paginated_pages(base: str, title: str, template: str, items: Sequence[Any], per_page: int,
                    data: dict[str, Any], description: str | None = None,
                    hide: tuple[str, ...] = ()) -> list[GeneratedPage]:
    pages = []
    for src_uri, pager in paginate(base, items, per_page):
        page_title = title if pager.number == 1 else f"{title} – trang {pager.number}"
        pages.append(GeneratedPage(src_uri, page_title, template, {**data, "pager": pager}, description, hide))
    return pages

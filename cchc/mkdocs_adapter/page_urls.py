"""Canonical URLs of the pages cchc makes, joined as strings instead of parsed for each page.

MkDocs works out every page's canonical URL with ``urljoin`` and ``urlsplit``: a tenth of a
second of each build and rebuild of a site of 3,750 pages. The URL MkDocs gives a file is a
plain relative path (``tin-tuc/hoi-nghi/``), and joining such a path to a plain site URL is
concatenation. Anything else (a query, a fragment, ``..``) is left to MkDocs' own code; a test
compares both on such URLs.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from mkdocs.structure.pages import Page

_PLAIN_PATH = re.compile(r"[\w.~%!$&'()*+,;=@/-]*")
"""Characters of a URL path with no scheme (no ":"), query or fragment."""


def _is_plain(path: str) -> bool:
    return (not path.startswith("/") and "//" not in path and _PLAIN_PATH.fullmatch(path) is not None
            and not any(part in (".", "..") for part in path.split("/")))


@lru_cache(maxsize=4)
def _path_of_plain_site(site_url: str) -> str | None:
    """The path of a site URL (ending in "/") that ``urljoin`` extends with a plain path as it is; else None.

    Tried on a sample path: a query, a fragment, ``..`` or an upper-case scheme makes them differ.
    """
    sample = "a/b/"
    return urlsplit(site_url).path if urljoin(site_url, sample) == site_url + sample else None


class SiteRootPage(Page):
    """A page whose canonical URL is the site URL followed by its own, when both are plain."""

    def _set_canonical_url(self, base: str | None) -> None:
        if base:
            base = base if base.endswith("/") else base + "/"
            site_path, url = _path_of_plain_site(base), self.url
            if site_path is not None and _is_plain(url):
                self.canonical_url, self.abs_url = base + url, site_path + url
                return
        super()._set_canonical_url(base)

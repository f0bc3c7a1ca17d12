"""The feeds in the built site: RSS and Atom of each, a section's sitemap beside them, and the links every
page announces them with (relative to the page: a copy served on another host links its own feeds)."""

from __future__ import annotations

import os

from cchc.core.feeds import Feed, Publisher, render_atom, render_rss, render_sitemap
from cchc.site.settings import Settings


def write_feeds(site_dir: str, feeds: list[Feed], settings: Settings) -> None:
    publisher = Publisher(settings.department.name, settings.department.email)
    for feed in feeds:
        for path, render in ((feed.rss_path, render_rss), (feed.atom_path, render_atom)):
            _write_file(site_dir, path, render(feed, settings.site_url, settings.feed_limit, publisher))
        if feed.sitemap_path:
            _write_file(site_dir, feed.sitemap_path, render_sitemap(feed, settings.site_url))


def _write_file(site_dir: str, path: str, content: bytes) -> None:
    target = os.path.join(site_dir, *path.split("/"))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as stream:
        stream.write(content)


class FeedLinks:
    """The site-wide feeds, plus the feed of the listing a page shows (made once per folder)."""

    def __init__(self, feeds: list[Feed]) -> None:
        self.feeds = feeds
        self._by_folder: dict[str, list[dict[str, str]]] = {}

    def of(self, folder: str) -> list[dict[str, str]]:
        if folder not in self._by_folder:
            chosen = [f for f in self.feeds if f.folder in ("", folder)]
            self._by_folder[folder] = [
                {"title": f"{f.title} ({kind})", "type": mime, "url": path}
                for f in chosen for kind, mime, path in
                (("RSS", "application/rss+xml", f.rss_path), ("Atom", "application/atom+xml", f.atom_path))]
        return self._by_folder[folder]

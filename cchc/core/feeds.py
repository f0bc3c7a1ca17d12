"""RSS 2.0 and Atom feeds rendered with feedgen from plain feed descriptions, and the sitemap beside them.

Every section describes its feeds as ``Feed`` values (see ``cchc.sections``);
this module turns one into XML. Dates come from the items, never from the
clock, so two builds of the same content give the same bytes.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from typing import Callable
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from cchc.core.text import VN_TZ, xml_safe

EMPTY_FEED_DATE = datetime(2000, 1, 1, tzinfo=VN_TZ)
"""Channel date of a feed with no items: fixed, so the build stays reproducible."""


@dataclass(frozen=True)
class FeedItem:
    key: str
    """A stable identity within the site (e.g. "tin-tuc/hoi-nghi"), independent of the title."""
    title: str
    url: str
    summary: str
    published: datetime
    updated: datetime
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feed:
    folder: str
    """Where rss.xml and atom.xml go, relative to the site root ("" or "tin-tuc/chuyen-muc/x/")."""
    title: str
    description: str
    page_url: str
    """The HTML page this feed mirrors, relative to the site root."""
    items: tuple[FeedItem, ...]

    @property
    def rss_path(self) -> str:
        return f"{self.folder}rss.xml"

    @property
    def atom_path(self) -> str:
        return f"{self.folder}atom.xml"

    @property
    def sitemap_path(self) -> str | None:
        """The section's sitemap (``render_sitemap``), beside its feeds; at the root MkDocs writes the site's."""
        return f"{self.folder}sitemap.xml" if self.folder else None

    @property
    def paths(self) -> tuple[str, ...]:
        """Every file written for this feed."""
        return tuple(path for path in (self.rss_path, self.atom_path, self.sitemap_path) if path)


@dataclass(frozen=True)
class Publisher:
    """Who publishes every feed of the site: the department, named as the feed's author (RFC 4287 §4.1.1)."""

    name: str
    email: str


def render_rss(feed: Feed, site_url: str, limit: int, publisher: Publisher) -> bytes:
    """RSS 2.0. Readers show an item's description as HTML, so plain text is HTML-escaped before feedgen
    escapes it for XML: a summary holding ``<a href="javascript:…">`` reaches the reader as those characters."""
    return _generator(feed, site_url, limit, feed.rss_path, publisher, _RSS_TEXT).rss_str(pretty=True)


def render_atom(feed: Feed, site_url: str, limit: int, publisher: Publisher) -> bytes:
    """Atom (RFC 4287): titles and summaries are ``type="text"`` (the default), escaped once, for XML."""
    return _generator(feed, site_url, limit, feed.atom_path, publisher, _ATOM_TEXT).atom_str(pretty=True)


@dataclass(frozen=True)
class _TextRules:
    """One feed format: how plain text is written into its title and description elements, and its media type."""

    title: Callable[[str], str]
    description: Callable[[str], str]
    media_type: str


_RSS_TEXT = _TextRules(
    # Some readers show an RSS title as HTML, others as text: "<" and ">" alone are made entities, so a
    # tag cannot form and a title with "GD&ĐT" reads the same in both.
    title=lambda text: xml_safe(text).replace("<", "&lt;").replace(">", "&gt;"),
    description=lambda text: html.escape(xml_safe(text), quote=False),
    media_type="application/rss+xml",
)
_ATOM_TEXT = _TextRules(title=xml_safe, description=xml_safe, media_type="application/atom+xml")


def newest_first(items: list[FeedItem]) -> tuple[FeedItem, ...]:
    return tuple(sorted(items, key=lambda item: (item.published, item.key), reverse=True))


def _generator(feed: Feed, site_url: str, limit: int, self_path: str, publisher: Publisher,
               text: _TextRules) -> FeedGenerator:
    items = feed.items[:limit]
    channel_date = max((item.updated for item in items), default=EMPTY_FEED_DATE)
    fg = FeedGenerator()
    fg.id(site_url + feed.page_url)
    fg.title(text.title(feed.title))
    fg.description(text.description(feed.description))
    fg.subtitle(text.description(feed.description))
    fg.author(name=xml_safe(publisher.name), email=publisher.email)  # Atom: required on the feed or every entry
    fg.managingEditor(f"{publisher.email} ({xml_safe(publisher.name)})")  # RSS's form: "email (name)"
    # feedgen takes RSS's <link> from the last link given: the alternate must come last.
    fg.link(href=site_url + self_path, rel="self", type=text.media_type)
    fg.link(href=site_url + feed.page_url, rel="alternate", type="text/html")
    fg.language("vi")
    fg.generator("cchc")
    fg.lastBuildDate(channel_date)
    fg.updated(channel_date)
    for item in items:
        _add_entry(fg, item, site_url, text)
    return fg


def _add_entry(fg: FeedGenerator, item: FeedItem, site_url: str, text: _TextRules) -> None:
    entry = fg.add_entry(order="append")
    guid = _tag_uri(site_url, item)
    entry.id(guid)
    entry.guid(guid, permalink=False)
    entry.title(text.title(item.title))
    entry.link(href=site_url + item.url)
    entry.summary(text.description(item.summary))
    entry.published(item.published.astimezone(VN_TZ))
    entry.updated(item.updated.astimezone(VN_TZ))
    for category in item.categories:
        entry.category(term=xml_safe(category))


def _tag_uri(site_url: str, item: FeedItem) -> str:
    """RFC 4151 tag URI: stable across title changes and independent of the feed."""
    host = urlsplit(site_url).hostname or "localhost"
    return f"tag:{host},{item.published.astimezone(VN_TZ):%Y-%m-%d}:{item.key}"


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def render_sitemap(feed: Feed, site_url: str) -> bytes:
    """A sitemaps.org sitemap of the feed's folder: the feed's page and its items' pages, each once.

    Why it exists: Material's bundle.js fetches ``sitemap.xml`` beside every ``<link rel="alternate">`` of a
    page (meant for other language versions), so each page of a section asked for this file and got a 404.
    A sitemap may list only addresses under its own folder (sitemaps.org, "Sitemap file location"): items
    that live elsewhere (a news category's articles, under tin-tuc/) are left to the site's sitemap.xml.
    ``lastmod`` is an item's ``updated`` day in Vietnam, so the bytes depend on the content alone.
    """
    changed: dict[str, str] = {}
    for item in feed.items:
        if item.url.startswith(feed.folder) and item.url != feed.page_url:
            changed[item.url] = max(changed.get(item.url, ""), _w3c_day(item.updated))
    newest = max((_w3c_day(item.updated) for item in feed.items), default=None)  # the page lists them all
    urlset = ET.Element("urlset", xmlns=SITEMAP_NS)
    for url, day in [(feed.page_url, newest), *sorted(changed.items())]:
        entry = ET.SubElement(urlset, "url")
        ET.SubElement(entry, "loc").text = site_url + url
        if day:
            ET.SubElement(entry, "lastmod").text = day
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="UTF-8", xml_declaration=True) + b"\n"


def _w3c_day(moment: datetime) -> str:
    return moment.astimezone(VN_TZ).date().isoformat()

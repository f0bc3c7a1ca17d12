"""Every feed of the example site, read element by element against RFC 4287 (Atom) and RSS 2.0.

A validator reads more than well-formedness: the elements a feed and an entry must have, how many of
each, the forms of dates, addresses and identifiers. Each rule below cites where it comes from.
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import REPO, Site, build_example
from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ADDR_SPEC = re.compile(r"^[^@\s()<>]+@[^@\s()<>]+\.[a-z]{2,}$", re.IGNORECASE)
SITE_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_example(tmp_path_factory.mktemp("feeds"), CCHC_SEARCH_INDEX="off")


def feeds(site: Path, name: str) -> list[Path]:
    return sorted(site.rglob(name))


def location(site: Path, path: Path) -> str:
    return SITE_URL + path.relative_to(site).as_posix()


def is_absolute_iri(value: str) -> bool:
    parts = urlsplit(value)
    return bool(parts.scheme) and (bool(parts.netloc) or parts.scheme in ("tag", "urn"))


def one(parent: etree._Element, tag: str, where: str) -> etree._Element:
    found = parent.findall(tag)
    assert len(found) == 1, f"{where}: {len(found)} × {tag}"
    return found[0]


def at_most_one(parent: etree._Element, tag: str, where: str) -> None:
    assert len(parent.findall(tag)) <= 1, f"{where}: more than one {tag}"


def test_the_example_has_every_kind_of_feed(site):
    assert len(feeds(site, "atom.xml")) == len(feeds(site, "rss.xml")) >= 8


def check_text_construct(element: etree._Element, where: str) -> None:
    """RFC 4287 §3.1: type is text, html or xhtml (text when absent)."""
    assert element.get("type", "text") in ("text", "html", "xhtml"), where


def check_person(person: etree._Element, where: str) -> None:
    """§3.2: exactly one name; at most one uri and one email, the email an addr-spec (RFC 2822)."""
    assert one(person, f"{ATOM}name", where).text.strip(), where
    at_most_one(person, f"{ATOM}uri", where)
    at_most_one(person, f"{ATOM}email", where)
    for email in person.findall(f"{ATOM}email"):
        assert ADDR_SPEC.match(email.text), where


def check_date(element: etree._Element, where: str) -> None:
    """§3.3: an RFC 3339 date-time with its offset."""
    assert RFC3339.match(element.text or ""), f"{where}: {element.text}"


def check_links(parent: etree._Element, where: str) -> None:
    """§4.2.7: href is required; no two alternate links with the same type and hreflang."""
    alternates = set()
    for link in parent.findall(f"{ATOM}link"):
        assert is_absolute_iri(link.get("href", "")), where
        if link.get("rel", "alternate") == "alternate":
            key = (link.get("type"), link.get("hreflang"))
            assert key not in alternates, f"{where}: two alternate links {key}"
            alternates.add(key)


def test_atom_feeds_follow_rfc_4287(site):
    for path in feeds(site, "atom.xml"):
        feed = etree.parse(str(path)).getroot()
        where = str(path.relative_to(site))
        assert feed.tag == f"{ATOM}feed", where
        assert is_absolute_iri(one(feed, f"{ATOM}id", where).text), where  # §4.2.6
        check_text_construct(one(feed, f"{ATOM}title", where), where)    # §4.1.1: exactly one title
        check_date(one(feed, f"{ATOM}updated", where), where)            # §4.1.1: exactly one updated
        for name in ("generator", "icon", "logo", "rights", "subtitle"):
            at_most_one(feed, f"{ATOM}{name}", where)
        entries = feed.findall(f"{ATOM}entry")
        authors = feed.findall(f"{ATOM}author")
        assert authors or all(e.findall(f"{ATOM}author") for e in entries), f"{where}: no author (§4.1.1)"
        for person in authors + feed.findall(f"{ATOM}contributor"):
            check_person(person, where)
        selves = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
        assert [link.get("href") for link in selves] == [location(site, path)], where  # its own address
        check_links(feed, where)
        ids = [check_atom_entry(entry, f"{where} entry {n}") for n, entry in enumerate(entries, 1)]
        assert len(ids) == len(set(ids)), f"{where}: an entry id twice"


def check_atom_entry(entry: etree._Element, where: str) -> str:
    """§4.1.2: exactly one id, title and updated; at most one published, summary, content, rights, source;
    an alternate link when there is no content. Returns the id."""
    identifier = one(entry, f"{ATOM}id", where).text
    assert is_absolute_iri(identifier), where
    check_text_construct(one(entry, f"{ATOM}title", where), where)
    check_date(one(entry, f"{ATOM}updated", where), where)
    for name in ("published", "summary", "content", "rights", "source"):
        at_most_one(entry, f"{ATOM}{name}", where)
    for published in entry.findall(f"{ATOM}published"):
        check_date(published, where)
    for summary in entry.findall(f"{ATOM}summary"):
        check_text_construct(summary, where)
    if not entry.findall(f"{ATOM}content"):
        assert any(link.get("rel", "alternate") == "alternate" for link in entry.findall(f"{ATOM}link")), where
    for category in entry.findall(f"{ATOM}category"):
        assert category.get("term"), where  # §4.2.2: term is required
    for person in entry.findall(f"{ATOM}author"):
        check_person(person, where)
    check_links(entry, where)
    return identifier


def check_rfc822(element: etree._Element, where: str) -> None:
    """RSS 2.0: dates in RFC 822 form, with a zone."""
    assert parsedate_to_datetime(element.text).tzinfo is not None, f"{where}: {element.text}"


def test_rss_feeds_follow_rss_2_0(site):
    for path in feeds(site, "rss.xml"):
        rss = etree.parse(str(path)).getroot()
        where = str(path.relative_to(site))
        assert rss.tag == "rss" and rss.get("version") == "2.0", where
        channel = one(rss, "channel", where)
        for name in ("title", "link", "description"):  # the three required channel elements
            assert one(channel, name, where).text, f"{where}: empty {name}"
        assert urlsplit(channel.findtext("link")).scheme == "https", where
        for name in ("language", "copyright", "managingEditor", "webMaster", "pubDate", "lastBuildDate",
                     "generator", "docs", "ttl", "image"):
            at_most_one(channel, name, where)
        assert re.match(r"^[a-z]{2,3}(-[A-Za-z]{2})?$", channel.findtext("language")), where
        for name in ("pubDate", "lastBuildDate"):
            for element in channel.findall(name):
                check_rfc822(element, where)
        editor = channel.findtext("managingEditor")
        assert editor and re.match(r"^\S+@\S+\.\S+ \(.+\)$", editor), f"{where}: managingEditor {editor}"
        selves = channel.findall(f"{ATOM}link[@rel='self']")
        assert [(s.get("href"), s.get("type")) for s in selves] == [(location(site, path), "application/rss+xml")]
        guids = [check_rss_item(item, f"{where} item {n}") for n, item in enumerate(channel.findall("item"), 1)]
        assert len(guids) == len(set(guids)), f"{where}: a guid twice"


def check_rss_item(item: etree._Element, where: str) -> str:
    """An item has a title or a description; at most one of each element; a guid that is a URL unless
    isPermaLink="false"; an absolute link; an author, if any, an e-mail address. Returns the guid."""
    assert item.findtext("title") or item.findtext("description"), where
    for name in ("title", "link", "description", "author", "comments", "enclosure", "guid", "pubDate", "source"):
        at_most_one(item, name, where)
    assert is_absolute_iri(item.findtext("link")), where
    guid = one(item, "guid", where)
    if guid.get("isPermaLink", "true") == "true":
        assert is_absolute_iri(guid.text), where
    for date in item.findall("pubDate"):
        check_rfc822(date, where)
    for category in item.findall("category"):
        assert category.text and category.text.strip(), where
    for author in item.findall("author"):
        assert "@" in author.text, where
    return guid.text


def test_an_empty_feed_is_valid_too(tmp_path):
    """An Atom feed with no entry must still name its author on the feed (§4.1.1)."""
    empty = Site(tmp_path)
    empty.build_ok("-q")
    feed = etree.parse(str(empty.site_dir / "atom.xml")).getroot()  # the news feed of a site with no news yet
    assert not feed.findall(f"{ATOM}entry")
    check_person(one(feed, f"{ATOM}author", "empty feed"), "empty feed")
    check_date(one(feed, f"{ATOM}updated", "empty feed"), "empty feed")

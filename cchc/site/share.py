"""What a page shows when its link is shared in a Zalo or Facebook group: its share card (Open Graph, Twitter).

The crawlers of Zalo and Facebook read the page's ``og:`` tags once and keep the card: a title, a description,
a picture at least 600 px wide, and the page's canonical address, all absolute. An article's card has its
cover photo (``SHARE_WIDTH`` px wide, ``cchc.core.images``) and its dates; any other page the department's
picture (``extra: department: share_image:``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from html import unescape
from typing import Any

from cchc.core.images import Variant
from cchc.site.settings import Settings

DESCRIPTION_LIMIT = 200
_TAG = re.compile(r"<[^>]+>")
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.DOTALL)
_SPACE = re.compile(r"\s+")
_SENTENCE = re.compile(r"^(.{20,}?[.!?…])(?:\s|$)")


@dataclass(frozen=True)
class ShareCard:
    title: str
    description: str
    url: str
    type: str
    """"article" for a news article, "website" for any other page."""
    image: Variant | None = None
    image_url: str | None = None
    image_alt: str | None = None
    published: datetime | None = None
    modified: datetime | None = None


def share_card(settings: Settings, plans: dict, title: str, url: str, description: str | None, html: str,
               article: Any = None, site_description: str = "") -> ShareCard:
    """The card of a page: ``description`` its own (front matter, a listing's), else the first sentence of its text."""
    image, alt = _picture(settings, plans, article)
    text = article.summary if article is not None else description or first_sentence(html) or site_description
    return ShareCard(
        title=title, description=shorten(text), url=url, type="article" if article is not None else "website",
        image=image, image_url=settings.site_url + image.uri if image else None, image_alt=alt,
        published=article.published if article is not None else None,
        modified=article.last_change if article is not None else None)


def _picture(settings: Settings, plans: dict, article: Any) -> tuple[Variant | None, str | None]:
    cover = getattr(article, "cover", None)
    plan = plans.get(cover.url) if cover else None
    if plan is not None and plan.share is not None:
        return plan.share, cover.alt
    department = settings.department
    plan = plans.get((department.share_image or "").strip().lstrip("/"))
    if plan is not None and plan.share is not None:
        return plan.share, department.name
    return None, None


def first_sentence(html: str) -> str:
    """The first sentence of a page's first paragraph (its first 200 characters without a full stop early enough)."""
    paragraphs = (_SPACE.sub(" ", unescape(_TAG.sub("", p))).strip() for p in _PARAGRAPH.findall(html or ""))
    text = next((p for p in paragraphs if p), "")
    found = _SENTENCE.match(text[:DESCRIPTION_LIMIT + 1])
    return found.group(1) if found else text


def shorten(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """At most ``limit`` characters, cut at a word with "…": what a card shows of a description."""
    text = _SPACE.sub(" ", text or "").strip()
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"

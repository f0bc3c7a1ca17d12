"""News (tin tức): the article model and the queries listings need (newest first, by category and year, related).

Articles are Markdown files under ``content/tin-tuc/`` (see ``declaration``); ``load`` checks them.
Drafts and future-dated articles are loaded (so their errors show early) but kept out of everything public.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property, lru_cache

from cchc.site.settings import Category

NEWS_DIR = "tin-tuc"
RELATED_LIMIT = 5
RELATED_WINDOW = 50
"""How many articles of a tag, nearest in time on each side, are candidates for "related"."""

@dataclass(frozen=True)
class Attachment:
    title: str
    file_name: str
    url: str
    kind: str
    size: int


@dataclass(frozen=True)
class Cover:
    url: str
    alt: str
    caption: str | None


@dataclass(frozen=True, eq=False)
class Article:
    """One news article; compared by identity (each file is loaded once per build)."""

    src_uri: str
    shown_path: str
    slug: str
    title: str
    published: datetime
    updated: datetime | None
    summary: str
    category: Category
    tags: tuple[str, ...]
    source: str | None
    cover: Cover | None
    attachments: tuple[Attachment, ...]
    draft: bool
    plan_month: tuple[int, int] | None
    """(year, month) of the propaganda-plan task this article serves."""
    warnings: tuple[tuple[int | None, str, str], ...] = ()
    """(line, field, message) told on every load, the remembered article's too."""

    @property
    def url(self) -> str:
        return f"{NEWS_DIR}/{self.slug}/"

    @property
    def year(self) -> int:
        return self.published.year

    @property
    def last_change(self) -> datetime:
        return max(self.published, self.updated or self.published)


@dataclass(frozen=True)
class News:
    """The public articles, newest first, and the lookups that listings need."""

    articles: tuple[Article, ...]

    @classmethod
    def publish(cls, articles: list[Article], now: datetime, include_drafts: bool = False) -> News:
        visible = [a for a in articles if include_drafts or (not a.draft and a.published <= now)]
        return cls(tuple(sorted(visible, key=lambda a: (a.published, a.slug), reverse=True)))

    def in_category(self, category: Category) -> list[Article]:
        return [a for a in self.articles if a.category == category]

    @cached_property
    def years(self) -> list[int]:
        return sorted({a.year for a in self.articles}, reverse=True)

    def in_year(self, year: int) -> list[Article]:
        return [a for a in self.articles if a.year == year]

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {a.src_uri: i for i, a in enumerate(self.articles)}

    def newer(self, article: Article) -> Article | None:
        index = self._positions[article.src_uri]
        return self.articles[index - 1] if index > 0 else None

    def older(self, article: Article) -> Article | None:
        index = self._positions[article.src_uri] + 1
        return self.articles[index] if index < len(self.articles) else None

    def related(self, article: Article) -> list[Article]:
        """Articles sharing most tags with this one; closer in time first on ties (see ``rank_related``)."""
        return [self.articles[other] for other in self._related[self._positions[article.src_uri]]]

    @cached_property
    def _related(self) -> tuple[tuple[int, ...], ...]:
        return rank_related(tuple((frozenset(t.casefold() for t in a.tags), a.published.timestamp(), a.slug)
                                  for a in self.articles))


RankedArticle = tuple[frozenset[str], float, str]
"""What the related ranking reads of an article: its tags (case-folded), publication time and slug."""


@lru_cache(maxsize=1)
def rank_related(articles: tuple[RankedArticle, ...]) -> tuple[tuple[int, ...], ...]:
    """For each article (newest first), the positions of its ``RELATED_LIMIT`` related articles.

    Candidates are the ``RELATED_WINDOW`` articles nearest in time on either side in each of
    its tags, so the cost per article does not grow with the size of a tag: ranking every
    article of a big tag made the build quadratic in the number of articles. Articles are
    counted and ranked by position as plain numbers and tuples: hashing Article records and
    calling a key function per candidate were most of the cost.

    Cached on everything it reads: under ``mkdocs serve`` a save rarely changes a tag, date or
    slug, and ranking 2,000 articles again took a quarter of a second of each rebuild.
    """
    by_tag: dict[str, list[int]] = defaultdict(list)  # positions of each tag's articles, newest first
    for position, (tags, _, _) in enumerate(articles):
        for tag in tags:
            by_tag[tag].append(position)
    place_in_tag = {tag: {position: i for i, position in enumerate(found)} for tag, found in by_tag.items()}
    return tuple(_related_to(me, articles, by_tag, place_in_tag) for me in range(len(articles)))


def _related_to(me: int, articles: tuple[RankedArticle, ...], by_tag: dict[str, list[int]],
                place_in_tag: dict[str, dict[int, int]]) -> tuple[int, ...]:
    tags, seconds, _ = articles[me]
    shared: Counter[int] = Counter()
    for tag in tags:
        found, place = by_tag[tag], place_in_tag[tag][me]
        shared.update(found[max(0, place - RELATED_WINDOW):place + RELATED_WINDOW + 1])
    shared.pop(me, None)
    ranked = [(-count, abs(articles[other][1] - seconds), articles[other][2], other) for other, count in shared.items()]
    return tuple(other for *_, other in heapq.nsmallest(RELATED_LIMIT, ranked))


@dataclass(frozen=True)
class NewsContent:
    """What the news kind loaded: every valid article, and the two views of them a build publishes."""

    all_articles: tuple[Article, ...]
    """Drafts and future articles included."""
    public: News
    """What feeds and the plan's results count: never drafts or future articles, even in a preview."""
    shown: News
    """What this build shows: the public articles, plus drafts when previewing."""
    unpublished: frozenset[str]
    """Article files not published as they are this build (drafts, future ones)."""

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.shown.articles

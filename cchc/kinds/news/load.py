"""News (tin tức): the article model, its loader and the queries listings need.

Articles are Markdown files under ``content/tin-tuc/`` with front matter. They
are validated here once per build; drafts and future-dated articles are loaded
(so their errors show early) but kept out of everything public.
"""

from __future__ import annotations

import heapq
import os
import posixpath
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property, lru_cache
from typing import Mapping

from cchc.core.errors import ErrorLog
from cchc.core.fields import Fields
from cchc.core.reading import SourceFile, guarded, read_markdown, resolve_content_file
from cchc.core.memo import FileMemo
from cchc.kinds.plans.load import PLANS_DIR, Plan, parse_plan_month
from cchc.site.settings import Category, Settings
from cchc.core.text import slugify

NEWS_DIR = "tin-tuc"
RELATED_LIMIT = 5
RELATED_WINDOW = 50
"""How many articles of a tag, nearest in time on each side, are candidates for "related"."""

FIELDS = {
    "title": "tiêu đề", "date": "ngày giờ đăng", "updated": "ngày giờ cập nhật", "summary": "tóm tắt",
    "category": "chuyên mục", "tags": "từ khóa", "source": "nguồn tin (Tin, ảnh: ...)",
    "image": "ảnh đại diện", "image_alt": "mô tả ảnh cho người khiếm thị", "image_caption": "chú thích ảnh",
    "attachments": "tập tin đính kèm", "draft": "bản nháp", "slug": "đường dẫn",
    "plan_month": "tháng của kế hoạch tuyên truyền",
}
# Keys MkDocs or Material read themselves; editors may use them freely (an article keeps its own template).
THEME_FIELDS = ("description", "hide", "search")

_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_RESERVED_SLUG = re.compile(r"^(\d{4}|chuyen-muc|trang-\d+)$")
_FILE_KINDS = {
    ".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".xls": "Excel", ".xlsx": "Excel",
    ".ppt": "PowerPoint", ".pptx": "PowerPoint", ".odt": "OpenDocument", ".ods": "OpenDocument",
    ".zip": "ZIP", ".rar": "RAR", ".jpg": "Ảnh JPEG", ".jpeg": "Ảnh JPEG", ".png": "Ảnh PNG",
    ".mp4": "Video MP4", ".txt": "Văn bản",
}


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

    @property
    def url(self) -> str:
        return f"{NEWS_DIR}/{self.slug}/"

    @property
    def year(self) -> int:
        return self.published.year

    @property
    def last_change(self) -> datetime:
        return max(self.published, self.updated or self.published)


def is_article(src_uri: str) -> bool:
    return src_uri.startswith(f"{NEWS_DIR}/") and src_uri.endswith(".md") and not src_uri.endswith("index.md")


def load_articles(sources: list[SourceFile], settings: Settings, docs_dir: str, plans: Mapping[int, Plan],
                  log: ErrorLog, memo: FileMemo | None = None) -> list[Article]:
    """Validate every article file; those with errors are logged and left out.

    ``memo`` gives back the article of a file whose bytes, settings, plans and linked files are
    those of the previous build (``mkdocs serve``).
    """
    memo = memo or FileMemo()
    memo.start("articles", (settings, plans, docs_dir))
    links = lambda article: article_links(article, docs_dir)  # noqa: E731
    articles = []
    for source in sources:
        article = memo.load("articles", source.abs_path,
                            guarded(source, log, lambda: load_article(source, settings, docs_dir, plans, log)), links)
        if article is not None:
            articles.append(article)
    _check_unique_slugs(articles, log)
    return articles


def article_links(article: Article, docs_dir: str) -> tuple[str, ...]:
    """The files an article shows (cover, attachments), on disk."""
    uris = ([article.cover.url] if article.cover else []) + [a.url for a in article.attachments]
    return tuple(os.path.join(docs_dir, uri) for uri in uris)


def load_article(source: SourceFile, settings: Settings, docs_dir: str, plans: Mapping[int, Plan],
                 log: ErrorLog) -> Article | None:
    errors_before = len(log.errors)
    front = read_markdown(source, log)
    if front is None:
        return None
    f = Fields(front.meta, source.shown_path, log)
    f.reject_unknown((*FIELDS, *THEME_FIELDS))
    values = dict(
        src_uri=source.src_uri,
        shown_path=source.shown_path,
        slug=_read_slug(f, source),
        title=f.text("title", FIELDS["title"], required=True),
        published=f.moment("date", FIELDS["date"], required=True),
        updated=f.moment("updated", FIELDS["updated"]),
        summary=f.text("summary", FIELDS["summary"], required=True),
        category=_read_category(f, settings),
        tags=f.texts("tags", FIELDS["tags"]),
        source=f.text("source", FIELDS["source"]),
        cover=_read_cover(f, source, docs_dir),
        attachments=_read_attachments(f, source, docs_dir),
        draft=f.flag("draft", FIELDS["draft"]),
        plan_month=_read_plan_month(f, plans),
    )
    return None if len(log.errors) > errors_before else Article(**values)


def _read_slug(f: Fields, source: SourceFile) -> str | None:
    written = f.text("slug", FIELDS["slug"])
    stem = posixpath.splitext(posixpath.basename(source.src_uri))[0]
    slug = slugify(written or _DATE_PREFIX.sub("", stem))
    if not slug or _RESERVED_SLUG.match(slug):
        f.error("slug", f'đường dẫn "{slug}" không dùng được (trống, là năm, "chuyen-muc" hoặc "trang-N" '
                        'đã dành cho trang danh sách); đặt "slug:" khác hoặc đổi tên tệp (reserved slug)')
        return None
    return slug


def _read_plan_month(f: Fields, plans: Mapping[int, Plan]) -> tuple[int, int] | None:
    written = f.text("plan_month", FIELDS["plan_month"])
    if written is None:
        return None
    plan_month = parse_plan_month(written)
    if plan_month is None:
        f.error("plan_month", f'"{written}" không phải một tháng; viết dạng "2022-06" hoặc "06/2022" '
                              "(expected a month)")
        return None
    year, month = plan_month
    if year not in plans:
        f.error("plan_month", f"bài gắn với tháng {month:02d}/{year} nhưng chưa có kế hoạch năm {year} "
                              f"({PLANS_DIR}/{year}.yaml); sửa plan_month hoặc thêm tệp kế hoạch "
                              "(no plan for that month)")
        return None
    return plan_month


def _read_category(f: Fields, settings: Settings) -> Category | None:
    written = f.text("category", FIELDS["category"], required=True)
    if written is None:
        return None
    category = settings.category(written)
    if category is None:
        allowed = ", ".join(c.name for c in settings.categories)
        f.error("category", f'chuyên mục "{written}" không có trong danh sách; chọn một trong: {allowed} '
                            "(unknown category)")
    return category


def _read_cover(f: Fields, source: SourceFile, docs_dir: str) -> Cover | None:
    image = f.text("image", FIELDS["image"])
    if image is None:
        for orphan in ("image_alt", "image_caption"):
            if orphan in f.data:
                f.error(orphan, 'có mô tả ảnh nhưng không có "image:"; thêm đường dẫn ảnh hoặc xóa dòng này '
                                "(no image given)")
        return None
    alt = f.text("image_alt", FIELDS["image_alt"], required=True)
    uri = resolve_content_file(image, source, docs_dir, lambda message: f.error("image", message))
    if uri is None or alt is None:
        return None
    return Cover(uri, alt, f.text("image_caption", FIELDS["image_caption"]))


def _read_attachments(f: Fields, source: SourceFile, docs_dir: str) -> tuple[Attachment, ...]:
    attachments = []
    for prefix, item, line in f.records("attachments", FIELDS["attachments"]):
        entry = f.item(item, prefix) if isinstance(item, dict) else None
        if entry is not None:
            entry.reject_unknown(("file", "title"))
            written, title = entry.text("file", "đường dẫn tập tin", required=True), entry.text("title", "tên hiển thị")
        elif isinstance(item, str):
            written, title = item, None
        else:
            f.log.add(f.path, line, prefix.rstrip("."), 'mỗi tập tin đính kèm là một đường dẫn, hoặc hai dòng '
                                                        '"file:" và "title:" (expected a path)')
            continue
        if written is None:
            continue
        report = lambda message: f.log.add(f.path, line, prefix + "file" if entry else prefix.rstrip("."), message)
        uri = resolve_content_file(written, source, docs_dir, report)
        if uri is not None:
            attachments.append(_attachment(uri, title, docs_dir))
    return tuple(attachments)


def _attachment(uri: str, title: str | None, docs_dir: str) -> Attachment:
    name = posixpath.basename(uri)
    extension = posixpath.splitext(name)[1].lower()
    kind = _FILE_KINDS.get(extension, extension[1:].upper())
    return Attachment(title or name, name, uri, kind, os.path.getsize(os.path.join(docs_dir, uri)))


def _check_unique_slugs(articles: list[Article], log: ErrorLog) -> None:
    seen: dict[str, Article] = {}
    for article in sorted(articles, key=lambda a: a.shown_path):
        first = seen.setdefault(article.slug, article)
        if first is not article:
            log.add(article.shown_path, None, "slug",
                    f'đường dẫn "tin-tuc/{article.slug}/" trùng với bài {first.shown_path}; '
                    'đặt "slug:" khác cho một trong hai bài (duplicate slug)')


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

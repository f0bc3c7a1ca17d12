"""Reading and checking the news articles (``content/tin-tuc/*.md``), as ``declaration`` describes them."""

from __future__ import annotations

import os
import posixpath
import re
from typing import TYPE_CHECKING, Any, Mapping

from cchc.core.declared import read, reject_unknown, short_item_warnings
from cchc.core.errors import ErrorLog
from cchc.core.fields import Fields
from cchc.core.images import IMAGE_EXTENSIONS, MIN_COVER_WIDTH
from cchc.core.memo import FileMemo
from cchc.core.reading import SourceFile, guarded, read_markdown, resolve_content_file
from cchc.core.text import slugify
from cchc.kinds.news.fields import BY_NAME as FIELD
from cchc.kinds.news.fields import FIELDS, THEME_KEYS
from cchc.kinds.news.model import NEWS_DIR, Article, Attachment, Cover, News, NewsContent
from cchc.kinds.plans.load import PLANS_DIR, Plan, parse_plan_month
from cchc.site.settings import Category, Settings

if TYPE_CHECKING:
    from cchc.site.content import LoadContext

_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_RESERVED_SLUG = re.compile(r"^(\d{4}|chuyen-muc|trang-\d+)$")
_FILE_KINDS = {
    ".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".xls": "Excel", ".xlsx": "Excel",
    ".ppt": "PowerPoint", ".pptx": "PowerPoint", ".odt": "OpenDocument", ".ods": "OpenDocument",
    ".zip": "ZIP", ".rar": "RAR", ".jpg": "Ảnh JPEG", ".jpeg": "Ảnh JPEG", ".png": "Ảnh PNG",
    ".mp4": "Video MP4", ".txt": "Văn bản",
}



def load_news(context: LoadContext) -> NewsContent:
    articles = load_articles(context.sources, context.settings, context.paths.docs_dir, context.loaded["plans"],
                             context.log, context.memo, context.images)
    public = News.publish(articles, context.now)
    shown = News.publish(articles, context.now, context.include_drafts) if context.include_drafts else public
    published = {article.src_uri for article in shown.articles}
    unpublished = frozenset(s.src_uri for s in context.sources if s.src_uri not in published)
    return NewsContent(tuple(articles), public, shown, unpublished)


def is_article(src_uri: str) -> bool:
    return src_uri.startswith(f"{NEWS_DIR}/") and src_uri.endswith(".md") and not src_uri.endswith("index.md")


def load_articles(sources: list[SourceFile], settings: Settings, docs_dir: str, plans: Mapping[int, Plan],
                  log: ErrorLog, memo: FileMemo | None = None, images: Any = None) -> list[Article]:
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
                            guarded(source, log, lambda: load_article(source, settings, docs_dir, plans, log, images)), links)
        if article is not None:
            for line, field_name, message in article.warnings:
                log.warn(source.shown_path, line, field_name, message)
            articles.append(article)
    _check_unique_slugs(articles, log)
    return articles


def article_links(article: Article, docs_dir: str) -> tuple[str, ...]:
    """The files an article shows (cover, attachments), on disk."""
    uris = ([article.cover.url] if article.cover else []) + [a.url for a in article.attachments]
    return tuple(os.path.join(docs_dir, uri) for uri in uris)


def load_article(source: SourceFile, settings: Settings, docs_dir: str, plans: Mapping[int, Plan],
                 log: ErrorLog, images: Any = None) -> Article | None:
    errors_before = len(log.errors)
    front = read_markdown(source, log, images)
    if front is None:
        return None
    f = Fields(front.meta, source.shown_path, log)
    reject_unknown(f, FIELDS, THEME_KEYS)
    values = dict(
        src_uri=source.src_uri,
        shown_path=source.shown_path,
        slug=_read_slug(f, source),
        title=read(f, FIELD["title"]),
        published=read(f, FIELD["date"]),
        updated=read(f, FIELD["updated"]),
        summary=read(f, FIELD["summary"]),
        category=_read_category(f, settings),
        tags=read(f, FIELD["tags"]),
        source=read(f, FIELD["source"]),
        cover=_read_cover(f, source, docs_dir, images),
        attachments=_read_attachments(f, source, docs_dir),
        draft=read(f, FIELD["draft"]),
        plan_month=_read_plan_month(f, plans),
        warnings=tuple(short_item_warnings(f.data, FIELDS)),
    )
    return None if len(log.errors) > errors_before else Article(**values)


def _read_slug(f: Fields, source: SourceFile) -> str | None:
    written = f.text("slug", FIELD["slug"].label)
    stem = posixpath.splitext(posixpath.basename(source.src_uri))[0]
    slug = slugify(written or _DATE_PREFIX.sub("", stem))
    if not slug or _RESERVED_SLUG.match(slug):
        f.error("slug", f'đường dẫn "{slug}" không dùng được (trống, là năm, "chuyen-muc" hoặc "trang-N" '
                        'đã dành cho trang danh sách); đặt "slug:" khác hoặc đổi tên tệp (reserved slug)')
        return None
    return slug


def _read_plan_month(f: Fields, plans: Mapping[int, Plan]) -> tuple[int, int] | None:
    written = f.text("plan_month", FIELD["plan_month"].label)
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
    written = f.text("category", FIELD["category"].label, required=True)
    if written is None:
        return None
    category = settings.category(written)
    if category is None:
        allowed = ", ".join(c.name for c in settings.categories)
        f.error("category", f'chuyên mục "{written}" không có trong danh sách; chọn một trong: {allowed} '
                            "(unknown category)")
    return category


def _read_cover(f: Fields, source: SourceFile, docs_dir: str, images: Any) -> Cover | None:
    image = f.text("image", FIELD["image"].label)
    if image is None:
        for orphan in ("image_alt", "image_caption"):
            if orphan in f.data:
                f.error(orphan, 'có mô tả ảnh nhưng không có "image:"; thêm đường dẫn ảnh hoặc xóa dòng này '
                                "(no image given)")
        return None
    alt = f.text("image_alt", FIELD["image_alt"].label, required=True)
    uri = resolve_content_file(image, source, docs_dir, lambda message: f.error("image", message))
    if uri is None or alt is None:
        return None
    problem = _cover_problem(uri, image, images)
    if problem:
        f.error("image", problem)
        return None
    return Cover(uri, alt, f.text("image_caption", FIELD["image_caption"].label))


def _cover_problem(uri: str, written: str, images: Any) -> str | None:
    """A cover is a photo or drawing wide enough for the column and a share card (``cchc.site.images``)."""
    if not uri.lower().endswith(IMAGE_EXTENSIONS):
        return (f'"{written}" không phải tệp ảnh; ảnh đại diện là ảnh JPEG, PNG, WebP hoặc SVG '
                "(cover is not an image file)")
    return images.problem(uri, written, MIN_COVER_WIDTH, "ảnh đại diện") if images is not None else None


def _read_attachments(f: Fields, source: SourceFile, docs_dir: str) -> tuple[Attachment, ...]:
    attachments = []
    for prefix, item, line in f.records("attachments", FIELD["attachments"].label):
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



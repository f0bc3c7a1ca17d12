"""Pages and feeds of the guiding documents: the list, filters by year and type, one page each."""

from __future__ import annotations

from datetime import date, datetime

from cchc.core.feeds import Feed, FeedItem, newest_first
from cchc.core.pages import GeneratedPage, paginated_pages
from cchc.core.text import VN_TZ, slugify
from cchc.kinds.documents.load import DOCUMENTS_DIR, TYPES, Document
from cchc.site.settings import Settings

PER_PAGE = 20


def type_url(kind: str) -> str:
    return f"{DOCUMENTS_DIR}/loai/{slugify(kind)}/"


def build_document_pages(documents: tuple[Document, ...], today: date) -> list[GeneratedPage]:
    years = sorted({d.issued.year for d in documents}, reverse=True)
    types = [(kind, TYPES[kind], type_url(kind)) for kind in TYPES if any(d.type == kind for d in documents)]
    by_slug = {d.slug: d for d in documents}
    replaced: dict[str, list[Document]] = {}
    for d in documents:
        if d.replaced_by:
            replaced.setdefault(slugify(d.replaced_by), []).append(d)
    common = {"years": years, "types": types, "today": today, "feed_folder": f"{DOCUMENTS_DIR}/"}
    pages = paginated_pages(f"{DOCUMENTS_DIR}/", "Văn bản chỉ đạo, điều hành", "documents-list.html", documents,
                            PER_PAGE, common, "Kế hoạch, quyết định, công văn về cải cách hành chính",
                            hide=("navigation",))
    for year in years:
        pages += paginated_pages(f"{DOCUMENTS_DIR}/{year}/", f"Văn bản năm {year}", "documents-list.html",
                                 [d for d in documents if d.issued.year == year], PER_PAGE,
                                 {**common, "year": year}, hide=("navigation",))
    for kind, label, url in types:
        pages += paginated_pages(url, label, "documents-list.html", [d for d in documents if d.type == kind],
                                 PER_PAGE, {**common, "kind": kind}, hide=("navigation",))
    for document in documents:
        replacement = by_slug.get(slugify(document.replaced_by)) if document.replaced_by else None
        replaces = replaced.get(document.slug, [])
        pages.append(GeneratedPage(f"{document.url}index.md", f"{document.type_label} số {document.number}",
                                   "document.html", {**common, "document": document, "replacement": replacement,
                                                     "replaces": replaces}, document.summary))
    return pages


def build_document_feeds(documents: tuple[Document, ...], settings: Settings) -> list[Feed]:
    items = [_item(d) for d in documents]
    return [Feed(f"{DOCUMENTS_DIR}/", f"Văn bản chỉ đạo, điều hành – {settings.department.short_name}",
                 f"Văn bản chỉ đạo, điều hành về cải cách hành chính của {settings.department.name}",
                 f"{DOCUMENTS_DIR}/", newest_first(items))]


def _item(document: Document) -> FeedItem:
    issued = datetime(document.issued.year, document.issued.month, document.issued.day, tzinfo=VN_TZ)
    return FeedItem(
        key=f"{DOCUMENTS_DIR}/{document.slug}",
        title=f"{document.type_label} số {document.number}: {document.summary}",
        url=document.url,
        summary=f"{document.summary} ({document.issuer}, ngày {issued:%d/%m/%Y}).",
        published=issued,
        updated=issued,
        categories=(document.type_label,),
    )

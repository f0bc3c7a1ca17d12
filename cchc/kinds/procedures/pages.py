"""The procedure catalogue (/thu-tuc-hanh-chinh/), one page per field and per procedure, open data and feeds."""

from __future__ import annotations

from datetime import date, datetime

from markupsafe import Markup

from cchc.core.escaping import json_for_script
from cchc.core.feeds import Feed, FeedItem, newest_first
from cchc.core.pages import GeneratedFile, GeneratedPage
from cchc.core.text import VN_TZ, fold_diacritics, format_date
from cchc.kinds.procedures.model import LEVELS, ONLINE_LEVELS, PROCEDURES_DIR, Catalogue, Procedure
from cchc.kinds.procedures.opendata import SCHEMA_NAME, render_csv, render_json, schema_bytes
from cchc.kinds.questions.load import Question
from cchc.site.settings import Settings

CATALOGUE_TITLE = "Thủ tục hành chính"
ONE_STOP_URI = f"{PROCEDURES_DIR}/mot-cua/index.md"
ONE_STOP_TITLE = "Danh mục thủ tục hành chính tại Bộ phận Một cửa"


def search_text(procedure: Procedure) -> str:
    """What the catalogue's search box matches, folded the way its script folds the query."""
    words = (procedure.name, procedure.code or "", procedure.local_symbol or "", procedure.field.label)
    return " ".join(fold_diacritics(" ".join(words)).lower().split())


def build_procedure_pages(catalogue: Catalogue, settings: Settings,
                          questions: tuple[Question, ...] = ()) -> list[GeneratedPage | GeneratedFile]:
    common = {"catalogue": catalogue, "levels": LEVELS, "online_levels": ONLINE_LEVELS,
              "search": {p.slug: search_text(p) for p in catalogue.procedures},
              "feed_folder": f"{PROCEDURES_DIR}/", "department": settings.department,
              "feedback": settings.feedback, "one_stop": settings.one_stop}
    groups = [(field, catalogue.in_field(field)) for field in catalogue.fields]
    pages: list[GeneratedPage | GeneratedFile] = [GeneratedPage(
        f"{PROCEDURES_DIR}/index.md", CATALOGUE_TITLE, "procedures.html",
        {**common, "groups": [g for g in groups if g[1]], "abolished": catalogue.abolished, "field": None,
         "searchable": bool(catalogue.procedures)},
        f"Danh mục, nội dung thủ tục hành chính thuộc thẩm quyền giải quyết của {settings.department.name}")]
    pages.append(GeneratedPage(ONE_STOP_URI, ONE_STOP_TITLE, "procedures-one-stop.html", common,
                               f"Danh mục thủ tục hành chính tiếp nhận tại Bộ phận Một cửa của {settings.department.name}: "
                               "thời hạn, phí, lệ phí, địa điểm và cách thức thực hiện", hide=("navigation", "toc")))
    for field, procedures in groups:
        pages.append(GeneratedPage(f"{field.url}index.md", f"Lĩnh vực {field.label}", "procedures.html",
                                   {**common, "groups": [(field, procedures)], "abolished": (), "field": field,
                                    "searchable": bool(procedures)},
                                   f"Thủ tục hành chính lĩnh vực {field.label} ({field.code})"))
    asked: dict[str, list[Question]] = {}
    for question in questions:
        for procedure in question.procedures:
            asked.setdefault(procedure.slug, []).append(question)
    for procedure in catalogue.procedures:
        pages.append(GeneratedPage(f"{procedure.url}index.md", procedure.name, "procedure.html",
                                   {**common, "procedure": procedure, "json_ld": json_ld(procedure, settings),
                                    "questions": asked.get(procedure.slug, [])},
                                   _summary(procedure)))
    pages += [
        GeneratedFile(f"{PROCEDURES_DIR}/thu-tuc.json", render_json(catalogue, settings)),
        GeneratedFile(f"{PROCEDURES_DIR}/thu-tuc.csv", render_csv(catalogue, settings)),
        GeneratedFile(f"{PROCEDURES_DIR}/{SCHEMA_NAME}", schema_bytes()),
    ]
    return pages


def _summary(procedure: Procedure) -> str:
    code = f"Mã {procedure.code}. " if procedure.code else ""
    return (f"{code}Lĩnh vực {procedure.field.label}. Thời hạn giải quyết: {procedure.time_limit.shown}. "
            f"Phí, lệ phí: {procedure.fees_shown}.")


def json_ld(procedure: Procedure, settings: Settings) -> Markup:
    """schema.org GovernmentService, safe inside <script> (see ``json_for_script``)."""
    channels = []
    for channel in procedure.channels:
        entry = {"@type": "ServiceChannel", "name": channel.label,
                 "description": f"Thời hạn giải quyết: {channel.time_limit.shown}. Phí, lệ phí: {channel.fee or 'Không'}."}
        if channel.via == "online" and procedure.portal_url:
            entry["serviceUrl"] = procedure.portal_url
        elif procedure.address:
            entry["serviceLocation"] = {"@type": "Place", "address": procedure.address}
        channels.append(entry)
    data = {
        "@context": "https://schema.org", "@type": "GovernmentService",
        "name": procedure.name, "url": settings.site_url + procedure.url, "description": _summary(procedure),
        "serviceType": procedure.field.label,
        "provider": {"@type": "GovernmentOrganization", "name": procedure.agencies.handling},
        "serviceOperator": {"@type": "GovernmentOrganization", "name": settings.department.name},
        "audience": {"@type": "Audience", "audienceType": "; ".join(procedure.applicants)},
        "availableChannel": channels,
    }
    if procedure.code:
        data["identifier"] = procedure.code
    return json_for_script(data, indent=2)


def build_procedure_feeds(catalogue: Catalogue, settings: Settings, today: date) -> list[Feed]:
    """One feed of events: each procedure's publication, every change, and abolitions that have happened."""
    items = []
    for procedure in catalogue.procedures:
        items.append(_event(procedure, "", f"Công bố: {procedure.name}", procedure.published_by.date,
                            f"Công bố tại {procedure.published_by.number} ngày "
                            f"{format_date(procedure.published_by.date)}. {_summary(procedure)}"))
        for number, change in enumerate(procedure.history, 1):
            document = f" ({change.document})" if change.document else ""
            items.append(_event(procedure, f"/thay-doi-{number}", f"Sửa đổi: {procedure.name}", change.date,
                                f"{change.change}{document}."))
        if procedure.abolished_on and procedure.abolished_on <= today:
            items.append(_event(procedure, "/bai-bo", f"Bãi bỏ: {procedure.name}", procedure.abolished_on,
                                f"Thủ tục bãi bỏ từ ngày {format_date(procedure.abolished_on)}."))
    return [Feed(f"{PROCEDURES_DIR}/", f"Thủ tục hành chính mới, sửa đổi – {settings.department.short_name}",
                 f"Thủ tục hành chính mới công bố, sửa đổi, bãi bỏ thuộc thẩm quyền của {settings.department.name}",
                 f"{PROCEDURES_DIR}/", newest_first(items))]


def _event(procedure: Procedure, key_suffix: str, title: str, day: date, summary: str) -> FeedItem:
    moment = datetime(day.year, day.month, day.day, tzinfo=VN_TZ)
    return FeedItem(key=f"{PROCEDURES_DIR}/{procedure.slug}{key_suffix}", title=title, url=procedure.url,
                    summary=summary, published=moment, updated=moment, categories=(procedure.field.label,))

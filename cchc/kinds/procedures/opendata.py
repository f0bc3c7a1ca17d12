"""Open data of the procedure catalogue: JSON (every field; its schema made from the declaration in
``opendata_schema``) and CSV (UTF-8 with BOM).

``procedure_to_dict`` and ``procedure_from_dict`` are exact inverses, so the JSON carries
every field of the model; the tests check that with a round trip.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from functools import lru_cache
from typing import Any

from cchc.core.spreadsheet import SpreadsheetWriter
from cchc.kinds.procedures.model import (
    NO_FEE,
    PROCEDURES_DIR,
    Agencies,
    Catalogue,
    Change,
    Channel,
    CommittedTimeLimit,
    Document,
    Field,
    Form,
    FormFile,
    LegalBasis,
    Procedure,
    Publication,
    Step,
    TimeLimit,
)
from cchc.kinds.procedures.opendata_schema import catalogue_schema
from cchc.site.settings import Settings

SCHEMA_NAME = "thu-tuc.schema.json"
CSV_COLUMNS = (
    "url", "code", "local_symbol", "name", "field_code", "field_label", "levels", "kind", "online_level",
    "portal_url", "time_limit", "fees", "result", "applicants", "agencies_handling", "agencies_deciding",
    "agencies_cooperating", "address", "steps", "channels", "documents", "sets", "forms", "requirements",
    "legal_bases", "published_by_number", "published_by_date", "status", "abolished_on", "last_updated",
    "history", "example", "notes", "national_url", "committed_time_limit", "fee", "charge", "checked_on",
)
"""The columns; those added later come last, so a sheet that reads columns by position keeps working."""


def schema_bytes() -> bytes:
    """The open data's schema, made from the procedure declaration (``opendata_schema``)."""
    return (json.dumps(catalogue_schema(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def procedure_to_dict(procedure: Procedure, site_url: str) -> dict[str, Any]:
    p = procedure
    return {
        "slug": p.slug, "url": site_url + p.url, "code": p.code, "local_symbol": p.local_symbol, "name": p.name,
        "field": asdict(p.field), "levels": list(p.levels), "kind": p.kind, "agencies": asdict(p.agencies),
        "address": p.address, "applicants": list(p.applicants), "steps": [asdict(s) for s in p.steps],
        "channels": [{**asdict(c), "time_limit": asdict(c.time_limit)} for c in p.channels],
        "documents": [asdict(d) for d in p.documents], "sets": p.sets, "time_limit": asdict(p.time_limit),
        "committed_time_limit": asdict(p.committed_time_limit) if p.committed_time_limit else None,
        "result": p.result, "fee": p.fee, "charge": p.charge, "fees": p.fees_shown,
        "forms": [asdict(form) for form in p.forms], "requirements": list(p.requirements),
        "legal_bases": [{**asdict(b), "date": _iso(b.date)} for b in p.legal_bases],
        "online_level": p.online_level, "portal_url": p.portal_url, "checked_on": _iso(p.checked_on),
        "published_by": {"number": p.published_by.number, "date": _iso(p.published_by.date)},
        "status": p.status, "abolished_on": _iso(p.abolished_on),
        "history": [{**asdict(c), "date": _iso(c.date)} for c in p.history],
        "last_updated": _iso(p.last_updated), "national_url": p.national_url, "example": p.example, "notes": p.notes,
    }


def procedure_from_dict(data: dict[str, Any], src_uri: str = "") -> Procedure:
    """The model back from its JSON form (``src_uri`` is not published: pass it if needed)."""
    return Procedure(
        slug=data["slug"], src_uri=src_uri, code=data["code"], local_symbol=data["local_symbol"], name=data["name"],
        field=Field(**data["field"]), levels=tuple(data["levels"]), kind=data["kind"],
        agencies=Agencies(**data["agencies"]), address=data["address"], applicants=tuple(data["applicants"]),
        steps=tuple(Step(**s) for s in data["steps"]),
        channels=tuple(Channel(**{**c, "time_limit": TimeLimit(**c["time_limit"])}) for c in data["channels"]),
        documents=tuple(Document(**d) for d in data["documents"]), sets=data["sets"],
        time_limit=TimeLimit(**data["time_limit"]), result=data["result"], fees=_combined(data),
        fee=data["fee"], charge=data["charge"],
        committed_time_limit=CommittedTimeLimit(**data["committed_time_limit"]) if data["committed_time_limit"] else None,
        forms=tuple(Form(f["name"], FormFile(**f["file"]) if f["file"] else None) for f in data["forms"]),
        requirements=tuple(data["requirements"]),
        legal_bases=tuple(LegalBasis(**{**b, "date": _day(b["date"])}) for b in data["legal_bases"]),
        online_level=data["online_level"], portal_url=data["portal_url"], checked_on=_day(data["checked_on"]),
        national_url=data["national_url"],
        published_by=Publication(data["published_by"]["number"], _day(data["published_by"]["date"])),
        status=data["status"], abolished_on=_day(data["abolished_on"]),
        history=tuple(Change(**{**c, "date": _day(c["date"])}) for c in data["history"]),
        example=data["example"], notes=data["notes"],
    )


def _combined(data: dict[str, Any]) -> str | None:
    """The older single fees line back from "fees", which the open data always fills with the line a catalogue row
    shows (re-users of the single field keep it): only a procedure with neither fee nor charge had one."""
    if data["fee"] is not None or data["charge"] is not None or data["fees"] == NO_FEE:
        return None
    return data["fees"]


@lru_cache(maxsize=1)
def render_json(catalogue: Catalogue, settings: Settings) -> bytes:
    """The catalogue as JSON; kept while the catalogue and settings are equal, as in most rebuilds under
    ``mkdocs serve`` (indented JSON is written by Python's slow encoder: 0.05 s for 150 procedures)."""
    document = {
        "$schema": f"{settings.site_url}{PROCEDURES_DIR}/{SCHEMA_NAME}",
        "publisher": settings.department.name,
        "reuse_notice": settings.department.reuse_notice,
        "last_updated": _iso(catalogue.last_updated),
        "count": len(catalogue.procedures),
        "procedures": [procedure_to_dict(p, settings.site_url) for p in catalogue.procedures],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@lru_cache(maxsize=1)
def render_csv(catalogue: Catalogue, settings: Settings) -> bytes:
    """One row per procedure; lists are joined with new lines inside a cell. BOM so Excel reads UTF-8."""
    writer = SpreadsheetWriter()
    writer.writerow(CSV_COLUMNS)
    for p in catalogue.procedures:
        writer.writerow(_csv_row(p, settings.site_url))
    return writer.getvalue()


def _csv_row(p: Procedure, site_url: str) -> list[Any]:
    lines = "\n".join
    return [
        site_url + p.url, p.code, p.local_symbol, p.name, p.field.code, p.field.label, "; ".join(p.levels), p.kind,
        p.online_level, p.portal_url, p.time_limit.shown, p.fees_shown, p.result, lines(p.applicants),
        p.agencies.handling, p.agencies.deciding, p.agencies.cooperating, p.address,
        lines(f"Bước {i}: {s.title}" + (f" – {s.description}" if s.description else "")
              for i, s in enumerate(p.steps, 1)),
        lines(f"{c.label}: {c.time_limit.shown}; phí, lệ phí: {c.fee or 'Không'}" for c in p.channels),
        lines(f"{d.name} ({d.originals} bản chính, {d.copies} bản sao)" for d in p.documents), p.sets,
        lines(f.name + (f" ({site_url}{f.file.url})" if f.file else "") for f in p.forms), lines(p.requirements),
        lines(f"{b.number}: {b.title}" for b in p.legal_bases), p.published_by.number, _iso(p.published_by.date),
        p.status, _iso(p.abolished_on), _iso(p.last_updated),
        lines(f"{_iso(c.date)}: {c.change}" + (f" ({c.document})" if c.document else "") for c in p.history),
        "true" if p.example else "false", p.notes, p.national_url,
        f"{p.committed_time_limit.brief} ({p.committed_time_limit.document})" if p.committed_time_limit else None,
        p.fee, p.charge, _iso(p.checked_on),
    ]

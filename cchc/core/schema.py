"""JSON Schemas of the editors' files, made from each kind's declaration (``cchc.core.declaration``).

Published with the site (``/schemas/<folder>.schema.json``) for editors' tools: VS Code's YAML extension
reads the ``# yaml-language-server: $schema=…`` line ``cchc new`` writes, and warns as the editor types.
A schema accepts the forms the editors' guide shows (dates written either way, a number where text is
asked, a value of a list as the guide writes it), so the example site's files pass it (a test checks);
the loader stays the judge of what a schema cannot say (a file that exists, two fields that disagree).
"""

from __future__ import annotations

from typing import Any, Mapping

from cchc.core.declaration import Field, Kind

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMAS_DIR = "schemas"
_DAY = r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4}"
_DATE = f"^({_DAY})$"
_DATETIME = (rf"^({_DAY})([ T]\d{{1,2}}:\d{{2}}(:\d{{2}}(\.\d+)?)?)?"
             r"( ?(Z|[+-]\d{1,2}(:?\d{2})?))?$")
_MONTH = r"^(\d{4}-\d{1,2}|\d{1,2}/\d{4})$"
_TEXT = {"type": ["string", "number"]}
_TEXTS = {"anyOf": [_TEXT, {"type": "array", "items": _TEXT}]}


def schema_path(kind: Kind) -> str:
    """Where the kind's schema is published in the built site."""
    return f"{SCHEMAS_DIR}/{kind.schema_name}"


def kind_schema(kind: Kind, site_url: str, choices: Mapping[str, list[str]] | None = None) -> dict[str, Any]:
    """The schema of one file of ``kind``; ``choices`` fills the lists that come from the settings
    ("categories": the names of mkdocs.yml's news categories)."""
    schema = {
        "$schema": DRAFT,
        "$id": site_url + schema_path(kind),
        "title": f"{kind.label} (tệp nội dung của chuyên trang CCHC)",
        "description": kind.guide or kind.label,
        **_object(kind.fields, choices or {}),
    }
    for key in kind.theme_keys:
        schema["properties"][key] = {"description": "Trường MkDocs hoặc Material đọc (không bắt buộc)."}
    return schema


def _object(fields: tuple[Field, ...], choices: Mapping[str, list[str]]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {spec.name: field_schema(spec, choices) for spec in fields},
        "required": [spec.name for spec in fields if spec.required],
        "additionalProperties": False,
    }


def field_schema(spec: Field, choices: Mapping[str, list[str]] | None = None) -> dict[str, Any]:
    """One field: its type as the loader reads it, with the label, help and example an editor's tool shows."""
    schema = {**_type_of(spec, choices or {}), "title": spec.label}
    if spec.help:
        schema["description"] = spec.help
    if spec.example is not None:
        schema["examples"] = [spec.example]
    return schema


def _type_of(spec: Field, choices: Mapping[str, list[str]]) -> dict[str, Any]:
    kind = spec.type
    if kind == "text" and spec.pattern:
        return {"type": "string", "pattern": f"^({spec.pattern})$"}
    if kind in ("text", "file", "image"):
        return dict(_TEXT)
    if kind in ("paragraphs", "texts"):
        return dict(_TEXTS)
    if kind in ("date", "datetime", "month"):
        return {"type": "string", "pattern": {"date": _DATE, "datetime": _DATETIME, "month": _MONTH}[kind]}
    if kind == "integer":
        return {"type": "integer", **({"minimum": spec.minimum} if spec.minimum is not None else {})}
    if kind == "boolean":
        return {"type": "boolean"}
    if kind == "url":
        return {"type": "string", "pattern": "^https?://"}
    if kind == "email":
        return {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"}
    if kind in ("choice", "choices"):
        return _choices(spec, choices)
    if kind == "record":
        record = _object(spec.fields, choices)
        return {"anyOf": [record, {"type": "integer", "minimum": 0}]} if spec.or_total else record
    if kind == "records":
        item = _object(spec.fields, choices)
        return {"type": "array", "items": {"anyOf": [item, _TEXT]} if spec.item_text else item}
    if kind == "time_limit":
        return {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string"}, _object(spec.fields, choices)]}
    raise ValueError(f"no schema for a {kind} field")


def _choices(spec: Field, choices: Mapping[str, list[str]]) -> dict[str, Any]:
    if isinstance(spec.choices, str):
        values = choices.get(spec.choices)
        one = {"type": "string", "enum": values} if values else dict(_TEXT)
    else:
        one = {"enum": list(spec.choices or {})}
        labels = "; ".join(f"{key}: {label}" for key, label in (spec.choices or {}).items())
        one["description"] = labels
    if spec.type == "choice":
        return one
    return {"anyOf": [one, {"type": "array", "items": one}]}

"""The JSON Schema of the catalogue's open data (``thu-tuc.json``), made from the procedure declaration.

The open data carries every declared field of every procedure, normalised (a list is always a list, a
time limit always an object, a missing value ``null``), plus what the site adds (slug, address, last
update, the field's label). Each declared field's label and help become its description, so the schema
reads as the guide does and cannot fall behind the fields.
"""

from __future__ import annotations

from typing import Any

from cchc.core.declaration import Field
from cchc.kinds.procedures.fields import FIELDS, TIME_LIMIT_FIELDS

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
_ADDED = {  # what the site adds to each procedure, placed as the open data places it
    "slug": {"type": "string", "description": "Đường dẫn của thủ tục trên chuyên trang"},
    "url": {"type": "string", "format": "uri", "description": "Địa chỉ trang của thủ tục"},
    "last_updated": {"type": ["string", "null"], "format": "date", "pattern": ISO_DATE,
                     "description": "Ngày cập nhật gần nhất (công bố hoặc sửa đổi)"},
    "national_url": {"type": ["string", "null"], "format": "uri",
                     "description": "Trang của thủ tục trên Cổng Dịch vụ công quốc gia, theo mã thủ tục"},
}
_FILE = {"type": ["object", "null"], "additionalProperties": False, "required": ["url", "file_name", "kind", "size"],
         "properties": {"url": {"type": "string", "description": "Đường dẫn tệp trên chuyên trang"},
                        "file_name": {"type": "string"}, "kind": {"type": "string"},
                        "size": {"type": "integer", "minimum": 0}}}
_FIELD_OBJECT = {"type": "object", "additionalProperties": False, "required": ["code", "label"],
                 "properties": {"code": {"type": "string"}, "label": {"type": "string"}}}


def catalogue_schema() -> dict[str, Any]:
    procedure = _record(FIELDS)
    properties = procedure["properties"]
    ordered = {"slug": _ADDED["slug"], "url": _ADDED["url"]}
    ordered.update((name, value) for name, value in properties.items() if name not in ("example", "notes"))
    ordered["fees"] = {"type": "string", "description": "Phí, lệ phí trên một dòng, như danh mục hiện (\"Không\", "
                                                        "\"Phí: …; lệ phí: …\" hoặc dòng ghi chung cũ)"}
    ordered.update(last_updated=_ADDED["last_updated"], national_url=_ADDED["national_url"],
                   example=properties["example"], notes=properties["notes"])
    procedure.update(properties=ordered, required=list(ordered))
    return {
        "$schema": DRAFT,
        "title": "Danh mục thủ tục hành chính (administrative procedures catalogue)",
        "description": ("Dữ liệu mở của chuyên trang CCHC: mọi thủ tục hành chính, mọi trường, theo thứ tự của Quyết "
                        "định công bố (TT 02/2017/TT-VPCP) và CSDL quốc gia về TTHC. Ngày viết dạng YYYY-MM-DD. Tệp "
                        "thu-tuc.csv có cùng dữ liệu, mỗi thủ tục một dòng."),
        "type": "object", "additionalProperties": False,
        "required": ["$schema", "publisher", "reuse_notice", "last_updated", "count", "procedures"],
        "properties": {
            "$schema": {"type": "string", "description": "Địa chỉ của lược đồ này"},
            "publisher": {"type": "string", "description": "Cơ quan công bố (publishing department)"},
            "reuse_notice": {"type": "string", "description": "Lời ghi nguồn khi phát hành lại"},
            "last_updated": {**_ADDED["last_updated"], "description": "Ngày cập nhật mới nhất của danh mục"},
            "count": {"type": "integer", "minimum": 0},
            "procedures": {"type": "array", "items": {"$ref": "#/$defs/procedure"}},
        },
        "$defs": {"time_limit": _time_limit(), "procedure": procedure},
    }


def _record(fields: tuple[Field, ...]) -> dict[str, Any]:
    """An object with every field present (the open data writes ``null`` for a missing one)."""
    return {"type": "object", "additionalProperties": False,
            "properties": {spec.name: _published(spec) for spec in fields},
            "required": [spec.name for spec in fields]}


def _published(spec: Field) -> dict[str, Any]:
    schema = {**_type_of(spec), "description": spec.label[0].upper() + spec.label[1:]
              + (f". {spec.help}" if spec.help else "")}
    return schema


def _type_of(spec: Field) -> dict[str, Any]:
    optional = not spec.required
    kind = spec.type
    if spec.name == "field":
        return dict(_FIELD_OBJECT)
    if kind in ("text", "url"):
        schema = {"type": ["string", "null"] if optional else "string"}
        if spec.pattern:
            schema["pattern"] = f"^{spec.pattern}$"
        return schema
    if kind in ("paragraphs", "texts"):
        return {"type": "array", "items": {"type": "string"}}
    if kind == "date":
        return {"type": ["string", "null"] if optional else "string", "format": "date", "pattern": ISO_DATE}
    if kind == "integer":
        return {"type": "integer", **({"minimum": spec.minimum} if spec.minimum is not None else {})}
    if kind == "boolean":
        return {"type": "boolean"}
    if kind == "choice":
        return {"enum": list(spec.choices)}
    if kind == "choices":
        return {"type": "array", "items": {"enum": list(spec.choices)}}
    if kind == "record":
        return {**_record(spec.fields), **({} if spec.required else {"type": ["object", "null"]})}
    if kind == "records":
        return {"type": "array", "items": _record(spec.fields), **({"minItems": 1} if spec.required else {})}
    if kind == "time_limit":
        return {"$ref": "#/$defs/time_limit"}
    if kind == "file":
        return dict(_FILE)
    raise ValueError(f"no open-data form for a {kind} field ({spec.name})")


def _time_limit() -> dict[str, Any]:
    """A number of days with its unit, or a text when the law sets none (never both)."""
    schema = _record(TIME_LIMIT_FIELDS)
    schema["properties"]["days"] = {"type": ["integer", "null"], "minimum": 1, "description": "Số ngày"}
    schema["properties"]["unit"] = {"enum": [*TIME_LIMIT_FIELDS[1].choices, None],
                                    "description": "Đơn vị tính thời hạn (working_days: ngày làm việc)"}
    schema["properties"]["from_complete_dossier"] = {
        "type": ["boolean", "null"], "description": 'Thời hạn tính "kể từ ngày nhận đủ hồ sơ hợp lệ" (null khi thời '
                                                     "hạn ghi bằng chữ)"}
    schema["description"] = ("Thời hạn giải quyết: số ngày (days + unit) hoặc chữ (text) khi văn bản không quy định "
                             "số ngày")
    schema["oneOf"] = [
        {"properties": {"days": {"type": "integer"}, "unit": {"type": "string"}, "text": {"type": "null"}}},
        {"properties": {"days": {"type": "null"}, "unit": {"type": "null"}, "text": {"type": "string"}}},
    ]
    return schema

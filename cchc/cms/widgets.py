"""One declared field (``cchc.core.declaration.Field``) as a field of Decap CMS's form: its widget, label, hint,
whether it is required, its allowed values and pattern, where its uploads go.

Nothing here names a field: every form field comes from a declaration, so a field added to a kind appears in the
form at the next build. What the form checks before saving (required, pattern, allowed values) it says with the
build's own words (``required_message``, ``pattern_message``); the rest is checked by ``cchc check`` and the build.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any, Mapping

from cchc.core.declaration import Field
from cchc.core.declared import pattern_message

DATETIME_FORMAT = "YYYY-MM-DD HH:mm"
"""How a date and time is stored (Day.js tokens): as ``cchc new`` writes it, read by the loader in Vietnam time."""
DATE_FORMAT = "YYYY-MM-DD"
MONTH_PATTERN = r"^(\d{4}-\d{1,2}|\d{1,2}/\d{4})$"
URL_PATTERN = r"^https?://\S+$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"


@dataclass(frozen=True)
class FormContext:
    """What a field's form needs beyond its declaration: the site's own lists and where the kind's files are."""

    choices: Mapping[str, list[str]]
    """Allowed values that come from the settings, by name ("categories": the news categories' names)."""
    written_from: str
    """The folder, under content/, that paths of uploaded files are written from ("tin-tuc"; "" for content/)."""
    docs_dir: str = "content"
    """The content folder, relative to the repository's root."""


def form_field(spec: Field, context: FormContext, top: bool = True, in_list: bool = False) -> dict[str, Any]:
    """Decap CMS's description of one field, its sub-fields included.

    A field inside a list's items gets no starting value: Decap would otherwise start every list with one item
    made of those values (an empty "history" entry the loader refuses); the loader supplies the same defaults.
    """
    field: dict[str, Any] = {"name": spec.name, "label": spec.label, "required": spec.required}
    if spec.help:
        field["hint"] = spec.help
    field.update(_widget(spec, context, top, in_list))
    if spec.default is not None and "default" not in field:
        field["default"] = spec.default
    if in_list:
        field.pop("default", None)
    return field


def _widget(spec: Field, context: FormContext, top: bool, in_list: bool) -> dict[str, Any]:
    kind = spec.type
    if kind == "text":
        widget: dict[str, Any] = {"widget": "text" if spec.multiline else "string"}
        if spec.pattern:
            widget["pattern"] = [f"^({spec.pattern})$", pattern_message(spec)]
        return widget
    if kind == "paragraphs":
        return {"widget": "list", "field": {"name": "dong", "label": spec.label, "widget": "text"}}
    if kind == "texts":  # one box per item: Decap's comma-separated list box drops the spaces as they are typed
        return {"widget": "list", "field": {"name": "muc", "label": spec.label, "widget": "string"}}
    if kind in ("date", "datetime"):
        return _moment(spec, top)
    if kind == "month":
        return _patterned(spec, MONTH_PATTERN, "tháng dạng 2022-06 hoặc 06/2022")
    if kind == "url":
        return _patterned(spec, URL_PATTERN, "địa chỉ web bắt đầu bằng https://")
    if kind == "email":
        return _patterned(spec, EMAIL_PATTERN, "địa chỉ email, ví dụ vanphong@example.edu.vn")
    if kind == "integer":
        return {"widget": "number", "value_type": "int", "min": 1 if spec.minimum is None else spec.minimum}
    if kind == "boolean":  # no starting value unless declared: an unset from_complete_dossier follows extra: rules:
        return {"widget": "boolean"}
    if kind in ("choice", "choices"):
        return _select(spec, context)
    if kind in ("file", "image"):
        return _upload(spec, context)
    if kind in ("record", "time_limit"):
        fields = [form_field(sub, context, top=False, in_list=in_list) for sub in spec.fields]
        if not spec.required:
            _optional(fields)
        return {"widget": "object", "collapsed": False, "fields": fields}
    if kind == "records":
        return {"widget": "list", "allow_add": True, "collapsed": False,
                "fields": [form_field(sub, context, top=False, in_list=True) for sub in spec.fields]}
    raise ValueError(f"no form widget for a {kind} field ({spec.name})")


def _optional(fields: list[dict[str, Any]]) -> None:
    """Decap requires an optional object's required parts even when the whole object is left empty (decap-cms
    issue 7748), and writes their starting values into every new file ("committed_time_limit: {unit:
    working_days}", which the loader refuses). In the form they are optional and start empty; the loader still asks
    for them, by name, when the object is filled in, supplies the same defaults, and the preview shows its errors."""
    for field in fields:
        field["required"] = False
        field.pop("default", None)
        if field.get("widget") == "object":
            _optional(field["fields"])


def _moment(spec: Field, top: bool) -> dict[str, Any]:
    """A date picker, or a date and time picker; the browser shows it in its own language's order (dd/mm/yyyy
    in Vietnamese) and the file keeps the loader's form. A required date of the file itself starts at today, as
    ``cchc new`` starts it; any other date starts empty (Decap's own default)."""
    if spec.type == "datetime":
        widget = {"widget": "datetime", "format": DATETIME_FORMAT}
    else:
        widget = {"widget": "datetime", "date_format": DATE_FORMAT, "time_format": False}
    if spec.required and top:
        widget["default"] = "{{now}}"
    return widget


def _patterned(spec: Field, pattern: str, hint: str) -> dict[str, Any]:
    return {"widget": "string", "pattern": [pattern, f"{spec.label} không đúng dạng {hint}"]}


def _select(spec: Field, context: FormContext) -> dict[str, Any]:
    if isinstance(spec.choices, str):
        options: list[Any] = list(context.choices.get(spec.choices, []))
    else:
        options = [{"label": f"{label} ({value})", "value": value} for value, label in (spec.choices or {}).items()]
    return {"widget": "select", "options": options, "multiple": spec.type == "choices"}


def _upload(spec: Field, context: FormContext) -> dict[str, Any]:
    """Uploads go into the declared folder; the field holds the path the loader reads (from the kind's folder)."""
    widget: dict[str, Any] = {"widget": spec.type, "choose_url": False}
    if spec.upload_folder:
        widget["media_folder"] = f"/{context.docs_dir}/{spec.upload_folder}"
        widget["public_folder"] = posixpath.relpath(spec.upload_folder, context.written_from or ".")
    return widget

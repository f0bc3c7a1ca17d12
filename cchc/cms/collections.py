"""Each declared kind (``cchc.kinds.registry``) as a collection of Decap CMS: where its files are, how a new one is
named, its fields in their declared order, and what a new file starts with.

A file's name is made as ``cchc new`` makes it: the kind's own ``NewFile.file_name`` is called with stand-ins
that write Decap's placeholders ("{{year}}-{{month}}-{{day}}-{{slug}}"), so the rule is stated once. Decap makes
``{{slug}}`` from the title as ``cchc.core.text.slugify`` does for Vietnamese (marks and "đ" folded, lower case,
"-" between words).
"""

from __future__ import annotations

import posixpath
from typing import Any, Callable

from cchc.cms.widgets import FormContext, form_field
from cchc.core.declaration import Field, Kind, NewFileProblem

_DECAP_DATE = {"Y": "{{year}}", "m": "{{month}}", "d": "{{day}}", "H": "{{hour}}", "M": "{{minute}}"}
SLUG_SETTINGS = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}


class _DecapMoment:
    """Formats as Decap's date placeholders: f"{moment:%Y-%m-%d}" gives "{{year}}-{{month}}-{{day}}"."""

    def __format__(self, spec: str) -> str:
        out, i = [], 0
        while i < len(spec):
            if spec[i] == "%" and i + 1 < len(spec) and spec[i + 1] in _DECAP_DATE:
                out.append(_DECAP_DATE[spec[i + 1]])
                i += 2
            else:
                out.append(spec[i])
                i += 1
        return "".join(out)


def slug_template(kind: Kind) -> tuple[str, str, str]:
    """(Decap's slug template, the file extension, the field the slug is made from) for a new file of ``kind``."""
    if kind.new is not None:
        name = kind.new.file_name("{{slug}}", _DecapMoment())
        stem, extension = posixpath.splitext(name)
        return stem, extension.lstrip("."), kind.new.title_field
    if kind.file_name_field:
        extension = "md" if kind.file_format == "markdown" else "yaml"
        return f"{{{{fields.{kind.file_name_field}}}}}", extension, kind.file_name_field
    raise ValueError(f"{kind.name}: neither cchc new nor a file-name field says how its files are named")


def collection(kind: Kind, context: FormContext, known: Callable[[Kind], dict[str, Any]]) -> dict[str, Any]:
    """The collection of one kind: a folder of files, or (the statistics) a set of fixed files."""
    if kind.fixed_files:
        return _fixed_files(kind, context)
    slug, extension, identifier = slug_template(kind)
    folder = f"{context.docs_dir}/{kind.folder}" if kind.in_content else kind.folder
    fields = [form_field(spec, context) for spec in kind.fields]
    _starting_values(fields, known(kind))
    if kind.body is not None:
        fields.append(_body(kind.body))
    entry: dict[str, Any] = {
        "name": kind.name, "label": kind.label, "label_singular": kind.label[0].lower() + kind.label[1:],
        "description": kind.guide,
        "folder": folder, "extension": extension, "format": "yaml-frontmatter" if kind.file_format == "markdown"
        else "yaml", "create": True, "delete": False, "slug": slug, "identifier_field": identifier,
        "summary": "{{" + identifier + "}}", "fields": fields,
    }
    if kind.file_format == "yaml":
        entry["filter_extensions"] = True
    if kind.in_content:  # an image put in a Markdown body goes where the kind's images go, written from the file
        images = _media_folder(kind)
        entry["media_folder"] = images
        entry["public_folder"] = images
    return entry


def _media_folder(kind: Kind) -> str:
    """The kind's image folder, from its folder ("anh" for the news); beside the file when it declares none."""
    folders = [spec.upload_folder for spec in _all_fields(kind.fields) if spec.upload_folder]
    images = [spec.upload_folder for spec in _all_fields(kind.fields) if spec.upload_folder and spec.type == "image"]
    chosen = (images or folders or [kind.folder])[0]
    relative = posixpath.relpath(chosen, kind.folder)
    return "" if relative == "." else relative


def _all_fields(fields: tuple[Field, ...]) -> list[Field]:
    return [spec for field in fields for spec in (field, *_all_fields(field.fields))]


def _body(body: Field) -> dict[str, Any]:
    """The Markdown below the front matter. Its rich-text mode is kept: Vietnamese typed with Unikey, EVKey or
    the system's input method comes out whole in Chromium (tests/test_cms_typing_browser.py)."""
    field = {"name": "body", "label": body.label, "widget": "markdown", "required": body.required,
             "modes": ["rich_text", "raw"], "sanitize_preview": True}
    if body.help:
        field["hint"] = body.help
    return field


def _fixed_files(kind: Kind, context: FormContext) -> dict[str, Any]:
    files = []
    for name, src_uri in kind.fixed_files:
        spec = kind.field(name)
        stem = posixpath.splitext(posixpath.basename(src_uri))[0]
        files.append({"name": stem, "label": spec.label, "file": f"{context.docs_dir}/{src_uri}",
                      "fields": [form_field(spec, context)]})
    return {"name": kind.name, "label": kind.label, "description": kind.guide, "format": "yaml",
            "delete": False, "files": files}


def _starting_values(fields: list[dict[str, Any]], values: dict[str, Any]) -> None:
    """What ``cchc new`` fills in from the kind's declaration ("draft: true", "agencies.handling: <the Sở>")
    becomes the form's starting value."""
    for dotted, value in values.items():
        head, _, rest = dotted.partition(".")
        field = next((f for f in fields if f["name"] == head), None)
        if field is None:
            continue
        if rest:
            _starting_values(field.get("fields", []), {rest: value})
        else:
            field["default"] = value


class _Settings:
    """What a kind's ``NewFile.known`` reads of a project (``project.extra("department", "name")``), from the
    settings already loaded."""

    def __init__(self, department_name: str | None) -> None:
        self.department_name = department_name

    def extra(self, *keys: str) -> Any:
        return self.department_name if keys == ("department", "name") else None


def known_values(department_name: str | None) -> Callable[[Kind], dict[str, Any]]:
    """What each kind's ``cchc new`` knows before the title: a kind that needs the title (a document's type, from
    its number) knows nothing yet, and the form leaves it to the editor."""
    project = _Settings(department_name)

    def known(kind: Kind) -> dict[str, Any]:
        if kind.new is None:
            return {}
        try:
            return dict(kind.new.known("", project))
        except NewFileProblem:
            return {}
    return known

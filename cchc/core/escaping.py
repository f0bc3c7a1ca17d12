"""Editors' words reach the page as text, in every context: one mechanism, not ``| e`` by hand.

MkDocs' Jinja does not autoescape, and Material prints page titles and descriptions raw (in
``<title>``, in ``content="…"``), so a question titled ``</title><script>…`` ran a script.

- cchc's own templates (everything in ``overrides/``) are autoescaped: a value is HTML-escaped
  wherever it lands, unless it is ``Markup`` that cchc made safe (sanitized Markdown, JSON-LD,
  the charts' SVG). ``main.html`` takes over the blocks of Material's ``base.html`` that print a
  page's title and description, and ``partials/content.html`` the fallback ``<h1>``.
- Material's own templates still print what they are given raw, so the texts they take from
  mkdocs.yml (site name, description, copyright, menu names) are handed to them already escaped,
  as ``Markup``, which an autoescaped template does not escape twice.
- JSON-LD goes inside ``<script>``, where HTML escaping does not apply: ``json_for_script``.
"""

from __future__ import annotations

import json
import os
from typing import Any, Callable

from markupsafe import Markup, escape


def autoescape_templates_in(folders: list[str]) -> Callable[[str | None], bool]:
    """Jinja's ``autoescape``: on for the templates of ``folders`` (cchc's overrides and the kinds' own
    templates), off for Material's."""
    own: set[str] = set()
    for folder in folders:
        for parent, _, files in os.walk(folder):
            rel = os.path.relpath(parent, folder)
            own.update(name if rel == "." else f"{rel.replace(os.sep, '/')}/{name}" for name in files)
    return lambda name: name in own


CONFIG_TEXTS = ("site_name", "site_description", "site_author", "copyright")


def escape_config_texts(config: Any) -> None:
    """Hand Material the texts of mkdocs.yml it prints raw (site name, copyright, menu names) escaped."""
    for key in CONFIG_TEXTS:
        if isinstance(config.get(key), str):
            config[key] = escape(config[key])
    if config.get("nav"):
        config["nav"] = _escaped_nav(config["nav"])


def _escaped_nav(entries: Any) -> Any:
    """The ``nav:`` of mkdocs.yml with every menu name escaped (paths and URLs stay as written)."""
    if isinstance(entries, list):
        return [_escaped_nav(entry) for entry in entries]
    if isinstance(entries, dict):
        return {escape(name) if isinstance(name, str) else name: _escaped_nav(value) for name, value in entries.items()}
    return entries


def json_for_script(data: Any, **dump_options: Any) -> Markup:
    """JSON that is safe inside ``<script type="application/ld+json">``: no text in it can close the
    element (``</script>``), open a comment (``<!--``) or end the line for an old parser (U+2028/9)."""
    text = json.dumps(data, ensure_ascii=False, **dump_options)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return Markup(text)

"""The Nu HTML Checker (vnu.jar from npm vnu-jar, pinned in the README's test command) finds no error in the
pages of the example site but those of Material's own markup listed in MATERIAL_ERRORS.

Every HTML file of the built site (every page type, and every page of each) is checked in one run of the
checker. Its warnings are advice, not errors, and are not asserted on.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from browser import vnu_command

MATERIAL_ERRORS = {
    "md-toggle autocomplete": (
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is "), 'class="md-toggle"'),
}
"""Errors in Material's own markup, by what the checker says and the markup it quotes.

- md-toggle autocomplete: Material's base.html (outside any block a theme can override) writes its drawer and
  search switches as ``<input class="md-toggle" type="checkbox" autocomplete="off">``. HTML allows autocomplete
  on text-like inputs only, but Material puts it there on purpose: it keeps Firefox from restoring them checked
  when a visitor comes Back, which would leave the menu or the search open. Changing it means copying
  Material's whole base.html into overrides/.
"""

CANARY = '<!doctype html><html lang="vi"><title>x</title><p><span></p>'
"""A page with an error the checker must find: proves that it ran and read the files it was given."""


def vnu_messages(files: list[Path]) -> list[dict]:
    result = subprocess.run([*vnu_command(), "--format", "json", "--stdout", *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    assert result.stdout.strip(), result.stderr
    return json.loads(result.stdout)["messages"]


def material_error(message: dict) -> str | None:
    """The MATERIAL_ERRORS entry the message is, if any."""
    for name, (pattern, markup) in MATERIAL_ERRORS.items():
        if pattern.search(message["message"]) and markup in message.get("extract", ""):
            return name
    return None


def test_no_page_of_the_example_site_has_an_html_error_of_cchc(example_site_dir, tmp_path):
    pages = sorted(example_site_dir.rglob("*.html"))
    assert len(pages) > 100 and example_site_dir / "404.html" in pages
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    messages = vnu_messages([*pages, canary])
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    assert any(m["url"].endswith("/canary.html") for m in errors), messages[:3]
    site_errors = [m for m in errors if not m["url"].endswith("/canary.html")]
    ours = [f'{m["url"].split(str(example_site_dir))[-1]}:{m.get("lastLine")}: {m["message"]} | {m.get("extract", "")!r}'
            for m in site_errors if material_error(m) is None]
    assert ours == [], "\n".join(ours)
    assert {material_error(m) for m in site_errors} == set(MATERIAL_ERRORS)  # no entry outlives Material's markup

"""Tables in editors' Markdown, made reachable on a phone as the site's own tables are.

A table wider than a phone scrolls sideways inside its box; a keyboard user reaches that box with Tab
and scrolls it with the arrow keys only if it is a focusable region with a name (WCAG 2.1.1, axe's
"scrollable-region-focusable"). The site's own tables are written so (procedures, statistics); an
editor's Markdown table gets the same box here, named by its caption or its first column headings.
"""

from __future__ import annotations

import re
from html import unescape

from markupsafe import escape

_TABLE = re.compile(r"<table\b.*?</table>", re.DOTALL)
_CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.DOTALL)
_HEADING = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def table_regions(html: str) -> str:
    """The page's HTML with each table in a named, focusable box that scrolls sideways."""
    if "<table" not in html:
        return html
    return _TABLE.sub(lambda match: _region(match.group(0)), html)


def table_name(table: str) -> str:
    """"Bảng: <caption>", or "Bảng: <first three column headings>", or "Bảng" for a table with neither."""
    caption = _CAPTION.search(table)
    if caption:
        return "Bảng: " + _text(caption.group(1))
    headings = [_text(h) for h in _HEADING.findall(table)[:3]]
    headings = [h for h in headings if h]
    return "Bảng: " + ", ".join(headings) if headings else "Bảng"


def _region(table: str) -> str:
    return (f'<div class="md-typeset__scrollwrap" role="region" tabindex="0" aria-label="{escape(table_name(table))}">'
            f'<div class="md-typeset__table">{table}</div></div>')


def _text(html: str) -> str:
    return " ".join(unescape(_TAG.sub("", html)).split())

"""Whether an SVG or XML file would run code when opened on its own, at its address on the site.

A pattern over the bytes was not enough: a script element with a namespace prefix (``<s:script>``), "javascript:"
written with character references (``&#x6A;avascript:``), or the whole file in UTF-16 passed it, and Chromium ran
them. So the file is read as XML (after refusing entity declarations, which can also expand without bound) and
every element and attribute is looked at as the browser will see it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from cchc.core.safe_html import as_browser_reads

ACTIVE, NOT_UTF8, UNREADABLE = "active", "not-utf8", "unreadable"

_RUNNING_ELEMENTS = frozenset({"script", "foreignobject", "iframe", "frame", "frameset", "embed", "object", "applet",
                               "portal", "form", "base", "meta", "link", "handler", "listener"})
"""Elements that run or embed a document, in any namespace (SVG's, XHTML's, or one made up with the same URI)."""
_REFUSED_TEXT = re.compile(r"<!ENTITY|<\?\s*xml-stylesheet|@import", re.IGNORECASE)
_PICTURE_DATA = re.compile(r"^data:image/(png|jpeg|gif|webp);")
"""The only data: URLs an SVG may hold: an embedded photo (drawing tools write them); another type (an SVG, HTML)
is a document of its own, which ran script in a frame."""


def xml_problem(data: bytes) -> str | None:
    """``ACTIVE``, ``NOT_UTF8`` or ``UNREADABLE`` for a file that must not be published as it is; None if it may."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return NOT_UTF8  # UTF-16 and other encodings hid "<script" from every text check
    if _REFUSED_TEXT.search(text):
        return ACTIVE
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError:
        return UNREADABLE
    return ACTIVE if any(_runs(element) for element in root.iter()) else None


def _runs(element: ElementTree.Element) -> bool:
    if not isinstance(element.tag, str):
        return False
    if _local(element.tag) in _RUNNING_ELEMENTS:
        return True
    for name, value in element.attrib.items():
        if _local(name).startswith("on"):
            return True
        squeezed = as_browser_reads(value).lower()
        if "javascript:" in squeezed or "vbscript:" in squeezed:
            return True
        if squeezed.startswith("data:") and not _PICTURE_DATA.match(squeezed):
            return True
    return False


def _local(name: str) -> str:
    """"script" of "{http://www.w3.org/2000/svg}script" or "script", in lower case."""
    return name.rsplit("}", 1)[-1].lower()

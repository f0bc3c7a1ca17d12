"""Images as a page shows them: ``<picture>`` with WebP and its fallback at each width, and the size reserved.

The browser picks the smallest file that fills the column on the reader's screen (``srcset`` and ``sizes``),
WebP when it can; ``width`` and ``height`` let it keep the room before the file arrives (nothing jumps), and
images below the first screen load only when the reader scrolls near them (``loading="lazy"``). The files
are those of ``cchc.core.images``; this module writes the markup, for a template (a cover) and for the
images of an editor's Markdown (``responsive_body``, after it is sanitized).
"""

from __future__ import annotations

import posixpath
import re
from html import unescape
from typing import Callable, Mapping

from markupsafe import Markup, escape

from cchc.core.images import ImagePlan, Variant

SIZES = "(max-width: 44.9375em) 100vw, 42rem"
"""The column an image fills: the whole screen on a phone (Material's break point), about 840 px on a desktop."""
_IMG = re.compile(r"<img\s([^>]*?)/?>")
_ATTRIBUTE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')


def picture(plan: ImagePlan, alt: str, relative: Callable[[str], str], lazy: bool = True,
            extra: str = "") -> Markup:
    """``<picture>`` for the image of ``plan`` (or a plain ``<img>`` for an SVG or GIF); ``relative`` turns a
    site address into one relative to the page. ``extra``: more attributes of the ``<img>`` (already safe)."""
    largest = plan.largest
    size = f' width="{largest.width}" height="{largest.height}"' if largest.width and largest.height else ""
    loading = ' loading="lazy"' if lazy else ' fetchpriority="high"'
    img = (f'<img src="{escape(relative(largest.uri))}" alt="{escape(alt)}"{size}{loading} decoding="async"'
           f'{extra}>')
    if plan.info.as_it_is:
        return Markup(img)
    sources = "".join(f'<source type="{variants[0].mime}" srcset="{escape(srcset(variants, relative))}" '
                      f'sizes="{SIZES}">' for variants in (plan.webp, plan.fallback))
    return Markup(f"<picture>{sources}{img}</picture>")


def srcset(variants: tuple[Variant, ...], relative: Callable[[str], str]) -> str:
    return ", ".join(f"{relative(v.uri)} {v.width}w" for v in variants)


def relative_to(page_url: str) -> Callable[[str], str]:
    """Site address → address relative to the page at ``page_url`` ("tin-tuc/bai/"), as MkDocs writes links."""
    def relative(uri: str) -> str:
        return posixpath.relpath(uri, page_url or ".") if page_url else uri
    return relative


def site_address(src: str, page_url: str) -> str | None:
    """The site address an ``<img src>`` of the page at ``page_url`` points to; None for another host or data."""
    if not src or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", src) or src.startswith("#"):
        return None
    path = src.split("#")[0].split("?")[0]
    joined = posixpath.normpath(posixpath.join(page_url, path)) if not path.startswith("/") else path.lstrip("/")
    return None if joined.startswith("..") else joined


def responsive_body(html: str, page_url: str, plans: Mapping[str, ImagePlan]) -> str:
    """A page's sanitized HTML with each of its images of content/ drawn as ``picture`` does (lazily)."""
    if "<img" not in html:
        return html
    relative = relative_to(page_url)

    def replace(match: re.Match) -> str:
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        uri = site_address(unescape(attributes.get("src", "")), page_url)
        plan = plans.get(uri) if uri else None
        if plan is None:
            return match.group(0)
        title = f' title="{attributes["title"]}"' if "title" in attributes else ""
        return str(picture(plan, unescape(attributes.get("alt", "")), relative, lazy=True, extra=title))

    return _IMG.sub(replace, html)


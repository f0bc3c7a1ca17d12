"""What HTML an editor's Markdown may become: one allow-list, checked early and enforced late.

Articles, answers and pages are Markdown, and Markdown lets raw HTML through. On a government
site nothing an editor (or, through the Q&A, the public) wrote may run as code, and the site loads
nothing from other hosts. Two steps share the rules below:

- ``body_problems`` reads the Markdown source as the loaders do (``cchc check`` and the build
  alike) and names, with the line, what would be dropped or would load from elsewhere: a
  ``<script>``, an ``onclick=``, a ``javascript:`` link, an image from another site. These are
  errors the editor fixes.
- ``sanitize`` is the net under the converted HTML of every page (nh3, the binding of Rust's
  Ammonia): whatever the check could not see (entities, odd spacing, a construct it does not
  know) is dropped by an allow-list that keeps everything Markdown and the site's extensions make.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})
"""What Python-Markdown and the site's extensions write (tables, admonitions, details, attr_list, md_in_html)."""
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "hreflang", "download"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"style", "colspan", "rowspan", "headers"}, "th": {"style", "colspan", "rowspan", "headers", "scope"},
    "ol": {"start", "type", "reversed"}, "li": {"value"}, "details": {"open"},
    "time": {"datetime"}, "del": {"datetime", "cite"}, "ins": {"datetime", "cite"}, "q": {"cite"},
    "blockquote": {"cite"}, "col": {"span"}, "colgroup": {"span"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""Links may go to the web, an e-mail address or a phone; relative links stay within the site."""

REPORTED_TAGS = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
    "select", "textarea", "base", "meta", "link", "svg", "math", "template", "portal",
})
"""Elements an editor is told about: they run code, restyle or leave the page, or embed another site."""
_URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "poster", "action", "formaction", "data", "background",
                             "cite", "longdesc", "xlink:href", "ping", "lowsrc", "dynsrc"})
_RESOURCE_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc"})
"""Attributes whose URL the browser fetches by itself as the page loads."""
_RESERVED_ID = re.compile(r"^__")
"""Material's own elements (``__config``, ``__drawer``): an editor's id must not take their place."""


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    if name == "id" and _RESERVED_ID.match(value):
        return None
    if tag == "img" and name == "src" and is_other_host(value):
        return None  # written in a way the check of the source did not read (entities, attr_list, nested brackets)
    return value


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS), attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=True,
    clean_content_tags={"script", "style", "template", "textarea", "title", "noscript", "xmp", "iframe",
                        "noembed", "noframes", "object", "applet", "svg", "math"},
    filter_style_properties={"text-align"}, generic_attribute_prefixes={"aria-"}, attribute_filter=_keep_attribute,
)


def sanitize(html: str) -> str:
    """The converted Markdown of a page with everything outside the allow-list dropped."""
    return _CLEANER.clean(html)


# --- what the editor is told, with the line -------------------------------------------------------------

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)")
_REFERENCE_IMAGE = re.compile(r"!\[((?:[^\[\]]|\[[^\]]*\])*)\]\[([^\]]*)\]")
_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)")
_SPACE_AND_CONTROLS = re.compile(r"[\x00-\x20\x7f]+")


def as_browser_reads(url: str) -> str:
    """The address without the spaces, tabs, newlines and control characters a browser skips in it."""
    return _SPACE_AND_CONTROLS.sub("", url)


def body_problems(markdown: str, first_line: int, images_folder: str) -> list[tuple[int, str]]:
    """(line, message) for each thing in a Markdown body that would run, be dropped, or load from elsewhere.

    ``first_line`` is the file line the body starts on; ``images_folder`` is where the editor should keep
    the images of this kind of content ("content/tin-tuc/anh/"). Code (fenced or in backticks) is text.
    """
    text = _without_code(markdown)
    found = _html_problems(text, images_folder) + _markdown_link_problems(text, images_folder)
    return sorted((line + first_line - 1, message) for line, message in dict.fromkeys(found))


def image_sources(markdown: str) -> list[tuple[int, str]]:
    """(line in the body, address) of each image a Markdown body shows: ``![…](…)``, a reference image, ``<img src>``."""
    text = _without_code(markdown)
    if "![" not in text and "<img" not in text.lower():  # most bodies: no image at all
        return []
    lines = text.split("\n")
    definitions = {m.group(1).strip().lower(): m.group(2) for m in map(_DEFINITION.match, lines) if m}
    found = []
    for number, line in enumerate(lines, start=1):
        found += [(number, m.group(3)) for m in _LINK.finditer(line) if m.group(1)]
        for match in _REFERENCE_IMAGE.finditer(line):
            label = (match.group(2) or match.group(1)).strip().lower()
            if label in definitions:
                found.append((number, definitions[label]))
        found += [(number, m.group(1)) for m in _IMG_SRC.finditer(line)]
    return found


_IMG_SRC = re.compile(r"""<img\b[^>]*?\ssrc\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


def _without_code(markdown: str) -> str:
    """The body with code blanked out (lines kept), so a `<script>` shown as an example is not reported."""
    if "`" not in markdown and "~" not in markdown:  # no fence and no code span: nothing to blank
        return markdown
    lines, fence = [], None
    for line in markdown.split("\n"):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0] * len(opening.group(1))
            lines.append("")
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            lines.append("")
        else:
            lines.append(_CODE_SPAN.sub(lambda m: " " * len(m.group()), line))
    return "\n".join(lines)


def unsafe_scheme(url: str) -> str | None:
    """"javascript", "vbscript" or "data" when a URL would run or carry code, as a browser reads it."""
    squeezed = as_browser_reads(url).lower()
    scheme = squeezed.split(":", 1)[0] if ":" in squeezed else ""
    return scheme if scheme in ("javascript", "vbscript", "data", "livescript") else None


def is_other_host(url: str) -> bool:
    """An absolute URL (http://…, //host/…): a resource the browser would fetch from another site."""
    squeezed = as_browser_reads(url).replace("\\", "/")  # browsers read "/\host" as "//host"
    return squeezed.startswith("//") or urlsplit(squeezed).scheme.lower() in ("http", "https", "ftp")


def _url_message(url: str, scheme: str) -> str:
    return (f'địa chỉ "{_shorten(url)}" dùng "{scheme}:", có thể chạy mã trên trang; chỉ dùng liên kết https://, '
            f"mailto:, tel: hoặc đường dẫn trong trang (unsafe URL scheme)")


def _resource_message(what: str, url: str, images_folder: str) -> str:
    return (f'{what} "{_shorten(url)}" tải từ máy chủ khác, nhưng trang không tải gì từ nơi khác; lưu tệp vào '
            f"{images_folder} và dẫn tới tệp đó (resource from another host)")


def _markdown_link_problems(text: str, images_folder: str) -> list[tuple[int, str]]:
    if "](" not in text and "]:" not in text and "][" not in text:  # no link, image or link definition
        return []
    found, definitions = [], {}
    for number, line in enumerate(text.split("\n"), start=1):
        definition = _DEFINITION.match(line)
        if definition:
            definitions[definition.group(1).strip().lower()] = (definition.group(2), number)
        for match in _LINK.finditer(line):
            found += _link_problems(match.group(3), bool(match.group(1)), number, images_folder)
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _REFERENCE_IMAGE.finditer(line):
            label = (match.group(2) or match.group(1)).strip().lower()
            if label in definitions:
                found += _link_problems(definitions[label][0], True, number, images_folder)
    for url, number in definitions.values():
        found += _link_problems(url, False, number, images_folder)
    return found


def _link_problems(url: str, is_image: bool, line: int, images_folder: str) -> list[tuple[int, str]]:
    scheme = unsafe_scheme(url)
    if scheme:
        return [(line, _url_message(url, scheme))]
    if is_image and is_other_host(url):
        return [(line, _resource_message("ảnh", url, images_folder))]
    return []


class _TagScanner(HTMLParser):
    """Raw HTML in Markdown, read as a browser would tokenize it, each finding with its line."""

    def __init__(self, images_folder: str) -> None:
        super().__init__(convert_charrefs=True)
        self.images_folder = images_folder
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in REPORTED_TAGS:
            self.found.append((line, _tag_message(tag)))
        for name, value in attrs:
            self.found += [(line, message) for message in _attribute_problems(tag, name, value or "",
                                                                              self.images_folder)]

    handle_startendtag = handle_starttag


def _tag_message(tag: str) -> str:
    hint = ("; muốn giới thiệu video hay bản đồ, đặt một liên kết tới trang đó" if tag in ("iframe", "object", "embed")
            else "")
    return (f"thẻ <{tag}> không được dùng trong nội dung (chạy mã, đổi giao diện hoặc nhúng trang khác); "
            f"xóa thẻ này{hint} (HTML <{tag}> not allowed)")


def _attribute_problems(tag: str, name: str, value: str, images_folder: str) -> list[str]:
    if name.startswith("on"):
        return [f'thuộc tính "{name}" của thẻ <{tag}> là mã chạy trên trang; xóa thuộc tính này '
                "(event handler attribute not allowed)"]
    if name == "style" and re.search(r"url\s*\(|expression\s*\(|@import", value, re.IGNORECASE):
        return [f'thuộc tính "style" của thẻ <{tag}> tải hoặc chạy nội dung khác; xóa thuộc tính này '
                "(style with url() not allowed)"]
    if name not in _URL_ATTRIBUTES:
        return []
    urls = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
    problems = []
    for url in urls:
        scheme = unsafe_scheme(url)
        if scheme:
            problems.append(_url_message(url, scheme))
        elif name in _RESOURCE_ATTRIBUTES and is_other_host(url):
            problems.append(_resource_message(f"<{tag} {name}>", url, images_folder))
    return problems


def _html_problems(text: str, images_folder: str) -> list[tuple[int, str]]:
    if "<" not in text:
        return []
    scanner = _TagScanner(images_folder)
    scanner.feed(text)
    scanner.close()
    return scanner.found


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"

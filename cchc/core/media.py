"""Video clips without a third party: a clip kept with the article plays in the page, a link to one on another
site becomes a card that goes there.

- ``![Hội thi tìm hiểu CCHC](video/hoi-thi.mp4)``: an MP4 or WebM file under content/ is drawn as an HTML5
  ``<video>`` that loads nothing until the reader presses play (``preload="none"``), with its width and height
  (read from the file, so the page keeps its room) and a poster: the image of the same name beside it
  (``video/hoi-thi.jpg``), or the site's own placeholder.
- A paragraph that is only a link to a video on YouTube, VTV or the province's television site becomes a card
  (the title, the site's name, a local placeholder picture). Nothing is loaded from that site until the reader
  follows the link: no player, no thumbnail, no cookie.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from html import unescape
from typing import Callable, Mapping
from urllib.parse import urlsplit

from markupsafe import escape

VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}
PLACEHOLDER = "assets/images/cchc-video.svg"
"""The site's own picture of a video (320 × 180), for posters and cards."""
VIDEO_SITES = {"youtube.com": "YouTube", "youtu.be": "YouTube", "vtv.vn": "VTV", "vtvgo.vn": "VTVgo",
               "vtc.vn": "VTC"}
"""Hosts whose links become cards, with the name the card shows (``www.`` and ``m.`` are left out)."""


@dataclass(frozen=True)
class Video:
    uri: str
    width: int | None
    height: int | None
    poster: str
    """The poster's address in the site: an image of the same name, or ``PLACEHOLDER``."""

    @property
    def type(self) -> str:
        return VIDEO_TYPES[self.uri[self.uri.rfind("."):].lower()]


# --- a clip's size, read from the file ------------------------------------------------------------------------

def video_size(path: str) -> tuple[int, int] | None:
    """The width and height of an MP4 (its video track's header) or WebM (its track's PixelWidth and -Height)."""
    with open(path, "rb") as stream:
        data = stream.read(8 << 20)  # the headers a phone writes come first, or are found in the first megabytes
    return _mp4_size(data) if data[4:8] == b"ftyp" else _webm_size(data)


def _mp4_size(data: bytes) -> tuple[int, int] | None:
    """The first track header (tkhd) with a size: its last 8 bytes are width and height in 16.16 fixed point."""
    start = 0
    while (found := data.find(b"tkhd", start)) >= 4:
        size = struct.unpack(">I", data[found - 4:found])[0]
        box = data[found - 4:found - 4 + size]
        if len(box) == size and size >= 92:
            width, height = struct.unpack(">II", box[-8:])
            if width and height:
                return width >> 16, height >> 16
        start = found + 4
    return None


_CONTAINERS = {0x18538067, 0x1654AE6B, 0xAE, 0xE0}  # Segment, Tracks, TrackEntry, Video
_PIXEL_WIDTH, _PIXEL_HEIGHT = 0xB0, 0xBA


def _webm_size(data: bytes) -> tuple[int, int] | None:
    """Walk the EBML elements down Segment → Tracks → TrackEntry → Video to the pixel size."""
    found: dict[int, int] = {}
    position = 0
    while position < len(data) and len(found) < 2:
        element, position = _vint(data, position, keep_marker=True)
        size, position = _vint(data, position)
        if element is None or size is None:
            return None
        if element in _CONTAINERS:
            continue  # go inside
        if element in (_PIXEL_WIDTH, _PIXEL_HEIGHT):
            found[element] = int.from_bytes(data[position:position + size], "big")
        position += size
    return (found[_PIXEL_WIDTH], found[_PIXEL_HEIGHT]) if len(found) == 2 else None


def _vint(data: bytes, position: int, keep_marker: bool = False) -> tuple[int | None, int]:
    if position >= len(data) or data[position] == 0:
        return None, len(data)
    first = data[position]
    length = 8 - first.bit_length() + 1
    value = int.from_bytes(data[position:position + length], "big")
    if not keep_marker:
        value &= (1 << (7 * length)) - 1
        if value == (1 << (7 * length)) - 1:  # "unknown size" (a live recording): read on as if inside
            value = 0
    return value, position + length


# --- in a page --------------------------------------------------------------------------------------------------

_IMG = re.compile(r'<img\s([^>]*?)/?>')
_ATTRIBUTE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')
_LONE_LINK = re.compile(r'<p><a href="(https?://[^"]+)"(?: title="[^"]*")?>([^<]*)</a></p>')


def video_elements(html: str, address_of: Callable[[str], str | None], videos: Mapping[str, Video],
                   relative: Callable[[str], str]) -> str:
    """Each picture of the page whose address is a clip under content/ (``address_of``: its ``src`` → site
    address) as a ``<video>`` that loads nothing before the reader presses play."""
    if "<img" not in html or not videos:
        return html

    def replace(match: re.Match) -> str:
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        video = videos.get(address_of(unescape(attributes.get("src", ""))) or "")
        if video is None:
            return match.group(0)
        title = attributes.get("alt", "")
        size = f' width="{video.width}" height="{video.height}"' if video.width and video.height else ""
        source = escape(relative(video.uri))
        return (f'<video class="cchc-video" controls preload="none"{size} poster="{escape(relative(video.poster))}"'
                f' title="{title}"><source src="{source}" type="{video.type}">'
                f'<a href="{source}" download>Tải video: {title or "tệp video"}</a></video>')

    return _IMG.sub(replace, html)


def video_cards(html: str, relative: Callable[[str], str], sites: Mapping[str, str] = VIDEO_SITES) -> str:
    """Each paragraph that is only a link to a video on a known site, as a card going there."""
    if "<p><a href=\"http" not in html:
        return html

    def replace(match: re.Match) -> str:
        url, text = unescape(match.group(1)), unescape(match.group(2)).strip()
        site = site_name(url, sites)
        if site is None:
            return match.group(0)
        title = text if text and not text.startswith(("http://", "https://")) else f"Video trên {site}"
        return (f'<p class="cchc-video-card"><a class="cchc-video-card__link" href="{escape(url)}">'
                f'<img src="{escape(relative(PLACEHOLDER))}" alt="" width="320" height="180" loading="lazy">'
                f'<span class="cchc-video-card__text"><span class="cchc-video-card__title">{escape(title)}</span>'
                f'<span class="cchc-video-card__site">Xem trên {escape(site)} (mở trang khác)</span></span></a></p>')

    return _LONE_LINK.sub(replace, html)


def site_name(url: str, sites: Mapping[str, str] = VIDEO_SITES) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    for prefix in ("www.", "m."):
        host = host.removeprefix(prefix)
    return next((name for known, name in sites.items() if host == known or host.endswith("." + known)), None)

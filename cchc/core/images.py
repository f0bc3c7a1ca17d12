"""Photos that fit a phone: each raster image under content/ published as a few widths, WebP and a fallback.

A phone photo is 3-8 MB and 4000 px wide, with the place it was taken in its EXIF data. The site publishes
instead, made with Pillow at build time (``render_variants``):

- WebP at each width of ``WIDTHS`` narrower than the photo, and at the photo's own width up to the largest;
  the same widths in the fallback format (JPEG; PNG for a picture with transparency) for browsers without WebP;
- at the image's own address, the largest width in its own format: the original is never published as it is,
  and links to it keep working;
- a JPEG ``SHARE_WIDTH`` px wide for share cards (Zalo, Facebook), when the photo is wider than that.

Every file is re-encoded from the pixels with the photo's orientation applied, so no EXIF (GPS above all),
XMP or comment survives. SVG and GIF are published as they are (a drawing, an animation), with their size.

This module knows nothing of MkDocs: ``plan_for`` says which files an image becomes (names, sizes), from
``inspect_image``; ``render_variants`` makes their bytes. ``cchc.core.image_cache`` keeps both between builds.
"""

from __future__ import annotations

import io
import posixpath
import re
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

WIDTHS = (480, 960, 1600)
SHARE_WIDTH = 1200
MIN_COVER_WIDTH = 600
"""A cover is shown across the column and is the article's share card: Facebook and Zalo want 600 px or more."""
MIN_BODY_WIDTH = 100
"""Narrower than this, a picture in a text is an icon or a broken export."""
RASTER_EXTENSIONS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
"""Images made into variants; the value is the format the file must hold."""
AS_THEY_ARE = (".svg", ".gif")
"""Images published unchanged: a drawing scales by itself, an animation would lose its frames."""
IMAGE_EXTENSIONS = (*RASTER_EXTENSIONS, *AS_THEY_ARE)
FORMAT_NAMES = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF", "MPO": "JPEG"}
RECIPE = "1"
"""Changes whenever the files made from an image change, so that the cache is not reused across the change."""
_EXTENSION = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif", "SVG": "image/svg+xml"}


class ImageProblem(Exception):
    """The file is not an image that can be published; the message is Vietnamese, for the editor."""


@dataclass(frozen=True)
class ImageInfo:
    """What a build needs of an image: its size as shown (orientation applied) and its format."""

    width: int
    height: int
    format: str
    """"JPEG", "PNG", "WEBP", or "SVG" / "GIF" for an image published as it is."""
    alpha: bool = False

    @property
    def as_it_is(self) -> bool:
        return self.format in ("SVG", "GIF")


@dataclass(frozen=True)
class Variant:
    uri: str
    width: int
    height: int
    format: str

    @property
    def mime(self) -> str:
        return _MIME[self.format]


@dataclass(frozen=True)
class ImagePlan:
    """The files one image under content/ becomes (``src_uri``: its own address, which keeps a variant)."""

    src_uri: str
    info: ImageInfo
    webp: tuple[Variant, ...]
    fallback: tuple[Variant, ...]
    share: Variant | None
    """The image of a share card: ``SHARE_WIDTH`` px wide, or the largest fallback of a narrower image."""

    @property
    def files(self) -> tuple[Variant, ...]:
        """Every file to publish, each address once."""
        seen: dict[str, Variant] = {}
        for variant in (*self.webp, *self.fallback, *([self.share] if self.share else [])):
            seen.setdefault(variant.uri, variant)
        return tuple(seen.values())

    @property
    def largest(self) -> Variant:
        return self.fallback[-1]


def widths_for(width: int) -> tuple[int, ...]:
    """The widths an image ``width`` px wide is published at: each of WIDTHS narrower, and its own up to the last."""
    return tuple(w for w in WIDTHS[:-1] if w < width) + (min(width, WIDTHS[-1]),)


def fallback_format(info: ImageInfo) -> str:
    """JPEG for a photo; PNG keeps a PNG's sharp edges and any picture's transparency."""
    if info.format == "PNG" or info.alpha:
        return "PNG"
    return "JPEG"


def plan_for(src_uri: str, info: ImageInfo) -> ImagePlan:
    """Which files ``src_uri`` becomes; an SVG or GIF stays one file, as it is."""
    if info.as_it_is:
        itself = Variant(src_uri, info.width, info.height, info.format)
        return ImagePlan(src_uri, info, (), (itself,), None)
    stem = posixpath.splitext(src_uri)[0]
    own, other = info.format, fallback_format(info)

    def variant(width: int, fmt: str) -> Variant:
        largest = width == widths_for(info.width)[-1]
        uri = src_uri if largest and fmt == own else f"{stem}-{width}{_EXTENSION[fmt]}"
        return Variant(uri, width, scaled_height(info, width), fmt)

    widths = widths_for(info.width)
    webp = tuple(variant(w, "WEBP") for w in widths)
    fallback = tuple(variant(w, other) for w in widths)  # a JPEG or PNG keeps its largest at its own address
    share = None
    if info.width > SHARE_WIDTH:
        share = Variant(f"{stem}-{SHARE_WIDTH}.jpg", SHARE_WIDTH, scaled_height(info, SHARE_WIDTH), "JPEG")
    elif info.width >= MIN_COVER_WIDTH:
        share = fallback[-1]
    return ImagePlan(src_uri, info, webp, fallback, share)


def scaled_height(info: ImageInfo, width: int) -> int:
    return max(1, round(info.height * width / info.width))


# --- reading ---------------------------------------------------------------------------------------------------

def inspect_image(path: str, extension: str) -> ImageInfo:
    """The size and format of the image at ``path``, decoded whole (a cut-off file is found here, not at build)."""
    if extension == ".svg":
        return _svg_info(path)
    with _opened(path) as image:
        fmt = "JPEG" if image.format == "MPO" else image.format  # phones write JPEG with a second frame as MPO
        expected = RASTER_EXTENSIONS.get(extension, "GIF" if extension == ".gif" else None)
        if fmt != expected:
            found = FORMAT_NAMES.get(fmt, fmt or "không rõ")
            raise ImageProblem(f"tệp có đuôi {extension} nhưng thực ra là ảnh {found}; lưu lại ảnh đúng định dạng "
                               f"hoặc đổi đuôi tệp cho khớp (format {fmt} does not match the extension)")
        oriented = ImageOps.exif_transpose(image) if fmt != "GIF" else image
        alpha = oriented.mode in ("RGBA", "LA", "PA") or "transparency" in oriented.info
        return ImageInfo(oriented.width, oriented.height, fmt, alpha)


class _opened:
    """Pillow's image with every failure as an ImageProblem in Vietnamese."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __enter__(self) -> Image.Image:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                image = Image.open(self.path)
                image.load()
        except (UnidentifiedImageError, SyntaxError):
            raise ImageProblem("tệp này không phải ảnh (hoặc ảnh đã hỏng); mở ảnh bằng phần mềm xem ảnh, lưu lại "
                               "dạng JPEG hoặc PNG rồi chép vào (not an image)") from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ImageProblem("ảnh quá lớn (hàng trăm triệu điểm ảnh); thu nhỏ ảnh còn khoảng 4000 điểm ảnh "
                               "chiều ngang rồi chép vào (image too large)") from None
        except OSError:
            raise ImageProblem("ảnh bị cắt cụt hoặc hỏng, không đọc hết được; chép lại ảnh từ máy chụp hoặc lưu lại "
                               "bằng phần mềm xem ảnh (truncated or damaged image)") from None
        self.image = image
        return image

    def __exit__(self, *exc_info) -> None:
        self.image.close()


_SVG_ROOT = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE | re.DOTALL)
_SVG_LENGTH = r'\s{}\s*=\s*["\']\s*([0-9.]+)\s*(?:px)?\s*["\']'
_VIEWBOX = re.compile(rb'\sviewBox\s*=\s*["\']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*["\']',
                      re.IGNORECASE)


def _svg_info(path: str) -> ImageInfo:
    """An SVG's size from its width and height, or its viewBox: what the page reserves for it before it loads."""
    with open(path, "rb") as stream:
        root = _SVG_ROOT.search(stream.read(65536))
    if root is None:
        raise ImageProblem("tệp .svg này không phải ảnh SVG (không có thẻ <svg>); xuất lại ảnh từ phần mềm vẽ "
                           "(not an SVG image)")
    tag = root.group()
    width, height = (re.search(_SVG_LENGTH.format(name).encode(), tag) for name in ("width", "height"))
    if width and height:
        return ImageInfo(round(float(width.group(1))), round(float(height.group(1))), "SVG")
    box = _VIEWBOX.search(tag)
    if box:
        return ImageInfo(round(float(box.group(1))), round(float(box.group(2))), "SVG")
    return ImageInfo(0, 0, "SVG")


# --- making the variants -----------------------------------------------------------------------------------------

def render_variants(path: str, plan: ImagePlan) -> dict[str, bytes]:
    """The bytes of every file of ``plan`` (by address), re-encoded from the pixels: no metadata survives."""
    if plan.info.as_it_is:
        with open(path, "rb") as stream:
            return {plan.src_uri: stream.read()}
    with _opened(path) as image:
        oriented = ImageOps.exif_transpose(image)
        icc = image.info.get("icc_profile")
        made: dict[str, bytes] = {}
        resized: dict[int, Image.Image] = {}
        for variant in plan.files:
            if variant.width not in resized:
                resized[variant.width] = _resized(oriented, variant.width, variant.height)
            made[variant.uri] = _encoded(resized[variant.width], variant.format, icc)
        return made


def _resized(image: Image.Image, width: int, height: int) -> Image.Image:
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if "transparency" in image.info or image.mode in ("PA", "P") else "RGB")
    if (width, height) == image.size:
        return image
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _encoded(image: Image.Image, fmt: str, icc: bytes | None) -> bytes:
    """The image in ``fmt``; only the colour profile is kept (it changes colours, not who or where)."""
    out = io.BytesIO()
    extra = {"icc_profile": icc} if icc else {}
    if fmt == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=82, optimize=True, progressive=True, **extra)
    elif fmt == "WEBP":
        image.save(out, "WEBP", quality=78, method=4, **extra)
    else:
        image.save(out, "PNG", optimize=True, **extra)
    return out.getvalue()

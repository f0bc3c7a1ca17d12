"""The images under content/, read once per build: what each becomes (``cchc.core.images``), or why it cannot.

Every raster image the site would publish is decoded (its answer kept in ``cchc.core.image_cache``), so a file
that is not an image, or is cut off, is an error naming it in ``cchc check`` and the build alike; a photo could
not otherwise be published without its EXIF data. Fields and texts that show an image (an article's
``image:``, a picture in a Markdown body) ask ``SiteImages.problem`` what is wrong with it for their use.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping

from cchc.core.errors import ErrorLog
from cchc.core.image_cache import ImageCache
from cchc.core.images import IMAGE_EXTENSIONS, MIN_COVER_WIDTH, ImagePlan, ImageProblem, plan_for
from cchc.core.media import PLACEHOLDER, VIDEO_SITES, VIDEO_TYPES, Video, site_name, video_cards, video_elements, \
    video_size
from cchc.core.responsive import relative_to, responsive_body, site_address
from cchc.core.tables import table_regions
from cchc.site.folders import extension_of
_CACHES: dict[str, ImageCache] = {}
"""One cache per project folder for the process: ``mkdocs serve`` keeps what it learnt from build to build."""


@dataclass(frozen=True)
class SiteImages:
    """Each image under content/ by its address: its plan, or the problem that keeps it from being published."""

    plans: Mapping[str, ImagePlan] = field(default_factory=dict)
    problems: Mapping[str, str] = field(default_factory=dict)
    cache: ImageCache | None = None
    videos: Mapping[str, Video] = field(default_factory=dict)
    """The clips under content/ (MP4, WebM), with their size and poster (``cchc.core.media``)."""

    def problem(self, uri: str, written: str, minimum_width: int, use: str) -> str | None:
        """What is wrong with showing the image at ``uri`` (as the editor ``written`` it) as ``use``, if anything."""
        if uri in self.problems:
            return f'ảnh "{written}": {self.problems[uri]}'
        plan = self.plans.get(uri)
        if plan is None or plan.info.as_it_is:
            return None
        if plan.info.width < minimum_width:
            return (f'ảnh "{written}" chỉ rộng {plan.info.width} điểm ảnh; {use} cần rộng ít nhất {minimum_width} '
                    "điểm ảnh (ảnh chụp bằng điện thoại đều đủ); chọn ảnh gốc lớn hơn, đừng dùng ảnh đã thu nhỏ "
                    f"(image too small: {plan.info.width} px)")
        return None


def image_cache(project_dir: str) -> ImageCache:
    folder = os.path.abspath(project_dir)
    if folder not in _CACHES:
        _CACHES[folder] = ImageCache.of_project(folder)
    return _CACHES[folder]


def is_image(src_uri: str) -> bool:
    return extension_of(src_uri) in IMAGE_EXTENSIONS


def load_images(docs_dir: str, project_dir: str, src_uris: list[str], shown: dict[str, str],
                log: ErrorLog) -> SiteImages:
    """Read every image among ``src_uris`` (files under content/); an error for each that is not one."""
    cache = image_cache(project_dir)
    plans, problems = {}, {}
    for uri in src_uris:
        extension = extension_of(uri)
        if extension not in IMAGE_EXTENSIONS:
            continue
        try:
            plans[uri] = plan_for(uri, cache.info(os.path.join(docs_dir, *uri.split("/")), extension))
        except ImageProblem as problem:
            if extension == ".svg":  # a drawing whose size cannot be read is still shown, at the column's width
                continue
            problems[uri] = str(problem)
            log.add(shown[uri], None, None, str(problem))
    videos = {uri: _video(docs_dir, uri, plans) for uri in src_uris if extension_of(uri) in VIDEO_TYPES}
    return SiteImages(plans, problems, cache, videos)


def _video(docs_dir: str, uri: str, plans: Mapping[str, ImagePlan]) -> Video:
    """A clip with its size and its poster: the image of the same name beside it, at most 960 px wide."""
    stem = uri[:uri.rfind(".")]
    poster = next((plans[stem + ext] for ext in (".jpg", ".jpeg", ".png", ".webp") if stem + ext in plans), None)
    try:
        size = video_size(os.path.join(docs_dir, *uri.split("/")))
    except OSError:
        size = None
    if size is None and poster is not None:  # the poster is a frame of the clip: the same shape
        size = (poster.largest.width, poster.largest.height)
    shown = [v for v in poster.fallback if v.width <= 960][-1:] if poster else []
    return Video(uri, *(size or (None, None)), shown[0].uri if shown else PLACEHOLDER)


def shown_body(html: str, page_url: str, images: SiteImages, tv_site: str | None = None) -> str:
    """An editor's sanitized HTML as the page shows it: pictures at their sizes, clips that play in the page,
    links to videos elsewhere as cards, tables in focusable boxes."""
    relative = relative_to(page_url)
    html = responsive_body(html, page_url, images.plans)
    html = video_elements(html, lambda src: site_address(src, page_url), images.videos, relative)
    sites = dict(VIDEO_SITES)
    if tv_site and site_name(tv_site, {}) is None:
        host = (tv_site.split("//", 1)[-1].split("/", 1)[0]).lower().removeprefix("www.")
        sites[host] = "Đài truyền hình tỉnh"
    return table_regions(video_cards(html, relative, sites))


def check_share_image(department, images: SiteImages, config_shown: str, log: ErrorLog) -> None:
    """``extra: department: share_image:`` is a photo or drawing under content/ wide enough for a share card."""
    written = department.share_image
    if not written:
        return
    uri = written.strip().lstrip("/")
    plan = images.plans.get(uri)
    if plan is None and uri not in images.problems:
        message = (f'không tìm thấy ảnh "{written}" (tìm ở content/{uri}); ghi đường dẫn tính từ thư mục content/, '
                   "tới một ảnh JPEG hoặc PNG (image not found)")
    elif plan is not None and plan.info.as_it_is:
        message = (f'ảnh "{written}" là {plan.info.format}, mà Zalo, Facebook chỉ hiện ảnh JPEG, PNG hoặc WebP; '
                   "xuất ảnh ra dạng JPEG hoặc PNG (share image must be a raster image)")
    else:
        message = images.problem(uri, written, MIN_COVER_WIDTH, "ảnh chia sẻ")
    if message:
        log.add(config_shown, department.share_image_line, "extra.department.share_image", message)

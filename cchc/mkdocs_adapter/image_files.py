"""The images under content/ as MkDocs publishes them: each replaced by its variants (``cchc.core.images``),
and pictures drawn with them, in templates (``cchc_picture``) and in editors' Markdown (``responsive_body``)."""

from __future__ import annotations

from typing import Callable

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from cchc.core.responsive import picture, relative_to
from cchc.site.images import SiteImages

log = get_plugin_logger("cchc")


def publish_images(files: Files, images: SiteImages, config: MkDocsConfig, make: Callable[..., File]) -> None:
    """Each photo's file gives way to the files made from it (the largest keeps its address), from the cache.

    ``make``: how a generated file joins the list (``TrackedFile.generated``, so ``--dirty`` knows it).
    """
    rendered_before = images.cache.rendered if images.cache else 0
    for uri, plan in images.plans.items():
        original = files.src_uris.get(uri)
        if original is None or plan.info.as_it_is:
            continue
        made = images.cache.files(original.abs_src_path, plan)
        files.remove(original)
        for variant_uri, path in made.items():
            files.append(make(config, variant_uri, abs_src_path=path))
    if images.cache and images.cache.rendered > rendered_before:
        log.info(f"ảnh: đã tạo các cỡ ảnh của {images.cache.rendered - rendered_before} ảnh mới "
                 "(lưu trong .cache/cchc-images/, lần dựng sau dùng lại)")


def add_picture_global(env: Environment, images: SiteImages | None) -> None:
    """``cchc_picture(uri, alt, lazy=True)`` in templates: the image of content/ at ``uri`` as a ``<picture>``."""
    plans = images.plans if images else {}

    @pass_context
    def cchc_picture(context: Context, uri: str, alt: str, lazy: bool = True) -> Markup:
        page = context.get("page")
        relative = relative_to(page.url if page is not None else "")
        plan = plans.get(uri)
        if plan is None:  # not an image cchc read (it would have been an error): shown as written
            return Markup('<img src="{}" alt="{}">').format(relative(uri), alt)
        return picture(plan, alt, relative, lazy=lazy)

    env.globals["cchc_picture"] = cchc_picture

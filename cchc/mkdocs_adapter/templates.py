"""The Jinja environment cchc's pages are drawn with: cchc's and the kinds' templates, autoescaped; Vietnamese
filters; Material's menus and texts made once per build; templates compiled once per process."""

from __future__ import annotations

from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from cchc.core.escaping import autoescape_templates_in
from cchc.core.text import format_count, format_date, format_datetime, format_size
from cchc.kinds.news.pages import lead_and_rest
from cchc.kinds.questions.pages import plain_text_with_breaks
from cchc.kinds.registry import template_dirs
from cchc.mkdocs_adapter.chrome_cache import ChromeCache, add_kind_templates, add_material_prefix, translations
from cchc.mkdocs_adapter.rebuilds import COMPILED_TEMPLATES


def own_template_dirs(config: MkDocsConfig) -> list[str]:
    """cchc's templates: the theme's custom_dir (overrides/) and each kind's own folder."""
    return ([config.theme.custom_dir] if config.theme.custom_dir else []) + template_dirs()


def one_storage_scope(config: MkDocsConfig) -> None:
    """Give Material's inline script in <head> the same text on every page, so that a Content-Security-Policy
    allows it by one hash (``cchc.publish.csp``, the nginx configuration in ``cchc/publish/nginx/``).

    Left alone, the script names the site's folder relative to each page (".", "..", "../.."), the folder
    under which it keeps a reader's choices in localStorage, and so differs with a page's depth. site_url's
    path is that same folder, written once: nothing a reader has stored moves. ``extra: scope:`` in
    mkdocs.yml still wins.
    """
    if config.site_url and not config.extra.get("scope"):
        config.extra["scope"] = urlsplit(config.site_url).path or "/"


def prepare_templates(env: Environment, config: MkDocsConfig, chrome_cache: bool) -> None:
    """Filters for Vietnamese dates and sizes, the once-per-build menus and texts (``cchc.mkdocs_adapter.chrome_cache``),
    and templates compiled once per process (``cchc.mkdocs_adapter.rebuilds``).

    MkDocs makes a new environment for each build, so the menu cache never outlives one.
    """
    add_kind_templates(env, template_dirs())
    add_material_prefix(env)
    env.autoescape = autoescape_templates_in(own_template_dirs(config))
    env.bytecode_cache = COMPILED_TEMPLATES
    env.globals["cchc_chrome"] = ChromeCache(chrome_cache).template_global()
    env.globals["cchc_translate"] = translations(env, config.theme["language"])
    env.filters.update(ngay=format_date, ngay_gio=format_datetime, kich_thuoc=format_size, so=format_count,
                       cau_hoi=plain_text_with_breaks, dau_bai=lead_and_rest)

"""``cchc_share_card(page)`` in templates: the page's share card (``cchc.site.share``) from what MkDocs knows of it."""

from __future__ import annotations

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig

from cchc.site.content import SiteContent
from cchc.site.share import ShareCard, share_card


def add_share_global(env: Environment, site: SiteContent | None, config: MkDocsConfig) -> None:
    @pass_context
    def cchc_share_card(context: Context) -> ShareCard | None:
        if site is None:
            return None
        page = context.get("page")
        if page is None:  # the 404 page, drawn without a page
            return share_card(site.settings, site.images.plans, config.site_name, site.settings.site_url,
                              config.site_description, "")
        meta = page.meta or {}
        title = meta.get("title") or page.title or config.site_name
        if page.is_homepage:
            title = config.site_name
        return share_card(site.settings, site.images.plans, str(title), page.canonical_url or site.settings.site_url,
                          meta.get("description"), page.content or "", context.get("article"),
                          config.site_description or "")

    env.globals["cchc_share_card"] = cchc_share_card

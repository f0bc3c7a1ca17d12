"""Material's navigation markup and translations, made once per build instead of once per page.

Material renders its tabs, its drawer menu and its JSON config on every page: at 2,000 articles that
is about a fifth of the build. On a page outside the navigation (an article, a procedure, a listing
page) that markup does not depend on the page itself: no item is highlighted, the drawer holds no
table of contents, and its links differ only by being relative to the page's URL. ``ChromeCache``
keys the markup by exactly those relative links and renders it once per key (a few dozen keys for a
whole site). Pages in the navigation are rendered as Material does, every time.

The option ``chrome_cache`` off (``CCHC_CHROME_CACHE=off``, see ``cchc.site.options``) renders it on every page, as Material does; a test checks that the site is
then the same to the byte.

Templates use it as a call block around Material's own markup (see ``overrides/partials/tabs.html``)::

    {% call cchc_chrome("tabs") %}{% include "material/partials/tabs.html" %}{% endcall %}

Material also looks each interface text up again at every use, building its whole table of
translations each time; ``translations`` answers each key once per build.
"""

from __future__ import annotations

from typing import Any, Callable

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.structure.nav import Navigation
from mkdocs.utils import get_theme_dir, normalize_url

MATERIAL_PREFIX = "material"
"""Templates can include Material's original of a file we override as ``material/<path>``."""


def add_kind_templates(env: Environment, folders: list[str]) -> None:
    """Let the theme find each content kind's own page templates (``cchc/kinds/<kind>/templates/``)."""
    if folders:
        env.loader = ChoiceLoader([env.loader, FileSystemLoader(folders)])


def add_material_prefix(env: Environment) -> None:
    """Let an override wrap the Material template of the same name (``material/partials/nav.html``)."""
    originals = PrefixLoader({MATERIAL_PREFIX: FileSystemLoader(get_theme_dir("material"))})
    env.loader = ChoiceLoader([env.loader, originals])


class ChromeCache:
    """Markup of one build's navigation keyed by what it can differ by; a new build needs a new cache."""

    def __init__(self, enabled: bool = True) -> None:
        self._rendered: dict[tuple, Markup] = {}
        self._nav_urls: tuple[str, ...] | None = None
        self._links_by_page: dict[str, tuple[str, ...]] = {}  # three blocks per page ask for the same key
        self.enabled = enabled

    def template_global(self) -> Callable[..., Markup]:
        @pass_context
        def cchc_chrome(context: Context, name: str, caller: Callable[[], Markup]) -> Markup:
            key = self._key(name, context)
            if key is None:
                return _markup(caller())
            if key not in self._rendered:
                self._rendered[key] = _markup(caller())
            return self._rendered[key]
        return cchc_chrome

    def _key(self, name: str, context: Context) -> tuple | None:
        """(name, base URL, every navigation link as seen from the page), or None to render afresh."""
        page, nav = context.get("page"), context.get("nav")
        if not self.enabled or page is None or page.url is None or not isinstance(nav, Navigation):
            return None
        if any(item.active for item in nav.items):
            return None  # the page is in the navigation: its item is highlighted
        links = self._links_by_page.get(page.url)
        if links is None:
            if self._nav_urls is None:
                self._nav_urls = tuple(_link_urls(nav.items))
            links = self._links_by_page[page.url] = tuple(normalize_url(url, page) for url in self._nav_urls)
        return name, context.get("base_url"), links


def _markup(rendered: str) -> Markup:
    """The call block's output, already escaped where it was written: the call sites are cchc's autoescaped
    templates. Jinja marks it ``Markup`` only when the page's own template autoescapes too (Material's
    404.html does not), and would otherwise escape it a second time."""
    return Markup(rendered)


def _link_urls(items: list[Any]) -> list[str]:
    """The URL of every page and link in the navigation, sections walked depth first."""
    urls = []
    for item in items:
        if getattr(item, "url", None) is not None:  # pages and links; sections have none
            urls.append(item.url)
        urls.extend(_link_urls(item.children or []))
    return urls


def translations(env: Environment, language: str) -> Callable[[str], str]:
    """Material's ``lang.t``: the text in ``language``, else in English, else the key itself; each key looked up once."""
    found: dict[str, str] = {}

    def translate(key: str) -> str:
        if key not in found:
            own = env.get_template(f"partials/languages/{language}.html").module.t(key)
            found[key] = own or env.get_template("partials/languages/en.html").module.t(key) or key
        return found[key]
    return translate

"""The parts of mkdocs.yml that Material prints into every page or loads, checked before it does.

Material's templates print ``extra.consent``, ``theme.palette``, ``theme.logo``, ``repo_name`` and more without
escaping, link ``extra.homepage`` and ``edit_uri`` as given, load ``extra.polyfills``, analytics and Google Fonts
from other hosts, and write ``extra.scope`` and the path of ``site_url`` into an inline script. mkdocs.yml is
edited by the department's staff (its ``extra:`` block is theirs), so what Material would take as it is must be
a word, a file of the site, or absent.
"""

from __future__ import annotations

import re
from typing import Any

from cchc.core.errors import ErrorLog
from cchc.core.fields import Fields
from cchc.core.safe_html import is_other_host
from cchc.core.yamlmarks import MarkedDict


def check_what_material_prints(config: MarkedDict | None, extra: MarkedDict, path: str, log: ErrorLog) -> None:
    Fields(extra, path, log, "extra.").reject_unknown(EXTRA_SECTIONS)
    _check_local_assets(config, path, log)
    _check_theme(config, path, log)


def site_url_is_safe(site_url: str, config: MarkedDict | None, path: str, log: ErrorLog) -> bool:
    if _SITE_URL.match(site_url):
        return True
    log.add(path, config.line_of("site_url") if config else 1, "site_url",
            f'địa chỉ trang "{site_url}" không đúng dạng; viết như "https://cchc.sogddt.example.gov.vn/" (chỉ '
            "chữ không dấu, số và . - _ ~ / %) vì địa chỉ này được in vào mọi trang (malformed site_url)")
    return False


EXTRA_SECTIONS = ("department", "news", "feeds", "feedback", "one_stop", "rules", "cms", "cchc", "generator")
"""The keys ``extra:`` may hold: cchc's sections, and Material's ``generator`` (its footer credit). Every other key
Material would read (``analytics``, ``consent``, ``homepage``, ``polyfills``, ``scope``…) it prints into every page
unescaped, loads from another host, or runs as script, so it is refused rather than passed on."""
_SITE_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/%-]*)?$")
"""Material writes the site address's path into an inline script (its storage scope): nothing that could end it."""


def _check_local_assets(config: MarkedDict | None, path: str, log: ErrorLog) -> None:
    """``extra_javascript`` and ``extra_css`` name the site's own files: the site loads nothing from other hosts."""
    for key in ("extra_javascript", "extra_css"):
        items = config.get(key) if isinstance(config, MarkedDict) else None
        for index, item in enumerate(items if isinstance(items, list) else []):
            address = str(item.get("path", "") if isinstance(item, dict) else item).strip()
            if _SCHEME.match(address) or is_other_host(address):
                log.add(path, items.line_of(index), f"{key}[{index + 1}]",
                        f'"{address}" tải từ máy chủ khác, nhưng trang không tải gì từ nơi khác; lưu tệp vào '
                        f"overrides/assets/ và ghi đường dẫn tới tệp đó (asset from another host)")


_SCHEME = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.-]*:")
_THEME_WORD = re.compile(r"^[a-z0-9-]+$")
_LOCAL_FILE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._/-]*$")


def _check_theme(config: MarkedDict | None, path: str, log: ErrorLog) -> None:
    """The ``theme:`` values Material prints into every page unescaped, or loads: words, the site's own files, and
    no fonts from Google (``font: false``). Material's repository link and edit button are not used."""
    theme = config.get("theme") if isinstance(config, MarkedDict) else None
    if isinstance(theme, MarkedDict):
        for key, line, what in (*_theme_problems(theme), *_palette_problems(theme.get("palette"))):
            log.add(path, line, f"theme.{key}", f"{what} (unsafe theme setting)")
    for key in ("repo_url", "repo_name", "edit_uri"):
        if isinstance(config, MarkedDict) and config.get(key) is not None:
            log.add(path, config.line_of(key), key, f'xóa dòng "{key}:": chuyên trang không dùng liên kết kho mã '
                                                    "và nút sửa trang của Material (repository link not used)")


def _theme_problems(theme: MarkedDict) -> list[tuple[str, int | None, str]]:
    found = []
    if theme.get("font", False) is not False:
        found.append(("font", theme.line_of("font"), 'để "font: false": phông chữ của Material tải từ Google, nhưng '
                                                     "trang không tải gì từ nơi khác"))
    for key in ("logo", "favicon"):
        value = theme.get(key)
        if value is not None and not (isinstance(value, str) and _LOCAL_FILE.match(value)):
            found.append((key, theme.line_of(key), f'"{value}" phải là đường dẫn tới tệp của trang (ví dụ '
                                                   f'"assets/images/{key}.png"), chỉ gồm chữ không dấu, số và . _ - /'))
    if theme.get("language") not in (None, "vi"):  # cchc's words are Vietnamese; another language stopped the build
        found.append(("language", theme.line_of("language"), 'để "language: vi": chuyên trang viết bằng tiếng Việt'))
    if theme.get("direction") not in (None, "ltr", "rtl"):
        found.append(("direction", theme.line_of("direction"), 'chỉ nhận "ltr" (trái sang phải) hoặc "rtl"'))
    return found


def _palette_problems(palettes: Any) -> list[tuple[str, int | None, str]]:
    """``palette:`` is one set of colours or a list of them (light and dark); each value is one of Material's names."""
    found = []
    for palette in palettes if isinstance(palettes, list) else [palettes]:
        if not isinstance(palette, MarkedDict):
            continue
        for key in ("scheme", "primary", "accent"):
            value = palette.get(key)
            if value is not None and not (isinstance(value, str) and _THEME_WORD.match(value)):
                found.append((f"palette.{key}", palette.line_of(key),
                              f'"{value}" phải là tên màu của Material, như "indigo" hoặc "default"'))
    return found

"""What Pagefind reads of each page: its searchable part, plus its đ-words written with d.

Pagefind (1.5) already matches "thu tuc" to "thủ tục": it indexes words with tone and vowel marks
removed. It does not turn "đ" into "d" (Unicode gives "đ" no decomposition), so "duong day nong"
would miss "Đường dây nóng". Each indexed page therefore gets, in the index only (the published HTML
is not changed), one more block listing its words that contain đ/Đ with the letter written as d/D
("Dường", "Dăng"). Pagefind then folds their marks like any other word, and a query typed without
diacritics finds the page; the excerpt shown still comes from the real text around the other words.

The build keeps each page's searchable region (``searchable_region``); writing the pages out for
Pagefind (``stage``) runs as a script in a process of its own, started by ``cchc.search.PagefindRun``,
so the second core does it instead of the one MkDocs renders on::

    python search_input.py REGIONS_JSON STAGING_DIR PAGEFIND_COMMAND...

It uses only the standard library, so it starts fast and needs no import path.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

_TAG = re.compile(r"<[^>]+>")
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_WORD = re.compile(r"\w+")
_D_BAR = str.maketrans({"đ": "d", "Đ": "D"})
_ARTICLE_END = "</article>"  # kept: a procedure's own <article> holds data-pagefind-body


def searchable_region(html: str) -> str:
    """The page from the tag holding its first ``data-pagefind-body`` to the end of the article ("" if none).

    Only this part is indexed; the header, menu and footer ("Sở Giáo dục và Đào tạo" on every page)
    must not add their words, or "dao tao" would match every page. Scanning less is also faster.
    The region ends with ``</article>`` so the block of folded words added after it is never inside
    the searchable element (a nested ``data-pagefind-body`` made Pagefind index that block alone).
    """
    start = html.find("data-pagefind-body")
    if start < 0:
        return ""
    tag, end = html.rfind("<", 0, start), html.find(_ARTICLE_END, start)
    return html[tag:end + len(_ARTICLE_END)] if end >= 0 else html[tag:]


def d_bar_words(region: str) -> list[str]:
    """The distinct words of a searchable region's text that contain đ/Đ, with d/D instead, in first-seen order."""
    text = _TAG.sub(" ", _SCRIPT_OR_STYLE.sub(" ", region))
    seen: dict[str, None] = {}
    # Split on spaces first (fast) and look for words only in the few pieces with đ: "\w*[đĐ]\w*"
    # backtracked at every letter, and finding every word was most of the time spent here.
    for piece in text.split():
        if "đ" in piece or "Đ" in piece:
            for word in _WORD.findall(piece):
                if "đ" in word or "Đ" in word:
                    seen.setdefault(word.translate(_D_BAR), None)
    return list(seen)


def page_for_index(html: str) -> str | None:
    """What Pagefind reads of a page (or of its searchable region), or None for one left out of search.

    Its searchable part and one more block of its đ-words written with d. The head, menu, header
    and footer are dropped: Pagefind ignores them anyway (its result title is the page's first
    heading; the language is given on its command line), and it reads a quarter of the bytes.
    """
    region = searchable_region(html)
    if not region:
        return None
    words = d_bar_words(region)
    folded = f'<div data-pagefind-body>{" ".join(words)}</div>' if words else ""
    return f'<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>{region}{folded}</body></html>'


def stage(regions: dict[str, str], staging_dir: str) -> None:
    """Write what Pagefind reads of each page at the page's path in the site, so Pagefind gives it the same URL."""
    for dest_uri in sorted(regions):  # a stable order for a stable index
        page = page_for_index(regions[dest_uri])
        if page is None:
            continue
        target = os.path.join(staging_dir, *dest_uri.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as stream:
            stream.write(page)


def main(regions_file: str, staging_dir: str, pagefind_command: list[str]) -> int:
    with open(regions_file, encoding="utf-8") as stream:
        stage(json.load(stream), staging_dir)
    if os.name == "posix":  # become Pagefind, so the build that waits on (or stops) this process reaches it
        os.execv(pagefind_command[0], pagefind_command)
    return subprocess.call(pagefind_command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))

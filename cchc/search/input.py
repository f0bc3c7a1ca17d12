"""What Pagefind reads of each page: its searchable part, plus its đ-words written with d.

Pagefind (1.5) already matches "thu tuc" to "thủ tục": it indexes words with tone and vowel marks
removed. It does not turn "đ" into "d" (Unicode gives "đ" no decomposition), so "duong day nong"
would miss "Đường dây nóng". Each indexed page therefore gets, in the index only (the published HTML
is not changed), one more block listing its words that contain đ/Đ with the letter written as d/D
("Dường", "Dăng"). Pagefind then folds their marks like any other word, and a query typed without
diacritics finds the page; the excerpt shown still comes from the real text around the other words.

The build keeps each page's searchable region (``searchable_region``). Writing the pages out for
Pagefind runs as a script in a process of its own, started by ``cchc.search.index.PagefindRun``, so the
second core does it while MkDocs reads and renders on the first::

    python search_input.py STAGING_DIR PAGEFIND_COMMAND...

It reads one page per line on standard input (``page_line``), as the build has them, writes each
out, and once the input ends becomes Pagefind on the staged pages. It uses only the standard
library, so it starts fast and needs no import path.
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
_BLOCK_END = re.compile(r"(</(?:dt|dd|li|td|th|p|div|h[1-6]|tr|caption|figcaption|section|header|footer|blockquote|"
                        r"summary|pre|dl|ul|ol|table)>|<br\s*/?>)", re.IGNORECASE)
"""Where the text of one element ends and the next begins: Pagefind joins their text as it is, so without a space
an excerpt ran "Mã thủ tục" and "chưa cập nhật" together ("Mã thủ tụcchưa cập nhật")."""
_WEIGHT = re.compile(r'data-pagefind-weight="([0-9.]+)"')
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
    weight = _WEIGHT.search(region[:region.find(">") + 1])  # the folded words weigh what the page's own do
    weighed = f' data-pagefind-weight="{weight.group(1)}"' if weight else ""
    folded = f'<div data-pagefind-body{weighed}>{" ".join(words)}</div>' if words else ""
    spaced = _BLOCK_END.sub(r"\1 ", region)
    return f'<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>{spaced}{folded}</body></html>'


def page_line(dest_uri: str, region: str) -> bytes:
    """One page for the script: its output file (relative to the site) and its searchable region."""
    return json.dumps([dest_uri, region], ensure_ascii=False).encode() + b"\n"


def stage_page(dest_uri: str, region: str, staging_dir: str) -> None:
    """Write what Pagefind reads of a page at the page's path in the site, so Pagefind gives it the same URL."""
    page = page_for_index(region)
    if page is None:
        return
    target = os.path.join(staging_dir, *dest_uri.split("/"))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as stream:
        stream.write(page)


def main(staging_dir: str, pagefind_command: list[str]) -> int:
    for line in sys.stdin.buffer:
        stage_page(*json.loads(line), staging_dir)
    if os.name == "posix":  # become Pagefind, so the build that waits on (or stops) this process reaches it
        os.execv(pagefind_command[0], pagefind_command)
    return subprocess.call(pagefind_command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))

"""Markdown pages outside the sections (the home page, an "about" page): read as carefully as articles.

MkDocs would publish such a page whatever it holds, and silently show broken front matter as text.
Here its front matter goes through the same bounded YAML loader, the fields Material shows must be
text, and its body the same checks as an article's (``cchc.safe_html``). Nothing is built from them:
MkDocs renders them as they are.
"""

from __future__ import annotations

from cchc.errors import ErrorLog
from cchc.fields import Fields
from cchc.reading import SourceFile, guarded, read_markdown

TEXT_FIELDS = {"title": "tiêu đề trang", "description": "mô tả trang (hiện khi chia sẻ, tìm kiếm)",
               "template": "mẫu trang"}
"""Front-matter fields MkDocs and Material print or use as text; other keys are theirs to read."""


def check_plain_pages(sources: list[SourceFile], log: ErrorLog) -> None:
    for source in sources:
        guarded(source, log, lambda: _check(source, log))()


def _check(source: SourceFile, log: ErrorLog) -> None:
    front = read_markdown(source, log)
    if front is None:
        return
    f = Fields(front.meta, source.shown_path, log)
    for name, label in TEXT_FIELDS.items():
        f.text(name, label)

"""Markdown pages outside the sections (the home page, an "about" page): read as carefully as articles.

MkDocs would publish such a page whatever it holds, and silently show broken front matter as text.
Here its front matter goes through the same bounded YAML loader, the fields Material shows must be
text, and its body the same checks as an article's (``cchc.core.safe_html``). Nothing is built from them:
MkDocs renders them as they are.
"""

from __future__ import annotations

import os
from typing import Any

from cchc.core.errors import ErrorLog
from cchc.core.fields import Fields
from cchc.core.reading import SourceFile, guarded, read_markdown

FOOTER_PAGES = (("cong-khai-cchc.md", "Công khai công tác CCHC"),
                ("tuyen-bo-ho-tro-tiep-can.md", "Tuyên bố hỗ trợ tiếp cận"))
"""Pages an inspector or citizen looks for on every page, linked from the footer when the editor has written them
(the example site has both; a department writes its own)."""

TEXT_FIELDS = {"title": "tiêu đề trang", "description": "mô tả trang (hiện khi chia sẻ, tìm kiếm)"}
"""Front-matter fields MkDocs and Material print or use as text; other keys are theirs to read."""


def footer_pages(editor_files: tuple[str, ...]) -> list[tuple[str, str]]:
    """(url, title) of the ``FOOTER_PAGES`` present under content/."""
    return [(src.removesuffix(".md") + "/", title) for src, title in FOOTER_PAGES if src in editor_files]


def page_templates(theme_dirs: tuple[str, ...]) -> frozenset[str] | None:
    """The page templates a ``template:`` may name (top-level .html of the theme's folders); None: not known."""
    if not theme_dirs:
        return None
    return frozenset(name for folder in theme_dirs if os.path.isdir(folder)
                     for name in os.listdir(folder) if name.endswith(".html"))


def check_plain_pages(sources: list[SourceFile], templates: frozenset[str] | None, log: ErrorLog,
                      images: Any = None) -> None:
    for source in sources:
        guarded(source, log, lambda: _check(source, templates, log, images))()


def _check(source: SourceFile, templates: frozenset[str] | None, log: ErrorLog, images: Any) -> None:
    front = read_markdown(source, log, images)
    if front is None:
        return
    f = Fields(front.meta, source.shown_path, log)
    for name, label in TEXT_FIELDS.items():
        f.text(name, label)
    check_template(f, templates)


def check_template(f: Fields, templates: frozenset[str] | None) -> None:
    """``template:`` names a page template of the theme; a wrong one stopped the build with a traceback."""
    written = f.text("template", "mẫu trang")
    if written is not None and templates is not None and written not in templates:
        chosen = ", ".join(sorted(t for t in templates if not t.startswith(("404", "redirect", "blog"))))
        f.error("template", f'không có mẫu trang "{written}"; xóa dòng "template:" (dùng mẫu mặc định) hoặc chọn '
                            f"một trong: {chosen} (unknown template)")

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
    """The page templates a ``template:`` may name: the top-level .html of the project's own template folder
    (``custom_dir``), whose ``main.html`` escapes what pages print; None: not known.

    Not Material's own (its ``base.html`` prints a page's title and description unescaped) nor the templates of
    cchc's kinds (they need the data of the page they were made for)."""
    if not theme_dirs:
        return None
    own = [folder for folder in theme_dirs if not _in_a_python_package(folder)]
    return frozenset(name for folder in own if os.path.isdir(folder)
                     for name in os.listdir(folder) if name.endswith(".html") and name != "404.html")


def _in_a_python_package(folder: str) -> bool:
    """Material's, MkDocs' and cchc's kinds' template folders lie in Python packages; the project's does not."""
    return os.path.exists(os.path.join(os.path.dirname(os.path.abspath(folder)), "__init__.py"))


def check_plain_pages(sources: list[SourceFile], templates: frozenset[str] | None, log: ErrorLog,
                      images: Any = None) -> None:
    for source in sources:
        guarded(source, log, lambda: _check(source, templates, log, images))()


def _check(source: SourceFile, templates: frozenset[str] | None, log: ErrorLog, images: Any) -> None:
    front = read_markdown(source, log, images)
    if front is None:
        return
    f = Fields(front.meta, source.shown_path, log)
    f.reject_unknown((*TEXT_FIELDS, "template", "hide"))  # Material prints others (subtitle, status…) unescaped
    for name, label in TEXT_FIELDS.items():
        f.text(name, label)
    check_template(f, templates)
    _check_hide(f)


HIDDEN_PARTS = ("navigation", "toc", "footer", "path")
"""What ``hide:`` may take off a page (Material's own words)."""


def _check_hide(f: Fields) -> None:
    written = f.data.get("hide")
    if written is None:
        return
    if not isinstance(written, list) or any(part not in HIDDEN_PARTS for part in written):
        f.error("hide", f'"hide:" là danh sách các phần ẩn đi, chọn trong: {", ".join(HIDDEN_PARTS)} '
                        "(unknown part to hide)")


def check_template(f: Fields, templates: frozenset[str] | None) -> None:
    """``template:`` names a page template of the theme; a wrong one stopped the build with a traceback."""
    written = f.text("template", "mẫu trang")
    if written is not None and templates is not None and written not in templates:
        chosen = ", ".join(sorted(templates))
        f.error("template", f'không có mẫu trang "{written}"; xóa dòng "template:" (dùng mẫu mặc định) hoặc chọn '
                            f"một trong: {chosen} (unknown template)")

"""``cchc new <kind> "Title"``: start a content file from a template, as a draft.

Each kind is one ``Template`` in ``TEMPLATES``: where its files go, how they are named
and what they start with. Kinds the site will have but that have no content model yet
are listed in ``PLANNED`` so editors get a clear answer instead of an unknown word.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from cchc.news import NEWS_DIR
from cchc.project import Project
from cchc.text import slugify


class NewProblem(Exception):
    """The file cannot be created; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Template:
    folder: str
    """Under docs_dir, '/'-separated."""
    file_name: Callable[[str, datetime], str]
    render: Callable[[str, datetime, Project], str]


def _news_file_name(slug: str, moment: datetime) -> str:
    return f"{moment:%Y-%m-%d}-{slug}.md"


def _news_article(title: str, moment: datetime, project: Project) -> str:
    categories = project.extra("news", "categories")
    first = categories[0] if isinstance(categories, list) and categories else None
    category = first.get("name") if isinstance(first, dict) else first
    if not category:
        raise NewProblem('mkdocs.yml chưa có chuyên mục tin nào ("extra: news: categories:"); '
                         "thêm ít nhất một chuyên mục rồi chạy lại (no news category)")
    return (
        "---\n"
        f"title: {_quoted(title)}\n"
        f"date: {moment:%Y-%m-%d %H:%M}\n"
        "summary: Viết một hai câu tóm tắt ở đây; dòng này hiện ở danh sách tin và trong RSS.\n"
        f"category: {_quoted(str(category))}   # một chuyên mục trong mkdocs.yml\n"
        "tags: []                  # từ khóa, ví dụ [kế hoạch, tuyên truyền CCHC]\n"
        "draft: true               # bản nháp: xóa dòng này khi muốn đăng\n"
        "---\n"
        "\n"
        "Nội dung bài viết, viết bằng Markdown.\n"
    )


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML): safe for ':' '#' and quotes."""
    return json.dumps(text, ensure_ascii=False)


TEMPLATES: dict[str, Template] = {
    NEWS_DIR: Template(NEWS_DIR, _news_file_name, _news_article),
}
PLANNED = {"thu-tuc": "thủ tục hành chính", "hoi-dap": "hỏi – đáp", "van-ban": "văn bản"}


def create(project: Project, kind: str, title: str, moment: datetime) -> str:
    """Write the new file and return its path; refuse to overwrite anything."""
    template = TEMPLATES.get(kind)
    if template is None:
        raise NewProblem(_unsupported(kind))
    title = " ".join(title.split())
    slug = slugify(title)
    if not slug:
        raise NewProblem(f'tiêu đề "{title}" không có chữ hay số nào để đặt tên tệp; '
                         "viết tiêu đề bằng chữ (title gives an empty file name)")
    text = template.render(title, moment, project)
    folder = os.path.join(project.paths.docs_dir, *template.folder.split("/"))
    path = os.path.join(folder, template.file_name(slug, moment))
    os.makedirs(folder, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except FileExistsError:
        raise NewProblem(f"tệp {project.shown(path)} đã có, không ghi đè; mở tệp đó để sửa, hoặc "
                         "đặt tiêu đề khác (file exists)") from None
    return path


def _unsupported(kind: str) -> str:
    if kind in PLANNED:
        return (f'loại nội dung "{kind}" ({PLANNED[kind]}) chưa hỗ trợ; hiện chỉ tạo được: '
                f"{', '.join(TEMPLATES)} (not supported yet)")
    return f'không có loại nội dung "{kind}"; chọn một trong: {", ".join(TEMPLATES)} (unknown kind)'

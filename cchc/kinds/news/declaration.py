"""News (tin tức), declared once: its folder, its fields, what it needs and what it publishes."""

from __future__ import annotations

from pathlib import Path

from cchc.core.declaration import Field, Kind, NewFile
from cchc.kinds.news.fields import FIELDS, THEME_KEYS
from cchc.kinds.news.load import is_article, load_news
from cchc.kinds.news.model import NEWS_DIR
from cchc.kinds.news.pages import ARTICLE_TEMPLATE, build_article_pages, build_news_feeds, build_news_pages

TEMPLATES = str(Path(__file__).parent / "templates")
"""The kind\'s page templates (the theme finds them after overrides/)."""

KIND = Kind(
    templates=TEMPLATES,
    name="news", label="Tin tức", folder=NEWS_DIR, file_format="markdown", fields=FIELDS,
    accepts=f"bài viết đuôi .md, ảnh trong {NEWS_DIR}/anh/ và tập tin đính kèm trong {NEWS_DIR}/tep/",
    owns=is_article, load=load_news, depends_on=("plans",),
    pages=lambda site: build_news_pages(site.news.shown, site.settings) + build_article_pages(site.news.shown),
    feeds=lambda site: build_news_feeds(site.news.public, site.settings),
    searchable_templates=frozenset({ARTICLE_TEMPLATE}),
    body=Field("body", "paragraphs", "nội dung bài viết", "Viết bằng Markdown dưới dòng --- cuối phần đầu; không cần "
               'dòng tiêu đề "# ..." vì tiêu đề đã có ở trên.'),
    theme_keys=THEME_KEYS,
    new=NewFile("tin-tuc", lambda slug, moment: f"{moment:%Y-%m-%d}-{slug}.md", "title",
                '(bản nháp); điền tóm tắt, nội dung rồi xóa dòng "draft: true" khi muốn đăng.', draft=True,
                known=lambda title, project: {"draft": True}),
    guide=(f"Mỗi tin một tệp trong content/{NEWS_DIR}/, tên tệp viết không dấu, nên bắt đầu bằng ngày đăng, ví dụ "
           f"content/{NEWS_DIR}/2022-02-24-ke-hoach-tuyen-truyen.md. Đường dẫn của tin lấy từ tên tệp (bỏ phần ngày "
           f"ở đầu): /{NEWS_DIR}/ke-hoach-tuyen-truyen/."),
)

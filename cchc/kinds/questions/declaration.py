"""Questions and answers (hỏi – đáp), declared once: one Markdown file per question, the answer as its body."""

from __future__ import annotations

from pathlib import Path

from cchc.core.declaration import Field, Kind, NewFile
from cchc.kinds.questions.fields import FIELDS, PERSONAL_FIELDS
from cchc.kinds.questions.load import QUESTIONS_DIR, is_question, load_question_kind
from cchc.kinds.questions.pages import ask_links, build_question_feeds, build_question_pages

HOME_QUESTIONS = 3

TEMPLATES = str(Path(__file__).parent / "templates")
"""The kind\'s page templates (the theme finds them after overrides/)."""

KIND = Kind(
    templates=TEMPLATES,
    name="questions", label="Hỏi – đáp", folder=QUESTIONS_DIR, file_format="markdown", fields=FIELDS,
    accepts="mỗi câu hỏi một tệp đuôi .md, và ảnh, tập tin đính kèm",
    owns=is_question, load=load_question_kind,
    depends_on=("procedures",),
    pages=lambda site: build_question_pages(site.questions, site.settings),
    feeds=lambda site: build_question_feeds(site.questions, site.settings),
    template_globals=lambda site: {"home_questions": site.questions[:HOME_QUESTIONS],
                                   "home_ask": ask_links(site.settings.department)},
    searchable_templates=frozenset({"question.html", "questions-list.html"}),
    body=Field("answer", "paragraphs", "câu trả lời", "Câu trả lời của Sở, viết bằng Markdown dưới dòng --- cuối "
               "phần đầu; câu hỏi chưa có câu trả lời thì chưa được đăng."),
    theme_keys=PERSONAL_FIELDS,
    new=NewFile("hoi-dap", lambda slug, moment: f"{slug}.md", "title",
                '(câu hỏi, chưa trả lời nên chưa đăng); thay mọi chữ "CẦN BỔ SUNG" rồi chạy "cchc check" để xem '
                "còn thiếu gì.", known=lambda title, project: {"channel": "website"}),
    guide=(f"Mỗi câu hỏi một tệp content/{QUESTIONS_DIR}/<tên-tệp>.md: phần đầu là câu hỏi nguyên văn của người dân "
           "(chữ thường, không Markdown, không HTML), phần dưới là câu trả lời của Sở. Không đăng số điện thoại, email, "
           "địa chỉ hay giấy tờ của người hỏi."),
)

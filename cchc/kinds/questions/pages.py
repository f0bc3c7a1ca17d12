"""Pages and feeds of the Q&A section: the list (all, per field), one page per answered question."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import datetime
from urllib.parse import quote

from markupsafe import Markup

from cchc.core.escaping import json_for_script
from cchc.core.feeds import Feed, FeedItem, newest_first
from cchc.core.pages import ContentPage, GeneratedPage, paginated_pages
from cchc.core.text import VN_TZ
from cchc.kinds.questions.load import QUESTIONS_DIR, Question
from cchc.site.settings import Department, Settings

PER_PAGE = 20


def plain_text_with_breaks(text: str) -> Markup:
    """Text from the public, escaped, with its line breaks kept: never Markdown, never HTML."""
    return Markup("<br>\n".join(html.escape(line) for line in text.splitlines()))


def ask_links(department: Department) -> dict[str, str]:
    """Where a citizen can ask: hotline, a prefilled email, the portal's feedback system."""
    subject = quote("Hỏi – đáp về thủ tục hành chính")
    return {
        "hotline": department.feedback_hotline,
        "tel": "tel:" + re.sub(r"[^\d+]", "", department.feedback_hotline),
        "mailto": f"mailto:{department.email}?subject={subject}",
        "portal": department.feedback_portal,
    }


def build_question_pages(questions: tuple[Question, ...], settings: Settings) -> list[GeneratedPage | ContentPage]:
    fields = tuple(dict.fromkeys(q.field for q in questions if q.field))
    common = {"fields": fields, "ask": ask_links(settings.department), "feed_folder": f"{QUESTIONS_DIR}/"}
    listings = paginated_pages(f"{QUESTIONS_DIR}/", "Hỏi – đáp", "questions-list.html", questions, PER_PAGE,
                               common, "Câu hỏi của người dân về thủ tục hành chính và trả lời của Sở")
    for field in fields:
        listings += paginated_pages(f"{QUESTIONS_DIR}/linh-vuc/{field.slug}/", f"Hỏi – đáp: {field.label}",
                                    "questions-list.html", tuple(q for q in questions if q.field == field), PER_PAGE,
                                    {**common, "field": field})
    pages: list[GeneratedPage | ContentPage] = [
        replace(page, data={**page.data, "json_ld": faq_json_ld(page.data["pager"].items, settings.site_url),
                            "searchable": index == 0 and bool(questions)})  # the list is found by its first page
        for index, page in enumerate(listings)
    ]
    for question in questions:
        pages.append(ContentPage(question.src_uri, question.url, "question.html",
                                 {**common, "item": question, "json_ld": faq_json_ld((question,), settings.site_url)}))
    return pages


def faq_json_ld(questions: tuple[Question, ...], site_url: str) -> Markup:
    """schema.org FAQPage, safe inside <script> (see ``json_for_script``)."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [{
            "@type": "Question",
            "name": q.title,
            "text": q.question,
            "dateCreated": q.asked.isoformat(),
            "url": site_url + q.url,
            "acceptedAnswer": {"@type": "Answer", "text": q.answer_text,
                               "dateCreated": q.answered.isoformat(), "url": site_url + q.url},
        } for q in questions],
    }
    return json_for_script(data, sort_keys=True)


def build_question_feeds(questions: tuple[Question, ...], settings: Settings) -> list[Feed]:
    return [Feed(f"{QUESTIONS_DIR}/", f"Hỏi – đáp – {settings.department.short_name}",
                 f"Câu hỏi của người dân và trả lời của {settings.department.name}", f"{QUESTIONS_DIR}/",
                 newest_first([_item(q) for q in questions]))]


def _item(question: Question) -> FeedItem:
    answered = datetime(question.answered.year, question.answered.month, question.answered.day, tzinfo=VN_TZ)
    return FeedItem(
        key=f"{QUESTIONS_DIR}/{question.slug}",
        title=question.title,
        url=question.url,
        summary=f"Hỏi: {question.question}\n\nTrả lời: {question.answer_text}",
        published=answered,
        updated=answered,
        categories=(question.field.label,) if question.field else (),
    )

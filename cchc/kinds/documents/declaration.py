"""Guiding documents (văn bản chỉ đạo, điều hành), declared once: one YAML file per document."""

from __future__ import annotations

from pathlib import Path

from cchc.core.declaration import Kind, NewFile, NewFileProblem
from cchc.kinds.documents.fields import FIELDS, NUMBER_HINT
from cchc.kinds.documents.load import DOCUMENTS_DIR, is_document, load_document_kind, symbol_type, type_of
from cchc.kinds.documents.pages import build_document_feeds, build_document_pages


def _known_from_number(number: str, project) -> dict:
    """A new document's type comes from its number-symbol; the department of mkdocs.yml issues it."""
    if symbol_type(number) is None:
        raise NewFileProblem(f'số, ký hiệu "{number}" không đúng dạng; {NUMBER_HINT} (invalid number-symbol)')
    issuer = project.extra("department", "name")
    return {"type": type_of(number), **({"issuer": str(issuer)} if issuer else {})}


TEMPLATES = str(Path(__file__).parent / "templates")
"""The kind\'s page templates (the theme finds them after overrides/)."""

KIND = Kind(
    templates=TEMPLATES,
    name="documents", label="Văn bản chỉ đạo, điều hành", folder=DOCUMENTS_DIR, file_format="yaml", fields=FIELDS,
    accepts=f"mỗi văn bản một tệp .yaml, và tệp văn bản (PDF, Word) trong {DOCUMENTS_DIR}/tep/",
    owns=is_document, load=load_document_kind, depends_on=("plans", "procedures"),
    pages=lambda site: build_document_pages(site.documents, site.built_at.date()),
    feeds=lambda site: build_document_feeds(site.documents, site.settings),
    searchable_templates=frozenset({"document.html"}),
    new=NewFile("van-ban", lambda slug, moment: f"{slug}.yaml", "number",
                '(văn bản); thay mọi chữ "CẦN BỔ SUNG" rồi chạy "cchc check" để xem còn thiếu gì.',
                known=_known_from_number),
    guide=(f"Mỗi văn bản một tệp content/{DOCUMENTS_DIR}/<số-ký-hiệu>.yaml, tệp PDF trong content/{DOCUMENTS_DIR}/tep/. "
           "Kế hoạch tuyên truyền của mỗi năm tự có trong danh sách văn bản, không cần ghi lại."),
)

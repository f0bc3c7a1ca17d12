"""Administrative procedures (thủ tục hành chính), declared once: one YAML file per procedure."""

from __future__ import annotations

from pathlib import Path

from cchc.core.declaration import Kind, NewFile
from cchc.kinds.procedures.fields import FIELDS
from cchc.kinds.procedures.load import is_procedure, load_catalogue
from cchc.kinds.procedures.model import PROCEDURES_DIR
from cchc.kinds.procedures.pages import build_procedure_feeds, build_procedure_pages


def _home(site) -> dict:
    catalogue = site.procedures
    return {"home_fields": [(field, len(catalogue.in_field(field))) for field in catalogue.fields
                            if catalogue.in_field(field)],
            "home_procedure_count": len(catalogue.in_force)}


def _department_handles(project) -> dict:
    """The department of mkdocs.yml handles a new procedure unless the editor says otherwise."""
    name = project.extra("department", "name")
    return {"agencies.handling": str(name)} if name else {}


TEMPLATES = str(Path(__file__).parent / "templates")
"""The kind\'s page templates (the theme finds them after overrides/)."""

KIND = Kind(
    templates=TEMPLATES,
    name="procedures", label="Thủ tục hành chính", folder=PROCEDURES_DIR, file_format="yaml", fields=FIELDS,
    accepts=(f"mỗi thủ tục một tệp .yaml đặt ngay trong {PROCEDURES_DIR}/ (không trong thư mục con), "
             "và mẫu đơn, tờ khai, tập tin đính kèm"),
    owns=is_procedure, load=load_catalogue,
    pages=lambda site: build_procedure_pages(site.procedures, site.settings, site.questions),
    feeds=lambda site: build_procedure_feeds(site.procedures, site.settings, site.built_at.date()),
    template_globals=_home, searchable_templates=frozenset({"procedure.html", "procedures.html"}),
    new=NewFile("thu-tuc", lambda slug, moment: f"{slug}.yaml", "name",
                '(thủ tục hành chính); thay mọi chữ "CẦN BỔ SUNG" rồi chạy "cchc check" để xem còn thiếu gì.',
                known=lambda title, project: _department_handles(project),
                comment=("Thủ tục hành chính: các thành phần theo Nghị định 63/2010/NĐ-CP, Điều 8, theo thứ tự a)…l) "
                         "của Quyết định công bố.")),
    guide=(f"Mỗi thủ tục một tệp content/{PROCEDURES_DIR}/<tên-tệp>.yaml; tên tệp (không dấu) là đường dẫn của "
           f"thủ tục: /{PROCEDURES_DIR}/<tên-tệp>/. Có thể nhập cả danh mục từ phụ lục Quyết định công bố bằng "
           '"cchc import-thu-tuc".'),
)

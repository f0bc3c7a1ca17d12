"""Guiding documents (văn bản chỉ đạo, điều hành): model, loader, and the yearly plans as documents.

One YAML file per document under ``content/van-ban/``. The yearly propaganda
plans are documents too; they come from ``plans/`` so nobody types them twice.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Mapping

from cchc.core.declaration import Published
from cchc.core.declared import read, reject_unknown
from cchc.core.errors import ErrorLog
from cchc.core.fields import Fields
from cchc.core.memo import FileMemo
from cchc.core.placeholders import load_filled
from cchc.core.reading import SourceFile, guarded, read_yaml_mapping, resolve_content_file
from cchc.core.text import fold_diacritics, slugify
from cchc.kinds.documents.fields import BY_NAME as FIELD
from cchc.kinds.documents.fields import FIELDS, NUMBER_HINT, NUMBER_PATTERN, STATUSES, TYPES
from cchc.kinds.plans.load import Plan
from cchc.kinds.procedures.load import procedure_index, read_procedure_refs
from cchc.kinds.procedures.model import Procedure
from cchc.site.settings import Department

DOCUMENTS_DIR = "van-ban"

if TYPE_CHECKING:
    from cchc.site.content import LoadContext

_NUMBER = re.compile(f"^{NUMBER_PATTERN}$")
_DEPARTMENT_SYMBOLS = {"sgddt", "sgd&dt", "sgd"}
"""How a Sở GDĐT signs its documents' symbols (290/KH-SGDĐT, 993/SGDĐT-TCCB), folded."""


class Status(Enum):
    IN_FORCE = "con_hieu_luc"
    EXPIRED = "het_hieu_luc"
    REPLACED = "bi_thay_the"

    @property
    def label(self) -> str:
        return STATUSES[self.value]


@dataclass(frozen=True)
class DocumentFile:
    url: str
    file_name: str
    size: int


@dataclass(frozen=True, eq=False)
class Document:
    number: str
    type: str
    issued: date
    effective: date | None
    expires: date | None
    issuer: str
    signer: str | None
    summary: str
    status: Status
    replaced_by: str | None
    file: DocumentFile | None
    related_plan: int | None
    related_procedures: tuple[Procedure, ...]
    note: str | None
    shown_path: str
    field_lines: Mapping[str, int]
    """Where each field is written, for errors found once every document is loaded (a duplicate number)."""
    origin: str | None = None
    """As written (``ORIGINS``); None: judged from the issuer by ``origin_of``."""

    def line_of(self, name: str) -> int | None:
        return self.field_lines.get(name)

    @property
    def slug(self) -> str:
        return slugify(self.number)

    @property
    def url(self) -> str:
        return f"{DOCUMENTS_DIR}/{self.slug}/"

    @property
    def type_label(self) -> str:
        return TYPES[self.type]

    def state_on(self, today: date) -> str:
        """What readers need to know today: not yet in force, in force, expired or replaced."""
        if self.status is Status.IN_FORCE and self.effective and self.effective > today:
            return "Chưa có hiệu lực"
        if self.status is Status.IN_FORCE and self.expires and self.expires < today:
            return "Hết hiệu lực"
        return self.status.label


def is_document(src_uri: str) -> bool:
    return src_uri.startswith(f"{DOCUMENTS_DIR}/") and src_uri.endswith((".yaml", ".yml"))


def load_document_kind(context: LoadContext) -> Published:
    """The guiding documents (the yearly plans among them), newest first; their files are data, not pages."""
    documents = load_documents(context.sources, context.paths.docs_dir, context.loaded["plans"],
                               context.loaded["procedures"].procedures, context.log, context.memo)
    return Published(documents, (source.src_uri for source in context.sources))


def load_documents(sources: list[SourceFile], docs_dir: str, plans: Mapping[int, Plan],
                   procedures: tuple[Procedure, ...], log: ErrorLog, memo: FileMemo | None = None) -> list[Document]:
    """Every document file plus the yearly plans; numbers are unique and replacements exist."""
    memo = memo or FileMemo()
    memo.start("documents", (plans, procedures, docs_dir))
    documents = [memo.derive("plan-documents", plan, lambda: plan_document(plan)) for plan in plans.values()]
    memo.sweep("plan-documents", list(plans.values()))
    index = procedure_index(procedures)
    links = lambda d: (os.path.join(docs_dir, d.file.url),) if d.file else ()  # noqa: E731
    for source in sources:
        document = memo.load("documents", source.abs_path,
                             guarded(source, log, lambda: load_document(source, docs_dir, plans, index, log)),
                             links)
        if document is not None:
            documents.append(document)
    _check_unique(documents, log)
    _check_replacements(documents, log)
    return sorted(documents, key=lambda d: (d.issued, d.number), reverse=True)


def plan_document(plan: Plan) -> Document:
    """A yearly plan as it appears in the documents list."""
    file = None
    if plan.attachment_size is not None:
        file = DocumentFile(plan.attachment, posixpath.basename(plan.attachment), plan.attachment_size)
    return Document(plan.number, "KH", plan.issued, None, None, plan.issuer, plan.signer, plan.title,
                    Status.IN_FORCE, None, file, plan.year, (), None, plan.shown_path,
                    {"number": plan.number_line})


def load_document(source: SourceFile, docs_dir: str, plans: Mapping[int, Plan], procedures: dict[str, Procedure],
                  log: ErrorLog) -> Document | None:
    data = read_yaml_mapping(source, log, "tệp văn bản")
    if data is None:
        return None
    return load_filled(data, source.shown_path, log, lambda f: _load_document(f, source, docs_dir, plans, procedures))


def _load_document(f: Fields, source: SourceFile, docs_dir: str, plans: Mapping[int, Plan],
                   procedures: dict[str, Procedure]) -> Document | None:
    errors_before = len(f.log.errors)
    reject_unknown(f, FIELDS)
    number, symbol_type = _read_number(f)
    values = dict(
        number=number,
        type=_read_type(f, number, symbol_type),
        issued=f.day("date", FIELD["date"].label, required=True),
        effective=f.day("effective", FIELD["effective"].label),
        expires=f.day("expires", FIELD["expires"].label),
        issuer=f.text("issuer", FIELD["issuer"].label, required=True),
        signer=f.text("signer", FIELD["signer"].label),
        summary=f.text("summary", FIELD["summary"].label, required=True),
        status=_read_status(f),
        replaced_by=f.text("replaced_by", FIELD["replaced_by"].label),
        file=_read_file(f, source, docs_dir),
        related_plan=_read_related_plan(f, plans),
        related_procedures=read_procedure_refs(f, "related_procedures", FIELD["related_procedures"].label, procedures),
        note=f.text("note", FIELD["note"].label),
        origin=read(f, FIELD["origin"]),
        shown_path=source.shown_path,
        field_lines=dict(f.data.key_lines),
    )
    if values["status"] is Status.REPLACED and not values["replaced_by"]:
        f.error("replaced_by", 'văn bản "bi_thay_the" cần ghi số ký hiệu văn bản thay thế ở "replaced_by:" '
                               "(replacement missing)")
    return None if len(f.log.errors) > errors_before else Document(**values)


def origin_of(document: Document, department: Department) -> str:
    """Issued by the department, or received: as written, else by the issuer's name (the yearly plans included)."""
    if document.origin:
        return document.origin
    names = {_folded(department.name), _folded(department.short_name)}
    symbol = _NUMBER.match(document.number)
    bodies = {_folded(part) for part in symbol.group(3).split("-")} if symbol else set()
    return "so" if _folded(document.issuer) in names or bodies & _DEPARTMENT_SYMBOLS else "cap_tren"


def _folded(name: str) -> str:
    return " ".join(fold_diacritics(name).lower().split())


def _read_number(f: Fields) -> tuple[str | None, str | None]:
    """The number-symbol and the type abbreviation it carries ("290/KH-SGDĐT" → "KH")."""
    number = f.text("number", FIELD["number"].label, required=True)
    if number is None:
        return None, None
    symbol = symbol_type(number)
    if symbol is None:
        f.error("number", f'số, ký hiệu "{number}" không đúng dạng; {NUMBER_HINT} (invalid number-symbol)')
        return None, None
    return number, symbol


def symbol_type(number: str) -> str | None:
    """The first part of the symbol ("290/KH-SGDĐT" → "KH", "993/SGDĐT-TCCB" → "SGDĐT"); None if malformed."""
    match = _NUMBER.match(number)
    return match.group(3).split("-")[0] if match else None


def type_of(number: str) -> str:
    """The document type a well-formed number-symbol shows; a công văn shows none ("CV")."""
    symbol = symbol_type(number) or ""
    return next((key for key in TYPES if key.casefold() == symbol.casefold()), "CV")


def _read_type(f: Fields, number: str | None, symbol_type: str | None) -> str | None:
    written = f.text("type", FIELD["type"].label, required=True)
    if written is None:
        return None
    kind = next((key for key in TYPES if key.casefold() == written.casefold()), None)
    if kind is None:
        f.error("type", f'loại "{written}" không có trong danh sách; chọn một trong: {", ".join(TYPES)} '
                        "(unknown type)")
        return None
    if symbol_type is not None and kind != "CV" and symbol_type.casefold() != kind.casefold():
        f.error("type", f'loại "{kind}" không khớp với ký hiệu "{number}" (ký hiệu cho thấy loại '
                        f'"{symbol_type}"); sửa loại hoặc số, ký hiệu (type and number disagree)')
        return None
    return kind


def _read_status(f: Fields) -> Status:
    written = f.text("status", FIELD["status"].label) or Status.IN_FORCE.value
    try:
        return Status(written)
    except ValueError:
        f.error("status", f'tình trạng "{written}" không hợp lệ; chọn con_hieu_luc, het_hieu_luc hoặc '
                          "bi_thay_the (unknown status)")
        return Status.IN_FORCE


def _read_file(f: Fields, source: SourceFile, docs_dir: str) -> DocumentFile | None:
    written = f.text("file", FIELD["file"].label)
    if written is None:
        return None
    uri = resolve_content_file(written, source, docs_dir, lambda message: f.error("file", message))
    if uri is None:
        return None
    return DocumentFile(uri, posixpath.basename(uri), os.path.getsize(os.path.join(docs_dir, uri)))


def _read_related_plan(f: Fields, plans: Mapping[int, Plan]) -> int | None:
    year = f.integer("related_plan", FIELD["related_plan"].label, minimum=2000)
    if year is not None and year not in plans:
        f.error("related_plan", f"chưa có kế hoạch năm {year} (plans/{year}.yaml); sửa năm hoặc bỏ dòng này "
                                "(no such plan)")
        return None
    return year


def _check_unique(documents: list[Document], log: ErrorLog) -> None:
    seen: dict[str, Document] = {}
    for document in documents:
        first = seen.setdefault(document.slug, document)
        if first is not document:
            log.add(document.shown_path, document.line_of("number"), "number",
                    f'văn bản "{document.number}" đã có ở {first.shown_path}:{first.line_of("number")}; mỗi văn bản '
                    "chỉ ghi một lần (kế hoạch tuyên truyền trong plans/ tự có trong danh sách văn bản) "
                    "(duplicate document)")


def _check_replacements(documents: list[Document], log: ErrorLog) -> None:
    known = {d.slug for d in documents}
    for document in documents:
        if document.replaced_by and slugify(document.replaced_by) not in known:
            log.add(document.shown_path, None, "replaced_by",
                    f'không có văn bản "{document.replaced_by}" trong content/van-ban/; thêm văn bản thay thế '
                    "hoặc sửa số, ký hiệu (unknown replacement)")

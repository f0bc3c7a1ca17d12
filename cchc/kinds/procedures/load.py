"""Read and check the procedure files (``content/thu-tuc-hanh-chinh/<slug>.yaml``).

Every problem is logged with file, line and field; a procedure with any error is
left out and the build stops, so a notice board never shows half a procedure.
"""

from __future__ import annotations

import posixpath
from datetime import date
from typing import TYPE_CHECKING

from cchc.core.declared import short_item_warnings
from cchc.core.errors import ErrorLog
from cchc.core.fields import Fields
from cchc.core.memo import FileMemo
from cchc.core.placeholders import load_filled
from cchc.core.reading import SourceFile, guarded, read_yaml_mapping
from cchc.core.text import format_date, months_before, slugify
from cchc.core.yamlmarks import MarkedDict
from cchc.kinds.procedures.fields import FIELDS, MANDATORY
from cchc.kinds.procedures.model import ONLINE_LEVELS, PROCEDURES_DIR, Catalogue, Procedure, fees_line
from cchc.kinds.procedures.limits import (
    fees_warning,
    form_links,
    read_channels,
    read_committed,
    read_fees,
    read_forms,
    read_time_limit,
)
from cchc.kinds.procedures.parts import (
    LABELS,
    read_agencies,
    read_choice,
    read_code,
    read_documents,
    read_field,
    read_history,
    read_legal_bases,
    read_levels,
    read_paragraphs,
    read_published_by,
    read_slug,
    read_status,
    read_steps,
)
from cchc.site.rules import DEFAULT_RULES, Rules

if TYPE_CHECKING:
    from cchc.site.content import LoadContext


def is_procedure(src_uri: str) -> bool:
    return posixpath.dirname(src_uri) == PROCEDURES_DIR and src_uri.endswith((".yaml", ".yml"))


def load_catalogue(context: LoadContext) -> Catalogue:
    procedures = load_procedures(context.sources, context.now.date(), context.log, context.memo,
                                 context.settings.rules, context.paths.docs_dir)
    return Catalogue.of(procedures, frozenset(source.src_uri for source in context.sources))


def load_procedures(sources: list[SourceFile], today: date, log: ErrorLog, memo: FileMemo | None = None,
                    rules: Rules = DEFAULT_RULES, docs_dir: str | None = None) -> list[Procedure]:
    """Every valid procedure; codes and slugs must be unique across files. Each procedure's warnings (a check
    against the national database long ago) are told on every load, remembered models included."""
    memo = memo or FileMemo()
    memo.start("procedures", (today, rules, docs_dir))
    procedures, codes, slugs = [], {}, {}
    for source in sorted(sources, key=lambda s: s.shown_path):
        folder = docs_dir or source.abs_path[:-len(source.src_uri)]
        procedure = memo.load("procedures", source.abs_path,
                              guarded(source, log, lambda: _load_file(source, today, log, rules, folder)),
                              lambda p: form_links(p.forms, folder))
        if procedure is None:
            continue
        for line, field_name, message in procedure.warnings:
            log.warn(source.shown_path, line, field_name, message)
        if procedure.code and codes.setdefault(procedure.code, source.shown_path) != source.shown_path:
            f = Fields(_read(source, log), source.shown_path, log)  # rare: read again for the line of "code"
            f.error("code", f'mã thủ tục "{procedure.code}" trùng với thủ tục ở {codes[procedure.code]}; mỗi thủ tục '
                            "có một mã riêng, kiểm tra lại mã (duplicate code)")
        elif slugs.setdefault(procedure.slug, source.shown_path) != source.shown_path:
            log.add(source.shown_path, None, None, f'đường dẫn "{PROCEDURES_DIR}/{procedure.slug}/" trùng với '
                                                   f"{slugs[procedure.slug]}; đổi tên tệp (duplicate slug)")
        else:
            procedures.append(procedure)
    return procedures


def _load_file(source: SourceFile, today: date, log: ErrorLog, rules: Rules, docs_dir: str) -> Procedure | None:
    data = _read(source, log)
    if data is None:
        return None
    return load_filled(data, source.shown_path, log, lambda f: load_procedure(f, source, today, rules, docs_dir))


def _read(source: SourceFile, log: ErrorLog) -> MarkedDict | None:
    return read_yaml_mapping(source, log, "tệp thủ tục")


def load_procedure(f: Fields, source: SourceFile, today: date, rules: Rules = DEFAULT_RULES,
                   docs_dir: str | None = None) -> Procedure | None:
    errors_before = len(f.log.errors)
    f.reject_unknown(LABELS)
    for name in MANDATORY:
        if f.data.get(name) in (None, "", [], {}):
            f.error(name, f"thiếu {LABELS[name]}, thành phần bắt buộc của thủ tục hành chính (Nghị định "
                          f'63/2010/NĐ-CP, Điều 8); thêm "{name}:" theo mẫu trong docs/bien-tap/thu-tuc-hanh-chinh.md (mandatory component missing)')
    from_complete = rules.time_limit_from_complete_dossier
    time_limit = read_time_limit(f, "time_limit", f.data.get("time_limit"), from_complete)
    fee, charge, combined = read_fees(f)
    status, abolished_on = read_status(f)
    code = read_code(f)
    values = dict(
        slug=read_slug(f, source), src_uri=source.src_uri, code=code,
        local_symbol=f.text("local_symbol", LABELS["local_symbol"]),
        name=f.text("name", LABELS["name"]), field=read_field(f), levels=read_levels(f),
        kind=f.text("kind", LABELS["kind"]), agencies=read_agencies(f),
        address=f.text("address", LABELS["address"]), applicants=read_paragraphs(f, "applicants"),
        steps=read_steps(f), channels=read_channels(f, time_limit, fees_line(fee, charge, combined), from_complete),
        documents=read_documents(f), sets=f.integer("sets", LABELS["sets"]), time_limit=time_limit,
        committed_time_limit=read_committed(f, time_limit),
        result=f.text("result", LABELS["result"]), fee=fee, charge=charge, fees=combined,
        forms=read_forms(f, source, docs_dir or source.abs_path[:-len(source.src_uri)]),
        requirements=read_paragraphs(f, "requirements"), legal_bases=read_legal_bases(f),
        online_level=read_choice(f, "online_level", ONLINE_LEVELS, "none"),
        portal_url=f.url("portal_url", LABELS["portal_url"]), published_by=read_published_by(f),
        checked_on=f.day("checked_on", LABELS["checked_on"]), national_url=rules.national_url(code),
        status=status, abolished_on=abolished_on, history=read_history(f, today),
        example=f.flag("example", LABELS["example"]), notes=f.text("notes", LABELS["notes"]),
    )
    if values["online_level"] not in (None, "none") and values["portal_url"] is None and "portal_url" not in f.data:
        f.error("online_level", f'thủ tục có dịch vụ công trực tuyến ("{values["online_level"]}") nhưng thiếu đường '
                                'dẫn; thêm dòng "portal_url: https://dichvucong..." (online service without a link)')
    if len(f.log.errors) > errors_before:
        return None
    found = (fees_warning(f, combined), _check_warning(f, values, today, rules), *short_item_warnings(f.data, FIELDS))
    values["warnings"] = tuple(w for w in found if w)
    return Procedure(**values)


def _check_warning(f: Fields, values: dict, today: date, rules: Rules) -> tuple[int | None, str, str] | None:
    """A procedure checked against the national database longer ago than the rules allow (a national code is what
    one looks it up by, so a procedure without one is not warned about)."""
    checked = values["checked_on"]
    if checked is None or checked >= months_before(today, rules.national_check_months):
        return None
    return (f.data.line_of("checked_on"), "checked_on",
            f"thủ tục đối chiếu với Cơ sở dữ liệu quốc gia về TTHC lần cuối ngày {format_date(checked)}, đã quá "
            f"{rules.national_check_months} tháng; đối chiếu lại (mã {values['code'] or 'chưa có'} trên Cổng Dịch vụ "
            'công quốc gia), sửa nội dung nếu khác, rồi ghi ngày đối chiếu mới vào "checked_on:" (stale check)')


def procedure_index(procedures: tuple[Procedure, ...]) -> dict[str, Procedure]:
    """Procedures by national code and by slug: what other content may write to refer to one."""
    return {p.code: p for p in procedures if p.code} | {p.slug: p for p in procedures}


def read_procedure_refs(f: Fields, name: str, label: str, index: dict[str, Procedure]) -> tuple[Procedure, ...]:
    """A list of procedure references in another kind of content (a question, a document)."""
    found = []
    for reference in f.texts(name, label):
        procedure = index.get(reference) or index.get(slugify(reference))
        if procedure is None:
            f.error(name, f'không có thủ tục mã "{reference}" trong danh mục thủ tục; ghi mã thủ tục '
                          "(ví dụ 1.005142) hoặc tên tệp thủ tục (unknown procedure code)")
        else:
            found.append(procedure)
    return tuple(found)

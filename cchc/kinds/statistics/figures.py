"""Reading a period's figures for the service index (Quyết định 766/QĐ-TTg) and its counts by field.

Every figure here is optional: one not written stays None (shown as "chưa có số liệu"), never 0. A part can
never exceed its whole (answered on time of received, paid online of those with a fee), and the fields of a
period never add up to more than the period itself; each such slip is an error naming both numbers.
"""

from __future__ import annotations

from typing import Any

from cchc.core.declaration import Field, labels_of
from cchc.core.fields import Fields
from cchc.core.yamlmarks import MarkedDict
from cchc.kinds.procedures.vocabulary import FIELD_LABELS
from cchc.kinds.statistics.fields import (
    BY_FIELD_FIELDS,
    DIGITISED_FIELDS,
    FEEDBACK_FIELDS,
    IN_PROGRESS_FIELDS,
    PAYMENT_FIELDS,
    PERIOD_FIELDS,
    RESOLVED_FIELDS,
    SATISFACTION_FIELDS,
)
from cchc.kinds.statistics.model import FieldFigures, InProgress, Received, Resolved, Share

_PERIOD = labels_of(PERIOD_FIELDS)
_BY_FIELD = labels_of(BY_FIELD_FIELDS)


def read_index_figures(p: Fields, received: Received, resolved: Resolved, in_progress: InProgress,
                       overdue_is_late: bool) -> dict[str, Any]:
    """The period's optional figures, as ``DossierPeriod`` keywords."""
    digitised = _record(p, "digitised", DIGITISED_FIELDS)
    values = dict(
        average_days=p.decimal("average_days", _PERIOD["average_days"]),
        apologies=p.integer("apologies", _PERIOD["apologies"], minimum=0),
        feedback=_share(p, "feedback", FEEDBACK_FIELDS),
        payments=_share(p, "payments", PAYMENT_FIELDS),
        digitised_dossiers=digitised.get("dossiers"),
        electronic_results=digitised.get("results"),
        satisfaction=_share(p, "satisfaction", SATISFACTION_FIELDS),
        by_field=read_by_field(p, received, resolved, in_progress, overdue_is_late),
    )
    for name, value, whole, whole_label in (
            ("digitised.dossiers", values["digitised_dossiers"], received.total, "số hồ sơ tiếp nhận"),
            ("digitised.results", values["electronic_results"], resolved.total, "số hồ sơ đã giải quyết")):
        if value is not None and value > whole:
            label = {f.name: f.label for f in DIGITISED_FIELDS}[name.split(".")[1]]
            p.error(name, f"{label} {value} lớn hơn {whole_label} của kỳ ({whole}); kiểm tra lại hai số "
                          "(part larger than its whole)", p.data["digitised"].line_of(name.split(".")[1]))
    return values


def _record(p: Fields, name: str, fields: tuple[Field, ...]) -> dict[str, int]:
    """A group of counts written under ``name:``; {} when it is not written."""
    value = p.data.get(name)
    if value is None:
        return {}
    if not isinstance(value, MarkedDict):
        names = ", ".join(f"{spec.name}:" for spec in fields)
        p.error(name, f'{_PERIOD[name]} ghi thành các dòng {names} thụt vào dưới "{name}:" (expected a mapping)')
        return {}
    sub = p.item(value, f"{p.prefix}{name}.")
    sub.reject_unknown(spec.name for spec in fields)
    counts = {}
    for spec in fields:
        if spec.name not in value and spec.required:
            sub.missing(spec.name, spec.label)
        count = sub.integer(spec.name, spec.label, minimum=0)
        if count is not None:
            counts[spec.name] = count
    return counts


def _share(p: Fields, name: str, fields: tuple[Field, Field]) -> Share | None:
    """Two counts, a whole and its part (received and answered on time); the part never above the whole."""
    counts = _record(p, name, fields)
    whole_spec, part_spec = fields
    if whole_spec.name not in counts or part_spec.name not in counts:
        return None
    whole, part = counts[whole_spec.name], counts[part_spec.name]
    if part > whole:
        p.error(f"{name}.{part_spec.name}", f"{part_spec.label} {part} lớn hơn {whole_spec.label} {whole}; kiểm tra "
                                            "lại hai số (part larger than its whole)",
                p.data[name].line_of(part_spec.name))
        return None
    return Share(part, whole)


def read_by_field(p: Fields, received: Received, resolved: Resolved, in_progress: InProgress,
                  overdue_is_late: bool) -> tuple[FieldFigures, ...]:
    """The period's dossiers by field; together they never exceed the period's own counts."""
    figures, seen = [], {}
    for prefix, item, line in p.records("by_field", _PERIOD["by_field"]):
        if not isinstance(item, MarkedDict):
            p.log.add(p.path, line, prefix.rstrip("."), 'mỗi lĩnh vực gồm các dòng "field:", "received:", '
                                                        '"resolved:" (expected a mapping)')
            continue
        entry = _read_field_entry(p.item(item, prefix), overdue_is_late)
        if entry is None:
            continue
        if entry.code in seen:
            p.log.add(p.path, item.line_of("field"), f"{prefix}field", f"lĩnh vực {entry.code} đã có ở dòng "
                                                                       f"{seen[entry.code]}; mỗi lĩnh vực chỉ ghi một "
                                                                       "lần trong một kỳ (duplicate field)")
            continue
        seen[entry.code] = item.line_of("field")
        figures.append(entry)
    if figures:
        _check_within_period(p, figures, received, resolved, in_progress)
    return tuple(figures)


def _read_field_entry(f: Fields, overdue_is_late: bool) -> FieldFigures | None:
    errors_before = len(f.log.errors)
    f.reject_unknown(_BY_FIELD)
    code = f.text("field", _BY_FIELD["field"], required=True)
    if code is not None and code.upper().replace(" ", "") not in FIELD_LABELS:
        f.error("field", f'mã lĩnh vực "{code}" không có trong danh mục; chọn một trong: {", ".join(FIELD_LABELS)} '
                         "(unknown field code)")
    received = f.integer("received", _BY_FIELD["received"], minimum=0)
    if received is None and "received" not in f.data:
        f.missing("received", _BY_FIELD["received"])
    resolved = read_counts(f, "resolved", _BY_FIELD["resolved"], RESOLVED_FIELDS, required=True)
    in_progress = read_counts(f, "in_progress", _BY_FIELD["in_progress"], IN_PROGRESS_FIELDS, required=False)
    if len(f.log.errors) > errors_before or code is None or received is None:
        return None
    code = code.upper().replace(" ", "")
    return FieldFigures(code, FIELD_LABELS[code], received, Resolved(**resolved), InProgress(**in_progress),
                        overdue_is_late)


def read_counts(f: Fields, name: str, label: str, fields: tuple[Field, ...], *, required: bool) -> dict[str, int]:
    """Numbers of dossiers written as lines under ``name:`` (``resolved:``, ``in_progress:``); one left out is 0."""
    zeros = {spec.name: 0 for spec in fields}
    value = f.data.get(name)
    if value is None:
        if required:
            f.missing(name, label)
        return zeros
    if not isinstance(value, MarkedDict):
        f.error(name, f'{label} ghi thành các dòng {", ".join(f"{k}:" for k in zeros)} thụt vào dưới '
                      f'"{name}:" (expected a mapping)')
        return zeros
    sub = f.item(value, f"{f.prefix}{name}.")
    sub.reject_unknown(zeros)
    return {spec.name: sub.integer(spec.name, spec.label, minimum=0, default=0) or 0 for spec in fields}


def _check_within_period(p: Fields, figures: list[FieldFigures], received: Received, resolved: Resolved,
                         in_progress: InProgress) -> None:
    sums = (("tiếp nhận", sum(f.received for f in figures), received.total),
            ("giải quyết trước hạn", sum(f.resolved.early for f in figures), resolved.early),
            ("giải quyết đúng hạn", sum(f.resolved.on_time for f in figures), resolved.on_time),
            ("giải quyết quá hạn", sum(f.resolved.late for f in figures), resolved.late),
            ("đang giải quyết trong hạn", sum(f.in_progress.within_limit for f in figures), in_progress.within_limit),
            ("đang giải quyết quá hạn", sum(f.in_progress.overdue for f in figures), in_progress.overdue))
    over = [f"{label} {total} > {whole}" for label, total, whole in sums if total > whole]
    if over:
        p.error("by_field", f"cộng các lĩnh vực lớn hơn số liệu của cả kỳ: {'; '.join(over)}; kiểm tra lại số liệu "
                            "theo lĩnh vực (fields add up to more than the period)")

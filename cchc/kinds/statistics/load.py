"""Reading ``thong-ke/ho-so.yaml``, ``thong-ke/hai-long.yaml`` and ``thong-ke/chi-so.yaml`` into the statistics
models (the surveys and index results in ``cchc.kinds.statistics.surveys``, a period's index figures in
``cchc.kinds.statistics.figures``).

Every problem is logged with file, line and field; figures that do not add up name the period and
the numbers, so the editor can find the wrong one.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from cchc.core.declaration import labels_of
from cchc.core.errors import ErrorLog
from cchc.core.fields import Fields
from cchc.core.reading import SourceFile, guarded, read_yaml_mapping
from cchc.core.text import format_date
from cchc.core.yamlmarks import MarkedDict, written_text
from cchc.kinds.statistics.fields import FIELDS, IN_PROGRESS_FIELDS, PERIOD_FIELDS, RECEIVED_FIELDS, RESOLVED_FIELDS
from cchc.kinds.statistics.figures import read_counts, read_index_figures
from cchc.kinds.statistics.model import (
    DATA_URIS,
    PERIOD_HINT,
    PERIODS_URI,
    RESULTS_URI,
    SURVEYS_URI,
    DossierPeriod,
    InProgress,
    PeriodName,
    Received,
    Resolved,
    Statistics,
    parse_period,
)
from cchc.kinds.statistics.surveys import read_result, read_survey
from cchc.site.rules import DEFAULT_RULES, Rules

if TYPE_CHECKING:
    from cchc.site.content import LoadContext

_PERIOD_FIELDS = labels_of(PERIOD_FIELDS)
_FILE_LISTS = {spec.name: spec.label for spec in FIELDS}


def load_statistics_kind(context: LoadContext) -> Statistics:
    return load_statistics(context.sources, context.log, context.settings.rules)


def load_statistics(sources: list[SourceFile], log: ErrorLog, rules: Rules = DEFAULT_RULES) -> Statistics:
    """Read whichever of ho-so.yaml, hai-long.yaml and chi-so.yaml exist; a missing file means no data yet."""
    by_uri = {source.src_uri: source for source in sources}
    read_period = lambda p, line, seen: _read_period(p, line, seen, rules.overdue_in_progress_is_late)  # noqa: E731
    periods = _load_list(by_uri.get(PERIODS_URI), "periods", _FILE_LISTS["periods"], read_period, log)
    surveys = _load_list(by_uri.get(SURVEYS_URI), "surveys", _FILE_LISTS["surveys"], read_survey, log)
    results = _load_list(by_uri.get(RESULTS_URI), "results", _FILE_LISTS["results"], read_result, log)
    periods.sort(key=lambda p: (p.ends, -p.starts.toordinal()), reverse=True)
    surveys.sort(key=lambda s: (s.day, s.title), reverse=True)
    results.sort(key=lambda r: (r.year, r.index), reverse=True)
    read = frozenset(uri for uri in DATA_URIS if uri in by_uri)
    return Statistics(tuple(periods), tuple(surveys), read, tuple(results))


def _load_list(source: SourceFile | None, key: str, label: str, read_item: Any, log: ErrorLog) -> list[Any]:
    if source is None:
        return []
    return guarded(source, log, lambda: _read_list(source, key, label, read_item, log))() or []


def _read_list(source: SourceFile, key: str, label: str, read_item: Any, log: ErrorLog) -> list[Any]:
    data = read_yaml_mapping(source, log, "tệp", f'phải bắt đầu bằng dòng "{key}:" rồi đến các mục, mỗi mục '
                                                 'bắt đầu bằng "- " (expected a mapping)')
    if data is None:
        return []
    f = Fields(data, source.shown_path, log)
    f.reject_unknown({key: label})
    if key not in data:
        f.missing(key, label)
    items: list[Any] = []
    seen: dict[Any, tuple[str, int]] = {}
    for prefix, item, line in f.records(key, label):
        if not isinstance(item, MarkedDict):
            log.add(f.path, line, prefix.rstrip("."), 'mỗi mục gồm các dòng "tên_trường: giá trị" (expected a mapping)')
            continue
        record = read_item(f.item(item, prefix), line, seen)
        if record is not None:
            items.append(record)
    return items


def _read_period(p: Fields, line: int, seen: dict[Any, tuple[str, int]], overdue_is_late: bool) -> DossierPeriod | None:
    errors_before = len(p.log.errors)
    p.reject_unknown(_PERIOD_FIELDS)
    name = _read_period_name(p, seen)
    starts, ends = _read_dates(p, name)
    received = _read_received(p)
    resolved = Resolved(**read_counts(p, "resolved", _PERIOD_FIELDS["resolved"], RESOLVED_FIELDS, required=True))
    in_progress = InProgress(**read_counts(p, "in_progress", _PERIOD_FIELDS["in_progress"], IN_PROGRESS_FIELDS,
                                        required=False))
    values = dict(
        name=name, starts=starts, ends=ends,
        carried_over=_count(p, "carried_over", _PERIOD_FIELDS),
        received=received, resolved=resolved, in_progress=in_progress,
        returned=_count(p, "returned", _PERIOD_FIELDS),
        source=p.text("source", _PERIOD_FIELDS["source"]),
        note=p.text("note", _PERIOD_FIELDS["note"]),
        **read_index_figures(p, received, resolved, in_progress, overdue_is_late),
        overdue_is_late=overdue_is_late,
    )
    if len(p.log.errors) > errors_before:
        return None
    period = DossierPeriod(**values)
    return period if _figures_add_up(p, line, period) else None


def _read_period_name(p: Fields, seen: dict[Any, tuple[str, int]]) -> PeriodName | None:
    written = p.raw("period", _PERIOD_FIELDS["period"], required=True)
    if written is None:
        return None
    name = parse_period(written)
    if name is None:
        p.error("period", f'kỳ "{written_text(written)}" không đúng dạng; {PERIOD_HINT}')
        return None
    here = (p.prefix.rstrip("."), p.data.line_of("period"))
    first = seen.setdefault(name, here)
    if first is not here:
        p.error("period", f"kỳ {name.label} đã có ở {first[0]} (dòng {first[1]}); mỗi kỳ chỉ ghi một lần, "
                          "xóa hoặc sửa một trong hai (duplicate period)")
        return None
    return name


def _read_dates(p: Fields, name: PeriodName | None) -> tuple[date | None, date | None]:
    starts = p.day("from", _PERIOD_FIELDS["from"])
    ends = p.day("to", _PERIOD_FIELDS["to"])
    if name is None:
        return starts, ends
    for key, day in (("from", starts), ("to", ends)):
        if day is not None and not name.first_day <= day <= name.last_day:
            p.error(key, f"ngày {format_date(day)} nằm ngoài kỳ {name.label} ({format_date(name.first_day)}–"
                         f"{format_date(name.last_day)}); sửa ngày hoặc kỳ báo cáo (date outside the period)")
    starts, ends = starts or name.first_day, ends or name.last_day
    if ends < starts:
        p.error("to", f"đến ngày {format_date(ends)} trước từ ngày {format_date(starts)}; sửa lại hai ngày "
                      "(end before start)")
    return starts, ends


def _count(f: Fields, name: str, labels: dict[str, str]) -> int:
    """A number of dossiers; left out or left empty means 0."""
    value = f.integer(name, labels[name], minimum=0, default=0)
    return 0 if value is None else value


def _read_received(p: Fields) -> Received:
    value = p.data.get("received")
    if isinstance(value, MarkedDict):
        split = read_counts(p, "received", _PERIOD_FIELDS["received"], RECEIVED_FIELDS, required=True)
        return Received(sum(split.values()), **split)
    if value is None:
        p.missing("received", _PERIOD_FIELDS["received"])
        return Received(0)
    if isinstance(value, bool) or not isinstance(value, int):
        p.error("received", f'{_PERIOD_FIELDS["received"]} là một số (tổng) hoặc các dòng in_person:, online:, '
                            f'postal: thụt vào dưới "received:", không phải "{written_text(value)}" '
                            "(expected a count or a mapping)")
        return Received(0)
    return Received(_count(p, "received", _PERIOD_FIELDS))


def _figures_add_up(p: Fields, line: int, period: DossierPeriod) -> bool:
    """Carried over + received must equal resolved + in progress + returned."""
    written = written_text(p.data["period"]).strip()
    outcome = period.resolved.total + period.in_progress.total + period.returned
    if period.handled == outcome:
        return True
    p.log.add(p.path, line, p.prefix.rstrip("."),
              f"kỳ {written}: số liệu không khớp: kỳ trước chuyển sang {period.carried_over} + tiếp nhận "
              f"{period.received.total} = {period.handled}, nhưng đã giải quyết {period.resolved.total} + "
              f"đang giải quyết {period.in_progress.total} + trả lại {period.returned} = {outcome}; "
              "kiểm tra lại các số (figures do not add up)")
    return False

"""Yearly propaganda plans (Kế hoạch tuyên truyền CCHC): model, loader and month states.

One file per year, ``plans/<year>.yaml``, assigns tasks to the 12 months. Articles
say which month they serve (``plan_month:``); a month's state is judged against
the build date and the output the plan expects.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

from cchc.core.declared import reject_unknown
from cchc.core.errors import ErrorLog
from cchc.core.fields import Fields
from cchc.core.memo import FileMemo
from cchc.core.reading import SourceFile, guarded, read_yaml_mapping, resolve_content_file
from cchc.core.yamlmarks import MarkedDict
from cchc.kinds.plans.fields import BY_NAME as FIELD
from cchc.kinds.plans.evidence import Evidence, evidence_files, read_evidence
from cchc.kinds.plans.fields import FIELDS, FORMS, TASK, TASK_FIELDS

if TYPE_CHECKING:
    from cchc.site.content import LoadContext

PLANS_DIR = "plans"
PLAN_SECTION = "ke-hoach"

_YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")


class MonthState(Enum):
    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_YET = "not_yet"
    MISSED = "missed"

    @property
    def label(self) -> str:
        return {"done": "Đã thực hiện", "in_progress": "Đang thực hiện",
                "not_yet": "Chưa đến", "missed": "Chưa thực hiện"}[self.value]


@dataclass(frozen=True)
class Task:
    month: int
    theme: str
    content: str | None
    forms: tuple[str, ...]
    lead: str
    cooperating: tuple[str, ...]
    expected_articles: int
    expected_output: str | None
    result: str | None
    """What was done that is not an article (a contest held, a survey run), as the department reports it."""
    evidence: tuple[Evidence, ...] = ()
    """Minutes, photos, a video's address: what shows a task done outside the website was done."""

    @property
    def form_labels(self) -> tuple[str, ...]:
        return tuple(FORMS[f] for f in self.forms)

    @property
    def reported(self) -> bool:
        """A task with no article to publish counts as done only once its result or evidence is written down."""
        return self.expected_articles > 0 or self.result is not None or bool(self.evidence)


@dataclass(frozen=True)
class Plan:
    year: int
    number: str
    issued: date
    title: str
    issuer: str
    signer: str | None
    attachment: str | None
    """The plan's PDF, relative to content/."""
    attachment_size: int | None
    note: str | None
    tasks: tuple[Task, ...]
    shown_path: str
    number_line: int
    """Where "number:" is written: the plan is a document too, and a duplicate number is reported there."""

    @property
    def url(self) -> str:
        return f"{PLAN_SECTION}/{self.year}/"

    def tasks_in(self, month: int) -> tuple[Task, ...]:
        return tuple(t for t in self.tasks if t.month == month)


def month_url(year: int, month: int) -> str:
    return f"{PLAN_SECTION}/{year}/thang-{month:02d}/"


def month_state(plan: Plan, month: int, articles: int, today: date) -> MonthState:
    """Done when the month's expected articles are out and other tasks have a reported result."""
    tasks = plan.tasks_in(month)
    expected = sum(t.expected_articles for t in tasks)
    if articles >= expected and all(t.reported for t in tasks):
        return MonthState.DONE
    first_day = date(plan.year, month, 1)
    if today < first_day:
        return MonthState.NOT_YET
    if (today.year, today.month) == (plan.year, month):
        return MonthState.IN_PROGRESS
    return MonthState.MISSED


def load_plan_kind(context: LoadContext) -> dict[int, Plan]:
    paths = context.paths
    return load_plans(paths.project_dir, paths.docs_dir, context.log, context.memo, context.refused)


def load_plans(project_dir: str, docs_dir: str, log: ErrorLog, memo: FileMemo | None = None,
               refused: frozenset[str] = frozenset()) -> dict[int, Plan]:
    """Every plans/<year>.yaml, validated; the result maps year → plan. ``refused``: links not to read."""
    memo = memo or FileMemo()
    memo.start("plans", (project_dir, docs_dir))
    folder = os.path.join(project_dir, PLANS_DIR)
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    plans = {}
    for name in names:
        if not name.endswith((".yaml", ".yml")) or os.path.join(folder, name) in refused:
            continue
        source = SourceFile(name, os.path.join(folder, name), f"{PLANS_DIR}/{name}")
        plan = memo.load("plans", source.abs_path, guarded(source, log, lambda: load_plan(source, docs_dir, log)),
                         lambda p: _plan_links(p, docs_dir))
        if plan is not None:
            plans[plan.year] = plan
    return plans


def plan_years(project_dir: str) -> list[int]:
    """The years that have a plan file, read from the file names alone (plans/2022.yaml), so a command
    can refuse a year before loading the content, and tell the right years even when a plan has errors."""
    folder = os.path.join(project_dir, PLANS_DIR)
    names = os.listdir(folder) if os.path.isdir(folder) else []
    return sorted({int(match.group(1)) for match in map(_YEAR_FILE.match, names) if match})


def _plan_links(plan: Plan, docs_dir: str) -> tuple[str, ...]:
    attachment = (os.path.join(docs_dir, plan.attachment),) if plan.attachment else ()
    return attachment + evidence_files(plan.tasks, docs_dir)


def load_plan(source: SourceFile, docs_dir: str, log: ErrorLog) -> Plan | None:
    errors_before = len(log.errors)
    data = read_yaml_mapping(source, log, "tệp kế hoạch")
    if data is None:
        return None
    f = Fields(data, source.shown_path, log)
    reject_unknown(f, FIELDS)
    year = _read_year(f, source.src_uri)
    attachment = _read_attachment(f, source, docs_dir)
    values = dict(
        year=year,
        number=f.text("number", FIELD["number"].label, required=True),
        issued=f.day("date", FIELD["date"].label, required=True),
        title=f.text("title", FIELD["title"].label, required=True),
        issuer=f.text("issuer", FIELD["issuer"].label, required=True),
        signer=f.text("signer", FIELD["signer"].label),
        attachment=attachment,
        attachment_size=os.path.getsize(os.path.join(docs_dir, attachment)) if attachment else None,
        note=f.text("note", FIELD["note"].label),
        tasks=_read_tasks(f, source, docs_dir),
        shown_path=source.shown_path,
        number_line=data.line_of("number"),
    )
    return None if len(log.errors) > errors_before else Plan(**values)


def _read_year(f: Fields, file_name: str) -> int | None:
    year = f.integer("year", FIELD["year"].label, minimum=2000)
    if year is None and "year" not in f.data:
        f.missing("year", FIELD["year"].label)
        return None
    named = _YEAR_FILE.match(file_name)
    if not named:
        f.log.add(f.path, None, None, f'tên tệp kế hoạch phải là năm, ví dụ "plans/{year or 2022}.yaml" '
                                      "(plan files are named after their year)")
    elif year is not None and int(named.group(1)) != year:
        f.error("year", f"tệp tên {file_name} nhưng ghi năm {year}; sửa năm hoặc đổi tên tệp cho khớp "
                        "(file name and year disagree)")
    return year


def _read_attachment(f: Fields, source: SourceFile, docs_dir: str) -> str | None:
    """The plan's PDF, written from content/ ("ke-hoach/tep/290-kh-sgddt.pdf") and never outside it."""
    written = f.text("attachment", FIELD["attachment"].label)
    if written is None:
        return None
    from_content = SourceFile("", source.abs_path, source.shown_path)  # a plan is not in content/
    return resolve_content_file(written, from_content, docs_dir, lambda message: f.error("attachment", message))


def _read_tasks(f: Fields, source: SourceFile, docs_dir: str) -> tuple[Task, ...]:
    items = f.records("tasks", FIELD["tasks"].label)
    if not items:
        if "tasks" not in f.data:
            f.missing("tasks", FIELD["tasks"].label)
        return ()
    tasks = []
    for prefix, item, line in items:
        if not isinstance(item, MarkedDict):
            f.log.add(f.path, line, prefix.rstrip("."), 'mỗi nhiệm vụ gồm các dòng "month:", "theme:", ... '
                                                        "(expected a mapping)")
            continue
        task = _read_task(f.item(item, prefix), source, docs_dir)
        if task is not None:
            tasks.append(task)
    _check_every_month(f, [t.month for t in tasks], len(tasks) == len(items))
    return tuple(sorted(tasks, key=lambda t: t.month))


def _read_task(t: Fields, source: SourceFile, docs_dir: str) -> Task | None:
    errors_before = len(t.log.errors)
    reject_unknown(t, TASK_FIELDS)
    month = t.raw("month", TASK["month"].label, required=True)
    if month is not None and (isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12):
        t.error("month", f'tháng "{month}" không hợp lệ; ghi số từ 1 đến 12 (month must be 1-12)')
    forms = t.texts("forms", TASK["forms"].label)
    for form in forms:
        if form not in FORMS:
            t.error("forms", f'hình thức "{form}" không có trong danh sách; chọn trong: '
                             f'{", ".join(FORMS)} (unknown form)')
    if not forms and "forms" not in t.data:
        t.missing("forms", TASK["forms"].label)
    values = dict(
        month=month,
        theme=t.text("theme", TASK["theme"].label, required=True),
        content=t.text("content", TASK["content"].label),
        forms=forms,
        lead=t.text("lead", TASK["lead"].label, required=True),
        cooperating=t.texts("cooperating", TASK["cooperating"].label),
        expected_articles=t.integer("expected_articles", TASK["expected_articles"].label, minimum=0,
                                    default=1 if "website" in forms else 0),
        expected_output=t.text("expected_output", TASK["expected_output"].label),
        result=t.text("result", TASK["result"].label),
        evidence=read_evidence(t, source, docs_dir),
    )
    return None if len(t.log.errors) > errors_before else Task(**values)


def _check_every_month(f: Fields, months: list[int], all_tasks_valid: bool) -> None:
    if not all_tasks_valid:
        return  # a broken task may be the missing month: its own error says enough
    counted = Counter(months)
    for month in range(1, 13):
        if not counted[month]:
            f.error("tasks", f"tháng {month} chưa có nhiệm vụ nào; mỗi tháng trong năm cần ít nhất một "
                             "nhiệm vụ (month without a task)")


def parse_plan_month(value: object) -> tuple[int, int] | None:
    """"2022-06", "06/2022" or "6/2022" → (2022, 6)."""
    text = str(value).strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", text) or re.fullmatch(r"(\d{1,2})/(\d{4})", text)
    if not match:
        return None
    first, second = (int(g) for g in match.groups())
    year, month = (first, second) if first > 12 else (second, first)
    return (year, month) if 1 <= month <= 12 else None

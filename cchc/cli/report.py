"""``cchc report <year>``: the figures of the department's yearly CCHC report, from the site's own model.

The report covers the reporting period of the year, not "until today": from the day of ``extra: rules:
report_period_start`` of the year before (15/12 by default) to the day before it in the report's year (14/12),
the cut-off of the yearly report as Nghị định 09/2019/NĐ-CP is commonly read (``cchc.site.rules``). Everything
comes from ``load_site`` and the summaries the pages use (``summarize`` for the plan, ``DossierPeriod`` for the
rates, ``period_indicators`` for the service index), so the report never says something the site does not.
``cchc.cli.report_sections`` lays the figures out as the report's sections; ``cchc.cli.report_render`` writes
them as Markdown, plain text, CSV or Word.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from cchc.kinds.documents.load import Document, origin_of
from cchc.kinds.news.model import Article
from cchc.kinds.plans.fields import FORMS
from cchc.kinds.plans.load import MonthState, Task
from cchc.kinds.plans.pages import PlanReport, summarize
from cchc.kinds.procedures.model import Change, Procedure
from cchc.kinds.questions.load import Question
from cchc.kinds.statistics.declaration import publicity
from cchc.kinds.statistics.indicators import Indicator
from cchc.kinds.statistics.model import DossierPeriod, IndexResult, InProgress, PeriodKind, Received, Resolved, Survey
from cchc.kinds.statistics.periods import PeriodName
from cchc.site.content import SiteContent


@dataclass(frozen=True)
class FormCount:
    """One propaganda form (hình thức): how many tasks planned it, how many of those are done."""

    form: str
    label: str
    planned: int
    done: int


@dataclass(frozen=True)
class TaskEvidence:
    """A task whose forms go beyond the website, with what shows it was done (possibly nothing yet)."""

    month: int
    task: Task
    done: bool


@dataclass(frozen=True)
class YearReport:
    year: int
    starts: date
    ends: date
    """The reporting period (cut-off) the figures cover."""
    today: date
    plan: PlanReport | None
    form_counts: tuple[FormCount, ...]
    offline_tasks: tuple[TaskEvidence, ...]
    """Tasks with a form other than the website: the evidence an inspector asks for."""
    articles: tuple[Article, ...]
    """Public articles published in the reporting period, oldest first."""
    categories: tuple[tuple[str, int], ...]
    issued: tuple[Document, ...]
    """Guiding documents the department issued in the period (the yearly plans included), oldest first."""
    received: tuple[Document, ...]
    """Documents of higher levels received in the period."""
    others: tuple[Document, ...]
    published: tuple[Procedure, ...]
    changes: tuple[tuple[Procedure, Change], ...]
    abolished: tuple[Procedure, ...]
    in_force: int
    questions: tuple[Question, ...]
    periods: tuple[DossierPeriod, ...]
    """Dossier reporting periods of the year (a year, its quarters, its months), oldest first."""
    quarters_total: DossierPeriod | None
    """The year's quarters added up, when the department reported quarters."""
    publicity: tuple[Indicator, ...]
    surveys: tuple[Survey, ...]
    results: tuple[IndexResult, ...]

    @property
    def as_of(self) -> date:
        """The last day with figures: the period's end, or today when the period is not over."""
        return min(self.today, self.ends)

    def articles_per_month(self) -> list[tuple[int, int, int]]:
        """(year, month, articles) for each month the reporting period touches."""
        counted = Counter((a.published.year, a.published.month) for a in self.articles)
        months, (year, month) = [], (self.starts.year, self.starts.month)
        while (year, month) <= (self.ends.year, self.ends.month):
            months.append((year, month, counted[(year, month)]))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months

    @property
    def done_share(self) -> tuple[int, int]:
        return (self.plan.done_tasks, self.plan.total_tasks) if self.plan else (0, 0)


def build_year_report(site: SiteContent, year: int) -> YearReport:
    today = site.built_at.date()
    starts, ends = site.settings.rules.report_period(year)
    within = lambda day: starts <= day <= ends  # noqa: E731
    procedures = site.procedures.procedures
    articles = tuple(sorted((a for a in site.news.public.articles if within(a.published.date())),
                            key=lambda a: a.published))
    counted = Counter(a.category.slug for a in articles)
    documents = sorted((d for d in site.documents if within(d.issued)), key=lambda d: (d.issued, d.number))
    origins = {d: origin_of(d, site.settings.department) for d in documents}
    plan = summarize(site.plans[year], site.news.public, today) if year in site.plans else None
    periods = tuple(sorted((p for p in site.statistics.periods if p.name.year == year),
                           key=lambda p: (p.starts, -p.ends.toordinal())))
    return YearReport(
        year=year, starts=starts, ends=ends, today=today, plan=plan,
        form_counts=_form_counts(plan), offline_tasks=_offline_tasks(plan),
        articles=articles, categories=tuple((c.name, counted[c.slug]) for c in site.settings.categories),
        issued=tuple(d for d in documents if origins[d] == "so"),
        received=tuple(d for d in documents if origins[d] == "cap_tren"),
        others=tuple(d for d in documents if origins[d] == "khac"),
        published=tuple(sorted((p for p in procedures if within(p.published_by.date)),
                               key=lambda p: (p.published_by.date, p.name))),
        changes=tuple(sorted(((p, c) for p in procedures for c in p.history if within(c.date)),
                             key=lambda pc: (pc[1].date, pc[0].name))),
        abolished=tuple(p for p in procedures if p.abolished_on and within(p.abolished_on)),
        in_force=len(site.procedures.in_force),
        questions=tuple(sorted((q for q in site.questions if q.answered and within(q.answered)),
                               key=lambda q: q.answered)),
        periods=periods, quarters_total=quarters_total(periods), publicity=publicity(site),
        surveys=tuple(sorted((s for s in site.statistics.surveys if within(s.day)), key=lambda s: s.day)),
        results=tuple(r for r in site.statistics.results if r.year in (year - 1, year)),
    )


def _form_counts(plan: PlanReport | None) -> tuple[FormCount, ...]:
    if plan is None:
        return ()
    done = {id(t) for m in plan.months if m.state is MonthState.DONE for t in m.tasks}
    counts = []
    for form, label in FORMS.items():
        tasks = [t for t in plan.plan.tasks if form in t.forms]
        if tasks:
            counts.append(FormCount(form, label, len(tasks), sum(id(t) in done for t in tasks)))
    return tuple(counts)


def _offline_tasks(plan: PlanReport | None) -> tuple[TaskEvidence, ...]:
    if plan is None:
        return ()
    return tuple(TaskEvidence(m.month, t, m.state is MonthState.DONE) for m in plan.months for t in m.tasks
                 if set(t.forms) - {"website"})


def quarters_total(periods: tuple[DossierPeriod, ...]) -> DossierPeriod | None:
    """The year's quarters as one period: received and resolved added, carried over from the first quarter,
    in progress as the last one ends. None without quarters; the index figures are left out (not additive)."""
    quarters = [p for p in periods if p.name.kind is PeriodKind.QUARTER]
    if not quarters:
        return None
    first, last = quarters[0], quarters[-1]
    received = Received(sum(q.received.total for q in quarters), *(
        None if any(getattr(q.received, c) is None for q in quarters) else sum(getattr(q.received, c) for q in quarters)
        for c in ("in_person", "online", "postal")))
    resolved = Resolved(*(sum(getattr(q.resolved, c) for q in quarters) for c in ("early", "on_time", "late")))
    numbers = "–".join(str(q.name.number) for q in (first, last)) if len(quarters) > 1 else str(first.name.number)
    return DossierPeriod(
        PeriodName(PeriodKind.YEAR, first.name.year), first.starts, last.ends, first.carried_over, received,
        resolved, InProgress(last.in_progress.within_limit, last.in_progress.overdue),
        sum(q.returned for q in quarters), None, f"Cộng {len(quarters)} quý ({numbers})",
        overdue_is_late=first.overdue_is_late)


def no_plan_message(year: int, plan_years: list[int]) -> str:
    """Why ``cchc report <year>`` refuses a year without a plan: its figures would be all zeros,
    or "năm 22" when the editor meant 2022."""
    if not plan_years:
        return ('chưa có kế hoạch tuyên truyền năm nào trong thư mục plans/; thêm kế hoạch của năm, ví dụ '
                'plans/2022.yaml (xem docs/bien-tap/), rồi chạy lại (no plans)')
    years = ", ".join(str(y) for y in plan_years)
    return (f"không có kế hoạch tuyên truyền năm {year} (plans/{year}.yaml) nên không lập được báo cáo năm đó; "
            f'chọn một năm có kế hoạch: {years}, ví dụ "cchc report {plan_years[-1]}" (no plan for that year)')

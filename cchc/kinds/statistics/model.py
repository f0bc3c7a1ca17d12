"""Dossier statistics (kết quả giải quyết hồ sơ TTHC), satisfaction surveys and index results: the models.

Three files in the docs folder, all optional: ``thong-ke/ho-so.yaml`` lists the reporting periods (month,
quarter or year) with their dossier counts, ``thong-ke/hai-long.yaml`` the satisfaction surveys,
``thong-ke/chi-so.yaml`` the department's index results by year (read by ``cchc.kinds.statistics.load``).
The on-time rate is always computed here, never written by an editor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from cchc.core.text import format_date
from cchc.kinds.statistics.fields import INDEXES, SURVEY_SUBJECTS
from cchc.kinds.statistics.periods import (  # noqa: F401 (re-exported: loaders and tests import them from here)
    PERIOD_HINT,
    PeriodKind,
    PeriodName,
    parse_period,
)

STATISTICS_SECTION = "thong-ke"
PERIODS_URI = f"{STATISTICS_SECTION}/ho-so.yaml"
SURVEYS_URI = f"{STATISTICS_SECTION}/hai-long.yaml"
RESULTS_URI = f"{STATISTICS_SECTION}/chi-so.yaml"
DATA_URIS = (PERIODS_URI, SURVEYS_URI, RESULTS_URI)

@dataclass(frozen=True)
class Received:
    """New dossiers of the period; the split by channel may be unknown (an older report gives a total)."""

    total: int
    in_person: int | None = None
    online: int | None = None
    postal: int | None = None

    @property
    def split_known(self) -> bool:
        return self.in_person is not None


@dataclass(frozen=True)
class Resolved:
    early: int
    on_time: int
    late: int

    @property
    def total(self) -> int:
        return self.early + self.on_time + self.late


@dataclass(frozen=True)
class InProgress:
    within_limit: int
    overdue: int

    @property
    def total(self) -> int:
        return self.within_limit + self.overdue


@dataclass(frozen=True)
class Share:
    """A part of a whole the department counted, both known: 4 of 4 petitions answered on time."""

    part: int
    whole: int

    @property
    def rate(self) -> Fraction | None:
        return Fraction(self.part, self.whole) if self.whole else None

    @property
    def text(self) -> str:
        return f"{self.part}/{self.whole}"


@dataclass(frozen=True)
class FieldFigures:
    """One field's (lĩnh vực's) dossiers within a period."""

    code: str
    label: str
    received: int
    resolved: Resolved
    in_progress: InProgress
    overdue_is_late: bool = True

    @property
    def on_time(self) -> Share:
        return on_time_share(self.resolved, self.in_progress, self.overdue_is_late)

    @property
    def on_time_text(self) -> str:
        return format_rate(self.on_time.rate) if self.on_time.whole else "chưa có hồ sơ đến hạn"


def on_time_share(resolved: Resolved, in_progress: InProgress, overdue_is_late: bool) -> Share:
    """Early or on time among the dossiers whose time is up: the resolved ones and, as the service index and
    the provinces' one-stop systems count them, those still in progress past their limit (``rules``)."""
    due = resolved.total + (in_progress.overdue if overdue_is_late else 0)
    return Share(resolved.early + resolved.on_time, due)


@dataclass(frozen=True)
class DossierPeriod:
    """One reporting period's dossier figures, already checked to add up.

    The figures after ``note`` are those the service index scores; each is None when the department has no
    figure for it, which pages show as "chưa có số liệu" and never as 0.
    """

    name: PeriodName
    starts: date
    ends: date
    carried_over: int
    received: Received
    resolved: Resolved
    in_progress: InProgress
    returned: int
    source: str | None
    note: str | None
    average_days: Decimal | None = None
    apologies: int | None = None
    feedback: Share | None = None
    """Feedback and petitions (phản ánh, kiến nghị): answered on time of received."""
    payments: Share | None = None
    """Paid online of the dossiers with a fee or charge to pay."""
    digitised_dossiers: int | None = None
    electronic_results: int | None = None
    satisfaction: Share | None = None
    """Satisfied of the ratings citizens gave the handling of their procedure."""
    by_field: tuple[FieldFigures, ...] = ()
    overdue_is_late: bool = True
    """The rule of ``extra: rules: overdue_in_progress_is_late`` the rate is computed with."""

    @property
    def cut_short(self) -> bool:
        """The report covers part of the period only (the 2020 report stops on 21/12/2020)."""
        return (self.starts, self.ends) != (self.name.first_day, self.name.last_day)

    @property
    def dates(self) -> str:
        return f"{format_date(self.starts)}–{format_date(self.ends)}"

    @property
    def handled(self) -> int:
        """Every dossier the period had to deal with: carried over plus received."""
        return self.carried_over + self.received.total

    @property
    def on_time(self) -> Share:
        return on_time_share(self.resolved, self.in_progress, self.overdue_is_late)

    @property
    def on_time_rate(self) -> Fraction | None:
        """Early or on time among the dossiers due (see ``on_time_share``); None when none was due."""
        return self.on_time.rate

    @property
    def late_total(self) -> int:
        """Dossiers late: resolved late, and still in progress past the limit (whatever the rate's rule)."""
        return self.resolved.late + self.in_progress.overdue

    @property
    def on_time_rate_text(self) -> str:
        return format_rate(self.on_time_rate)


def format_rate(rate: Fraction | None) -> str:
    """"99,8%": one decimal, decimal comma; "—" for no rate. Never shows 100,0% while a dossier was late."""
    if rate is None:
        return "—"
    return f"{rate_number(rate)}%"


def rate_number(rate: Fraction) -> str:
    """The percentage with one decimal and a decimal comma, without the sign: "99,8"."""
    percent = (Decimal(rate.numerator * 100) / Decimal(rate.denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    if percent == 100 and rate < 1:
        percent = Decimal("99.9")
    return str(percent).replace(".", ",")


@dataclass(frozen=True)
class Survey:
    """One satisfaction survey (đo lường sự hài lòng): when, how many answered, how many were satisfied."""

    day: date
    title: str
    sample: int
    satisfied_percent: Decimal
    scope: str | None
    source: str | None
    note: str | None
    subject: str = "giao_duc_cong"
    """What was surveyed (``SURVEY_SUBJECTS``): public education, or the handling of procedures."""

    @property
    def subject_label(self) -> str:
        return SURVEY_SUBJECTS[self.subject]

    @property
    def percent_text(self) -> str:
        """The percentage as the department wrote it, with a decimal comma: "96,5%"."""
        return f"{str(self.satisfied_percent).replace('.', ',')}%"


@dataclass(frozen=True)
class IndexResult:
    """The department's result in a yearly index: the provincial CCHC index, or the service index."""

    year: int
    index: str
    score: Decimal
    max_score: Decimal
    rank: int | None
    ranked_among: int | None
    document: str | None
    note: str | None

    @property
    def index_label(self) -> str:
        return INDEXES[self.index]

    @property
    def score_text(self) -> str:
        return f"{decimal_text(self.score)}/{decimal_text(self.max_score)}"

    @property
    def rank_text(self) -> str:
        if self.rank is None:
            return "chưa có số liệu"
        return f"{self.rank}/{self.ranked_among}" if self.ranked_among else str(self.rank)


def decimal_text(value: Decimal) -> str:
    """85.6 → "85,6", 100 → "100": as written, with a decimal comma."""
    return str(value).replace(".", ",")


@dataclass(frozen=True)
class Statistics:
    periods: tuple[DossierPeriod, ...]
    """Newest first: by end date, the longer period first when two end together."""
    surveys: tuple[Survey, ...]
    """Newest first."""
    unpublished: frozenset[str]
    """The data files read, which are not published as they are."""
    results: tuple[IndexResult, ...] = ()
    """Newest year first."""

    @property
    def latest(self) -> DossierPeriod | None:
        return self.periods[0] if self.periods else None

    def surveys_of(self, subject: str) -> tuple[Survey, ...]:
        return tuple(s for s in self.surveys if s.subject == subject)

    @property
    def latest_education_survey(self) -> Survey | None:
        education = self.surveys_of("giao_duc_cong")
        return education[0] if education else None

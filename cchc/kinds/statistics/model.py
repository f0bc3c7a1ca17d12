"""Dossier statistics (kết quả giải quyết hồ sơ TTHC) and satisfaction surveys: the models.

Two files in the docs folder, both optional: ``thong-ke/ho-so.yaml`` lists the reporting
periods (month, quarter or year) with their dossier counts, ``thong-ke/hai-long.yaml`` the
satisfaction surveys (read by ``cchc.kinds.statistics.load``). The on-time rate is always computed here.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from fractions import Fraction
from typing import Any

from cchc.core.text import format_date
from cchc.core.yamlmarks import written_text

STATISTICS_SECTION = "thong-ke"
PERIODS_URI = f"{STATISTICS_SECTION}/ho-so.yaml"
SURVEYS_URI = f"{STATISTICS_SECTION}/hai-long.yaml"

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_YEAR = re.compile(r"(?:năm\s*)?(\d{4})", re.IGNORECASE)
_QUARTER = (re.compile(r"(\d{4})-Q([1-4])", re.IGNORECASE),
            re.compile(r"Quý\s*([1-4]|I{1,3}|IV)\s*/\s*(\d{4})", re.IGNORECASE))
_MONTH = (re.compile(r"(\d{4})-(\d{1,2})"), re.compile(r"(?:tháng\s*)?(\d{1,2})/(\d{4})", re.IGNORECASE))
PERIOD_HINT = ('viết năm "2020", quý "2020-Q1" hoặc "Quý 1/2020", tháng "2020-06" hoặc "06/2020" '
                "(unknown period format)")


class PeriodKind(Enum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"


@dataclass(frozen=True)
class PeriodName:
    """A reporting period as a calendar unit: the year 2020, quarter 1 of 2020, June 2020."""

    kind: PeriodKind
    year: int
    number: int = 0
    """The quarter (1-4) or month (1-12); 0 for a year."""

    @property
    def label(self) -> str:
        return {PeriodKind.YEAR: f"Năm {self.year}", PeriodKind.QUARTER: f"Quý {self.number}/{self.year}",
                PeriodKind.MONTH: f"Tháng {self.number}/{self.year}"}[self.kind]

    @property
    def slug(self) -> str:
        return {PeriodKind.YEAR: f"{self.year}", PeriodKind.QUARTER: f"{self.year}-q{self.number}",
                PeriodKind.MONTH: f"{self.year}-{self.number:02d}"}[self.kind]

    @property
    def first_day(self) -> date:
        first_month = {PeriodKind.YEAR: 1, PeriodKind.QUARTER: 3 * self.number - 2,
                       PeriodKind.MONTH: self.number}[self.kind]
        return date(self.year, first_month, 1)

    @property
    def last_day(self) -> date:
        last_month = {PeriodKind.YEAR: 12, PeriodKind.QUARTER: 3 * self.number,
                      PeriodKind.MONTH: self.number}[self.kind]
        return date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])


def parse_period(value: Any) -> PeriodName | None:
    """"2020", "2020-Q1", "Quý 1/2020" (or "Quý I/2020"), "2020-06", "06/2020" → a period."""
    text = written_text(value).strip()
    if match := _YEAR.fullmatch(text):
        return PeriodName(PeriodKind.YEAR, int(match.group(1)))
    if match := _QUARTER[0].fullmatch(text):
        return PeriodName(PeriodKind.QUARTER, int(match.group(1)), int(match.group(2)))
    if match := _QUARTER[1].fullmatch(text):
        number = match.group(1).upper()
        return PeriodName(PeriodKind.QUARTER, int(match.group(2)), _ROMAN.get(number) or int(number))
    for pattern, year_group in ((_MONTH[0], 1), (_MONTH[1], 2)):
        if match := pattern.fullmatch(text):
            year, month = int(match.group(year_group)), int(match.group(3 - year_group))
            return PeriodName(PeriodKind.MONTH, year, month) if 1 <= month <= 12 else None
    return None


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
class DossierPeriod:
    """One reporting period's dossier figures, already checked to add up."""

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
    def on_time_rate(self) -> Fraction | None:
        """Early or on time among resolved dossiers; None when nothing was resolved."""
        if not self.resolved.total:
            return None
        return Fraction(self.resolved.early + self.resolved.on_time, self.resolved.total)

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

    @property
    def percent_text(self) -> str:
        """The percentage as the department wrote it, with a decimal comma: "96,5%"."""
        return f"{str(self.satisfied_percent).replace('.', ',')}%"


@dataclass(frozen=True)
class Statistics:
    periods: tuple[DossierPeriod, ...]
    """Newest first: by end date, the longer period first when two end together."""
    surveys: tuple[Survey, ...]
    """Newest first."""
    unpublished: frozenset[str]
    """The data files read, which are not published as they are."""

    @property
    def latest(self) -> DossierPeriod | None:
        return self.periods[0] if self.periods else None

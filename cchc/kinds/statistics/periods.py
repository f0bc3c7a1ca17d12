"""Reporting periods as editors write them: a year "2020", a quarter "2020-Q1" or "Quý 1/2020", a month
"2020-06" or "06/2020", each a calendar unit with its first and last day."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from cchc.core.yamlmarks import written_text

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

"""Reading one satisfaction survey (``hai-long.yaml``) and one yearly index result (``chi-so.yaml``).

A survey says what it measured (``subject``): the sector's survey of public education, or citizens' view of
how their procedures were handled, so the two are never shown or reported as one figure.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cchc.core.declaration import labels_of
from cchc.core.declared import read
from cchc.core.fields import Fields, written_number
from cchc.kinds.statistics.fields import RESULT_FIELDS, SURVEY_FIELDS
from cchc.kinds.statistics.model import IndexResult, Survey

_SURVEY_FIELDS = labels_of(SURVEY_FIELDS)
_SURVEY = {spec.name: spec for spec in SURVEY_FIELDS}
_RESULT = {spec.name: spec for spec in RESULT_FIELDS}


def read_survey(s: Fields, line: int, seen: dict[Any, tuple[str, int]]) -> Survey | None:
    errors_before = len(s.log.errors)
    s.reject_unknown(_SURVEY_FIELDS)
    sample = s.integer("sample", _SURVEY_FIELDS["sample"], minimum=1)
    if sample is None and s.data.get("sample") is None:
        s.missing("sample", _SURVEY_FIELDS["sample"])
    values = dict(
        day=s.day("date", _SURVEY_FIELDS["date"], required=True),
        title=s.text("title", _SURVEY_FIELDS["title"], required=True),
        sample=sample,
        satisfied_percent=_read_percent(s, "satisfied_percent", _SURVEY_FIELDS["satisfied_percent"], required=True),
        scope=s.text("scope", _SURVEY_FIELDS["scope"]),
        source=s.text("source", _SURVEY_FIELDS["source"]),
        note=s.text("note", _SURVEY_FIELDS["note"]),
        subject=read(s, _SURVEY["subject"]),
    )
    return None if len(s.log.errors) > errors_before else Survey(**values)


def read_result(r: Fields, line: int, seen: dict[Any, tuple[str, int]]) -> IndexResult | None:
    """One year's result in one index; a year is written once per index."""
    errors_before = len(r.log.errors)
    r.reject_unknown(_RESULT)
    year = read(r, _RESULT["year"])
    index = read(r, _RESULT["index"])
    score = r.decimal("score", _RESULT["score"].label, required=True, example="85 hoặc 85,6")
    max_score = r.decimal("max_score", _RESULT["max_score"].label, example="85 hoặc 85,6")
    values = dict(year=year, index=index, score=score, max_score=max_score if max_score is not None else Decimal(100),
                  rank=r.integer("rank", _RESULT["rank"].label), ranked_among=r.integer("ranked_among",
                                                                                       _RESULT["ranked_among"].label),
                  document=read(r, _RESULT["document"]), note=read(r, _RESULT["note"]))
    if score is not None and score > values["max_score"]:
        r.error("score", f"điểm đạt được {score} lớn hơn điểm tối đa {values['max_score']}; kiểm tra lại "
                         "(score above the maximum)")
    if values["rank"] and values["ranked_among"] and values["rank"] > values["ranked_among"]:
        r.error("rank", f"thứ hạng {values['rank']} lớn hơn số cơ quan được xếp hạng {values['ranked_among']}; "
                        "kiểm tra lại (rank out of range)")
    if year is not None and index is not None:
        first = seen.setdefault((year, index), (r.prefix.rstrip("."), r.data.line_of("year")))
        if first[1] != r.data.line_of("year"):
            r.error("year", f"kết quả năm {year} của bộ chỉ số này đã có ở {first[0]} (dòng {first[1]}); mỗi năm chỉ "
                            "ghi một lần cho mỗi bộ chỉ số (duplicate year)")
    return None if len(r.log.errors) > errors_before else IndexResult(**values)


def _read_percent(s: Fields, name: str, label: str, *, required: bool) -> Decimal | None:
    """A percentage from 0 to 100; "95,5" and "95,5%" as Vietnamese write them are accepted."""
    value = s.raw(name, label, required=required)
    if value is None:
        return None
    written, percent = written_number(value, suffix="%")
    if percent is None or not 0 <= percent <= 100:
        s.error(name, f'{label} phải là số từ 0 đến 100, ví dụ 95 hoặc 95,5; không phải "{written}" '
                      "(percent out of range)")
        return None
    return percent



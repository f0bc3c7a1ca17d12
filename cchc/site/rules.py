"""How the law is read where the texts at hand could not settle it: ``extra: rules:`` of mkdocs.yml.

Each rule below is one the legal summaries found could not verify word for word (the issue marked them
"[?]"). Rather than hard-code a guess, each is a setting whose default is the common reading, with the
source of that reading in its help text, so a department whose province reads it otherwise changes one
line. docs/bien-tap/quy-tac-tinh.md says what each rule changes on the site and in ``cchc report``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from cchc.core.declaration import Field
from cchc.core.declared import read, reject_unknown
from cchc.core.fields import Fields
from cchc.core.text import format_date

NATIONAL_PROCEDURE_URL = "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc={code}"
"""The national portal's page of one procedure, addressed by its national code (1.005142)."""
_DAY_MONTH = re.compile(r"(\d{1,2})/(\d{1,2})")

RULE_FIELDS = (
    Field("report_period_start", "text", "ngày bắt đầu kỳ báo cáo năm (ngày/tháng của năm trước)",
          "Báo cáo CCHC năm tính từ ngày này của năm trước đến hết ngày liền trước nó của năm báo cáo. Mặc định "
          '"15/12": từ 15/12 năm trước đến 14/12 (thời gian chốt số liệu báo cáo năm theo Nghị định 09/2019/NĐ-CP, '
          'cách hiểu phổ biến, chưa đối chiếu được nguyên văn). Ghi "01/01" để báo cáo theo năm dương lịch.',
          example="15/12", default="15/12"),
    Field("overdue_in_progress_is_late", "boolean", "hồ sơ đang giải quyết đã quá hạn tính là trễ hạn",
          "true (mặc định): tỷ lệ đúng hạn = (trước hạn + đúng hạn) / (đã giải quyết + đang giải quyết quá hạn), "
          "như hệ thống một cửa của nhiều tỉnh (Gia Lai, Vĩnh Phúc) và Bộ chỉ số theo Quyết định 766/QĐ-TTg; "
          "false: chỉ tính trên hồ sơ đã giải quyết.", example=True, default=True),
    Field("time_limit_from_complete_dossier", "boolean",
          'thời hạn giải quyết tính "kể từ ngày nhận đủ hồ sơ hợp lệ"',
          "true (mặc định): thời hạn bằng số ngày được ghi kèm câu này, trừ thủ tục ghi "
          "from_complete_dossier: false trong time_limit; false: chỉ thủ tục ghi from_complete_dossier: true.",
          example=True, default=True),
    Field("national_procedure_url", "text", "mẫu địa chỉ trang thủ tục trên Cổng Dịch vụ công quốc gia",
          'Có chỗ {code} để thay bằng mã thủ tục. Mặc định là trang chi tiết thủ tục theo mã của Cổng Dịch vụ công '
          "quốc gia; đổi khi Cổng đổi địa chỉ.", example=NATIONAL_PROCEDURE_URL, default=NATIONAL_PROCEDURE_URL),
    Field("national_check_months", "integer", "số tháng tối đa giữa hai lần đối chiếu thủ tục với CSDL quốc gia",
          '"cchc check" cảnh báo thủ tục có checked_on cũ hơn số tháng này. Mặc định 6.', minimum=1, example=6,
          default=6),
)
"""``extra: rules:`` of mkdocs.yml, stated once."""
_RULE = {spec.name: spec for spec in RULE_FIELDS}


@dataclass(frozen=True)
class Rules:
    report_period_start: tuple[int, int] = (15, 12)
    """(day, month) the yearly report's period starts on, in the year before the report's."""
    overdue_in_progress_is_late: bool = True
    time_limit_from_complete_dossier: bool = True
    national_procedure_url: str = NATIONAL_PROCEDURE_URL
    national_check_months: int = 6

    def report_period(self, year: int) -> tuple[date, date]:
        """The first and last day the report of ``year`` covers: 15/12/2021–14/12/2022 for 2022 by default."""
        day, month = self.report_period_start
        if (day, month) == (1, 1):
            return date(year, 1, 1), date(year, 12, 31)
        return date(year - 1, month, day), date(year, month, day) - timedelta(days=1)

    def national_url(self, code: str | None) -> str | None:
        return self.national_procedure_url.replace("{code}", code) if code else None


DEFAULT_RULES = Rules()


def load_rules(f: Fields) -> Rules:
    """The rules as written under ``extra: rules:``; a wrong value is an error and its default is kept."""
    reject_unknown(f, RULE_FIELDS)
    values = {spec.name: read(f, spec) for spec in RULE_FIELDS}
    found = {name: value for name, value in values.items() if value is not None and name in f.data}
    if "report_period_start" in found:
        start = _day_month(found["report_period_start"])
        if start is None:
            f.error("report_period_start", f'ngày bắt đầu kỳ báo cáo "{found["report_period_start"]}" không đúng dạng; '
                                           'ghi ngày/tháng như "15/12" hoặc "01/01" (expected day/month)')
            del found["report_period_start"]
        else:
            found["report_period_start"] = start
    url = found.get("national_procedure_url")
    if url is not None and (not url.startswith(("https://", "http://")) or "{code}" not in url):
        f.error("national_procedure_url", f'mẫu địa chỉ "{url}" phải là địa chỉ web https://… có chỗ {{code}} '
                                          "để thay bằng mã thủ tục (expected a URL with {code})")
        del found["national_procedure_url"]
    return Rules(**found)


def _day_month(written: str) -> tuple[int, int] | None:
    match = _DAY_MONTH.fullmatch(written.strip())
    if not match:
        return None
    day, month = int(match.group(1)), int(match.group(2))
    try:
        date(2001, month, day)  # a year without 29/02: a period cannot start on a day some years lack
    except ValueError:
        return None
    return day, month


def period_text(starts: date, ends: date) -> str:
    return f"{format_date(starts)}–{format_date(ends)}"

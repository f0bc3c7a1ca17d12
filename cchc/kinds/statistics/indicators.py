"""The service indicators of a period, grouped as Quyết định 766/QĐ-TTg groups them.

The decision scores a body on five groups: công khai, minh bạch; tiến độ, kết quả giải quyết; số hóa hồ sơ;
cung cấp dịch vụ trực tuyến; mức độ hài lòng (vietjack.me and aita.gov.vn summaries of QĐ 766/QĐ-TTg). Each
indicator here is computed from the figures the department wrote for a period; one whose figures are missing
has no value and is shown as "chưa có số liệu", never as 0. The page, its charts, the CSV and ``cchc report``
all take their figures from ``period_indicators``, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from cchc.kinds.statistics.model import DossierPeriod, FieldFigures, Share, decimal_text, rate_number

MISSING = "chưa có số liệu"


@dataclass(frozen=True)
class Group:
    key: str
    label: str


GROUPS = (
    Group("cong-khai", "Công khai, minh bạch"),
    Group("tien-do", "Tiến độ, kết quả giải quyết"),
    Group("so-hoa", "Số hóa hồ sơ"),
    Group("truc-tuyen", "Cung cấp dịch vụ trực tuyến"),
    Group("hai-long", "Mức độ hài lòng"),
)
"""The five groups of Quyết định 766/QĐ-TTg, in its order."""
_GROUP = {group.key: group for group in GROUPS}


@dataclass(frozen=True)
class Indicator:
    """One indicator of one period: a rate (a share of a whole) or a number (days, letters)."""

    key: str
    group: Group
    label: str
    share: Share | None = None
    number: Decimal | int | None = None
    unit: str = "%"
    """"%" for a rate; otherwise the number's unit ("ngày", "văn bản")."""
    why_missing: str = MISSING

    @property
    def rate(self) -> Fraction | None:
        return self.share.rate if self.share else None

    @property
    def known(self) -> bool:
        return self.rate is not None if self.unit == "%" else self.number is not None

    @property
    def value_text(self) -> str:
        """"99,4%", "4,5 ngày", or why there is none ("chưa có số liệu")."""
        if not self.known:
            return self.why_missing
        if self.unit == "%":
            return f"{rate_number(self.rate)}%"
        return f"{decimal_text(Decimal(self.number))} {self.unit}"

    @property
    def value_number(self) -> str:
        """The value for a CSV cell: "99,4" or "4,5"; empty when unknown."""
        if not self.known:
            return ""
        return rate_number(self.rate) if self.unit == "%" else decimal_text(Decimal(self.number))

    @property
    def detail(self) -> str:
        """The counts behind a rate: "172/173"."""
        return self.share.text if self.share and self.known else ""


def period_indicators(period: DossierPeriod) -> tuple[Indicator, ...]:
    """The period's indicators in the decision's group order."""
    p = period
    online = Share(p.received.online, p.received.total) if p.received.split_known else None
    apologies_why = MISSING
    apologies = None
    if p.apologies is not None:
        apologies = Share(min(p.apologies, p.late_total), p.late_total)
        apologies_why = "không có hồ sơ quá hạn" if not p.late_total else MISSING
    return (
        _rate("dung-han", "tien-do", "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn", p.on_time,
              "chưa có hồ sơ đến hạn" if not p.on_time.whole else MISSING),
        Indicator("thoi-gian-trung-binh", _GROUP["tien-do"], "Thời gian giải quyết trung bình", number=p.average_days,
                  unit="ngày"),
        _rate("xin-loi", "tien-do", "Tỷ lệ hồ sơ quá hạn có văn bản xin lỗi (Nghị định 61/2018/NĐ-CP)", apologies,
              apologies_why),
        _rate("so-hoa-ho-so", "so-hoa", "Tỷ lệ hồ sơ được số hóa khi tiếp nhận",
              _share_of(p.digitised_dossiers, p.received.total)),
        _rate("ket-qua-dien-tu", "so-hoa", "Tỷ lệ kết quả giải quyết điện tử",
              _share_of(p.electronic_results, p.resolved.total)),
        _rate("truc-tuyen", "truc-tuyen", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", online),
        _rate("thanh-toan", "truc-tuyen", "Tỷ lệ hồ sơ thanh toán phí, lệ phí trực tuyến", p.payments),
        _rate("pakn-dung-han", "hai-long", "Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn", p.feedback),
        _rate("hai-long-tthc", "hai-long", "Tỷ lệ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính",
              p.satisfaction),
    )


def field_on_time(figures: FieldFigures) -> Indicator:
    """The on-time rate of one field's dossiers within a period, computed as the period's own."""
    return Indicator("dung-han", _GROUP["tien-do"], "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn", share=figures.on_time,
                     why_missing="chưa có hồ sơ đến hạn")


def _rate(key: str, group: str, label: str, share: Share | None, why_missing: str = MISSING) -> Indicator:
    if share is not None and not share.whole and why_missing == MISSING:
        why_missing = "không có hồ sơ, phản ánh nào trong kỳ"
    return Indicator(key, _GROUP[group], label, share=share, why_missing=why_missing)


def _share_of(part: int | None, whole: int) -> Share | None:
    return None if part is None else Share(part, whole)


def catalogue_indicators(in_force: int, with_code: int, checked_recently: int, months: int) -> tuple[Indicator, ...]:
    """Group 1 (công khai, minh bạch) as the catalogue shows it on the day of the build."""
    return (
        Indicator("tthc-cong-khai", _GROUP["cong-khai"], "Số thủ tục hành chính đang công khai trên chuyên trang",
                  number=in_force, unit="thủ tục"),
        _rate("doi-chieu-csdl", "cong-khai", f"Tỷ lệ thủ tục có mã quốc gia đã đối chiếu với Cơ sở dữ liệu quốc gia "
                                             f"trong {months} tháng", Share(checked_recently, with_code),
              "chưa có thủ tục nào có mã quốc gia"),
    )

"""Where citizens turn: the body that receives feedback on administrative rules, and the one-stop desk.

Both live in mkdocs.yml (``extra: feedback:`` and ``extra: one_stop:``) because they change rarely and show on
many pages: the printed notice-board sheet of every procedure, the one-stop list, the footer. Left out, each
falls back on the department's own details, so a site always says where to go.

The notice board must name who receives feedback (phản ánh, kiến nghị) on administrative rules, with a postal
address, phone and e-mail. For provincial procedures some provinces name the control unit of the provincial
office (Phòng Kiểm soát thủ tục hành chính, Văn phòng UBND tỉnh) rather than the department: whether the
notice-board template requires that could not be verified, so it is a setting, the department by default.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc.core.declaration import Field
from cchc.core.declared import read, reject_unknown
from cchc.core.fields import Fields

FEEDBACK_FIELDS = (
    Field("name", "text", "cơ quan tiếp nhận phản ánh, kiến nghị",
          "Mặc định là tên Sở; có tỉnh ghi Phòng Kiểm soát thủ tục hành chính – Văn phòng UBND tỉnh.",
          example="Sở Giáo dục và Đào tạo tỉnh Sóc Trăng"),
    Field("address", "text", "địa chỉ gửi thư", "Mặc định là địa chỉ của Sở.",
          example="Số 48 Lê Duẩn, phường 3, thành phố Sóc Trăng, tỉnh Sóc Trăng"),
    Field("phone", "text", "số điện thoại", "Mặc định là số điện thoại tiếp nhận phản ánh, kiến nghị của Sở.",
          example="02993.616042"),
    Field("email", "email", "email", "Mặc định là email của Sở.", example="vanphong.sosoctrang@moet.edu.vn"),
)
"""``extra: feedback:`` of mkdocs.yml: printed on every procedure's notice-board sheet."""

ONE_STOP_FIELDS = (
    Field("name", "text", "tên Bộ phận Một cửa", "Mặc định: Bộ phận Một cửa của Sở.",
          example="Bộ phận tiếp nhận và trả kết quả của Sở tại Trung tâm Phục vụ hành chính công tỉnh"),
    Field("address", "text", "địa chỉ Bộ phận Một cửa", "Mặc định là địa chỉ của Sở; cũng là nơi tiếp nhận và trả "
          "kết quả của thủ tục không ghi address.", example="Số 19 Hùng Vương, phường 6, thành phố Sóc Trăng"),
    Field("hours", "text", "thời gian làm việc", "", example="Sáng 7:00–11:00, chiều 13:00–17:00, thứ Hai đến thứ Sáu"),
    Field("phone", "text", "số điện thoại Bộ phận Một cửa", "Mặc định là số điện thoại của Sở.",
          example="02993.616042"),
)
"""``extra: one_stop:`` of mkdocs.yml: the desk where dossiers are received and results returned."""


@dataclass(frozen=True)
class Contact:
    """A body and how to reach it: the feedback receiver, or the one-stop desk."""

    name: str
    address: str
    phone: str
    email: str | None = None
    hours: str | None = None


def load_feedback(f: Fields, department) -> Contact:
    values = _read(f, FEEDBACK_FIELDS)
    return Contact(values["name"] or department.name, values["address"] or department.address,
                   values["phone"] or department.feedback_hotline, values["email"] or department.email)


def load_one_stop(f: Fields, department) -> Contact:
    values = _read(f, ONE_STOP_FIELDS)
    return Contact(values["name"] or f"Bộ phận Một cửa – {department.name}", values["address"] or department.address,
                   values["phone"] or department.phone, None, values["hours"])


def _read(f: Fields, fields: tuple[Field, ...]) -> dict:
    reject_unknown(f, fields)
    return {spec.name: read(f, spec) for spec in fields}

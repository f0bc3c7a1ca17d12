"""The fields of a question file, stated once (``cchc.core.declaration``). The question is the citizen's words:
plain text, never Markdown or HTML; the answer is the body below the front matter."""

from __future__ import annotations

from cchc.core.declaration import Field
from cchc.kinds.procedures.model import FIELD_LABELS

CHANNELS = {
    "website": "Chuyên mục Hỏi – đáp trên trang",
    "duong_day_nong": "Đường dây nóng",
    "dan_hoi_giam_doc_tra_loi": "Dân hỏi – Giám đốc Sở trả lời",
    "cong_dvc": "Hệ thống phản ánh, kiến nghị của Cổng Dịch vụ công",
    "email": "Thư điện tử",
}
PERSONAL_FIELDS = ("phone", "email", "address", "dien_thoai", "so_dien_thoai", "sdt", "dia_chi", "cccd",
                   "cmnd", "asker_phone", "asker_email", "asker_address")
"""Personal data the site must not publish (Nghị định 13/2023): named so that its message says why."""

FIELDS = (
    Field("title", "text", "tiêu đề câu hỏi", "Tiêu đề ngắn, hiện ở danh sách câu hỏi.", required=True,
          example="Xin cấp bản sao bằng tốt nghiệp THPT bị mất ở đâu?"),
    Field("question", "text", "nội dung câu hỏi", "Nguyên văn câu hỏi của người dân, có thể nhiều dòng; không ghi "
          "số điện thoại, email của người hỏi.", required=True, example="Tôi bị mất bằng tốt nghiệp THPT...",
          multiline=True),
    Field("asker", "text", "tên người hỏi", "Chỉ tên; không ghi điện thoại, email, địa chỉ.", required=True,
          example="Trần Thị H."),
    Field("locality", "text", "địa phương của người hỏi", "", example="phường 2, TP Sóc Trăng"),
    Field("asked", "date", "ngày hỏi", "", required=True, example="2022-05-10"),
    Field("channel", "choice", "kênh tiếp nhận", "", required=True, choices=CHANNELS, example="website"),
    Field("answered_by", "text", "người trả lời", "Bắt buộc khi đã trả lời.", example="Văn phòng Sở"),
    Field("answered", "date", "ngày trả lời", "Câu hỏi chưa có ngày trả lời và câu trả lời thì chưa được đăng.",
          example="2022-05-20"),
    Field("field", "choice", "lĩnh vực", "Mã lĩnh vực của thủ tục.", choices=FIELD_LABELS, example="G03-GD14"),
    Field("procedures", "texts", "thủ tục liên quan", "Mã thủ tục hoặc tên tệp thủ tục.", example=["1.005142"]),
    Field("slug", "text", "đường dẫn", "Đặt đường dẫn khác tên tệp (không bắt buộc)."),
)
BY_NAME = {spec.name: spec for spec in FIELDS}

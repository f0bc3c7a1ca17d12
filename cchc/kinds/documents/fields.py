"""The fields of a guiding document, stated once (``cchc.core.declaration``)."""

from __future__ import annotations

from cchc.core.declaration import Field

TYPES = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "QC": "Quy chế", "QyĐ": "Quy định",
    "TB": "Thông báo", "HD": "Hướng dẫn", "CTr": "Chương trình", "KH": "Kế hoạch", "PA": "Phương án",
    "ĐA": "Đề án", "BC": "Báo cáo", "BB": "Biên bản", "TTr": "Tờ trình", "GM": "Giấy mời",
    "CĐ": "Công điện", "CV": "Công văn", "L": "Luật", "NĐ": "Nghị định", "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
}
"""Document types by their abbreviation in the number-symbol (NĐ 30/2020/NĐ-CP); a công văn has none."""
ORIGINS = {"so": "Văn bản do Sở ban hành", "cap_tren": "Văn bản của cơ quan cấp trên",
           "khac": "Văn bản của cơ quan khác (tham khảo)"}
"""Where a document comes from: the yearly report counts the department's own apart from those it received."""
STATUSES = {"con_hieu_luc": "Còn hiệu lực", "het_hieu_luc": "Hết hiệu lực", "bi_thay_the": "Bị thay thế"}
NUMBER_PATTERN = r"(\d{1,6})(?:/(\d{4}))?/([A-Za-zĐđ0-9&]+(?:-[A-Za-zĐđ0-9&]+)+)"
"""290/KH-SGDĐT, 993/SGDĐT-TCCB, 2922/QĐ-UBND, 63/2010/NĐ-CP: number, optional year, symbol parts."""
NUMBER_HINT = 'ví dụ "290/KH-SGDĐT", "993/SGDĐT-TCCB", "63/2010/NĐ-CP"'

FIELDS = (
    Field("number", "text", "số, ký hiệu", "Số và ký hiệu như in trên văn bản.", required=True, pattern=NUMBER_PATTERN,
          pattern_hint=NUMBER_HINT, example="315/KH-SGDĐT"),
    Field("type", "choice", "loại văn bản", "Khớp với ký hiệu (CV: công văn, không có loại trong ký hiệu).",
          required=True, choices=TYPES, example="KH"),
    Field("date", "date", "ngày ban hành", "Ngày ký văn bản (cchc new ghi ngày tạo tệp: sửa nếu khác).", required=True,
          example="2022-03-15"),
    Field("effective", "date", "ngày hiệu lực", "", example="2022-04-01"),
    Field("expires", "date", "ngày hết hiệu lực", "", example="2022-12-31"),
    Field("issuer", "text", "cơ quan ban hành", "", required=True, example="Sở Giáo dục và Đào tạo tỉnh Sóc Trăng"),
    Field("signer", "text", "người ký", "", example="Nguyễn Văn A"),
    Field("summary", "text", "trích yếu", "", required=True, example="Kế hoạch kiểm tra công tác CCHC năm 2022"),
    Field("status", "choice", "tình trạng", 'bi_thay_the thì ghi "replaced_by".', choices=STATUSES,
          default="con_hieu_luc", example="con_hieu_luc"),
    Field("replaced_by", "text", "văn bản thay thế", "Số, ký hiệu của văn bản thay thế.", example="128/QĐ-SGDĐT"),
    Field("file", "file", "tệp văn bản", "Tệp PDF, tính từ thư mục content/van-ban/.", example="tep/315-kh-sgddt.pdf",
          upload_folder="van-ban/tep"),
    Field("related_plan", "integer", "kế hoạch liên quan (năm)", "Năm của kế hoạch tuyên truyền liên quan.",
          minimum=2000, example=2022),
    Field("related_procedures", "texts", "thủ tục liên quan (mã)", "Mã thủ tục hoặc tên tệp thủ tục.",
          example=["1.005142"]),
    Field("origin", "choice", "nguồn văn bản", 'Mặc định "so" khi cơ quan ban hành là tên Sở (tên đầy đủ hoặc tên viết '
          'tắt trong mkdocs.yml) hay ký hiệu có SGDĐT, "cap_tren" khi khác; ghi "khac" cho văn bản của cơ quan ngang '
          "cấp hay địa phương khác đăng để tham khảo.", choices=ORIGINS, example="cap_tren"),
    Field("note", "text", "ghi chú", ""),
)
BY_NAME = {spec.name: spec for spec in FIELDS}

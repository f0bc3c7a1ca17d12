"""The fields of a procedure file, stated once (``cchc.core.declaration``), in the order of a Quyết định công bố.

The parts every procedure must have are those of Nghị định 63/2010/NĐ-CP, Điều 8 (marked required);
their letters a)…l) are in the help texts. The code format is stated here only: the loader, the
spreadsheet import and the JSON Schemas read ``CODE_PATTERN``.
"""

from __future__ import annotations

from cchc.core.declaration import Field
from cchc.kinds.procedures.model import CHANNELS, FIELD_LABELS, LEVELS, ONLINE_LEVELS, STATUSES, TIME_UNITS

CODE_PATTERN = r"\d\.\d{6}"
"""The national procedure code: one digit, a dot, six digits (1.005142)."""
CODE_HINT = "d.dddddd (một chữ số, dấu chấm, sáu chữ số)"

TIME_LIMIT_FIELDS = (
    Field("days", "integer", "số ngày", "", minimum=1, example=15),
    Field("unit", "choice", "đơn vị tính thời hạn", "", choices=TIME_UNITS, default="working_days"),
    Field("text", "text", "thời hạn bằng chữ", "Khi văn bản không quy định số ngày.", example="Theo kế hoạch"),
    Field("note", "text", "ghi chú thời hạn", "", example="tính cả thời gian chuyển phát"),
    Field("from_complete_dossier", "boolean", 'tính "kể từ ngày nhận đủ hồ sơ hợp lệ"',
          "Mặc định theo extra: rules: time_limit_from_complete_dossier của mkdocs.yml (true); ghi false khi "
          "quyết định công bố tính thời hạn cách khác.", example=True),
)
COMMITTED_TIME_LIMIT_FIELDS = (
    Field("days", "integer", "số ngày Sở cam kết", "Ngắn hơn thời hạn theo quy định.", required=True, minimum=1,
          example=12),
    Field("unit", "choice", "đơn vị tính thời hạn cam kết", "", choices=TIME_UNITS, default="working_days"),
    Field("document", "text", "văn bản cam kết", "Số, ký hiệu và ngày của văn bản Sở cam kết thời hạn ngắn hơn.",
          required=True, example="Thông báo 371/TB-SGDĐT ngày 05/3/2020"),
)
FORM_FIELDS = (
    Field("name", "text", "tên mẫu đơn, tờ khai", "", required=True, example="Mẫu số 01: Đơn đề nghị"),
    Field("file", "file", "tệp mẫu để tải về", "Tệp .doc, .docx hoặc .pdf trong content/, đường dẫn tính từ thư mục "
          "của tệp thủ tục.", example="mau/don-de-nghi-chinh-sua.docx"),
)

FIELDS = (
    Field("code", "text", "mã thủ tục", "Mã trên Cơ sở dữ liệu quốc gia về TTHC, viết trong ngoặc kép.",
          pattern=CODE_PATTERN, pattern_hint=CODE_HINT, example="1.005142"),
    Field("local_symbol", "text", "ký hiệu thủ tục tại địa phương", "", example="GD-01"),
    Field("name", "text", "tên thủ tục", "", required=True, example="Cấp bản sao văn bằng, chứng chỉ từ sổ gốc"),
    Field("field", "choice", "lĩnh vực", "Mã lĩnh vực quốc gia.", required=True, choices=FIELD_LABELS,
          example="G03-GD14"),
    Field("levels", "choices", "cấp thực hiện", "", required=True, choices=LEVELS, example=["tinh"]),
    Field("kind", "text", "loại thủ tục", "", example="TTHC được luật giao quy định chi tiết"),
    Field("agencies", "record", "cơ quan thực hiện", "e) Cơ quan thực hiện.", required=True, fields=(
        Field("handling", "text", "cơ quan trực tiếp thực hiện", "", required=True,
              example="Sở Giáo dục và Đào tạo"),
        Field("deciding", "text", "cơ quan có thẩm quyền quyết định", "", example="Giám đốc Sở Giáo dục và Đào tạo"),
        Field("cooperating", "text", "cơ quan phối hợp", ""),
    )),
    Field("address", "text", "địa chỉ tiếp nhận hồ sơ", "", example="Bộ phận Một cửa, số 48 Lê Duẩn"),
    Field("applicants", "paragraphs", "đối tượng thực hiện", "đ) Đối tượng thực hiện.", required=True,
          example=["Công dân Việt Nam"]),
    Field("steps", "records", "trình tự thực hiện", "a) Trình tự thực hiện: mỗi bước một mục.", required=True,
          item_text="title", fields=(
              Field("title", "text", "tên bước", "", required=True, example="Nộp hồ sơ tại Bộ phận Một cửa"),
              Field("description", "text", "mô tả bước", ""),
          )),
    Field("channels", "records", "cách thức thực hiện", "b) Cách thức thực hiện: mỗi cách một mục.", required=True,
          item_text="via", fields=(
              Field("via", "choice", "hình thức nộp", "", required=True, choices=CHANNELS, example="in_person"),
              Field("time_limit", "time_limit", "thời hạn giải quyết", "Khi khác thời hạn chung.",
                    fields=TIME_LIMIT_FIELDS),
              Field("fee", "text", "phí, lệ phí", "Khi khác phí chung."),
              Field("notes", "text", "mô tả", ""),
          )),
    Field("documents", "records", "thành phần hồ sơ", "c) Thành phần hồ sơ: mỗi giấy tờ một mục.", required=True,
          item_text="name", fields=(
              Field("name", "text", "tên giấy tờ", "", required=True, example="Đơn đề nghị"),
              Field("form", "text", "mẫu đơn, tờ khai", "", example="Mẫu số 01"),
              Field("originals", "integer", "số bản chính", "", minimum=0, default=0, example=1),
              Field("copies", "integer", "số bản sao", "", minimum=0, default=0, example=0),
              Field("notes", "text", "ghi chú", ""),
          )),
    Field("sets", "integer", "số lượng hồ sơ", "Số bộ hồ sơ.", required=True, minimum=1, example=1),
    Field("time_limit", "time_limit", "thời hạn giải quyết", "d) Thời hạn theo quy định: số ngày làm việc, hoặc chữ "
          'khi văn bản không quy định số ngày ("Theo kế hoạch").', required=True, fields=TIME_LIMIT_FIELDS,
          example=15),
    Field("committed_time_limit", "record", "thời hạn Sở cam kết", "Khi Sở cam kết giải quyết nhanh hơn thời hạn "
          "theo quy định: số ngày và văn bản cam kết.", fields=COMMITTED_TIME_LIMIT_FIELDS),
    Field("result", "text", "kết quả thực hiện", "g) Kết quả thực hiện.", required=True,
          example="Bản sao văn bằng, chứng chỉ"),
    Field("fee", "text", "phí", 'h) Phí; 0 hoặc "Không" khi không thu.', example="Không"),
    Field("charge", "text", "lệ phí", 'h) Lệ phí; 0 hoặc "Không" khi không thu.', example="Không"),
    Field("fees", "text", "phí, lệ phí (ghi chung, cách cũ)", "Cách ghi cũ vẫn nhận: tách thành fee và charge.",
          example="Không"),
    Field("forms", "records", "mẫu đơn, mẫu tờ khai", "i) Mẫu đơn, mẫu tờ khai: mỗi mẫu một mục, kèm tệp để tải về "
          "nếu có.", item_text="name", fields=FORM_FIELDS),
    Field("requirements", "paragraphs", "yêu cầu, điều kiện thực hiện", "k) Yêu cầu, điều kiện (nếu có)."),
    Field("legal_bases", "records", "căn cứ pháp lý", "l) Căn cứ pháp lý: mỗi văn bản một mục.", required=True, fields=(
        Field("number", "text", "số ký hiệu", "", required=True, example="21/2019/TT-BGDĐT"),
        Field("title", "text", "trích yếu", "", required=True, example="Ban hành Quy chế quản lý bằng tốt nghiệp"),
        Field("date", "date", "ngày ban hành", "", example="2019-11-29"),
        Field("issuer", "text", "cơ quan ban hành", "", example="Bộ Giáo dục và Đào tạo"),
    )),
    Field("online_level", "choice", "mức độ dịch vụ công trực tuyến", "Khác none thì ghi portal_url.",
          choices=ONLINE_LEVELS, default="none", example="none"),
    Field("portal_url", "url", "đường dẫn trên Cổng Dịch vụ công", "", example="https://dichvucong.gov.vn/"),
    Field("checked_on", "date", "ngày đối chiếu với Cơ sở dữ liệu quốc gia về TTHC",
          '"cchc check" cảnh báo khi ngày này cũ hơn số tháng ở extra: rules: national_check_months.',
          example="2023-10-02"),
    Field("published_by", "record", "quyết định công bố", "Quyết định công bố thủ tục.", required=True, fields=(
        Field("number", "text", "số quyết định công bố", "", required=True, example="2922/QĐ-UBND"),
        Field("date", "date", "ngày công bố", "", required=True, example="2018-11-05"),
    )),
    Field("status", "choice", "tình trạng", "", choices=STATUSES, default="in_force"),
    Field("abolished_on", "date", "ngày bãi bỏ", 'Khi "status: abolished".', example="2024-01-15"),
    Field("history", "records", "lịch sử thay đổi", "Mỗi lần sửa đổi một mục.", fields=(
        Field("date", "date", "ngày thay đổi", "", required=True, example="2020-03-05"),
        Field("document", "text", "văn bản quyết định thay đổi", "", example="Thông báo 371/TB-SGDĐT"),
        Field("change", "text", "nội dung thay đổi", "", required=True, example="Rút ngắn thời hạn giải quyết"),
    )),
    Field("example", "boolean", "đánh dấu dữ liệu ví dụ", "true: trang hiện dòng báo đây là dữ liệu ví dụ."),
    Field("notes", "text", "ghi chú", ""),
)
BY_NAME = {spec.name: spec for spec in FIELDS}
MANDATORY = tuple(spec.name for spec in FIELDS if spec.required and spec.name not in ("field", "levels",
                                                                                       "legal_bases", "published_by"))
"""The basic parts every procedure must have (Nghị định 63/2010/NĐ-CP, Điều 8), checked with the law's message."""

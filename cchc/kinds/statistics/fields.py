"""The fields of the statistics files, stated once (``cchc.core.declaration``): ``ho-so.yaml`` holds the
dossier figures of each period (``periods``), ``hai-long.yaml`` the satisfaction surveys (``surveys``),
``chi-so.yaml`` the department's index results by year (``results``).

Beside the dossier counts that must add up, a period may carry the figures the service index of Quyết định
766/QĐ-TTg scores (average handling time, apologies, feedback, payments, digitisation, satisfaction): each is
optional, and one left out is shown as "chưa có số liệu", never as 0.
"""

from __future__ import annotations

from cchc.core.declaration import Field
from cchc.kinds.procedures.vocabulary import FIELD_LABELS

RECEIVED_FIELDS = (
    Field("in_person", "integer", "số hồ sơ tiếp nhận trực tiếp", "", minimum=0, default=0, example=120),
    Field("online", "integer", "số hồ sơ tiếp nhận trực tuyến", "", minimum=0, default=0, example=80),
    Field("postal", "integer", "số hồ sơ tiếp nhận qua bưu chính", "", minimum=0, default=0, example=5),
)
RESOLVED_FIELDS = (
    Field("early", "integer", "số hồ sơ giải quyết trước hạn", "", minimum=0, default=0, example=50),
    Field("on_time", "integer", "số hồ sơ giải quyết đúng hạn", "", minimum=0, default=0, example=140),
    Field("late", "integer", "số hồ sơ giải quyết quá hạn", "", minimum=0, default=0, example=0),
)
IN_PROGRESS_FIELDS = (
    Field("within_limit", "integer", "số hồ sơ đang giải quyết trong hạn", "", minimum=0, default=0, example=15),
    Field("overdue", "integer", "số hồ sơ đang giải quyết quá hạn", "", minimum=0, default=0, example=0),
)
FEEDBACK_FIELDS = (
    Field("received", "integer", "số phản ánh, kiến nghị tiếp nhận", "", required=True, minimum=0, example=4),
    Field("on_time", "integer", "số phản ánh, kiến nghị xử lý đúng hạn", "", required=True, minimum=0, example=4),
)
PAYMENT_FIELDS = (
    Field("due", "integer", "số hồ sơ phải nộp phí, lệ phí", "", required=True, minimum=0, example=40),
    Field("online", "integer", "số hồ sơ thanh toán trực tuyến", "", required=True, minimum=0, example=25),
)
DIGITISED_FIELDS = (
    Field("dossiers", "integer", "số hồ sơ được số hóa khi tiếp nhận", "", minimum=0, example=150),
    Field("results", "integer", "số kết quả giải quyết điện tử", "Kết quả cấp dưới dạng điện tử (số hóa kết quả).",
          minimum=0, example=120),
)
SATISFACTION_FIELDS = (
    Field("rated", "integer", "số lượt đánh giá", "", required=True, minimum=0, example=80),
    Field("satisfied", "integer", "số lượt đánh giá hài lòng", "", required=True, minimum=0, example=78),
)
BY_FIELD_FIELDS = (
    Field("field", "choice", "lĩnh vực", "Mã lĩnh vực quốc gia, như ở thủ tục.", required=True, choices=FIELD_LABELS,
          example="G03-GD14"),
    Field("received", "integer", "số hồ sơ tiếp nhận", "", required=True, minimum=0, example=40),
    Field("resolved", "record", "số hồ sơ đã giải quyết", "", required=True, fields=RESOLVED_FIELDS),
    Field("in_progress", "record", "số hồ sơ đang giải quyết", "", fields=IN_PROGRESS_FIELDS),
)
PERIOD_FIELDS = (
    Field("period", "text", "kỳ báo cáo", 'Quý hoặc năm: "Q1/2022", "6T/2022", "2022".', required=True,
          example="Q1/2022"),
    Field("from", "date", "từ ngày", "Khi kỳ không trọn quý, trọn năm.", example="2021-12-15"),
    Field("to", "date", "đến ngày", "", example="2022-03-14"),
    Field("carried_over", "integer", "số hồ sơ kỳ trước chuyển sang", "", minimum=0, default=0, example=10),
    Field("received", "record", "số hồ sơ tiếp nhận", "Một số (tổng), hoặc chia theo cách nộp.", required=True,
          fields=RECEIVED_FIELDS, or_total=True),
    Field("resolved", "record", "số hồ sơ đã giải quyết", "", required=True, fields=RESOLVED_FIELDS),
    Field("in_progress", "record", "số hồ sơ đang giải quyết", "", fields=IN_PROGRESS_FIELDS),
    Field("returned", "integer", "số hồ sơ trả lại, rút", "", minimum=0, default=0, example=0),
    Field("average_days", "text", "thời gian giải quyết trung bình (ngày)", "Số ngày, ví dụ 4,5.", example="4,5"),
    Field("apologies", "integer", "số văn bản xin lỗi hồ sơ quá hạn",
          "Văn bản xin lỗi người dân khi hồ sơ quá hạn (Nghị định 61/2018/NĐ-CP).", minimum=0, example=1),
    Field("feedback", "record", "phản ánh, kiến nghị", "Về giải quyết thủ tục hành chính.", fields=FEEDBACK_FIELDS),
    Field("payments", "record", "thanh toán trực tuyến", "", fields=PAYMENT_FIELDS),
    Field("digitised", "record", "số hóa hồ sơ, kết quả", "", fields=DIGITISED_FIELDS),
    Field("satisfaction", "record", "sự hài lòng về giải quyết thủ tục hành chính",
          "Đánh giá của người dân khi nhận kết quả; khác khảo sát về dịch vụ giáo dục công.",
          fields=SATISFACTION_FIELDS),
    Field("by_field", "records", "số liệu theo lĩnh vực", "Mỗi lĩnh vực một mục (không bắt buộc).",
          fields=BY_FIELD_FIELDS),
    Field("source", "text", "nguồn số liệu", "", example="Hệ thống thông tin giải quyết TTHC của tỉnh"),
    Field("note", "text", "ghi chú", ""),
)
SURVEY_SUBJECTS = {"giao_duc_cong": "Dịch vụ giáo dục công", "tthc": "Giải quyết thủ tục hành chính"}
"""What a survey measured: the sector's survey of public education, or citizens' view of procedure handling."""
INDEXES = {"cchc": "Chỉ số cải cách hành chính của Sở (do tỉnh đánh giá)",
           "phuc_vu": "Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)"}
SURVEY_FIELDS = (
    Field("date", "date", "ngày khảo sát", "", required=True, example="2022-06-20"),
    Field("title", "text", "tên cuộc khảo sát", "", required=True, example="Đo lường sự hài lòng về giáo dục công"),
    Field("sample", "integer", "số phiếu", "", required=True, minimum=1, example=600),
    Field("satisfied_percent", "text", "tỷ lệ hài lòng (%)", "Số từ 0 đến 100, ví dụ 95 hoặc 95,5.", required=True,
          example=95.5),
    Field("subject", "choice", "nội dung khảo sát", "Mặc định giao_duc_cong.", choices=SURVEY_SUBJECTS,
          default="giao_duc_cong", example="giao_duc_cong"),
    Field("scope", "text", "phạm vi, đối tượng", "", example="Cha mẹ học sinh các trường THPT"),
    Field("source", "text", "nguồn số liệu", ""),
    Field("note", "text", "ghi chú", ""),
)
RESULT_FIELDS = (
    Field("year", "integer", "năm đánh giá", "", required=True, minimum=2000, example=2022),
    Field("index", "choice", "bộ chỉ số", "Mặc định cchc.", choices=INDEXES, default="cchc", example="cchc"),
    Field("score", "text", "điểm đạt được", "Ví dụ 85,6.", required=True, example="85,6"),
    Field("max_score", "text", "điểm tối đa", "Mặc định 100.", example="100"),
    Field("rank", "integer", "thứ hạng", "", minimum=1, example=5),
    Field("ranked_among", "integer", "số cơ quan được xếp hạng", "", minimum=1, example=20),
    Field("document", "text", "văn bản công bố kết quả", "", example="Quyết định 123/QĐ-UBND ngày 15/03/2023"),
    Field("note", "text", "ghi chú", ""),
)
FIELDS = (
    Field("periods", "records", "danh sách kỳ báo cáo", "Trong ho-so.yaml: mỗi kỳ một mục.", fields=PERIOD_FIELDS),
    Field("surveys", "records", "danh sách cuộc khảo sát", "Trong hai-long.yaml: mỗi cuộc khảo sát một mục.",
          fields=SURVEY_FIELDS),
    Field("results", "records", "kết quả chỉ số theo năm", "Trong chi-so.yaml: mỗi năm, mỗi bộ chỉ số một mục.",
          fields=RESULT_FIELDS),
)

"""The fields of the statistics files, stated once (``cchc.core.declaration``): ``ho-so.yaml`` holds the
dossier figures of each period (``periods``), ``hai-long.yaml`` the satisfaction surveys (``surveys``)."""

from __future__ import annotations

from cchc.core.declaration import Field

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
    Field("source", "text", "nguồn số liệu", "", example="Hệ thống thông tin giải quyết TTHC của tỉnh"),
    Field("note", "text", "ghi chú", ""),
)
SURVEY_FIELDS = (
    Field("date", "date", "ngày khảo sát", "", required=True, example="2022-06-20"),
    Field("title", "text", "tên cuộc khảo sát", "", required=True, example="Đo lường sự hài lòng về giáo dục công"),
    Field("sample", "integer", "số phiếu", "", required=True, minimum=1, example=600),
    Field("satisfied_percent", "text", "tỷ lệ hài lòng (%)", "Số từ 0 đến 100, ví dụ 95 hoặc 95,5.", required=True,
          example=95.5),
    Field("scope", "text", "phạm vi, đối tượng", "", example="Cha mẹ học sinh các trường THPT"),
    Field("source", "text", "nguồn số liệu", ""),
    Field("note", "text", "ghi chú", ""),
)
FIELDS = (
    Field("periods", "records", "danh sách kỳ báo cáo", "Trong ho-so.yaml: mỗi kỳ một mục.", fields=PERIOD_FIELDS),
    Field("surveys", "records", "danh sách cuộc khảo sát", "Trong hai-long.yaml: mỗi cuộc khảo sát một mục.",
          fields=SURVEY_FIELDS),
)

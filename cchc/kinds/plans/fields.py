"""The fields of a yearly propaganda plan and of each of its tasks, stated once (``cchc.core.declaration``)."""

from __future__ import annotations

from cchc.core.declaration import Field

FORMS = {
    "website": "Tin, bài trên chuyên trang CCHC",
    "van_ban": "Đăng văn bản chỉ đạo, điều hành",
    "video": "Video clip",
    "infographic": "Infographic",
    "hoi_thi": "Hội thi tìm hiểu CCHC",
    "tap_huan": "Tập huấn, bồi dưỡng",
    "hop_co_quan": "Lồng ghép trong cuộc họp",
    "niem_yet": "Niêm yết công khai",
    "khao_sat": "Khảo sát sự hài lòng",
    "hoi_dap": "Chuyên mục Hỏi – đáp",
    "duong_day_nong": "Đường dây nóng",
    "bao_cao": "Báo cáo kết quả",
}
"""The documented list of propaganda forms (hình thức tuyên truyền), key → label."""

EVIDENCE_FIELDS = (
    Field("title", "text", "tên minh chứng", "Biên bản, ảnh, video… cho thấy nhiệm vụ đã làm.", required=True,
          example="Biên bản hội nghị lồng ghép tuyên truyền CCHC tháng 5"),
    Field("url", "url", "địa chỉ web của minh chứng", "Ghi url hoặc file, không ghi cả hai.",
          example="https://www.youtube.com/watch?v=..."),
    Field("file", "file", "tệp minh chứng", "Tệp trong content/, đường dẫn tính từ content/.",
          example="ke-hoach/minh-chung/bien-ban-thang-05.pdf"),
    Field("date", "date", "ngày", "", example="2022-05-20"),
)
TASK_FIELDS = (
    Field("month", "integer", "tháng", "Số từ 1 đến 12; mỗi tháng cần ít nhất một nhiệm vụ.", required=True,
          minimum=1, example=1),
    Field("theme", "text", "chủ đề", "Chủ đề tuyên truyền của tháng.", required=True,
          example="Tuyên truyền Kế hoạch thực hiện CCHC năm 2022"),
    Field("content", "text", "nội dung", "Nội dung chi tiết của nhiệm vụ.", example="Đăng tải kế hoạch và tin bài"),
    Field("forms", "choices", "hình thức", "Một hay nhiều hình thức trong danh sách.", required=True, choices=FORMS,
          example=["website", "hop_co_quan"]),
    Field("lead", "text", "đơn vị chủ trì", "", required=True, example="Văn phòng Sở"),
    Field("cooperating", "texts", "đơn vị phối hợp", "", example=["Phòng Tổ chức cán bộ"]),
    Field("expected_articles", "integer", "số tin, bài dự kiến", 'Mặc định 1 nếu có hình thức "website", 0 nếu không.',
          minimum=0, example=1),
    Field("expected_output", "text", "sản phẩm dự kiến", "Sản phẩm khác tin bài, viết bằng chữ.",
          example="01 video clip"),
    Field("result", "text", "kết quả đã thực hiện", "Kết quả không phải tin bài (một hội thi đã tổ chức, một cuộc "
          "khảo sát đã làm).", example="Đạt giải Ba hội thi của tỉnh"),
    Field("evidence", "records", "minh chứng", "Cho nhiệm vụ làm ngoài chuyên trang: mỗi biên bản, ảnh, video một mục.",
          fields=EVIDENCE_FIELDS),
)

FIELDS = (
    Field("year", "integer", "năm", "Năm của kế hoạch; tên tệp là năm đó (plans/2022.yaml).", required=True,
          minimum=2000, example=2022),
    Field("number", "text", "số, ký hiệu", "Kế hoạch cũng hiện trong danh sách văn bản với số này.", required=True,
          example="290/KH-SGDĐT"),
    Field("date", "date", "ngày ban hành", "", required=True, example="2022-02-24"),
    Field("title", "text", "tên kế hoạch", "", required=True,
          example="Kế hoạch tuyên truyền cải cách hành chính năm 2022"),
    Field("issuer", "text", "cơ quan ban hành", "", required=True, example="Sở Giáo dục và Đào tạo tỉnh Sóc Trăng"),
    Field("signer", "text", "người ký", "", example="Nguyễn Văn A"),
    Field("attachment", "file", "tệp kế hoạch (PDF)", "Tệp PDF trong content/, đường dẫn tính từ content/.",
          example="ke-hoach/tep/290.pdf", upload_folder="ke-hoach/tep"),
    Field("note", "text", "ghi chú", ""),
    Field("tasks", "records", "danh sách nhiệm vụ", "Mỗi nhiệm vụ một mục; mỗi tháng từ 1 đến 12 ít nhất một nhiệm vụ.",
          required=True, fields=TASK_FIELDS),
)
BY_NAME = {spec.name: spec for spec in FIELDS}
TASK = {spec.name: spec for spec in TASK_FIELDS}

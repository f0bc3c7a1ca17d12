"""The closed lists a procedure's values come from: national field codes, levels, channels, online-service
levels, time units and statuses, with their Vietnamese labels."""

from __future__ import annotations

FIELD_LABELS: dict[str, str] = {
    "G03-GD01": "Cơ sở vật chất và thiết bị trường học",
    "G03-GD02": "Đào tạo với nước ngoài",
    "G03-GD03": "Giáo dục chuyên nghiệp",
    "G03-GD04": "Giáo dục đại học",
    "G03-GD05": "Giáo dục dân tộc",
    "G03-GD06": "Giáo dục mầm non",
    "G03-GD07": "Giáo dục quốc phòng",
    "G03-GD08": "Giáo dục thường xuyên",
    "G03-GD09": "Giáo dục tiểu học",
    "G03-GD10": "Giáo dục trung học",
    "G03-GD11": "Giáo dục và đào tạo thuộc hệ thống giáo dục quốc dân",
    "G03-GD12": "Thi, tuyển sinh",
    "G03-GD13": "Tiêu chuẩn nhà giáo, cán bộ quản lý giáo dục",
    "G03-GD14": "Văn bằng, chứng chỉ",
    "BGD-GD15": "Giáo dục và đào tạo thuộc hệ thống giáo dục quốc dân và các cơ sở giáo dục khác",
}
"""Education fields (mã lĩnh vực) of the national TTHC system, in its order.

A fixed list, not a setting: the codes are national and the same in every province,
and a closed list is what lets a typo such as "G03-GD1O" stop the build."""

LEVELS = {"tinh": "Cấp tỉnh", "huyen": "Cấp huyện", "xa": "Cấp xã"}
CHANNELS = {"in_person": "Trực tiếp", "online": "Trực tuyến", "postal": "Dịch vụ bưu chính"}
ONLINE_LEVELS = {"toan_trinh": "Toàn trình", "mot_phan": "Một phần", "none": "Không có DVCTT"}
"""Online public-service levels of NĐ 42/2022/NĐ-CP; "none" = information only."""
TIME_UNITS = {"working_days": "ngày làm việc", "days": "ngày"}
STATUSES = {"in_force": "Đang có hiệu lực", "abolished": "Đã bãi bỏ"}
FROM_COMPLETE_DOSSIER = "kể từ ngày nhận đủ hồ sơ hợp lệ"
NO_FEE = "Không"

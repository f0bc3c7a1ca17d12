"""Helpers for procedure tests: a complete procedure record and a site whose menu lists the catalogue."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import Site


def procedure_data(**overrides) -> dict:
    """A procedure with every field filled in; ``None`` removes a field."""
    data = {
        "code": "1.006388",
        "local_symbol": "1.006388.000.00.00.H99",
        "name": "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc",
        "field": "G03-GD14",
        "levels": ["tinh", "Cấp huyện"],
        "kind": "TTHC được luật giao quy định chi tiết",
        "agencies": {"deciding": "Giám đốc Sở GDĐT", "handling": "Sở GDĐT tỉnh Thử Nghiệm",
                     "cooperating": "Phòng GDĐT cấp huyện"},
        "address": "Số 1 Đường Thử, phường 1",
        "applicants": ["Cá nhân", "Tổ chức"],
        "steps": [{"title": "Nộp hồ sơ", "description": "Tại Bộ phận một cửa."}, {"title": "Nhận kết quả"}],
        "channels": [{"via": "in_person", "notes": "Giờ hành chính"},
                     {"via": "online", "time_limit": 3, "fee": "Miễn phí khi nộp trực tuyến"},
                     {"via": "postal", "time_limit": {"days": 5, "unit": "days", "note": "tính cả thời gian chuyển phát"}}],
        "documents": [{"name": "Đơn đề nghị", "form": "Mẫu số 01", "originals": 1, "copies": 0, "notes": "Ký rõ họ tên"},
                      {"name": "Giấy tờ tùy thân"}],
        "sets": 1,
        "time_limit": {"days": 14, "unit": "working_days", "note": "kể từ ngày nhận đủ hồ sơ hợp lệ"},
        "result": "Bản sao văn bằng",
        "fees": "10.000 đồng/bản",
        "forms": [{"name": "Mẫu số 01: Đơn đề nghị cấp bản sao, có dấu phẩy"}],
        "requirements": "Người yêu cầu là người được cấp văn bằng.",
        "legal_bases": [{"number": "21/2019/TT-BGDĐT", "title": "Quy chế quản lý bằng tốt nghiệp",
                         "date": "29/11/2019", "issuer": "Bộ GDĐT"},
                        {"number": "23/2015/NĐ-CP", "title": "Về cấp bản sao từ sổ gốc"}],
        "online_level": "toan_trinh",
        "portal_url": "https://dichvucong.example.gov.vn/thu-tuc/1.006388",
        "published_by": {"number": "2922/QĐ-UBND", "date": "2018-11-05"},
        "status": "in_force",
        "history": [{"date": "2020-03-05", "document": "Thông báo 371/TB-SGDĐT",
                     "change": "Rút ngắn thời hạn từ 15 xuống 14 ngày làm việc"}],
        "example": True,
        "notes": "Dữ liệu thử.",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def write_procedure(site: Site, file_name: str, **overrides) -> Path:
    text = yaml.safe_dump(procedure_data(**overrides), allow_unicode=True, sort_keys=False, width=1000)
    return site.write(f"content/thu-tuc-hanh-chinh/{file_name}.yaml", text)


def with_catalogue_menu(site: Site) -> Site:
    site.config["nav"].append({"Thủ tục hành chính": "thu-tuc-hanh-chinh/index.md"})
    site.config["not_in_nav"] += "/thu-tuc-hanh-chinh/\n"
    return site

"""``cchc import-thu-tuc``: a real .xlsx written with openpyxl, a CSV, the rows it refuses and ``--update``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import Site
from openpyxl import Workbook
from test_cli import cchc

FOLDER = "content/thu-tuc-hanh-chinh"
NEW_SCHOOL = f"{FOLDER}/thanh-lap-truong-trung-hoc-pho-thong-cong-lap.yaml"
REVIEW = f"{FOLDER}/phuc-khao-bai-thi-tot-nghiep-thpt.yaml"
TIME_TEXTS = ('"Ngay trong ngày", "Theo đợt", "Theo kế hoạch", "Theo hướng dẫn", "Theo quy chế", "Theo quy định", '
              '"Chưa quy định"')
FILL_HINT = ('Tệp mới còn những chỗ "CẦN BỔ SUNG" (trình tự, thành phần hồ sơ…): điền theo Quyết định công bố rồi '
             'chạy "cchc check"; trang không dựng được cho đến khi điền xong.')


def write_appendix(path: Path) -> Path:
    """An appendix as provinces publish it: title rows, headers with extra words in their own order, group rows."""
    book = Workbook()
    sheet = book.active
    sheet.append(["PHỤ LỤC I. DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ GDĐT"])
    sheet.append([])
    sheet.append(["Tên thủ tục hành chính", "STT", "Mã số TTHC", "Thời hạn giải quyết", "Phí, lệ phí",
                  "Tên VBQPPL quy định TTHC", "Cơ quan thực hiện", "Ghi chú"])
    sheet.append(["A. TTHC cấp tỉnh"])
    sheet.append(["I. Lĩnh vực Giáo dục Trung học"])
    sheet.append(["Thành lập trường trung học phổ thông công lập", 1, "1.006388",
                  "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "Không",
                  "Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 của Bộ GDĐT;\n"
                  "Luật Giáo dục năm 2019", "Sở Giáo dục và Đào tạo"])
    sheet.append([None, 2, "1.005099", "5 ngày làm việc", "Không", None, "Sở Giáo dục và Đào tạo"])
    sheet.append(["Chuyển trường đối với học sinh trung học phổ thông", 3, "1.23", "3 ngày làm việc"])
    sheet.append(["II. Thi, tuyển sinh"])
    sheet.append(["Phúc khảo bài thi tốt nghiệp THPT", 4, 2.00191, "Theo kế hoạch", 0])
    sheet.cell(row=10, column=3).number_format = "0.000000"  # Excel shows 2.001910
    sheet.append(["Tuyển sinh trung học phổ thông", 5, "1.005093", "mười lăm ngày", "Không"])
    sheet.append(["III. Lĩnh vực Giáo dục nghề nghiệp"])
    sheet.append(["Cho phép trung tâm giáo dục nghề nghiệp hoạt động", 6, None, "10 ngày", "Không"])
    book.save(path)
    return path


@pytest.fixture
def appendix(site: Site) -> Path:
    return write_appendix(site.root / "danh-muc.xlsx")


def load(site: Site, rel: str) -> dict:
    return yaml.safe_load((site.root / rel).read_text(encoding="utf-8"))


def check_errors(site: Site) -> list[tuple[str, str, str]]:
    """The errors ``cchc check`` reports (a combined fee the sheet's one column gives is a warning, not an error)."""
    return [(e["path"], e["field"], e["message"]) for e in json.loads(cchc(site, "check", "--format", "json").stdout)
            if e["severity"] == "error"]


def test_xlsx_appendix_is_imported_and_unreadable_rows_are_listed(site, appendix):
    result = cchc(site, "import-thu-tuc", "danh-muc.xlsx")
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        "Đã tạo 2 tệp (created):",
        f"  {NEW_SCHOOL} (dòng 6)",
        f"  {REVIEW} (dòng 10)",
        "Không nhập được 5 dòng (rows not imported):",
        "  danh-muc.xlsx:7: thiếu tên thủ tục (no name)",
        '  danh-muc.xlsx:8: mã "1.23" không đúng dạng d.dddddd, ví dụ 1.005142; nếu Excel bỏ số 0 ở cuối, định dạng '
        "cột mã là Văn bản (Text) (malformed code)",
        '  danh-muc.xlsx:11: thời hạn "mười lăm ngày" không đọc được; ghi số ngày như "15 ngày làm việc" hoặc chữ bắt '
        f"đầu bằng một trong: {TIME_TEXTS} (invalid time limit)",
        '  danh-muc.xlsx:12: dòng nhóm "III. Lĩnh vực Giáo dục nghề nghiệp": lĩnh vực không có trong danh mục mã '
        "G03-GDxx; các thủ tục bên dưới không được nhập (unknown field)",
        '  danh-muc.xlsx:13: lĩnh vực của nhóm "III. Lĩnh vực Giáo dục nghề nghiệp" (dòng 12) không có trong danh mục '
        "(unknown field)",
        FILL_HINT,
    ]
    school = load(site, NEW_SCHOOL)
    assert {k: school[k] for k in ("code", "name", "field", "levels", "agencies", "time_limit", "fees")} == {
        "code": "1.006388", "name": "Thành lập trường trung học phổ thông công lập", "field": "G03-GD10",
        "levels": ["tinh"], "agencies": {"handling": "Sở Giáo dục và Đào tạo"},
        "time_limit": {"days": 15, "unit": "working_days", "note": "kể từ ngày nhận đủ hồ sơ hợp lệ"},
        "fees": "Không"}
    assert [(b["number"], b["title"], str(b.get("date"))) for b in school["legal_bases"]] == [
        ("32/2020/TT-BGDĐT", "Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 của Bộ GDĐT", "2020-09-15"),
        ("CẦN BỔ SUNG: số ký hiệu của văn bản này", "Luật Giáo dục năm 2019", "None")]
    assert (site.root / NEW_SCHOOL).read_text(encoding="utf-8").startswith(
        '# Nhập từ danh-muc.xlsx, dòng 6, bằng "cchc import-thu-tuc" ngày 15/11/2023.\n')
    review = load(site, REVIEW)
    assert (review["code"], review["field"], review["time_limit"], review["fees"]) == (
        "2.001910", "G03-GD12", "Theo kế hoạch", "Không")

    placeholder_fields = {(path, field) for path, field, message in check_errors(site)
                          if message.startswith('chưa điền: "CẦN BỔ SUNG: ')}
    common = {"applicants[1]", "steps[1].title", "channels[1].via", "documents[1].name", "sets", "result",
              "published_by.number", "published_by.date"}
    assert placeholder_fields == ({(NEW_SCHOOL, f) for f in common | {"legal_bases[2].number"}}
                                  | {(REVIEW, f) for f in common | {"agencies.handling", "legal_bases[1].number",
                                                                    "legal_bases[1].title"}})
    assert len(check_errors(site)) == len(placeholder_fields)  # nothing but the parts to complete


def test_importing_again_never_overwrites(site, appendix):
    cchc(site, "import-thu-tuc", "danh-muc.xlsx")
    before = (site.root / NEW_SCHOOL).read_bytes()
    result = cchc(site, "import-thu-tuc", "danh-muc.xlsx")
    assert result.stdout.splitlines()[1] == (
        f"  danh-muc.xlsx:6: đã có tệp {NEW_SCHOOL}; không ghi đè, thêm --update để cập nhật các cột nhập từ bảng "
        "(file exists)")
    assert (site.root / NEW_SCHOOL).read_bytes() == before


CSV = ("\ufeffMã TTHC,Tên thủ tục,Lĩnh vực,Thời gian giải quyết,Lệ phí,Căn cứ pháp lý,Cơ quan thực hiện\r\n"
       '1.005142,"Cấp bản sao văn bằng, chứng chỉ từ sổ gốc","Văn bằng, chứng chỉ",Ngay trong ngày,'
       '"2.000 đồng/trang",Nghị định số 23/2015/NĐ-CP ngày 16/02/2015,Sở GDĐT\r\n'
       "1.005143,Cấp chứng chỉ nghề,Giáo dục nghề nghiệp,10,0,,Sở GDĐT\r\n")


def test_csv_with_a_field_column_and_no_group_rows(site):
    site.write("danh-muc.csv", CSV)
    result = cchc(site, "import-thu-tuc", "danh-muc.csv", "--quyet-dinh", "2922/QĐ-UBND", "--ngay-quyet-dinh",
                  "05/11/2018")
    rel = f"{FOLDER}/cap-ban-sao-van-bang-chung-chi-tu-so-goc.yaml"
    assert result.stdout.splitlines() == [
        "Đã tạo 1 tệp (created):", f"  {rel} (dòng 2)",
        "Không nhập được 1 dòng (rows not imported):",
        '  danh-muc.csv:3: lĩnh vực "Giáo dục nghề nghiệp" không có trong danh mục; dùng tên như "Thi, tuyển sinh" '
        "hoặc mã như G03-GD12 (unknown field)",
        FILL_HINT,
    ]
    data = load(site, rel)
    assert (data["field"], data["levels"], data["time_limit"], data["fees"], data["published_by"]) == (
        "G03-GD14", "CẦN BỔ SUNG: cấp thực hiện, viết [tinh], [huyen] hoặc [xa]", "Ngay trong ngày",
        "2.000 đồng/trang", {"number": "2922/QĐ-UBND", "date": date(2018, 11, 5)})
    assert data["legal_bases"] == [{"number": "23/2015/NĐ-CP", "title": "Nghị định số 23/2015/NĐ-CP ngày 16/02/2015",
                                    "date": date(2015, 2, 16)}]
    assert "levels" in {field for _, field, _ in check_errors(site)}


EDITED = """\
# Cấp bản sao văn bằng, chứng chỉ từ sổ gốc (biên tập viên đã hoàn thiện).
code: "1.005142"
name: Cấp bản sao văn bằng, chứng chỉ từ sổ gốc
field: G03-GD14
levels: [tinh]
agencies:
  deciding: Giám đốc Sở
  handling: Sở GDĐT
applicants: [Người được cấp văn bằng]
steps:
  - Nộp đơn      # bước duy nhất
channels: [in_person]
documents: [Đơn đề nghị]
sets: 1
time_limit: 2    # hai ngày làm việc

# Kết quả và phí
result: Bản sao văn bằng
fees: "2.000 đồng/trang"
legal_bases:
  - number: 23/2015/NĐ-CP
    title: Về cấp bản sao từ sổ gốc
published_by: {number: 2922/QĐ-UBND, date: 2018-11-05}
"""


def test_update_rewrites_only_the_imported_keys_that_changed(site):
    path = site.write(f"{FOLDER}/ban-sao.yaml", EDITED)
    site.write("danh-muc.csv", CSV.replace("Ngay trong ngày", "3 ngày làm việc"))
    refused = cchc(site, "import-thu-tuc", "danh-muc.csv")
    assert refused.stdout.splitlines()[1] == (
        f"  danh-muc.csv:2: đã có tệp {FOLDER}/ban-sao.yaml; không ghi đè, thêm --update để cập nhật các cột nhập "
        "từ bảng (file exists)")
    assert path.read_text(encoding="utf-8") == EDITED

    result = cchc(site, "import-thu-tuc", "danh-muc.csv", "--update")
    assert result.stdout.splitlines()[:2] == ["Đã cập nhật 1 tệp (updated):",
                                              f"  {FOLDER}/ban-sao.yaml (dòng 2): time_limit"]
    # Found by its code although the file name differs; the comment inside the rewritten block is gone,
    # every other line (comments, flow style, the blank line) is kept as the editor wrote it.
    assert path.read_text(encoding="utf-8") == EDITED.replace(
        "time_limit: 2    # hai ngày làm việc\n", "time_limit:\n  days: 3\n  unit: working_days\n")
    assert check_errors(site) == []

    again = cchc(site, "import-thu-tuc", "danh-muc.csv", "--update")
    assert again.stdout.splitlines()[:2] == ["Không thay đổi 1 tệp (unchanged):", f"  {FOLDER}/ban-sao.yaml (dòng 2)"]


def test_update_adds_a_missing_key_after_the_one_before_it(site):
    path = site.write(f"{FOLDER}/ban-sao.yaml", EDITED.replace('fees: "2.000 đồng/trang"\n', ""))
    site.write("danh-muc.csv", CSV)
    result = cchc(site, "import-thu-tuc", "danh-muc.csv", "--update")
    assert result.stdout.splitlines()[1] == f"  {FOLDER}/ban-sao.yaml (dòng 2): time_limit, fees"
    assert "result: Bản sao văn bằng\nfees: 2.000 đồng/trang\nlegal_bases:\n" in path.read_text(encoding="utf-8")


def test_a_file_without_a_header_row_imports_nothing(site):
    site.write("sai.csv", "a,b,c\n1,2,3\n")
    result = cchc(site, "import-thu-tuc", "sai.csv")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        'cchc: không tìm thấy dòng tiêu đề có cột "Tên thủ tục" trong 20 dòng đầu của sai.csv; tệp cần bảng như phụ '
        "lục Quyết định công bố (STT, Tên thủ tục, Mã, Lĩnh vực, Thời hạn, Phí, Căn cứ pháp lý, Cơ quan thực hiện) "
        "(header row not found)\n")
    assert cchc(site, "import-thu-tuc", "danh-muc.xls").stderr == (
        'cchc: tệp danh-muc.xls không phải .xlsx hay .csv; trong Excel chọn "Lưu thành" (Save As) dạng Excel '
        "Workbook (.xlsx) hoặc CSV UTF-8 (unsupported file type)\n")
    assert not (site.root / FOLDER).exists()

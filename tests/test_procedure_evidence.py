"""Procedures as an inspector reads them: fee apart from charge (the older combined line warned about), the legal
time limit apart from the department's shorter commitment, "kể từ ngày nhận đủ hồ sơ hợp lệ" as a rule, forms to
download, the national portal's page of each code, the date of the last check with its stale warning, and the
one-stop desk's list with the columns of Thông tư 01/2018/TT-VPCP."""

import io
import json
from pathlib import Path

import pytest
from conftest import Site
from PIL import Image
from procedure_helpers import with_catalogue_menu, write_procedure
from test_cli import cchc

FILE = "content/thu-tuc-hanh-chinh/a.yaml"


def line_of(path: Path, start: str) -> int:
    """The line (1-based) of the first line of ``path`` that starts with ``start``."""
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if line.startswith(start))


def warnings(site: Site) -> list[str]:
    reports = json.loads(cchc(site, "check", "--format", "json").stdout)
    return [f'{r["path"]}:{r["line"]}: {r["field"]}: {r["message"]}' for r in reports if r["severity"] == "warning"]


# --- fee and charge ----------------------------------------------------------------------------

def test_fee_and_charge_are_shown_apart(site):
    write_procedure(site, "a", fees=None, fee="10.000 đồng/bản", charge="Không")
    site.build_ok()
    page = site.html("thu-tuc-hanh-chinh/a/")
    assert [li.get_text() for li in page.select(".cchc-fees li")] == ["Phí: 10.000 đồng/bản", "Lệ phí: Không"]
    assert warnings(site) == []
    record = json.loads((site.site_dir / "thu-tuc-hanh-chinh/thu-tuc.json").read_text("utf-8"))["procedures"][0]
    assert (record["fee"], record["charge"], record["fees"]) == ("10.000 đồng/bản", "Không",
                                                            "Phí: 10.000 đồng/bản; lệ phí: Không")  # one line, as before


def test_the_older_combined_line_is_read_and_warned_about_with_how_to_split_it(site):
    path = write_procedure(site, "a", fees="10.000 đồng/bản")
    site.build_ok()
    assert site.html("thu-tuc-hanh-chinh/a/").select_one("#h-phi-le-phi + p").get_text() == "10.000 đồng/bản"
    assert warnings(site) == [
        f'{FILE}:{line_of(path, "fees:")}: fees: phí, lệ phí "10.000 đồng/bản" còn ghi chung một dòng (cách cũ); tách '
        'thành hai dòng "fee:" (phí) và "charge:" (lệ phí) như quyết định công bố, ghi "Không" cho khoản không thu, '
        'rồi xóa dòng "fees:" (combined fee and charge)']


def test_a_combined_no_fee_needs_no_split(site):
    write_procedure(site, "a", fees="Không")
    site.build_ok()
    assert warnings(site) == []
    assert [li.get_text() for li in site.html("thu-tuc-hanh-chinh/a/").select(".cchc-fees li")] == [
        "Phí: Không", "Lệ phí: Không"]


def test_combined_and_split_together_is_an_error(site):
    path = write_procedure(site, "a", fees="10.000 đồng/bản", fee="10.000 đồng/bản")
    assert site.build_failed() == [
        f'{FILE}:{line_of(path, "fees:")}: fees: đã ghi phí (fee:) và lệ phí (charge:) riêng nên xóa dòng "fees:" ghi '
        "chung (cách cũ), để hai nơi không nói khác nhau (combined and split fees)"]


# --- time limits ---------------------------------------------------------------------------

def test_the_committed_time_is_shown_apart_from_the_legal_one_with_its_document(site):
    write_procedure(site, "a", time_limit=15, committed_time_limit={
        "days": 12, "document": "Thông báo 371/TB-SGDĐT ngày 05/3/2020"})
    site.build_ok()
    page = site.html("thu-tuc-hanh-chinh/a/")
    assert page.select_one("#d-thoi-han-giai-quyet + p").get_text() == \
        "Theo quy định: 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ."
    assert page.select_one(".cchc-committed").get_text() == \
        "Sở cam kết giải quyết trong 12 ngày làm việc (Thông báo 371/TB-SGDĐT ngày 05/3/2020)."


@pytest.mark.parametrize("committed, field, message", [
    ({"days": 15, "document": "Thông báo 1/TB-SGDĐT"}, "committed_time_limit.days",
     "thời hạn cam kết 15 ngày làm việc không ngắn hơn thời hạn theo quy định 15 ngày làm việc; chỉ ghi khi Sở cam "
     "kết giải quyết nhanh hơn (commitment not shorter than the law)"),
    ({"days": 12}, "committed_time_limit.document",
     'thiếu văn bản cam kết (trường bắt buộc); thêm dòng "document: ..." (required field missing)'),
    ({"document": "Thông báo 1/TB-SGDĐT"}, "committed_time_limit.days",
     'thiếu số ngày Sở cam kết (trường bắt buộc); thêm dòng "days: ..." (required field missing)'),
    ("12 ngày", "committed_time_limit",
     'thời hạn Sở cam kết gồm các dòng "days:", "unit:", "document:" thụt vào dưới "committed_time_limit:" (expected a '
     "mapping)"),
])
def test_committed_time_limit_errors(site, committed, field, message):
    path = write_procedure(site, "a", time_limit=15, committed_time_limit=committed)
    [error] = site.build_failed()
    assert error.split(": ", 2)[1:] == [field, message]
    assert error.startswith(f"{FILE}:")
    assert int(error.split(":")[1]) >= line_of(path, "committed_time_limit:")


def test_counting_from_the_complete_dossier_is_a_rule_and_a_procedure_can_say_otherwise(site):
    write_procedure(site, "a", time_limit={"days": 10, "from_complete_dossier": False})
    write_procedure(site, "b", code="1.000002", time_limit=10)
    site.build_ok()
    shown = lambda slug: site.html(f"thu-tuc-hanh-chinh/{slug}/").select_one("#d-thoi-han-giai-quyet + p").text  # noqa
    assert (shown("a"), shown("b")) == ("10 ngày làm việc.", "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")
    site.config["extra"]["rules"] = {"time_limit_from_complete_dossier": False}
    site.write_config()
    site.build_ok()
    assert shown("b") == "10 ngày làm việc."


# --- forms, the national portal, the check against the national database ---------------------------

def test_forms_are_files_to_download(site):
    site.write("content/thu-tuc-hanh-chinh/mau/don.docx", b"PK\x03\x04 form")
    write_procedure(site, "a", forms=["Mẫu số 02 (chưa có tệp)", {"name": "Mẫu số 01: Đơn đề nghị", "file": "mau/don.docx"}])
    site.build_ok()
    items = site.html("thu-tuc-hanh-chinh/a/").select(".cchc-forms li")
    assert [li.get_text(" ", strip=True) for li in items] == ["Mẫu số 02 (chưa có tệp)",
                                                               "Mẫu số 01: Đơn đề nghị (Word, 9 B)"]
    link = items[1].a
    assert (link["href"], link.has_attr("download")) == ("../mau/don.docx", True)
    assert (site.site_dir / "thu-tuc-hanh-chinh/mau/don.docx").read_bytes() == b"PK\x03\x04 form"


@pytest.mark.parametrize("written, message", [
    ("mau/khong-co.docx", 'không tìm thấy tập tin "mau/khong-co.docx" (tìm ở content/thu-tuc-hanh-chinh/mau/khong-co.docx); '
                          "kiểm tra tên tệp và thư mục (file not found)"),
    ("mau/anh.png", 'tệp mẫu "mau/anh.png" phải là .pdf, .doc, .docx, .odt, .xls, .xlsx, .rtf để người dân tải về điền '
                    "(unsupported form file)"),
])
def test_form_file_errors(site, written, message):
    picture = io.BytesIO()
    Image.new("RGB", (120, 120), "white").save(picture, "PNG")  # a real picture: the site publishes it as one
    site.write("content/thu-tuc-hanh-chinh/mau/anh.png", picture.getvalue())
    path = write_procedure(site, "a", forms=[{"name": "Mẫu số 01", "file": written}])
    assert site.build_failed() == [f'{FILE}:{line_of(path, "  file:")}: forms[1].file: {message}']


def test_each_coded_procedure_links_to_its_own_page_on_the_national_portal(site):
    write_procedure(site, "a")
    write_procedure(site, "b", code=None, name="Không có mã")
    site.build_ok()
    link = site.html("thu-tuc-hanh-chinh/a/").select_one('a[href*="ma_thu_tuc"]')
    assert link["href"] == "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.006388"
    assert link.get_text() == "Thủ tục mã 1.006388 trên Cổng Dịch vụ công quốc gia"
    assert site.html("thu-tuc-hanh-chinh/b/").select_one('a[href*="ma_thu_tuc"]') is None
    site.config["extra"]["rules"] = {"national_procedure_url": "https://dvc.example.gov.vn/tthc/{code}"}
    site.write_config()
    site.build_ok()
    assert site.html("thu-tuc-hanh-chinh/a/").select_one('a[href^="https://dvc.example"]')["href"] == \
        "https://dvc.example.gov.vn/tthc/1.006388"


def test_a_pattern_without_its_code_is_refused(site):
    site.config["extra"]["rules"] = {"national_procedure_url": "https://dichvucong.gov.vn/"}
    lines = site.build_failed()
    assert len(lines) == 1 and lines[0].endswith(
        'extra.rules.national_procedure_url: mẫu địa chỉ "https://dichvucong.gov.vn/" phải là địa chỉ web https://… có '
        "chỗ {code} để thay bằng mã thủ tục (expected a URL with {code})")


def test_a_stale_check_against_the_national_database_is_a_warning_not_an_error(site):
    path = write_procedure(site, "a", fees=None, checked_on="2023-05-14")  # the tests' today is 15/11/2023
    write_procedure(site, "b", code="1.000002", fees=None, checked_on="2023-05-15")
    result = cchc(site, "check")
    assert result.returncode == 0
    assert warnings(site) == [
        f'{FILE}:{line_of(path, "checked_on:")}: checked_on: thủ tục đối chiếu với Cơ sở dữ liệu quốc gia về TTHC lần '
        "cuối ngày 14/05/2023, đã quá 6 tháng; đối chiếu lại (mã 1.006388 trên Cổng Dịch vụ công quốc gia), sửa nội "
        'dung nếu khác, rồi ghi ngày đối chiếu mới vào "checked_on:" (stale check)']
    assert "Cảnh báo nội dung (1), trang vẫn dựng được nhưng nên sửa (content warnings):" in result.stdout
    assert cchc(site, "check", "--strict").returncode == 1
    site.build_ok()
    assert site.html("thu-tuc-hanh-chinh/a/").select_one('time[datetime="2023-05-14"]') is not None
    site.config["extra"]["rules"] = {"national_check_months": 12}
    site.write_config()
    assert warnings(site) == []


def test_an_item_written_on_one_line_is_read_and_warned_about_for_the_browser_form(site):
    path = write_procedure(site, "a", fees=None, steps=["Nộp hồ sơ tại Bộ phận một cửa", {"title": "Sở thẩm định"}],
                           documents=[{"name": "Đơn đề nghị"}, "Giấy tờ tùy thân"], forms=["Mẫu số 01"])
    assert warnings(site) == [
        f'{FILE}:{line_of(path, "- Nộp hồ sơ")}: steps[1]: mục viết gọn một dòng; viết "- title: Nộp hồ sơ tại Bộ phận '
        'một cửa" để mở được tệp trong trang soạn bài trên trình duyệt (/quan-tri/) (short item)',
        f'{FILE}:{line_of(path, "- Giấy tờ tùy thân")}: documents[2]: mục viết gọn một dòng; viết "- name: Giấy tờ tùy '
        'thân" để mở được tệp trong trang soạn bài trên trình duyệt (/quan-tri/) (short item)',
        f'{FILE}:{line_of(path, "- Mẫu số 01")}: forms[1]: mục viết gọn một dòng; viết "- name: Mẫu số 01" để mở được '
        "tệp trong trang soạn bài trên trình duyệt (/quan-tri/) (short item)"]
    site.build_ok()
    assert "Bước 1: Nộp hồ sơ tại Bộ phận một cửa" in " ".join(site.html("thu-tuc-hanh-chinh/a/").get_text(" ").split())


# --- the one-stop desk's list -------------------------------------------------------------------

def test_the_one_stop_list_has_the_columns_of_the_circular_and_the_desk(site):
    with_catalogue_menu(site)
    site.config["extra"]["one_stop"] = {"name": "Bộ phận Một cửa của Sở", "address": "Số 2 Đường Thử",
                                        "hours": "Sáng 7:00–11:00, chiều 13:00–17:00"}
    write_procedure(site, "a", committed_time_limit={"days": 10, "document": "Thông báo 1/TB-SGDĐT"})
    write_procedure(site, "b", code=None, name="Chuyển trường", field="G03-GD10", address=None, online_level="none",
                    portal_url=None, channels=["in_person"], fees="Không")
    site.build_ok()
    page = site.html("thu-tuc-hanh-chinh/mot-cua/")
    assert [th.get_text() for th in page.select("thead th")] == [
        "STT", "Tên thủ tục hành chính (mã)", "Lĩnh vực", "Thời hạn giải quyết", "Phí, lệ phí",
        "Địa điểm tiếp nhận, trả kết quả", "Cách thức thực hiện", "Trực tiếp", "Bưu chính công ích", "Trực tuyến"]
    rows = [[c.get_text(" ", strip=True) for c in tr.select("th, td")] for tr in page.select("tbody tr")]
    assert rows == [
        ["1", "Chuyển trường", "Giáo dục trung học", "14 ngày làm việc (kể từ ngày nhận đủ hồ sơ hợp lệ)", "Không",
         "Số 2 Đường Thử", "Có", "Không", "Không"],
        ["2", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc (1.006388)", "Văn bằng, chứng chỉ",
         "14 ngày làm việc (kể từ ngày nhận đủ hồ sơ hợp lệ); Sở cam kết 10 ngày làm việc", "10.000 đồng/bản",
         "Số 1 Đường Thử, phường 1", "Có", "Có", "Toàn trình"]]
    desk = page.select_one(".cchc-one-stop__desk").get_text(" ", strip=True)
    assert "Bộ phận Một cửa của Sở" in desk and "Sáng 7:00–11:00, chiều 13:00–17:00" in desk
    assert page.select_one(".cchc-feedback") is not None
    assert site.html("thu-tuc-hanh-chinh/b/").select_one("#b-cach-thuc-thuc-hien ~ p").get_text(" ", strip=True) == (
        "Địa chỉ tiếp nhận hồ sơ và trả kết quả: Bộ phận Một cửa của Sở, Số 2 Đường Thử; thời gian làm việc: Sáng "
        "7:00–11:00, chiều 13:00–17:00.")
    assert site.html("thu-tuc-hanh-chinh/").select_one('a[href="mot-cua/"]') is not None


def test_a_procedure_file_cannot_take_the_one_stop_lists_address(site):
    write_procedure(site, "mot-cua")
    assert site.build_failed() == [
        'content/thu-tuc-hanh-chinh/mot-cua.yaml: tên tệp cho đường dẫn "mot-cua" không dùng được (trống, hoặc '
        '"linh-vuc", "mot-cua" đã dành cho trang lĩnh vực và danh mục Bộ phận Một cửa); đổi tên tệp (reserved slug)']


# --- the feedback block the notice board requires -----------------------------------------------

def test_the_feedback_block_names_the_body_from_the_settings(site):
    write_procedure(site, "a")
    site.build_ok()
    block = site.html("thu-tuc-hanh-chinh/a/").select_one(".cchc-feedback dl").get_text(" | ", strip=True)
    assert block == ("Cơ quan tiếp nhận | Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm | Địa chỉ | Số 1 Đường Thử, phường 1 | "
                     "Điện thoại | 0299.3000003 | Email | vanphong@example.edu.vn | Gửi trực tuyến | Phản ánh, kiến "
                     "nghị trên Cổng Dịch vụ công quốc gia")
    site.config["extra"]["feedback"] = {"name": "Phòng Kiểm soát thủ tục hành chính, Văn phòng UBND tỉnh",
                                        "address": "Số 9 Đường Tỉnh", "phone": "0299.3999999", "email": "ks@example.gov.vn"}
    site.write_config()
    site.build_ok()
    block = site.html("thu-tuc-hanh-chinh/a/").select_one(".cchc-feedback dl").get_text(" | ", strip=True)
    assert block.startswith("Cơ quan tiếp nhận | Phòng Kiểm soát thủ tục hành chính, Văn phòng UBND tỉnh | Địa chỉ | "
                            "Số 9 Đường Tỉnh | Điện thoại | 0299.3999999 | Email | ks@example.gov.vn")


def test_a_wrong_feedback_email_is_an_error_of_the_settings(site):
    site.config["extra"]["feedback"] = {"email": "khong-phai-email"}
    lines = site.build_failed()
    assert len(lines) == 1 and lines[0].endswith(
        'extra.feedback.email: email "khong-phai-email" không phải địa chỉ email hợp lệ (invalid email)')

"""Every content error stops the build with its exact message: file, line, field, fix, in Vietnamese."""

from conftest import front_matter_text, image_bytes


def test_missing_title(site):
    site.article("khong-tieu-de", title=None)
    assert site.build_failed() == [
        'content/tin-tuc/khong-tieu-de.md:2: title: thiếu tiêu đề (trường bắt buộc); '
        'thêm dòng "title: ..." (required field missing)'
    ]


def test_bad_date(site):
    site.article("sai-ngay", date="32/13/2022")
    assert site.build_failed() == [
        'content/tin-tuc/sai-ngay.md:3: date: ngày giờ đăng "32/13/2022" không đúng dạng ngày giờ; '
        'viết "2022-02-24 08:30" hoặc "24/02/2022 08:30" (invalid date)'
    ]


def test_duplicate_slug_names_both_files(site):
    site.article("bai-mot", title="Đường dây nóng")
    site.article("bai-hai", slug="Bài một")
    assert site.build_failed() == [
        'content/tin-tuc/bai-mot.md: slug: đường dẫn "tin-tuc/bai-mot/" trùng với bài '
        'content/tin-tuc/bai-hai.md; đặt "slug:" khác cho một trong hai bài (duplicate slug)'
    ]


def test_unclosed_front_matter(site):
    site.write("content/tin-tuc/hong.md", "---\ntitle: Bài\ndate: 2022-01-01\n\nThân bài.\n")
    assert site.build_failed() == [
        'content/tin-tuc/hong.md:1: phần đầu bài mở bằng "---" nhưng không có dòng "---" đóng lại; '
        "thêm dòng --- sau trường cuối cùng (front matter is not closed)"
    ]


def test_malformed_yaml_front_matter_which_mkdocs_would_drop_silently(site):
    site.write("content/tin-tuc/hong.md", "---\ntitle: Bài\nsummary: [chưa đóng\ndate: 2022-01-01\n---\nThân.\n")
    assert site.build_failed() == [
        "content/tin-tuc/hong.md:3: YAML viết sai cú pháp; kiểm tra dấu hai chấm, thụt lề và dấu ngoặc "
        "kép quanh giá trị có dấu ':' hoặc '#' (while parsing a flow sequence expected ',' or ']', but got ':')"
    ]


def test_duplicate_key_in_front_matter(site):
    site.write("content/tin-tuc/lap.md", front_matter_text({"title": "A", "date": "2022-01-01",
               "summary": "S", "category": "Hoạt động CCHC"}).replace("summary: S\n", "summary: S\ntitle: B\n"))
    assert site.build_failed() == [
        'content/tin-tuc/lap.md:5: khóa "title" bị lặp lại (đã có ở dòng 2); hãy xóa một trong hai (duplicate key)'
    ]


def test_unknown_category_lists_the_allowed_ones(site):
    site.article("la", category="Tin lạ")
    assert site.build_failed() == [
        'content/tin-tuc/la.md:5: category: chuyên mục "Tin lạ" không có trong danh sách; '
        "chọn một trong: Hoạt động CCHC, Thủ tục hành chính (unknown category)"
    ]


def test_category_may_be_written_by_slug_or_without_diacritics(site):
    site.article("a", category="thu-tuc-hanh-chinh")
    site.article("b", category="Thu tuc hanh chinh")
    site.build_ok()


def test_unknown_field_suggests_the_right_one(site):
    site.article("go-nham", titel="Sai chính tả")
    assert site.build_failed() == [
        'content/tin-tuc/go-nham.md:8: titel: trường không được hỗ trợ; có phải ý bạn là "title"? (unknown field)'
    ]


def test_missing_attachment_and_cover_alt(site):
    site.article("thieu-tep", attachments=["khong-co.pdf"], image="anh.png")
    site.write("content/tin-tuc/anh.png", image_bytes(800, 600))
    assert site.build_failed() == [
        'content/tin-tuc/thieu-tep.md:2: image_alt: thiếu mô tả ảnh cho người khiếm thị (trường bắt buộc); '
        'thêm dòng "image_alt: ..." (required field missing)',
        'content/tin-tuc/thieu-tep.md:9: attachments[1]: không tìm thấy tập tin "khong-co.pdf" '
        "(tìm ở content/tin-tuc/khong-co.pdf); kiểm tra tên tệp và thư mục (file not found)",
    ]


def test_draft_must_be_a_boolean(site):
    site.article("nhap", draft="có")
    assert site.build_failed() == [
        'content/tin-tuc/nhap.md:8: draft: bản nháp chỉ nhận "true" hoặc "false", không phải "có" (expected a boolean)'
    ]


def test_reserved_slug(site):
    site.article("2022")
    assert site.build_failed() == [
        'content/tin-tuc/2022.md:2: slug: đường dẫn "2022" không dùng được (trống, là năm, "chuyen-muc" '
        'hoặc "trang-N" đã dành cho trang danh sách); đặt "slug:" khác hoặc đổi tên tệp (reserved slug)'
    ]


def test_all_errors_are_reported_at_once(site):
    site.article("mot", title=None)
    site.article("hai", date="hôm qua")
    site.article("ba", category="Không có")
    lines = site.build_failed()
    assert [line.split(":")[0] for line in lines] == [
        "content/tin-tuc/ba.md", "content/tin-tuc/hai.md", "content/tin-tuc/mot.md"]


def test_content_file_clashing_with_a_generated_page(site):
    site.write("content/tin-tuc/index.md", "# Trang tin tự viết\n")
    assert site.build_failed() == [
        "content/tin-tuc/index.md: tệp này trùng địa chỉ /tin-tuc/ với trang do cchc tạo tự động "
        '("Tin tức"); đổi tên hoặc chuyển tệp sang thư mục khác (clashes with a generated page)'
    ]


def test_missing_site_url(site):
    del site.config["site_url"]
    site.article("a")
    assert site.build_failed() == [
        'mkdocs.yml:1: site_url: thiếu địa chỉ trang (site_url); thêm dòng '
        '"site_url: https://cchc.sogddt.example.gov.vn/" vì luồng RSS/Atom và sitemap cần địa chỉ tuyệt đối '
        "(site_url is required for feeds)"
    ]


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def test_department_settings_are_validated(site):
    del site.config["extra"]["department"]["feedback_hotline"]
    site.config["extra"]["department"]["email"] = "khong-phai-email"
    site.config["extra"]["department"]["provincial_portal"] = "dichvucong.tinh"
    site.write_config()
    config = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    department, email, portal = (line_of(config, key) for key in
                                 ("  department:", "    email:", "    provincial_portal:"))
    assert site.build_failed() == [
        f"mkdocs.yml:{department}: extra.department.feedback_hotline: thiếu số điện thoại tiếp nhận phản ánh, "
        'kiến nghị về quy định hành chính (trường bắt buộc); thêm dòng "feedback_hotline: ..." (required field missing)',
        f'mkdocs.yml:{email}: extra.department.email: email "khong-phai-email" không phải địa chỉ email hợp lệ '
        "(invalid email)",
        f'mkdocs.yml:{portal}: extra.department.provincial_portal: địa chỉ Cổng Dịch vụ công của tỉnh '
        '"dichvucong.tinh" không phải địa chỉ web; viết đủ dạng https://ten-mien.gov.vn (expected an http(s) URL)',
    ]


def test_article_not_saved_as_utf8(site):
    site.write("content/tin-tuc/latin1.md", "---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    assert site.build_failed() == [
        "content/tin-tuc/latin1.md:2: tệp không được lưu ở bảng mã UTF-8 (có thể là Windows-1258 hoặc TCVN3); "
        'mở tệp, chọn "Lưu thành" (Save As) với bảng mã UTF-8 rồi chạy lại (file is not UTF-8)'
    ]


def test_two_files_published_at_the_same_url_name_both(site):
    site.article("trung-dia-chi")
    site.write("content/tin-tuc/trung-dia-chi/index.md", "# Trang tự viết\n")
    assert site.build_failed() == [
        "content/tin-tuc/trung-dia-chi.md: trùng địa chỉ /tin-tuc/trung-dia-chi/ với "
        "content/tin-tuc/trung-dia-chi/index.md; đổi slug hoặc tên tệp (same URL twice)"
    ]


def test_data_files_not_saved_as_utf8_are_one_clean_error_each(site):
    site.plan(2022)
    plan = site.root / "plans/2022.yaml"
    legacy = "Céng hoµ".encode("latin-1")  # TCVN3 bytes, as a file saved from an old Word template holds them
    plan.write_bytes(plan.read_bytes().replace("Chủ đề tháng 1".encode(), legacy))
    site.write("content/van-ban/cu.yaml", b"number: 1/KH-SGDDT\nsummary: " + legacy + b"\n")
    not_utf8 = ('tệp không được lưu ở bảng mã UTF-8 (có thể là Windows-1258 hoặc TCVN3); mở tệp, chọn "Lưu thành" '
                "(Save As) với bảng mã UTF-8 rồi chạy lại (file is not UTF-8)")
    assert site.build_failed() == [f"content/van-ban/cu.yaml:2: {not_utf8}", f"plans/2022.yaml:8: {not_utf8}"]

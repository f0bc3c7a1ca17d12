"""Bad procedure files stop the build with exact messages naming file, line and field."""

from procedure_helpers import write_procedure

TIME_HELP = ('viết số ngày làm việc lớn hơn 0 (ví dụ "time_limit: 15") hoặc chữ bắt đầu bằng một trong: '
             '"Ngay trong ngày", "Theo đợt", "Theo kế hoạch", "Theo hướng dẫn", "Theo quy chế", "Theo quy định", '
             '"Chưa quy định" (invalid time limit)')
FILE = "content/thu-tuc-hanh-chinh/a.yaml"


def test_duplicate_code_names_both_files(site):
    write_procedure(site, "a")
    write_procedure(site, "b", name="Thủ tục khác")
    assert site.build_failed() == [
        'content/thu-tuc-hanh-chinh/b.yaml:1: code: mã thủ tục "1.006388" trùng với thủ tục ở '
        "content/thu-tuc-hanh-chinh/a.yaml; mỗi thủ tục có một mã riêng, kiểm tra lại mã (duplicate code)"]


def test_malformed_code(site):
    write_procedure(site, "a", code="1.00638")
    assert site.build_failed() == [
        f'{FILE}:1: code: mã thủ tục "1.00638" không đúng dạng d.dddddd (một chữ số, dấu chấm, sáu chữ số); '
        'viết trong ngoặc kép, ví dụ code: "1.006388" (malformed code)']


def test_code_written_as_a_yaml_number_keeps_its_digits(site):
    site.write(FILE, "code: 1.006380\n" + write_procedure(site, "a").read_text("utf-8").split("\n", 1)[1])
    site.build_ok()
    assert "1.006380" in site.html("thu-tuc-hanh-chinh/a/").select_one(".cchc-procedure__facts dd").get_text()


def test_time_limit_of_zero_days(site):
    write_procedure(site, "a", time_limit=0)
    assert site.build_failed() == [f'{FILE}:40: time_limit: thời hạn giải quyết "0" không hợp lệ; {TIME_HELP}']


def test_negative_time_limit_points_at_the_days_line(site):
    write_procedure(site, "a", time_limit={"days": -3})
    assert site.build_failed() == [f'{FILE}:41: time_limit: thời hạn giải quyết "-3" không hợp lệ; {TIME_HELP}']


def test_time_limit_that_is_no_number_and_no_recognised_text(site):
    write_procedure(site, "a", time_limit="mười lăm ngày")
    assert site.build_failed() == [f'{FILE}:40: time_limit: thời hạn giải quyết "mười lăm ngày" không hợp lệ; {TIME_HELP}']


def test_time_limit_texts_and_numbers_written_as_words_are_accepted(site):
    write_procedure(site, "a", time_limit="15 ngày làm việc")
    write_procedure(site, "b", code="1.000002", time_limit="ngay trong ngày; nhận sau 15 giờ thì trả hôm sau")
    site.build_ok()
    assert site.html("thu-tuc-hanh-chinh/a/").select_one("h2#d-thoi-han-giai-quyet + p").get_text() \
        == "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ."  # the rules' default (extra: rules:)


def test_channel_errors_name_the_channel(site):
    write_procedure(site, "a", channels=[{"via": "fax", "time_limit": "0 ngày"}])
    assert site.build_failed() == [
        f'{FILE}:22: channels[1].via: hình thức nộp "fax" không hợp lệ; chọn một trong: "in_person" (Trực tiếp), '
        '"online" (Trực tuyến), "postal" (Dịch vụ bưu chính) (unknown value)',
        f'{FILE}:23: channels[1].time_limit: thời hạn giải quyết "0 ngày" không hợp lệ; {TIME_HELP}']


def test_missing_mandatory_components_cite_decree_63(site):
    write_procedure(site, "a", steps=None, result=None, sets=None)
    law = "thành phần bắt buộc của thủ tục hành chính (Nghị định 63/2010/NĐ-CP, Điều 8)"
    assert site.build_failed() == [
        f'{FILE}:1: result: thiếu kết quả thực hiện, {law}; thêm "result:" theo mẫu trong docs/bien-tap/thu-tuc-hanh-chinh.md (mandatory component missing)',
        f'{FILE}:1: sets: thiếu số lượng hồ sơ, {law}; thêm "sets:" theo mẫu trong docs/bien-tap/thu-tuc-hanh-chinh.md (mandatory component missing)',
        f'{FILE}:1: steps: thiếu trình tự thực hiện, {law}; thêm "steps:" theo mẫu trong docs/bien-tap/thu-tuc-hanh-chinh.md (mandatory component missing)']


def test_unknown_field_code(site):
    write_procedure(site, "a", field="G03-GD99")
    assert site.build_failed() == [
        f'{FILE}:4: field: mã lĩnh vực "G03-GD99" không có trong danh mục; chọn một trong: G03-GD01, G03-GD02, '
        "G03-GD03, G03-GD04, G03-GD05, G03-GD06, G03-GD07, G03-GD08, G03-GD09, G03-GD10, G03-GD11, G03-GD12, "
        "G03-GD13, G03-GD14, BGD-GD15 (unknown field code)"]


def test_abolished_without_a_date(site):
    write_procedure(site, "a", status="abolished")
    assert site.build_failed() == [
        f'{FILE}:61: status: thủ tục đã bãi bỏ nhưng thiếu ngày bãi bỏ; thêm dòng "abolished_on: 2024-01-15" '
        "(abolished without a date)"]


def test_history_dated_after_the_build(site):
    write_procedure(site, "a", history=[{"date": "2023-11-16", "change": "Sửa"}])
    assert site.build_failed() == [
        f"{FILE}:63: history[1].date: ngày thay đổi 16/11/2023 ở sau ngày dựng trang (15/11/2023); chỉ ghi thay đổi "
        "đã có hiệu lực, kiểm tra lại năm (date in the future)"]


def test_online_service_needs_its_portal_link(site):
    write_procedure(site, "a", portal_url=None)
    assert site.build_failed() == [
        f'{FILE}:56: online_level: thủ tục có dịch vụ công trực tuyến ("toan_trinh") nhưng thiếu đường dẫn; thêm '
        'dòng "portal_url: https://dichvucong..." (online service without a link)']


def test_every_procedure_error_is_reported_at_once(site):
    write_procedure(site, "a", code="x")
    write_procedure(site, "b", code="1.000002", field="Z", titel="typo")
    lines = site.build_failed()
    assert [line.split(": ")[1] for line in lines] == ["code", "field", "titel"]
    assert lines[2] == ('content/thu-tuc-hanh-chinh/b.yaml:68: titel: trường không được hỗ trợ; có phải ý bạn là '
                        '"field"? (unknown field)')

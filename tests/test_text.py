from datetime import datetime, timezone

from cchc.core.text import fold_diacritics, format_date, format_datetime, format_size, nfc, slugify, xml_safe


def test_slugify_folds_diacritics_and_d_bar():
    assert slugify("Đường dây nóng") == "duong-day-nong"
    assert slugify("Hỏi – đáp về thủ tục") == "hoi-dap-ve-thu-tuc"
    assert slugify("  Kế hoạch 290/KH-SGDĐT  ") == "ke-hoach-290-kh-sgddt"


def test_slugify_of_nfd_text_equals_slugify_of_nfc_text():
    decomposed = "Thu\u0309 tu\u0323c"  # "Thủ tục" typed on macOS
    assert slugify(decomposed) == slugify("Thủ tục") == "thu-tuc"


def test_fold_diacritics_keeps_case_and_spacing():
    assert fold_diacritics("Cấp bản sao văn bằng") == "Cap ban sao van bang"
    assert fold_diacritics("ĐĂNG KÝ") == "DANG KY"


def test_nfc_composes():
    assert nfc("Ho\u0309i") == "Hỏi"


def test_xml_safe_removes_only_forbidden_controls():
    assert xml_safe("Tin\x0bmới\x00\ttab\nxuống dòng") == "Tinmới\ttab\nxuống dòng"


def test_dates_are_shown_in_vietnam_time():
    utc_evening = datetime(2022, 2, 23, 18, 30, tzinfo=timezone.utc)  # 01:30 on the 24th in Vietnam
    assert format_date(utc_evening) == "24/02/2022"
    assert format_datetime(utc_evening) == "24/02/2022 01:30"


def test_format_size_uses_decimal_comma():
    assert format_size(512) == "512 B"
    assert format_size(1536) == "1,5 KB"
    assert format_size(3 * 1024 * 1024) == "3,0 MB"
    assert format_size(250 * 1024) == "250 KB"

"""Text hygiene findings and repairs on strings: exact messages, nothing changed outside the repairs."""

from cchc.core.hygiene import repair, scan


def kinds(text: str) -> list[tuple[int, str]]:
    return [(f.line, f.kind) for f in scan(text)]


def test_clean_vietnamese_has_no_findings():
    text = "---\ntitle: Thủ tục hành chính\n---\n\nĐường dây nóng: 02993.616042 – “Hỏi – đáp”.\n"
    assert scan(text) == []


def test_decomposed_text_is_composed():
    text = "title: Thu\u0309 tu\u0323c\n"
    [finding] = scan(text)
    assert finding.line == 1
    assert finding.message == (
        'chữ có dấu viết ở dạng dấu rời (Unicode tổ hợp, NFD – thường do máy Mac hoặc bảng mã Windows-1258), '
        'ví dụ "Thủ"; chạy "cchc check --fix" để chuyển sang dạng dựng sẵn NFC (decomposed Unicode)')
    assert repair(text, [finding]) == "title: Thủ tục\n"


def test_legacy_tcvn3_line():
    text = "a: 1\nsummary: Céng hoµ x· héi chñ nghÜa ViÖt Nam\n"
    [finding] = scan(text)
    assert (finding.line, finding.kind) == (2, "legacy")
    assert finding.message == (
        'chữ bảng mã TCVN3 (ABC, phông .VnTime) dán từ Word: "Céng hoµ x· héi chñ nghÜa ViÖt" đọc là '
        '"Cộng hoà xã hội chủ nghĩa Việt"; chạy "cchc check --fix" để chuyển sang Unicode (legacy TCVN3 text)')
    assert repair(text, [finding]) == "a: 1\nsummary: Cộng hoà xã hội chủ nghĩa Việt Nam\n"


def test_tcvn3_words_starting_with_a_toned_letter_ask_to_check_capitals():
    [finding] = scan("¸nh s¸ng míi\n")
    assert finding.message.endswith(
        "; kiểm tra lại chữ hoa có dấu ở đầu từ vì bảng mã TCVN3 không phân biệt được (legacy TCVN3 text)")


def test_legacy_vni_line():
    text = "Xin chaøo caùc baïn\n"
    [finding] = scan(text)
    assert finding.message == (
        'chữ bảng mã VNI-Windows (phông VNI-Times) dán từ Word: "chaøo caùc baïn" đọc là "chào các bạn"; '
        'chạy "cchc check --fix" để chuyển sang Unicode (legacy VNI text)')
    assert repair(text, [finding]) == "Xin chào các bạn\n"


def test_controls_zero_width_and_nbsp():
    text = "Tin\x0bmới\x01\u00a0Sở\u200bGDĐT\u00a0\u00a0x\r\n"
    assert kinds(text) == [(1, "control"), (1, "invisible"), (1, "nbsp")]
    control, invisible, nbsp = scan(text)
    assert control.message == (
        "có ký tự điều khiển U+000B (ngắt dòng của Word), U+0001 ở cột 4 (thường do dán từ Word); "
        'chạy "cchc check --fix" để thay ngắt dòng, ngắt trang bằng dấu cách và xóa các ký tự khác (control character)')
    assert invisible.message == ('có ký tự vô hình U+200B ở cột 12 (khoảng trắng độ rộng 0); '
                                 'chạy "cchc check --fix" để xóa (zero-width character)')
    assert nbsp.message == ('có 3 dấu cách không ngắt (NBSP U+00A0) từ cột 9; '
                            'chạy "cchc check --fix" để thay bằng dấu cách thường (non-breaking space)')
    assert repair(text, scan(text)) == "Tin mới SởGDĐT  x\r\n"


def test_byte_order_mark_at_the_start_and_emoji_joiners_are_kept():
    text = "\ufefftitle: A\nGia đình 👨\u200d👩\u200d👧\n"
    assert scan(text) == []


def test_byte_order_mark_inside_the_text_is_removed():
    assert repair("a\ufeffb\n", scan("a\ufeffb\n")) == "ab\n"


def test_repairs_touch_only_their_spans_and_keep_line_endings():
    text = "dòng một\r\nThu\u0309\u00a0tục\r\n\r\nB¶o Th¾ng\rkhông đổi\n"
    fixed = repair(text, scan(text))
    assert fixed == "dòng một\r\nThủ tục\r\n\r\nBảo Thắng\rkhông đổi\n"

"""TCVN3 (ABC) and VNI-Windows text: complete tables, both directions, and detection without false alarms."""

import unicodedata

import pytest

from cchc.core.legacy import TCVN3, TCVN3_ENCODING, VNI, VNI_ENCODING, detect, is_syllable

TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # ngang, huyền, sắc, hỏi, ngã, nặng
VOWELS = "a ă â e ê i o ô ơ u ư y".split()


def vietnamese_letters() -> list[str]:
    lower = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES] + ["đ"]
    return lower + [letter.upper() for letter in lower]


def test_there_are_134_vietnamese_letters_and_both_tables_have_each_of_them():
    letters = vietnamese_letters()
    assert len(letters) == len(set(letters)) == 146  # 134 with a mark, plus a e i o u y in both cases
    assert len([ch for ch in letters if not ch.isascii()]) == 134
    assert set(TCVN3) == set(VNI) == set(letters)


@pytest.mark.parametrize("letter", [ch for ch in vietnamese_letters() if ch.islower()])
def test_every_lower_case_letter_converts_both_ways(letter):
    for encoding in (TCVN3_ENCODING, VNI_ENCODING):
        assert encoding.decode("x" + encoding.encode(letter)) == "x" + letter


def test_vni_keeps_upper_case_letters():
    for letter in vietnamese_letters():
        assert VNI_ENCODING.decode(VNI_ENCODING.encode(letter + "x")) == letter + "x"


def test_tcvn3_has_own_codes_only_for_seven_capitals_and_loses_the_case_of_toned_capitals():
    own = {letter for letter in vietnamese_letters() if letter.isupper() and not letter.isascii() and TCVN3[letter] != TCVN3[letter.lower()]}
    assert own == set("ĂÂÊÔƠƯĐ")
    assert TCVN3["Ộ"] == TCVN3["ộ"] == "é"
    assert TCVN3_ENCODING.decode("¸nh s¸ng") == "ánh sáng"  # "Ánh sáng" typed with .VnTimeH: case lost
    assert TCVN3_ENCODING.decode("CéNG HOµ X· HéI") == "CỘNG HOÀ XÃ HỘI"  # a line in capitals
    assert TCVN3_ENCODING.decode("§iÖn tho¹i") == "Điện thoại"  # own capital code


@pytest.mark.parametrize("legacy, unicode", [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("B¶o Th¾ng", "Bảo Thắng"),
    ("M\u00adêng Kh\u00ad¬ng", "Mường Khương"),
    ("Së Gi¸o dôc vµ §µo t¹o", "Sở Giáo dục và Đào tạo"),
])
def test_known_tcvn3_samples(legacy, unicode):
    assert detect(legacy) is TCVN3_ENCODING
    assert TCVN3_ENCODING.decode(legacy) == unicode
    assert TCVN3_ENCODING.encode(unicode) == legacy


@pytest.mark.parametrize("legacy, unicode", [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("Sôû Giaùo duïc vaø Ñaøo taïo", "Sở Giáo dục và Đào tạo"),
    ("THUÛ TUÏC HAØNH CHÍNH", "THỦ TỤC HÀNH CHÍNH"),
])
def test_known_vni_samples(legacy, unicode):
    assert detect(legacy) is VNI_ENCODING
    assert VNI_ENCODING.decode(legacy) == unicode
    assert VNI_ENCODING.encode(unicode) == legacy


@pytest.mark.parametrize("sentence", [
    "Ngày 24/02/2022, Sở GDĐT ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2022.",
    "Đường dây nóng tiếp nhận phản ánh, kiến nghị về thủ tục hành chính của người dân.",
    "Công tác cải cách thủ tục hành chính được triển khai đồng bộ trong toàn ngành.",
])
def test_vietnamese_unicode_encoded_then_detected_and_converted_back(sentence):
    for encoding in (TCVN3_ENCODING, VNI_ENCODING):
        legacy = encoding.encode(sentence)
        assert detect(legacy) is encoding
        assert encoding.decode(legacy) == sentence
        assert detect(sentence) is None


@pytest.mark.parametrize("text", [
    "Tôi là giáo viên ở Sóc Trăng",  # Vietnamese written only with Latin-1 letters
    "Hello world, this is plain English text about the site.",
    "Où est la bibliothèque? Là-bas, près du château.",
    "Größe, Müller und schön",
    "Señor, el año pasado el niño comió.",
    "café crème brûlée à la française",
    "© 2022 Sở GDĐT · Bản quyền ® µ",
    "Kích thước 5 µm to 10 µm, nhiệt độ 25 °C",
    "title: Kế hoạch số 290/KH-SGDĐT",
    "xaõ nghóa caùc",  # VNI-like but every word is already a valid Vietnamese syllable
])
def test_no_false_alarm(text):
    assert detect(text) is None


def test_syllable_shape():
    assert all(is_syllable(w) for w in ["nghiêng", "người", "khuyến", "quyết", "giữa", "Đường", "oán"])
    assert not any(is_syllable(w) for w in ["hoµ", "Céngs", "bibliothèque", "schön", "hóà", "str"])

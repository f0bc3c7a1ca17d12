"""Vietnamese text typed in the legacy TCVN3 (ABC) and VNI-Windows encodings, and its repair.

Word documents written with the fonts ``.VnTime`` (TCVN3) or ``VNI-Times`` (VNI) store
Vietnamese letters as Latin-1 characters; pasted into a Unicode editor they come out as
"Céng hoµ x· héi chñ nghÜa ViÖt Nam" (TCVN3) or "Coäng hoøa xaõ hoäi" (VNI).

The tables below map each of the 134 Vietnamese letters (67 lower case, 67 upper case) to
how the legacy encoding writes it. They were written by hand from the letter/tone grid and
checked, letter by letter, against two public converters: the TCVN3 and VNI tables of
xvnkb by Dao Hai Lam (github.com/lamdao/xvnkb, ``tcvn.h`` and ``vni.h``) and the charsets
of the npm package vietnamese-conversion (github.com/duydev/vietnamese-conversion,
``src/charsets.ts``). The tests convert every letter both ways.

Case loss in TCVN3: the TCVN3 (VN3) character set has its own codes only for the seven
upper-case letters Ă Â Ê Ô Ơ Ư Đ. Upper-case letters with a tone (À, Ấ, Ộ, …) were written
with the lower-case code in an upper-case font (``.VnTimeH``), so plain text cannot tell
"À" from "à". Conversion restores upper case only in a line typed in capitals ("CéNG HOµ X·
HéI" -> "CỘNG HOÀ XÃ HỘI") or a word with two capitals and no ASCII lower-case letter
("Céng hoµ VIÖT NAM" -> "Cộng hoà VIỆT NAM"); elsewhere such letters come out lower case ("¸nh
s¸ng" -> "ánh sáng", even at the start of a sentence), and editors are told to check.

VNI is a base letter followed by a mark character; its upper-case letters have their own
marks, so VNI converts without case loss.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Unicode letter -> TCVN3 (VN3) character; upper-case toned letters reuse the lower-case code.
TCVN3: dict[str, str] = {
    "a": "a", "à": "µ", "á": "¸", "ả": "¶", "ã": "·", "ạ": "¹",
    "ă": "¨", "ằ": "»", "ắ": "¾", "ẳ": "¼", "ẵ": "½", "ặ": "Æ",
    "â": "©", "ầ": "Ç", "ấ": "Ê", "ẩ": "È", "ẫ": "É", "ậ": "Ë",
    "e": "e", "è": "Ì", "é": "Ð", "ẻ": "Î", "ẽ": "Ï", "ẹ": "Ñ",
    "ê": "ª", "ề": "Ò", "ế": "Õ", "ể": "Ó", "ễ": "Ô", "ệ": "Ö",
    "i": "i", "ì": "×", "í": "Ý", "ỉ": "Ø", "ĩ": "Ü", "ị": "Þ",
    "o": "o", "ò": "ß", "ó": "ã", "ỏ": "á", "õ": "â", "ọ": "ä",
    "ô": "«", "ồ": "å", "ố": "è", "ổ": "æ", "ỗ": "ç", "ộ": "é",
    "ơ": "¬", "ờ": "ê", "ớ": "í", "ở": "ë", "ỡ": "ì", "ợ": "î",
    "u": "u", "ù": "ï", "ú": "ó", "ủ": "ñ", "ũ": "ò", "ụ": "ô",
    "ư": "\u00ad", "ừ": "õ", "ứ": "ø", "ử": "ö", "ữ": "÷", "ự": "ù",
    "y": "y", "ỳ": "ú", "ý": "ý", "ỷ": "û", "ỹ": "ü", "ỵ": "þ",
    "đ": "®",
    "A": "A", "À": "µ", "Á": "¸", "Ả": "¶", "Ã": "·", "Ạ": "¹",
    "Ă": "¡", "Ằ": "»", "Ắ": "¾", "Ẳ": "¼", "Ẵ": "½", "Ặ": "Æ",
    "Â": "¢", "Ầ": "Ç", "Ấ": "Ê", "Ẩ": "È", "Ẫ": "É", "Ậ": "Ë",
    "E": "E", "È": "Ì", "É": "Ð", "Ẻ": "Î", "Ẽ": "Ï", "Ẹ": "Ñ",
    "Ê": "£", "Ề": "Ò", "Ế": "Õ", "Ể": "Ó", "Ễ": "Ô", "Ệ": "Ö",
    "I": "I", "Ì": "×", "Í": "Ý", "Ỉ": "Ø", "Ĩ": "Ü", "Ị": "Þ",
    "O": "O", "Ò": "ß", "Ó": "ã", "Ỏ": "á", "Õ": "â", "Ọ": "ä",
    "Ô": "¤", "Ồ": "å", "Ố": "è", "Ổ": "æ", "Ỗ": "ç", "Ộ": "é",
    "Ơ": "¥", "Ờ": "ê", "Ớ": "í", "Ở": "ë", "Ỡ": "ì", "Ợ": "î",
    "U": "U", "Ù": "ï", "Ú": "ó", "Ủ": "ñ", "Ũ": "ò", "Ụ": "ô",
    "Ư": "¦", "Ừ": "õ", "Ứ": "ø", "Ử": "ö", "Ữ": "÷", "Ự": "ù",
    "Y": "Y", "Ỳ": "ú", "Ý": "ý", "Ỷ": "û", "Ỹ": "ü", "Ỵ": "þ",
    "Đ": "§",
}

# Unicode letter -> VNI-Windows characters (base letter, then a mark character).
VNI: dict[str, str] = {
    "a": "a", "à": "aø", "á": "aù", "ả": "aû", "ã": "aõ", "ạ": "aï",
    "ă": "aê", "ằ": "aè", "ắ": "aé", "ẳ": "aú", "ẵ": "aü", "ặ": "aë",
    "â": "aâ", "ầ": "aà", "ấ": "aá", "ẩ": "aå", "ẫ": "aã", "ậ": "aä",
    "e": "e", "è": "eø", "é": "eù", "ẻ": "eû", "ẽ": "eõ", "ẹ": "eï",
    "ê": "eâ", "ề": "eà", "ế": "eá", "ể": "eå", "ễ": "eã", "ệ": "eä",
    "i": "i", "ì": "ì", "í": "í", "ỉ": "æ", "ĩ": "ó", "ị": "ò",
    "o": "o", "ò": "oø", "ó": "où", "ỏ": "oû", "õ": "oõ", "ọ": "oï",
    "ô": "oâ", "ồ": "oà", "ố": "oá", "ổ": "oå", "ỗ": "oã", "ộ": "oä",
    "ơ": "ô", "ờ": "ôø", "ớ": "ôù", "ở": "ôû", "ỡ": "ôõ", "ợ": "ôï",
    "u": "u", "ù": "uø", "ú": "uù", "ủ": "uû", "ũ": "uõ", "ụ": "uï",
    "ư": "ö", "ừ": "öø", "ứ": "öù", "ử": "öû", "ữ": "öõ", "ự": "öï",
    "y": "y", "ỳ": "yø", "ý": "yù", "ỷ": "yû", "ỹ": "yõ", "ỵ": "î",
    "đ": "ñ",
    "A": "A", "À": "AØ", "Á": "AÙ", "Ả": "AÛ", "Ã": "AÕ", "Ạ": "AÏ",
    "Ă": "AÊ", "Ằ": "AÈ", "Ắ": "AÉ", "Ẳ": "AÚ", "Ẵ": "AÜ", "Ặ": "AË",
    "Â": "AÂ", "Ầ": "AÀ", "Ấ": "AÁ", "Ẩ": "AÅ", "Ẫ": "AÃ", "Ậ": "AÄ",
    "E": "E", "È": "EØ", "É": "EÙ", "Ẻ": "EÛ", "Ẽ": "EÕ", "Ẹ": "EÏ",
    "Ê": "EÂ", "Ề": "EÀ", "Ế": "EÁ", "Ể": "EÅ", "Ễ": "EÃ", "Ệ": "EÄ",
    "I": "I", "Ì": "Ì", "Í": "Í", "Ỉ": "Æ", "Ĩ": "Ó", "Ị": "Ò",
    "O": "O", "Ò": "OØ", "Ó": "OÙ", "Ỏ": "OÛ", "Õ": "OÕ", "Ọ": "OÏ",
    "Ô": "OÂ", "Ồ": "OÀ", "Ố": "OÁ", "Ổ": "OÅ", "Ỗ": "OÃ", "Ộ": "OÄ",
    "Ơ": "Ô", "Ờ": "ÔØ", "Ớ": "ÔÙ", "Ở": "ÔÛ", "Ỡ": "ÔÕ", "Ợ": "ÔÏ",
    "U": "U", "Ù": "UØ", "Ú": "UÙ", "Ủ": "UÛ", "Ũ": "UÕ", "Ụ": "UÏ",
    "Ư": "Ö", "Ừ": "ÖØ", "Ứ": "ÖÙ", "Ử": "ÖÛ", "Ữ": "ÖÕ", "Ự": "ÖÏ",
    "Y": "Y", "Ỳ": "YØ", "Ý": "YÙ", "Ỷ": "YÛ", "Ỹ": "YÕ", "Ỵ": "Î",
    "Đ": "Ñ",
}

# Legacy text -> Unicode. TCVN3 codes shared by both cases decode to lower case.
_TCVN3_DECODE = {code: letter for letter, code in TCVN3.items() if code != letter and not letter.isupper()}
_TCVN3_DECODE.update({code: letter for letter, code in TCVN3.items() if code in "¡¢£¤¥¦§"})
_VNI_DECODE = {code: letter for letter, code in VNI.items() if code != letter}
_TCVN3_UPPER_CODES = frozenset("¡¢£¤¥¦§")

# A word of pasted text: ASCII letters and the Latin-1 characters both encodings use.
WORD = re.compile("[A-Za-z\u00a1-\u00ff]+")


@dataclass(frozen=True)
class Encoding:
    name: str
    label: str
    """How editors know it: the encoding and the fonts it went with."""

    def encode(self, text: str) -> str:
        table = TCVN3 if self.name == "TCVN3" else VNI
        return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", text))

    def decode(self, text: str) -> str:
        out, last = [], 0
        for start, end, word in self.repairs(text):
            out += [text[last:start], word]
            last = end
        return "".join(out) + text[last:]

    def repairs(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, Unicode) of every word of ``text`` the conversion changes."""
        capitals = _written_in_capitals(text)
        decode_word = _decode_tcvn3_word if self.name == "TCVN3" else _decode_vni_word
        found = []
        for match in WORD.finditer(text):
            word = decode_word(match.group(), capitals)
            if word != match.group():
                found.append((match.start(), match.end(), word))
        return found


TCVN3_ENCODING = Encoding("TCVN3", "TCVN3 (ABC, phông .VnTime)")
VNI_ENCODING = Encoding("VNI", "VNI-Windows (phông VNI-Times)")
ENCODINGS = (TCVN3_ENCODING, VNI_ENCODING)


def _written_in_capitals(text: str) -> bool:
    """A line typed in capitals, such as a heading: "CéNG HOµ X· HéI"."""
    letters = [ch for ch in text if ch.isascii() and ch.isalpha()]
    return len(letters) >= 2 and not any(ch.islower() for ch in letters)


def _decode_tcvn3_word(word: str, capitals: bool) -> str:
    decoded = "".join(_TCVN3_DECODE.get(ch, ch) for ch in word)
    upper = sum(1 for ch in word if ("A" <= ch <= "Z") or ch in _TCVN3_UPPER_CODES)
    if capitals or (upper >= 2 and not any("a" <= ch <= "z" for ch in word)):
        return decoded.upper()
    return decoded


def _decode_vni_word(word: str, capitals: bool = False) -> str:
    """A letter and its mark character become one letter; VNI keeps case, so ``capitals`` is unused."""
    out = []
    i = 0
    while i < len(word):
        pair = word[i:i + 2]
        if len(pair) == 2 and pair in _VNI_DECODE:
            out.append(_VNI_DECODE[pair])
            i += 2
        else:
            out.append(_VNI_DECODE.get(word[i], word[i]))
            i += 1
    return "".join(out)


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_ONSETS = "ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx]"
_NUCLEI = ("iêu|yêu|oai|oao|oay|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|"
           "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|"
           "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y")
_SYLLABLE = re.compile(f"(?:{_ONSETS})?(?:{_NUCLEI})(?:ch|ng|nh|[cmnpt])?")


def is_syllable(word: str) -> bool:
    """Whether ``word`` has the shape of one Vietnamese syllable (onset, vowels, final, one tone)."""
    bare, tones = [], 0
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in _TONES:
            tones += 1
        else:
            bare.append(ch)
    return tones <= 1 and _SYLLABLE.fullmatch(unicodedata.normalize("NFC", "".join(bare))) is not None


@dataclass(frozen=True)
class Evidence:
    """How much one line looks like text in one legacy encoding."""

    encoding: Encoding
    for_it: int
    """Distinct words that are no Vietnamese syllable as written but are one once converted."""
    against: int
    """Distinct words that the conversion changes into something that is no syllable."""


def weigh(line: str, encoding: Encoding) -> Evidence:
    words = set(WORD.findall(line))
    for_it = against = 0
    for word in words:
        decoded = encoding.decode(word)
        if decoded == word or not any(ch.isascii() and ch.isalpha() for ch in word):
            continue
        if is_syllable(decoded) and not is_syllable(word):
            for_it += 1
        elif not is_syllable(decoded):
            against += 1
    return Evidence(encoding, for_it, against)


MIN_WORDS = 2
"""A line is legacy text only if at least this many distinct words convert into Vietnamese."""


def detect(line: str) -> Encoding | None:
    """The legacy encoding ``line`` is written in, or None for Unicode (or undecidable) text.

    A line qualifies when it has no Vietnamese letter outside Latin-1 (Unicode text has
    ư, ơ, đ, ạ, …; legacy text cannot), at least ``MIN_WORDS`` distinct words that become
    Vietnamese syllables only once converted, more such words than words the conversion
    breaks, and more than the other encoding finds.
    """
    if any(ord(ch) >= 0x100 and unicodedata.category(ch)[0] in "LM" for ch in line):
        return None
    if not any("\u00a1" <= ch <= "\u00ff" for ch in line):
        return None
    scores = sorted((weigh(line, e) for e in ENCODINGS), key=lambda e: e.for_it, reverse=True)
    best, other = scores
    if best.for_it >= MIN_WORDS and best.for_it > best.against and best.for_it > other.for_it:
        return best.encoding
    return None

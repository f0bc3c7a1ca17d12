"""Vietnamese typed into the browser form comes out whole, in Chromium, in a title and in the Markdown body.

Editors type with Unikey or EVKey (Telex, VNI), which write a plain letter, then replace it by sending
Backspace and the accented letter; or with the system's input method, which composes a word and commits it.
Rich-text editors built on Slate have dropped or doubled such letters (decap-cms issues 1347, 4837, 6287):
both patterns are typed here, by key events and by DevTools' ``Input.imeSetComposition`` then
``Input.insertText``, and the saved file must hold exactly the intended NFC text.
"""

from __future__ import annotations

import struct
import unicodedata
import zlib

import pytest
import yaml
from cms_browser import (EditSession, field, form_driver, markdown_body, open_entry, publish, sign_in, wait,
                         wait_for_file)
from selenium.webdriver.common.keys import Keys

pytestmark = pytest.mark.browser

TEXT = "Đăng ký dự thi tốt nghiệp THPT năm 2023"


def png(width: int, height: int) -> bytes:
    """A small blue PNG (a picture to upload), made here rather than kept in the repository."""
    row = b"\x00" + b"\x30\x60\xc0" * width
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * height))
            + chunk(b"IEND", b""))


def plain_letter(letter: str) -> str:
    """What Telex or VNI shows first: the letter without its marks ("đ" is first a "d")."""
    return unicodedata.normalize("NFD", letter.replace("đ", "d").replace("Đ", "D"))[0]


def type_like_unikey(element, text: str) -> None:
    """Key events as Unikey and EVKey send them: the plain letter, then Backspace and the accented one."""
    for letter in text:
        plain = plain_letter(letter)
        if plain != letter:
            element.send_keys(plain)
            element.send_keys(Keys.BACKSPACE)
        element.send_keys(letter)


def type_with_input_method(driver, text: str) -> None:
    """The system's input method: each word composed letter by letter (marks added as typed), then committed."""
    words = text.split(" ")
    for number, word in enumerate(words):
        composed = ""
        for letter in word:
            composed += plain_letter(letter)
            _compose(driver, composed)
            if plain_letter(letter) != letter:
                composed = composed[:-1] + letter
                _compose(driver, composed)
        driver.execute_cdp_cmd("Input.insertText", {"text": composed})
        if number < len(words) - 1:
            driver.execute_cdp_cmd("Input.insertText", {"text": " "})


def wait_for_focus(driver, editor) -> None:
    """Type only once the editor has the caret, as a person does after clicking (typed before, the browser
    sends the letters to whatever had the focus)."""
    script = "return arguments[0].contains(document.activeElement) && !!window.getSelection().rangeCount"
    wait(driver, 10).until(lambda d: d.execute_script(script, editor))


def _compose(driver, text: str) -> None:
    driver.execute_cdp_cmd("Input.imeSetComposition", {"text": text, "selectionStart": len(text),
                                                       "selectionEnd": len(text)})


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    with EditSession(tmp_path_factory.mktemp("go-tieng-viet")) as running:
        yield running


@pytest.mark.parametrize("way", ["unikey", "ime"])
def test_vietnamese_typed_both_ways_is_saved_exactly(session, way):
    driver = form_driver()
    try:
        sign_in(driver, session.base_url)
        open_entry(driver, session.base_url, "questions")
        title = field(driver, "title")
        title.click()
        if way == "unikey":
            type_like_unikey(title, TEXT)
        else:
            type_with_input_method(driver, TEXT)
        for name, value in (("question", "Xin hỏi cách đăng ký?"), ("asker", "Lê Văn B.")):
            field(driver, name).send_keys(value)
        body = markdown_body(driver)
        body.click()
        wait_for_focus(driver, body)
        if way == "unikey":
            type_like_unikey(body, TEXT)
        else:
            type_with_input_method(driver, TEXT)
        publish(driver)
        path = session.project / "content" / "hoi-dap" / "dang-ky-du-thi-tot-nghiep-thpt-nam-2023.md"
        text = wait_for_file(path, "THPT năm 2023\n")
        path.unlink()  # the other way writes the same file
    finally:
        driver.quit()
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["title"] == TEXT
    assert text.split("---\n", 2)[2].strip() == TEXT
    assert unicodedata.is_normalized("NFC", text)

"""argparse in Vietnamese: the words of ``cchc --help`` and of every usage error.

argparse words its help and its errors through the names ``_`` and ``ngettext`` it imports
from ``gettext`` into its own module (Python 3.11 to 3.14 alike). gettext has no way to hand
it a catalogue held in memory: ``gettext.gettext`` reads compiled ``.mo`` files of the
shared "messages" domain, picked by the LANGUAGE/LANG variables of whoever runs ``cchc``.
So ``vietnamese_argparse()`` points those two names at ``ArgparseVietnamese``, a
``NullTranslations`` whose catalogue is ``MESSAGES``, while ``cchc`` builds and runs its
parser, and puts them back afterwards. tests/test_cli_vietnamese.py reads the running
Python's argparse and fails if it can show a message ``MESSAGES`` lacks, so a new Python
that adds one fails a test instead of speaking English to an editor.
"""

from __future__ import annotations

import argparse
import gettext
import sys
from contextlib import contextmanager
from typing import Iterator, NoReturn

MESSAGES = {
    # help
    "usage: ": "cách dùng: ",
    "positional arguments": "đối số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",  # Python 3.9 and older
    "subcommands": "lệnh",
    "%(heading)s:": "%(heading)s:",  # Python 3.13+
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "show program's version number and exit": "in số phiên bản rồi thoát",
    " (default: %(default)s)": " (mặc định: %(default)s)",
    # errors and warnings (Parser.error writes its own "lỗi:" line; these two are for completeness)
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: cảnh báo: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "đối số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu đối số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các đối số %s",
    "unrecognized arguments: %s": "không nhận ra đối số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r; chọn một trong: %(choices)s",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":  # Python 3.14+
        "không có lựa chọn %(value)r, có phải ý bạn là %(closest)r? Chọn một trong: %(choices)s",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ",
    "expected one argument": "cần một giá trị theo sau",
    "expected at most one argument": "nhận nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "not allowed with argument %s": "không dùng cùng với %s được",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ: có thể là %(matches)s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị %r",
    "unexpected option string: %s": "tùy chọn không hợp lệ: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    'argument "-" with mode %r': 'đối số "-" với chế độ %r',
    "argument '%(argument_name)s' is deprecated": "đối số '%(argument_name)s' đã lỗi thời",  # Python 3.13+
    "option '%(option)s' is deprecated": "tùy chọn '%(option)s' đã lỗi thời",
    "command '%(parser_name)s' is deprecated": "lệnh '%(parser_name)s' đã lỗi thời",
}
"""argparse's messages (msgids) an editor can see, in Vietnamese, filled with the same %-placeholders
(a named one may be left out: "invalid int value" names Python's type, no word for an editor)."""


class ArgparseVietnamese(gettext.NullTranslations):
    """The gettext interface argparse calls, answered from ``MESSAGES``; anything else passes unchanged."""

    def gettext(self, message: str) -> str:
        return MESSAGES.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


@contextmanager
def vietnamese_argparse() -> Iterator[None]:
    """Vietnamese argparse inside the block only: other users of argparse in the process keep theirs."""
    words = ArgparseVietnamese()
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = words.gettext, words.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors say, in Vietnamese, how to get help (subcommands inherit it)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f'{self.prog}: lỗi: {message}\nGõ "{self.prog} --help" để xem cách dùng.\n')

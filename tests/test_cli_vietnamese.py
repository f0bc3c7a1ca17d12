"""``cchc`` help and usage errors in Vietnamese, through the installed console script."""

from __future__ import annotations

import argparse
import ast
import gettext
import re
from pathlib import Path

import pytest
from test_cli import cchc

from cchc.cli.argparse_vi import MESSAGES, vietnamese_argparse

ENGLISH = re.compile(r"usage|options|arguments?\b|required|invalid|unrecognized|expected|show this help|error:|"
                     r"choose from|positional", re.IGNORECASE)
"""argparse's own English words: none may reach an editor."""

DEVELOPER_ERRORS = {
    "%r is not callable", "'required' is an invalid argument for positionals", ".__call__() not defined",
    "cannot have multiple subparser arguments", "cannot merge actions - two groups are named %r",
    "conflicting subparser alias: %s", "conflicting subparser: %s", "dest= is required for options like %r",
    "invalid conflict_resolution value: %r", "mutually exclusive arguments must be optional",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "conflicting option string: %s", "conflicting option strings: %s",
}
"""argparse messages about a parser built wrongly: raised while cchc builds its parser, i.e. a bug in cchc
that its tests meet first, never a message for an editor's command line."""


@pytest.mark.parametrize("args, usage", [
    (["--help"], "cách dùng: cchc [-h] {check,new,import-thu-tuc,report,edit,publish} ..."),
    (["check", "--help"], "cách dùng: cchc check [-h] [--format {text,json}] [--fix] [--strict]"),
    (["new", "-h"], "cách dùng: cchc new [-h] [-f tep_cau_hinh] loai tieu_de"),
    (["report", "--help"], "cách dùng: cchc report [-h] [--format {markdown,text,csv,docx}] [-o tep]"),
    (["import-thu-tuc", "--help"], "cách dùng: cchc import-thu-tuc [-h] [--update] [--quyet-dinh SO]"),
    (["publish", "--help"], "cách dùng: cchc publish [-h] [--target DICH] [--keep SO_BAN]"),
])
def test_help_is_vietnamese(site, args, usage):
    result = cchc(site, *args, script=True)
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == usage
    assert "tùy chọn:" in lines
    assert "  -h, --help            in hướng dẫn này rồi thoát" in lines
    assert not ENGLISH.search(result.stdout), ENGLISH.search(result.stdout)


def test_command_list_is_vietnamese(site):
    lines = cchc(site, "--help", script=True).stdout.splitlines()
    assert lines[2:5] == ["Công cụ cho biên tập viên chuyên trang CCHC.", "", "đối số:"]
    assert "    report              số liệu cho báo cáo CCHC của một năm" in lines


@pytest.mark.parametrize("args, prog, error", [
    ([], "cchc", "thiếu đối số bắt buộc: {check,new,import-thu-tuc,report,edit,publish}"),
    (["xoa"], "cchc", "đối số {check,new,import-thu-tuc,report,edit,publish}: không có lựa chọn 'xoa'; "
                      "chọn một trong: 'check', 'new', 'import-thu-tuc', 'report', 'edit', 'publish'"),
    (["new", "tin-tuc"], "cchc new", "thiếu đối số bắt buộc: tieu_de"),
    (["report", "hai-nghin"], "cchc report", 'đối số nam: "hai-nghin" không phải năm; ghi năm bằng số, ví dụ 2022'),
    (["check", "--sua"], "cchc check", "không nhận ra đối số: --sua"),
    (["report", "2022", "thua"], "cchc report", "không nhận ra đối số: thua"),
    (["report", "2022", "-o"], "cchc report", "đối số -o/--output: cần một giá trị theo sau"),
    (["check", "--format", "xml"], "cchc check", "đối số --format: không có lựa chọn 'xml'; chọn một trong: text, json"),
])
def test_usage_errors_are_vietnamese_and_say_how_to_get_help(site, args, prog, error):
    result = cchc(site, *args, script=True)
    assert (result.returncode, result.stdout) == (2, "")
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"cách dùng: {prog} [-h]")
    unquoted = [line.replace("'", "") for line in lines[-2:]]  # Python 3.12.8+ lists choices without quotes
    assert unquoted == [f"{prog}: lỗi: {error}".replace("'", ""), f'Gõ "{prog} --help" để xem cách dùng.']
    assert not ENGLISH.search(result.stderr), ENGLISH.search(result.stderr)
    assert "Traceback" not in result.stderr


def argparse_messages() -> set[str]:
    """Every msgid the running Python's argparse passes to gettext (``_(...)``, ``ngettext(...)``)."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    return {arg.value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext")
            for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)}


def test_every_message_of_this_pythons_argparse_has_a_translation():
    found = argparse_messages()
    assert {"usage: ", "options", "the following arguments are required: %s"} <= found  # the reading works
    assert sorted(found - DEVELOPER_ERRORS - MESSAGES.keys()) == []


def test_translations_format_with_what_argparse_gives():
    """Named placeholders may be left out ("int" is no word for an editor); positional ones are all needed."""
    placeholders = re.compile(r"%(\(\w+\))?[sr]")
    for msgid, vietnamese in MESSAGES.items():
        given, used = placeholders.findall(msgid), placeholders.findall(vietnamese)
        assert set(used) <= set(given) and used.count("") == given.count(""), msgid


def test_argparse_speaks_english_again_outside_cchc():
    with vietnamese_argparse():
        assert argparse._("usage: ") == "cách dùng: "
        assert argparse.ngettext("expected %s argument", "expected %s arguments", 2) == "cần %s giá trị"
    assert (argparse._, argparse.ngettext) == (gettext.gettext, gettext.ngettext)

"""YAML that cannot hurt: bombs, tags, complex keys, deep nesting, control characters, impossible dates.

Each class is tried on the loader itself (exact line and message), and the whole set at once on a
real build and on ``cchc check`` (every file named, no traceback, finished within bounds).
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
import yaml
from conftest import FIXED_EPOCH, article_meta, front_matter_text, plan_data

from cchc.core.frontmatter import FrontMatterProblem, split_front_matter
from cchc.core.yamlmarks import YamlProblem, load_marked_yaml


def billion_laughs(levels: int = 12, width: int = 10) -> str:
    """The classic bomb: each level an alias list of the one before, width**levels strings when walked."""
    lines = ['a0: &a0 "lol"']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * width)}]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def refused(text: str, first_line: int = 1) -> tuple[int | None, str]:
    with pytest.raises(YamlProblem) as problem:
        load_marked_yaml(text, first_line)
    return problem.value.line, problem.value.message


ALIAS_MESSAGE = 'không dùng bí danh YAML ("*{}"); viết đầy đủ giá trị ở mỗi chỗ cần (YAML alias refused)'


@pytest.mark.parametrize("text, line, name", [
    ("a: &x 1\nb: *x\n", 2, "x"),
    ("title: &t Tiêu đề\nsummary: *t\n", 2, "t"),
    ("tasks:\n  - &m {month: 1}\n  - *m\n", 3, "m"),
    ("a: &r [*r]\n", 1, "r"),                                    # an alias to itself
    ("base: &b {x: 1}\nmerged:\n  <<: *b\n  y: 2\n", 3, "b"),  # merge keys work through aliases too
    (billion_laughs(), 2, "a0"),
])
def test_aliases_are_refused_where_they_are_used(text, line, name):
    assert refused(text) == (line, ALIAS_MESSAGE.format(name))


@pytest.mark.parametrize("text, tag", [
    ("a: !!binary aGVsbG8=\n", "!!binary"),
    ("a: !!timestamp 2022-01-01\n", "!!timestamp"),
    ("a: !!int '12'\n", "!!int"),
    ("a: !!float '1.5'\n", "!!float"),
    ("a: !!str 12\n", "!!str"),
    ("a: !!python/object/apply:os.system ['id']\n", "!!python/object/apply:os.system"),
    ("a: !!python/name:os.system\n", "!!python/name:os.system"),
    ("a: !ENV HOME\n", "!ENV"),
    ("a: !<tag:yaml.org,2002:str> x\n", "tag:yaml.org,2002:str"),
    ("a: !local {x: 1}\n", "!local"),
    ("- !!set {a, b}\n", "!!set"),
])
def test_explicit_tags_are_refused_in_content(text, tag):
    line, message = refused(text)
    assert line == 1
    assert message == (f'không dùng thẻ kiểu YAML "{tag}"; xóa thẻ, chỉ giữ giá trị '
                       "(đặt trong dấu ngoặc kép nếu là chữ) (explicit YAML tag refused)")


def test_mkdocs_yml_keeps_its_own_tags():
    data = load_marked_yaml("a: !!python/name:material.extensions.emoji.twemoji\nb: !ENV [X, 1]\n", allow_tags=True)
    assert data == {"a": None, "b": None}


COMPLEX_KEY = ('khóa phải là một chữ, không phải danh sách hay nhóm (khóa phức hợp "? ..."); '
               'viết "tên_trường: giá trị" (complex key)')


@pytest.mark.parametrize("text, line", [
    ("? [a, b]\n: c\n", 1),
    ("x: 1\n? a\n: b\n", 2),
    ("[a, b]: c\n", 1),
    ("x: 1\n{a: 1}: c\n", 2),
    ("{? a: b}\n", 1),
])
def test_complex_keys_are_refused(text, line):
    assert refused(text) == (line, COMPLEX_KEY)


def test_a_key_that_only_begins_with_a_question_mark_is_a_key():
    assert load_marked_yaml("?abc: 1\n") == {"?abc": 1}


@pytest.mark.parametrize("text, line", [
    ("a:" + "".join("\n" + "  " * depth + "- " for depth in range(1, 40)) + "x\n", 33),
    ("a: " + "[" * 200 + "]" * 200 + "\n", 1),
    ("a: " + "{b: " * 50 + "1" + "}" * 50 + "\n", 1),
    ("".join("  " * depth + f"k{depth}:\n" for depth in range(100)) + "  " * 100 + "v: 1\n", 33),
])
def test_nesting_is_bounded(text, line):
    assert refused(text) == (line, "lồng danh sách, nhóm quá 32 cấp; kiểm tra thụt lề và dấu ngoặc (nesting too deep)")


def test_a_thousand_nested_brackets_are_refused_not_a_recursion_error():
    line, message = refused("a: " + "[" * 100_000)
    assert line == 1 and "nesting too deep" in message


@pytest.mark.parametrize("character", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x9b",
                                       "\ufffe", "\uffff"])
def test_characters_yaml_rejects_are_named_with_their_line_and_the_fix(character):
    line, message = refused(f"title: Bài\nsummary: Tóm{character}tắt\n", first_line=2)
    assert line == 3
    assert message == (f"có ký tự điều khiển U+{ord(character):04X} mà YAML không cho phép; "
                       'chạy "cchc check --fix" để xóa, hoặc gõ lại dòng này (control character)')


@pytest.mark.parametrize("character", ["\t", "\u00a0", "\ufeff", "😀", "\U0010fffd"])
def test_characters_yaml_allows_are_kept(character):
    assert load_marked_yaml(f"a: 'x{character}y'\n")["a"] == f"x{character}y"


@pytest.mark.parametrize("written", ["2023-02-30", "2022-13-01", "2021-02-29", "2022-02-24 25:00",
                                     "2022-02-24T08:30:00+07:00", "2001-12-14 21:59:43.10 -5"])
def test_dates_stay_as_written_for_the_loaders_to_judge(written):
    assert load_marked_yaml(f"date: {written}\n")["date"] == written


def test_front_matter_lines_count_from_the_file():
    with pytest.raises(FrontMatterProblem) as problem:
        split_front_matter("---\ntitle: &t A\nsummary: *t\n---\nThân\n")
    assert problem.value.line == 3


# --- the whole set at once, as an editor's build and check meet it ---------------------------------

HOSTILE_FILES = {
    "content/tin-tuc/bom.md": "---\n" + billion_laughs() + "title: Bom\n---\nThân.\n",
    "content/tin-tuc/the-kieu.md": front_matter_text(article_meta()).replace(
        "title: Bài viết thử", "title: !!python/object/apply:os.system ['echo pwned']"),
    "content/tin-tuc/khoa-phuc-hop.md": "---\n? [title, date]\n: x\n---\nThân.\n",
    "content/tin-tuc/long-sau.md": "---\ntitle: " + "[" * 5000 + "\n---\nThân.\n",
    "content/tin-tuc/ky-tu-dieu-khien.md": front_matter_text(article_meta()).replace("Tóm tắt", "Tóm\x00tắt"),
    "content/tin-tuc/ngay-khong-co.md": front_matter_text(article_meta(date="2023-02-30")),
    "content/thu-tuc-hanh-chinh/bom.yaml": billion_laughs(),
    "content/van-ban/bom.yaml": billion_laughs(),
    "content/hoi-dap/bom.md": "---\n" + billion_laughs() + "---\nTrả lời.\n",
    "content/thong-ke/ho-so.yaml": "periods: " + "[" * 3000 + "\n",
    "content/trang-rieng.md": "---\n" + billion_laughs() + "---\n# Trang\n",
    "plans/2022.yaml": yaml.safe_dump(plan_data(2022), allow_unicode=True).replace("year: 2022", "year: !!int '2022'"),
}
EXPECTED = {  # file -> (line, what the message says)
    "content/tin-tuc/bom.md": (3, "YAML alias refused"),
    "content/tin-tuc/the-kieu.md": (2, "explicit YAML tag refused"),
    "content/tin-tuc/khoa-phuc-hop.md": (2, "complex key"),
    "content/tin-tuc/long-sau.md": (2, "nesting too deep"),
    "content/tin-tuc/ky-tu-dieu-khien.md": (4, "control character"),
    "content/tin-tuc/ngay-khong-co.md": (3, 'date: ngày giờ đăng "2023-02-30" không đúng dạng ngày giờ'),
    "content/thu-tuc-hanh-chinh/bom.yaml": (2, "YAML alias refused"),
    "content/van-ban/bom.yaml": (2, "YAML alias refused"),
    "content/hoi-dap/bom.md": (3, "YAML alias refused"),
    "content/thong-ke/ho-so.yaml": (1, "nesting too deep"),
    "content/trang-rieng.md": (3, "YAML alias refused"),
    "plans/2022.yaml": (None, "explicit YAML tag refused"),
}


def write_hostile_site(site) -> None:
    for path, text in HOSTILE_FILES.items():
        site.write(path, text)
    site.write_config()


_MEASURED = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]);"
             "sys.stderr.write(f'\\npeak_kb={resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n');"
             "sys.exit(done.returncode)")


def run_limited(site, command: list[str]) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run ``command`` in the site as an editor would; its output, wall time and peak memory in MB."""
    started = time.monotonic()
    env = {"SOURCE_DATE_EPOCH": FIXED_EPOCH, "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", _MEASURED, *command], cwd=site.root, env=env,
                            capture_output=True, text=True, timeout=60)
    output, peak = result.stderr.rsplit("\npeak_kb=", 1)
    result.stderr = output
    return result, time.monotonic() - started, int(peak) // 1024


@pytest.mark.parametrize("command", [["-m", "cchc.cli", "check"], ["-m", "mkdocs", "build", "--strict"]],
                         ids=["check", "build"])
def test_every_hostile_file_is_named_quickly_and_without_a_traceback(site, command):
    write_hostile_site(site)
    result, seconds, peak_mb = run_limited(site, [sys.executable, *command])
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    for path, (line, words) in EXPECTED.items():
        where = f"{path}:{line}: " if line else f"{path}:"
        assert any(where in row and words in row for row in output.splitlines()), (path, output)
    assert seconds < 10 and peak_mb < 100 + baseline_memory_mb(), (seconds, peak_mb)
    assert not (site.site_dir / "index.html").exists()


def baseline_memory_mb() -> int:
    """What Python with MkDocs and Material imported takes before any content is read."""
    probe = subprocess.run([sys.executable, "-c", "import resource, mkdocs.commands.build, material, cchc.site.content;"
                            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"],
                           capture_output=True, text=True, check=True)
    return int(probe.stdout)

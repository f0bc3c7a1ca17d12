import pytest

from cchc.core.frontmatter import FrontMatterProblem, split_front_matter
from cchc.core.yamlmarks import YamlProblem, load_marked_yaml


def test_lines_of_keys_and_items_count_from_the_first_line():
    data = load_marked_yaml("a: 1\nlist:\n  - x\n  - name: y\n", first_line=2)
    assert data.line_of("a") == 2
    assert data.line_of("list") == 3
    assert data["list"].line_of(1) == 5
    assert data["list"][1].line_of("name") == 5


def test_duplicate_keys_are_refused_with_both_lines():
    with pytest.raises(YamlProblem) as problem:
        load_marked_yaml("title: A\ndate: 2022-01-01\ntitle: B\n", first_line=2)
    assert problem.value.line == 4
    assert problem.value.message == 'khóa "title" bị lặp lại (đã có ở dòng 2); hãy xóa một trong hai (duplicate key)'


def test_strings_are_normalized_to_nfc():
    assert load_marked_yaml("t: Ho\u0309i\n")["t"] == "Hỏi"


def test_front_matter_body_and_its_first_line():
    front = split_front_matter("---\ntitle: A\n---\n\nThân bài\n")
    assert front.meta == {"title": "A"}
    assert front.body == "Thân bài\n"
    assert front.body_line == 5  # the blank line after "---" is not part of the body


def test_unclosed_front_matter_is_a_problem():
    with pytest.raises(FrontMatterProblem) as problem:
        split_front_matter("---\ntitle: A\n\nThân bài\n")
    assert problem.value.line == 1


def test_broken_yaml_in_front_matter_reports_the_file_line():
    with pytest.raises(FrontMatterProblem) as problem:
        split_front_matter("---\ntitle: A\nsummary: [chưa đóng\ndate: 2022-01-01\n---\n")
    assert problem.value.line == 3  # where the unclosed "[" begins


def test_file_without_front_matter_has_empty_meta():
    front = split_front_matter("# Tiêu đề\n")
    assert front.meta == {} and front.body == "# Tiêu đề\n"

"""Split a Markdown file into YAML front matter and body, keeping line numbers.

MkDocs silently ignores front matter it cannot parse and publishes it as text;
here broken front matter is an error that names the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc.core.yamlmarks import MarkedDict, YamlProblem, load_marked_yaml

_OPENING = re.compile(r"\A-{3}[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class FrontMatter:
    meta: MarkedDict
    body: str
    body_line: int
    """The file line of the body's first character (1-based; blank lines after the front matter skipped)."""


class FrontMatterProblem(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def split_front_matter(text: str) -> FrontMatter:
    """Return the parsed front matter (empty if none) and the Markdown body."""
    opening = _OPENING.match(text)
    if not opening:
        return FrontMatter(_empty(), text, 1)
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        raise FrontMatterProblem(1, 'phần đầu bài mở bằng "---" nhưng không có dòng "---" đóng lại; '
                                    "thêm dòng --- sau trường cuối cùng (front matter is not closed)")
    yaml_text = text[opening.end():closing.start()]
    try:
        meta = load_marked_yaml(yaml_text, first_line=2)
    except YamlProblem as problem:
        raise FrontMatterProblem(problem.line, problem.message) from None
    if meta is None:
        meta = _empty()
    if not isinstance(meta, MarkedDict):
        raise FrontMatterProblem(2, 'phần đầu bài phải gồm các dòng "tên_trường: giá trị" '
                                    "(front matter must be a mapping)")
    body = text[closing.end():].lstrip("\r\n")
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    return FrontMatter(meta, body, body_line)


def _empty() -> MarkedDict:
    meta = MarkedDict()
    meta.line, meta.key_lines = 1, {}
    return meta

"""MkDocs' own warnings of a strict build, told to an editor in Vietnamese with the file, line and field.

``cchc check`` already stops a publish on every content error cchc knows. What can still stop the strict build
is MkDocs' own checks, nearly always a link in an editor's Markdown to a page that does not exist. MkDocs says
so in English, naming the file relative to content/ and no line; the line is found here by looking for the link
in the file. A warning of any other kind is passed on as MkDocs wrote it.
"""

from __future__ import annotations

import os
import re

from cchc.site.project import Project

_MISSING_TARGET = re.compile(r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but the target "
                             r"'(?P<target>[^']+)' is not found among documentation files")
_MISSING_ANCHOR = re.compile(r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but the doc "
                             r"'(?P<target>[^']+)' does not contain an anchor '(?P<anchor>[^']+)'")
_UNRECOGNIZED = re.compile(r"Doc file '(?P<file>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)'")
_MISSING_NAV = re.compile(r"A reference to '(?P<target>[^']+)' is included in the 'nav' configuration, which is "
                          r"not found in the documentation files")


def editor_records(lines: list[str], project: Project) -> tuple[list[dict], list[str]]:
    """The build's warnings an editor can fix, as ``cchc check --format json`` records; and the other lines."""
    records, others = [], []
    for line in lines:
        record = _record(line, project)
        if record is not None:
            records.append(record)
        elif line.startswith(("WARNING", "ERROR", "Error", "  ")):  # cchc's own error lines are indented
            others.append(line)
    return records, others


def _record(line: str, project: Project) -> dict | None:
    docs = os.path.relpath(project.paths.docs_dir, project.paths.project_dir).replace(os.sep, "/")
    if match := _MISSING_TARGET.search(line):
        message = (f'liên kết "{match["link"]}" trỏ tới trang không có ({docs}/{match["target"]}); sửa đường dẫn '
                   "cho đúng tên tệp .md của trang cần trỏ tới, hoặc bỏ liên kết (link target not found)")
    elif match := _MISSING_ANCHOR.search(line):
        message = (f'liên kết "{match["link"]}" trỏ tới mục "{match["anchor"]}" không có trong trang '
                   f"{docs}/{match['target']}; sửa phần sau dấu # cho đúng tên mục (anchor not found)")
    elif match := _UNRECOGNIZED.search(line):
        message = (f'liên kết "{match["link"]}" không trỏ tới tệp nào trong {docs}/; viết địa chỉ đầy đủ '
                   "(https://…) hoặc đường dẫn tới tệp .md (unrecognized relative link)")
    elif match := _MISSING_NAV.search(line):
        return {"path": project.shown(project.paths.config_path), "line": None, "field": "nav", "severity": "error",
                "message": f'trình đơn (nav) nhắc tới "{match["target"]}" nhưng không có tệp đó trong {docs}/; '
                           "sửa tên tệp hoặc bỏ mục đó khỏi nav (nav target not found)"}
    else:
        return None
    path = os.path.join(project.paths.docs_dir, *match["file"].split("/"))
    return {"path": project.shown(path), "line": _line_of(path, match["link"]), "field": "liên kết",
            "message": message, "severity": "error"}


def _line_of(path: str, link: str) -> int | None:
    """The first line of the file that holds the link as Markdown or HTML writes one."""
    forms = (f"]({link}", f"]: {link}", f'="{link}"', f"<{link}>", link)
    try:
        with open(path, encoding="utf-8") as stream:
            text_lines = stream.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for form in forms:
        for number, text in enumerate(text_lines, start=1):
            if form in text:
                return number
    return None

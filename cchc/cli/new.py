"""``cchc new <kind> "Title"``: start a content file, written from the kind's declaration.

The file lists the kind's fields in their declared order, each with its help as a comment: required
ones filled with what is known (the title, today's date, the department from mkdocs.yml, what a kind
derives from the title) or with a placeholder "CẦN BỔ SUNG: …" (``cchc.core.placeholders``) that
``cchc check`` and the build report until the editor has written the real content; optional ones
commented out with an example. A news article starts as a draft (``draft: true``) instead. YAML files
start with the line VS Code's YAML extension reads to check them as they are typed (``cchc.core.schema``).
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from typing import Any

from cchc.core.declaration import Field, Kind, NewFileProblem
from cchc.core.placeholders import placeholder
from cchc.core.schema import schema_path
from cchc.core.text import format_date, nfc, short_slug, slugify
from cchc.kinds.registry import kinds
from cchc.site.project import Project

NewProblem = NewFileProblem
_COMMENT_AT = 40
"""The column the help comments start at, so that they read as a column in an editor."""


def kinds_with_new() -> dict[str, Kind]:
    """The kinds ``cchc new`` starts, by the word the editor types ("tin-tuc", "thu-tuc"…)."""
    return {kind.new.command: kind for kind in kinds() if kind.new is not None}


def create(project: Project, command: str, title: str, moment: datetime) -> str:
    """Write the new file and return its path; refuse to overwrite anything."""
    kind = kinds_with_new().get(command)
    if kind is None:
        raise NewProblem(f'không có loại nội dung "{command}"; chọn một trong: {", ".join(kinds_with_new())} '
                         "(unknown kind)")
    title = nfc(" ".join(title.split()))
    slug = short_slug(slugify(title))
    if not slug:
        raise NewProblem(f'tiêu đề "{title}" không có chữ hay số nào để đặt tên tệp; '
                         "viết tiêu đề bằng chữ (title gives an empty file name)")
    text = render(kind, title, moment, project)
    folder = os.path.join(project.paths.docs_dir, *kind.folder.split("/"))
    path = os.path.join(folder, kind.new.file_name(slug, moment))
    os.makedirs(folder, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except FileExistsError:
        raise NewProblem(f"tệp {project.shown(path)} đã có, không ghi đè; mở tệp đó để sửa, hoặc "
                         "đặt tiêu đề khác (file exists)") from None
    return path


def next_step(command: str) -> str:
    return kinds_with_new()[command].new.next_step


def render(kind: Kind, title: str, moment: datetime, project: Project) -> str:
    """The new file's text: front matter (Markdown kinds) or YAML, in the declared order of the fields."""
    known = {kind.new.title_field: title, **kind.new.known(title, project)}
    lines = []
    for spec in kind.fields:
        lines += _field_lines(spec, known, moment, project, kind.new.draft, "")
    if kind.file_format == "markdown":
        body = f"{kind.body.label[0].upper()}{kind.body.label[1:]}, viết bằng Markdown.\n" if kind.new.draft else ""
        return "---\n" + "\n".join(lines) + "\n---\n" + (f"\n{body}" if body else "")
    header = [f"# yaml-language-server: $schema={project.site_url or ''}{schema_path(kind)}",
              f'# {kind.label}, tạo bằng "cchc new {kind.new.command}" ngày {format_date(moment)}.',
              *(f"# {line}" for line in kind.new.comment.splitlines() if line),
              '# Thay mọi chữ "CẦN BỔ SUNG: …" (cả dấu ngoặc kép) bằng nội dung thật; "cchc check" liệt kê những '
              "chỗ còn thiếu."]
    return "\n".join(header + lines) + "\n"


def _field_lines(spec: Field, known: dict[str, Any], moment: datetime, project: Project, draft: bool,
                 path: str) -> list[str]:
    name = f"{path}{spec.name}"
    indent = "  " * path.count(".")
    if name in known:
        return [_with_comment(f"{indent}{spec.name}: {_yaml(known[name])}", spec.help)]
    if not spec.required:
        example = "..." if spec.example is None else _yaml(spec.example)
        if spec.type in ("date", "datetime") and not path:
            example = _yaml(_value(spec, moment, project, draft, top=True))  # "answered: today", when uncommented
        return [_with_comment(f"{indent}# {spec.name}: {example}", spec.help or spec.label)]
    if spec.type == "record":
        return [_with_comment(f"{indent}{spec.name}:", spec.help or spec.label),
                *(line for sub in spec.fields for line in _field_lines(sub, known, moment, project, draft, f"{name}."))]
    if spec.type == "records":
        return [_with_comment(f"{indent}{spec.name}:", spec.help or spec.label), *_first_record(spec, indent)]
    return [_with_comment(f"{indent}{spec.name}: {_yaml(_value(spec, moment, project, draft, top=not path))}",
                          spec.help)]


def _first_record(spec: Field, indent: str) -> list[str]:
    """One item of a required list: its required fields to fill, its counts with their example."""
    lines, first = [], True
    for sub in spec.fields:
        if sub.required:
            value = _yaml(_placeholder(sub))
        elif sub.type == "integer" and sub.example is not None:
            value = _yaml(sub.example)
        else:
            continue
        prefix = f"{indent}  - " if first else f"{indent}    "
        lines.append(_with_comment(f"{prefix}{sub.name}: {value}", sub.help or sub.label))
        first = False
    return lines


def _value(spec: Field, moment: datetime, project: Project, draft: bool, top: bool) -> Any:
    """What a required field starts with: today's date (the file's own date, not a date inside a record such
    as a publishing decision's), a default, a first category, or a placeholder."""
    if spec.type == "datetime" and top:
        return moment.strftime("%Y-%m-%d %H:%M")
    if spec.type == "date" and top:
        return moment.strftime("%Y-%m-%d")
    if spec.default is not None:
        return spec.default
    if spec.type in ("integer", "choices") and spec.example is not None:
        return spec.example
    if spec.choices == "categories":
        return _first_category(project)
    if draft:
        return f"Viết {spec.label} ở đây."
    text = _placeholder(spec)
    return [text] if spec.type in ("paragraphs", "texts") else text


def _placeholder(spec: Field) -> str:
    """ "CẦN BỔ SUNG: <label>, ví dụ <example>" (or the allowed values, for a choice)."""
    if isinstance(spec.choices, dict) and len(spec.choices) <= 5:
        choices = ", ".join(f"{key} ({label})" for key, label in spec.choices.items())
        return placeholder(f"{spec.label}: {choices}")
    example = f", ví dụ {spec.example}" if isinstance(spec.example, (str, int)) else ""
    return placeholder(f"{spec.label}{example}")


def _first_category(project: Project) -> str:
    categories = project.extra("news", "categories")
    first = categories[0] if isinstance(categories, list) and categories else None
    category = first.get("name") if isinstance(first, dict) else first
    if not category:
        raise NewProblem('mkdocs.yml chưa có chuyên mục tin nào ("extra: news: categories:"); '
                         "thêm ít nhất một chuyên mục rồi chạy lại (no news category)")
    return str(category)


def _yaml(value: Any) -> str:
    """A YAML value on one line: JSON is valid YAML, and quotes keep ':' '#' and leading words safe."""
    if isinstance(value, str) and (value[:4].isdigit() and len(value) >= 10 and value[4] == "-"):
        return value  # a date or a date and time, as the loaders read it
    return json.dumps(value, ensure_ascii=False)


def _with_comment(line: str, comment: str) -> str:
    if not comment:
        return line
    first_sentence = comment.split(". ")[0].rstrip(".")
    return f"{line.ljust(_COMMENT_AT)} # {first_sentence}"

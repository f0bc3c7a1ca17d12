"""``cchc import-thu-tuc``: write the procedures read by ``cchc.kinds.procedures.import_sheet`` into content/.

A new procedure gets one YAML file with what the sheet says and a "CẦN BỔ SUNG: …" placeholder
for every other mandatory part (steps, documents…): the loader reports each placeholder as an
error, so the build stops until the editor has completed the file and a half-empty procedure
is never published. An existing file (found by code, else by file name) is never touched
unless ``update`` is asked; then only the top-level keys whose imported value differs are
rewritten in place, each as a block of YAML: every other line of the file stays byte for
byte, but comments inside a rewritten block are lost.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import yaml

from cchc.core.fields import parse_day
from cchc.core.placeholders import placeholder
from cchc.core.text import format_date, short_slug, slugify
from cchc.core.yamlmarks import MarkedDict, MarkedFloat, MarkedInt, YamlProblem, load_marked_yaml
from cchc.kinds.procedures.import_sheet import ImportedRow, RowProblem, folded, parse_time_limit, read_sheet
from cchc.kinds.procedures.model import PROCEDURES_DIR
from cchc.kinds.procedures.parts import LABELS
from cchc.site.project import Project

ORDER = tuple(LABELS)
TO_FILL = {
    "field": placeholder("mã lĩnh vực, ví dụ G03-GD14 (Văn bằng, chứng chỉ)"),
    "levels": placeholder("cấp thực hiện, viết [tinh], [huyen] hoặc [xa]"),
    "agencies": {"handling": placeholder("cơ quan trực tiếp thực hiện")},
    "applicants": [placeholder("đối tượng thực hiện, mỗi đối tượng một dòng")],
    "steps": [{"title": placeholder("trình tự thực hiện, mỗi bước một mục")}],
    "channels": [{"via": placeholder("cách thức thực hiện: in_person, online hoặc postal, mỗi cách một mục")}],
    "documents": [{"name": placeholder("thành phần hồ sơ, mỗi giấy tờ một mục"), "originals": 1}],
    "sets": placeholder("số lượng hồ sơ (bộ), ví dụ 1"),
    "time_limit": placeholder("thời hạn giải quyết, ví dụ 15"),
    "result": placeholder("kết quả thực hiện"),
    "legal_bases": [{"number": placeholder("số ký hiệu"), "title": placeholder("trích yếu")}],
    "published_by": {"number": placeholder("số quyết định công bố"), "date": placeholder("ngày công bố")},
}
"""Placeholders of a new file for the mandatory parts an appendix does not give."""


@dataclass
class ImportResult:
    created: list[tuple[str, int]] = field(default_factory=list)
    updated: list[tuple[str, int, list[str]]] = field(default_factory=list)
    unchanged: list[tuple[str, int]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


def import_procedures(project: Project, sheet_path: str, update: bool, published_by: dict[str, Any] | None,
                      moment: datetime) -> ImportResult:
    sheet = read_sheet(sheet_path)
    folder = os.path.join(project.paths.docs_dir, *PROCEDURES_DIR.split("/"))
    by_code = _existing_codes(folder)
    result = ImportResult(problems=list(sheet.problems))
    seen_codes: dict[str, int] = {}
    seen_slugs: dict[str, int] = {}
    for row in sheet.rows:
        if published_by:
            row.values["published_by"] = dict(published_by)
        problem = _write_row(project, folder, row, update, by_code, seen_codes, seen_slugs, sheet_path, moment, result)
        if problem:
            result.problems.append(RowProblem(row.row, problem))
    result.problems.sort(key=lambda p: p.row)
    return result


def _existing_codes(folder: str) -> dict[str, str]:
    codes = {}
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if name.endswith((".yaml", ".yml")):
            data = _load(os.path.join(folder, name))
            if isinstance(data, dict) and data.get("code"):
                codes.setdefault(str(_plain(data["code"])), os.path.join(folder, name))
    return codes


def _load(path: str) -> Any:
    try:
        with open(path, encoding="utf-8-sig") as stream:
            return load_marked_yaml(stream.read())
    except (YamlProblem, UnicodeDecodeError):
        return None


def _write_row(project: Project, folder: str, row: ImportedRow, update: bool, by_code: dict[str, str],
               seen_codes: dict[str, int], seen_slugs: dict[str, int], sheet_path: str, moment: datetime,
               result: ImportResult) -> str | None:
    code, slug = row.values.get("code"), short_slug(slugify(row.values["name"]))
    if code and seen_codes.setdefault(code, row.row) != row.row:
        return f"mã {code} trùng với dòng {seen_codes[code]} (duplicate code)"
    if seen_slugs.setdefault(slug, row.row) != row.row:
        return f"tên thủ tục trùng với dòng {seen_slugs[slug]}, cùng tên tệp {slug}.yaml (duplicate name)"
    path = by_code.get(code) if code else None
    path = path or os.path.join(folder, f"{slug}.yaml")
    shown = project.shown(path)
    if not os.path.exists(path):
        os.makedirs(folder, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as stream:
            stream.write(render_new(row, os.path.basename(sheet_path), moment))
        result.created.append((shown, row.row))
        return None
    if not update:
        return f"đã có tệp {shown}; không ghi đè, thêm --update để cập nhật các cột nhập từ bảng (file exists)"
    data = _load(path)
    if not isinstance(data, MarkedDict):
        return f'tệp {shown} có lỗi YAML; sửa theo "cchc check" rồi nhập lại (existing file unreadable)'
    if code and data.get("code") and str(_plain(data["code"])) != code:
        return (f"tệp {shown} là thủ tục mã {_plain(data['code'])}, khác mã {code} của dòng này; đổi tên tệp "
                "hoặc sửa mã (code differs)")
    changed = update_file(path, row.values)
    (result.updated.append((shown, row.row, changed)) if changed else result.unchanged.append((shown, row.row)))
    return None


def render_new(row: ImportedRow, sheet_name: str, moment: datetime) -> str:
    values = {**{k: v for k, v in TO_FILL.items() if k not in row.values}, **row.values}
    if "legal_bases" in row.values:
        values["legal_bases"] = [{**b, "number": b["number"] or placeholder("số ký hiệu của văn bản này")}
                                 for b in row.values["legal_bases"]]
    ordered = {key: values[key] for key in ORDER if key in values}
    header = (f'# Nhập từ {sheet_name}, dòng {row.row}, bằng "cchc import-thu-tuc" ngày {format_date(moment)}.\n'
              '# Thay mọi chữ "CẦN BỔ SUNG: …" bằng nội dung của Quyết định công bố; "cchc check" liệt kê những chỗ\n'
              "# còn thiếu và trang không dựng được cho đến khi điền xong. Hướng dẫn:\n"
              "# docs/bien-tap/thu-tuc-hanh-chinh.md.\n")
    return header + _dump(ordered)


def _dump(values: dict[str, Any]) -> str:
    return yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=110)


def update_file(path: str, values: dict[str, Any]) -> list[str]:
    """Rewrite the keys whose value differs; return their names in file order of ORDER."""
    with open(path, encoding="utf-8-sig") as stream:
        text = stream.read()
    data = load_marked_yaml(text)
    changed = [key for key in ORDER if key in values and not _same(key, data.get(key), values[key])]
    for key in changed:
        new = values[key]
        if key == "agencies" and isinstance(data.get(key), dict):
            new = {**_plain(data[key]), **new}
        if key == "legal_bases":
            new = [{**b, "number": b["number"] or placeholder("số ký hiệu của văn bản này")} for b in new]
        text = replace_block(text, key, new)
    if changed:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    return changed


def replace_block(text: str, key: str, value: Any) -> str:
    """Put ``key: value`` in place of the key's lines (or after the key before it in ORDER)."""
    data = load_marked_yaml(text)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    block = _dump({key: value})
    if key in data:
        first = data.key_lines[key] - 1
        return "".join(lines[:first]) + block + "".join(lines[_block_end(data, lines, first):])
    before = [k for k in ORDER[:ORDER.index(key)] if k in data]
    if not before:
        first = min(data.key_lines.values(), default=len(lines) + 1) - 1
        return "".join(lines[:first]) + block + "".join(lines[first:])
    end = _block_end(data, lines, data.key_lines[before[-1]] - 1)
    return "".join(lines[:end]) + block + "".join(lines[end:])


def _block_end(data: MarkedDict, lines: list[str], first: int) -> int:
    """The line after a top-level key's block; comments and blank lines before the next key belong to it."""
    later = [line - 1 for line in data.key_lines.values() if line - 1 > first]
    end = min(later, default=len(lines))
    while end > first + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    return end


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (MarkedInt, MarkedFloat)):
        return value.raw if isinstance(value, MarkedFloat) else int(value)
    return value


def _same(key: str, old: Any, new: Any) -> bool:
    """Whether the file already says what the sheet says (in any of the ways the loader accepts)."""
    if old is None:
        return False
    old = _plain(old)
    if key == "time_limit":
        return _time_key(old) == _time_key(new)
    if key == "fees":
        return _fee_key(old) == _fee_key(new)
    if key == "legal_bases":
        numbers = lambda items: sorted(str(i.get("number")) for i in items if isinstance(i, dict))  # noqa: E731
        return isinstance(old, list) and numbers(old) == numbers(new)
    if key == "agencies":
        return isinstance(old, dict) and old.get("handling") == new["handling"]
    if key == "levels":
        return set(old if isinstance(old, list) else [old]) == set(new)
    if key == "field":
        return str(old).upper().replace(" ", "") == new
    if key == "published_by":
        return (isinstance(old, dict) and str(old.get("number")) == new["number"]
                and parse_day(old.get("date")) == new["date"])
    return str(old) == str(new)


def _time_key(value: Any) -> tuple:
    if isinstance(value, int):
        return value, "working_days", None
    if isinstance(value, dict):
        days = value.get("days")
        return (days, value.get("unit", "working_days"), None) if days else (None, None, value.get("text"))
    parsed = parse_time_limit(str(value))
    return _time_key(parsed) if isinstance(parsed, dict) else (None, None, str(value))


def _fee_key(value: Any) -> str:
    words = folded(str(value))
    return "khong" if words in ("", "0", "khong", "none") else words

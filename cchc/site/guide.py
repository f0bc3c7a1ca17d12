"""The field tables of the editors' guide (docs/bien-tap/<kind>.md), written from the kinds' declarations.

Each page of the guide holds its kind's table between two marker lines; ``python -m cchc.site.guide``
writes them anew, and a test fails when a page's table is not what the declaration gives.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from cchc.core.declaration import TYPES, Field, Kind
from cchc.kinds.registry import kinds

GUIDE_DIR = Path("docs") / "bien-tap"
START = "<!-- bảng trường: tạo bằng python -m cchc.site.guide, đừng sửa tay -->"
END = "<!-- hết bảng trường -->"
_TABLE = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)


def guide_page(kind: Kind) -> Path:
    return GUIDE_DIR / f"{kind.folder}.md"


def field_table(kind: Kind) -> str:
    """The tables of a kind's fields: the file's own, then one per group of fields (a record)."""
    parts = [_table(kind.fields)]
    for spec in _records(kind.fields):
        parts.append(f"\n**{spec.name}** ({spec.label}), mỗi mục gồm:\n\n{_table(spec.fields)}")
    if kind.body is not None:
        parts.append(f"\nDưới phần đầu (sau dòng `---` cuối): **{kind.body.label}**. {kind.body.help}")
    return "\n".join([START, *parts, END])


def _records(fields: tuple[Field, ...]) -> list[Field]:
    found = []
    for spec in fields:
        if spec.fields and spec.type in ("record", "records"):
            found += [spec, *_records(spec.fields)]
    return found


def _table(fields: tuple[Field, ...]) -> str:
    rows = ["| Trường | Bắt buộc | Kiểu | Ý nghĩa | Ví dụ |", "|---|---|---|---|---|"]
    for spec in fields:
        rows.append(f"| `{spec.name}` | {'có' if spec.required else ''} | {_type(spec)} | "
                    f"{_cell(spec.label[0].upper() + spec.label[1:])}{_cell_help(spec)} | {_example(spec)} |")
    return "\n".join(rows)


def _type(spec: Field) -> str:
    if isinstance(spec.choices, dict):
        values = ", ".join(f"`{key}`" for key in spec.choices)
        return f"{TYPES[spec.type]}: {values}"
    if spec.choices == "categories":
        return f"{TYPES[spec.type]} (chuyên mục trong mkdocs.yml)"
    if spec.pattern_hint:
        return f"{TYPES[spec.type]}, dạng {_cell(spec.pattern_hint)}"
    return TYPES[spec.type]


def _cell_help(spec: Field) -> str:
    return f". {_cell(spec.help)}" if spec.help else ""


def _example(spec: Field) -> str:
    if spec.example is None:
        return ""
    return f"`{json.dumps(spec.example, ensure_ascii=False)}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def updated(page: str, kind: Kind) -> str:
    """The page with its table as the declaration gives it (appended when the markers are missing)."""
    table = field_table(kind)
    if _TABLE.search(page):
        return _TABLE.sub(lambda _: table, page)
    return page.rstrip("\n") + "\n\n" + table + "\n"


def write_tables(root: Path) -> list[Path]:
    """Rewrite the table of every kind's guide page under ``root``; the pages that changed."""
    changed = []
    for kind in kinds():
        path = root / guide_page(kind)
        before = path.read_text(encoding="utf-8") if path.exists() else f"# {kind.label}\n\n{kind.guide}\n"
        after = updated(before, kind)
        if after != before:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(after, encoding="utf-8")
            changed.append(path)
    return changed


if __name__ == "__main__":
    for written in write_tables(Path.cwd()):
        print(f"đã viết lại bảng trường trong {written}")
    sys.exit(0)

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
from cchc.site.options import OPTIONS
from cchc.site.settings import CATEGORY_FIELDS, DEPARTMENT_FIELDS

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


SETTINGS_PAGE = GUIDE_DIR / "cau-hinh.md"


def settings_table() -> str:
    """The tables of mkdocs.yml's ``extra:``: the department, a news category, and cchc's build options."""
    options = ["| Tùy chọn | Biến môi trường | Mặc định | Ý nghĩa |", "|---|---|---|---|"]
    options += [f"| `{o.name}` | `{o.environment}` | `{str(o.default).lower()}` | {_cell(o.help)} |"
                for o in OPTIONS]
    return "\n".join([START, "**extra: department:** (thông tin cơ quan)\n", _table(DEPARTMENT_FIELDS),
                      "\n**extra: news: categories:** (mỗi chuyên mục tin một mục)\n", _table(CATEGORY_FIELDS),
                      "\n**extra: cchc:** (tùy chọn khi dựng trang; biến môi trường được ưu tiên)\n",
                      "\n".join(options), END])


def _rewrite(path: Path, table: str, heading: str) -> bool:
    before = path.read_text(encoding="utf-8") if path.exists() else heading
    if _TABLE.search(before):
        after = _TABLE.sub(lambda _: table, before)
    else:
        after = before.rstrip("\n") + "\n\n" + table + "\n"
    if after == before:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(after, encoding="utf-8")
    return True


def write_tables(root: Path) -> list[Path]:
    """Rewrite the table of every kind's guide page, and of the settings page, under ``root``; those that changed."""
    changed = [root / guide_page(kind) for kind in kinds()
               if _rewrite(root / guide_page(kind), field_table(kind), f"# {kind.label}\n\n{kind.guide}\n")]
    if _rewrite(root / SETTINGS_PAGE, settings_table(), "# Cấu hình chuyên trang (mkdocs.yml)\n"):
        changed.append(root / SETTINGS_PAGE)
    return changed


if __name__ == "__main__":
    for written in write_tables(Path.cwd()):
        print(f"đã viết lại bảng trường trong {written}")
    sys.exit(0)

"""What the editor reads next to the red mark of a failed publish: the errors in Vietnamese, with file, line, field.

Each CI host shows it in its own place:

- GitHub (and Forgejo, whose runner speaks the same workflow commands): the job's summary page
  (``$GITHUB_STEP_SUMMARY``, Markdown) and one annotation per error on the changed file (``::error file=…``);
- GitLab: a Code Quality report (``--code-quality``), listed in the merge request, and the Markdown summary as a
  file kept with the job (``--summary``);
- everywhere: the last lines of the job's log.

Everything is made from the records of ``cchc check --format json`` (``Report.as_json``), so the CI says what
``cchc check`` says on the editor's machine.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Mapping

_SEVERITY_WORDS = {"error": "Lỗi", "warning": "Cảnh báo"}


def _cell(value: object) -> str:
    return " ".join(str(value).split()).replace("|", "\\|") if value not in (None, "") else "–"


def _table(records: list[dict]) -> list[str]:
    lines = ["| Tệp | Dòng | Trường | Cần sửa |", "|---|---:|---|---|"]
    lines += [f"| `{_cell(r['path'])}` | {_cell(r['line'])} | {_cell(r['field'])} | {_cell(r['message'])} |"
              for r in records]
    return lines


def check_failed(records: list[dict]) -> str:
    """Markdown for a publish stopped by content errors (and the text warnings found with them)."""
    errors = [r for r in records if r["severity"] == "error"]
    warnings = [r for r in records if r["severity"] == "warning"]
    lines = [f"## Chưa xuất bản: nội dung có {len(errors)} lỗi", "",
             "Trang công khai vẫn như trước. Sửa từng lỗi dưới đây trong tệp được nêu (dòng, trường), lưu lại: "
             "trang được kiểm tra và dựng lại tự động. Trên máy của mình, lệnh `cchc check` cho cùng danh sách.", ""]
    lines += _table(errors)
    if warnings:
        lines += ["", f"### Cảnh báo chữ viết ({len(warnings)})", "",
                  "Không chặn việc xuất bản; `cchc check --fix` sửa tự động.", ""]
        lines += _table(warnings)
    return "\n".join(lines) + "\n"


def build_failed(records: list[dict], other_lines: list[str]) -> str:
    """Markdown for a publish stopped by the strict build after the content passed the check: MkDocs' warnings
    told in Vietnamese (``cchc.publish.build_messages``), and any other line of its log as it was written."""
    lines = ["## Chưa xuất bản: dựng trang không thành công", "",
             "Nội dung đã qua bước kiểm tra, nhưng lệnh dựng trang (mkdocs build --strict) dừng lại. Trang công khai "
             "vẫn như trước. Sửa từng chỗ dưới đây, lưu lại: trang được dựng lại tự động.", ""]
    if records:
        lines += _table(records)
    if other_lines or not records:
        lines += ["", "Các dòng báo lỗi khác của lệnh dựng trang:", "", "```text",
                  *(other_lines[-60:] or ["(không có dòng nào; xem nhật ký đầy đủ của lần chạy)"]), "```"]
    return "\n".join(lines) + "\n"


def published(release: str | None, where: str, when: str, removed: list[str], warnings: list[dict]) -> str:
    lines = [f"## Đã xuất bản lúc {when}", ""]
    lines.append(f"Bản `{release}` đang được phục vụ từ `{where}`." if release else
                 f"Trang đã dựng vào `{where}`, bước sau của CI đưa lên máy chủ trang.")
    if removed:
        lines += ["", "Đã xoá các bản cũ: " + ", ".join(f"`{name}`" for name in removed) + "."]
    if warnings:
        lines += ["", f"### Cảnh báo chữ viết ({len(warnings)})", "", "`cchc check --fix` sửa tự động.", ""]
        lines += _table(warnings)
    return "\n".join(lines) + "\n"


def write_step_summary(markdown: str, summary_file: str | None, environ: Mapping[str, str] = os.environ) -> None:
    """Append to GitHub's/Forgejo's job summary when the runner offers one, and write ``--summary`` if asked."""
    for path, mode in ((environ.get("GITHUB_STEP_SUMMARY"), "a"), (summary_file, "w")):
        if path:
            with open(path, mode, encoding="utf-8") as stream:
                stream.write(markdown)


def _escape(text: str, in_property: bool = False) -> str:
    """A workflow command's value: % and line breaks escaped, and , : in a property."""
    text = str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def annotations(records: list[dict]) -> list[str]:
    """GitHub workflow commands that mark each error (and warning) on its file and line."""
    lines = []
    for r in records:
        if r["severity"] not in _SEVERITY_WORDS:
            continue
        command = "error" if r["severity"] == "error" else "warning"
        where = f"file={_escape(r['path'], True)}" + (f",line={r['line']}" if r["line"] else "")
        title = f"{_SEVERITY_WORDS[r['severity']]}: {r['field']}" if r["field"] else _SEVERITY_WORDS[r["severity"]]
        lines.append(f"::{command} {where},title={_escape(title, True)}::{_escape(r['message'])}")
    return lines


def code_quality(records: list[dict]) -> str:
    """GitLab's Code Quality report (JSON): one issue per error or warning, shown in the merge request."""
    issues = []
    for r in records:
        if r["severity"] not in _SEVERITY_WORDS:
            continue
        description = f"{r['field']}: {r['message']}" if r["field"] else r["message"]
        identity = f"{r['path']}:{r['line']}:{r['field']}:{r['message']}".encode("utf-8")
        issues.append({"description": description, "check_name": f"cchc-{r['severity']}",
                       "fingerprint": hashlib.sha256(identity).hexdigest(),
                       "severity": "major" if r["severity"] == "error" else "minor",
                       "location": {"path": r["path"], "lines": {"begin": r["line"] or 1}}})
    return json.dumps(issues, ensure_ascii=False, indent=2)

"""``cchc check``: every content error and text-hygiene warning, without building the site.

Content is validated by the very ``load_site`` the build calls, so check and build never
disagree on errors. Hygiene findings (``cchc.core.hygiene``) are warnings: the site builds with
them, but readers see broken letters or search misses words. ``--fix`` repairs them first,
so the content checked afterwards is the repaired one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from cchc.core.errors import ContentError, ContentErrors
from cchc.core.hygiene import repair, scan
from cchc.core.text import NotUtf8, decode_utf8
from cchc.site.project import Project, now
from cchc.site.sections import load_checked_site

ERROR, WARNING, FIXED = "error", "warning", "fixed"
_HEADINGS = {
    ERROR: "Lỗi nội dung ({n}), cần sửa trước khi dựng trang (errors):",
    WARNING: 'Cảnh báo chữ viết ({n}), sửa tự động bằng "cchc check --fix" (warnings):',
    FIXED: "Đã sửa ({n}) (fixed):",
}
CONTENT_WARNINGS = "Cảnh báo nội dung ({n}), trang vẫn dựng được nhưng nên sửa (content warnings):"


@dataclass(frozen=True)
class Report:
    severity: str
    problem: ContentError
    fixable: bool = True
    """A text-hygiene warning ``--fix`` repairs; a content warning (a stale procedure) is the editor's to fix."""

    def as_json(self) -> dict:
        p = self.problem
        return {"path": p.path, "line": p.line, "field": p.field, "message": p.message, "severity": self.severity}


def run_check(project: Project, fix: bool) -> list[Report]:
    """Hygiene of every text file (repaired first with ``fix``), then the content model."""
    reports = [r for path in project.text_files() for r in check_text_file(project, path, fix)]
    try:
        warnings = load_checked_site(project.paths, project.site_url, project.src_uris(), now()).content.warnings
    except ContentErrors as errors:
        reports += [Report(ERROR, e) for e in errors.errors]
        warnings = errors.warnings
    reports += [Report(WARNING, w, fixable=False) for w in warnings]
    unique = list(dict.fromkeys(reports))  # a file that is not UTF-8 is reported by both
    return sorted(unique, key=lambda r: (r.problem.path, r.problem.line or 0, r.problem.field or "", r.severity))


def check_text_file(project: Project, path: str, fix: bool) -> list[Report]:
    shown = project.shown(path)
    with open(path, "rb") as stream:
        data = stream.read()
    try:
        text = decode_utf8(data)
    except NotUtf8 as problem:
        return [Report(ERROR, ContentError(shown, problem.line, None, problem.message))]
    findings = scan(text)
    if not (fix and findings):
        return [Report(WARNING, ContentError(shown, f.line, None, f.message)) for f in findings]
    with open(path, "wb") as stream:
        stream.write(repair(text, findings).encode("utf-8"))
    return [Report(FIXED, ContentError(shown, f.line, None, f.fixed_message)) for f in findings]


def exit_status(reports: list[Report], strict: bool) -> int:
    failing = {ERROR, WARNING} if strict else {ERROR}
    return 1 if any(r.severity in failing for r in reports) else 0


def render_text(reports: list[Report], file_count: int) -> str:
    if not reports:
        return f"Không có lỗi hay cảnh báo nào trong {file_count} tệp (no problems found)."
    lines = []
    groups = ((_HEADINGS[ERROR], ERROR, True), (_HEADINGS[WARNING], WARNING, True), (CONTENT_WARNINGS, WARNING, False),
              (_HEADINGS[FIXED], FIXED, True))
    for heading, severity, fixable in groups:
        chosen = [r for r in reports if r.severity == severity and (r.fixable == fixable or severity != WARNING)]
        if chosen:
            lines.append(heading.format(n=len(chosen)))
            lines += [f"  {r.problem}" for r in chosen]
    counts = {s: sum(r.severity == s for r in reports) for s in (ERROR, WARNING, FIXED)}
    lines.append(f"Tổng cộng: {counts[ERROR]} lỗi, {counts[WARNING]} cảnh báo, {counts[FIXED]} đã sửa "
                 f"({counts[ERROR]} errors, {counts[WARNING]} warnings, {counts[FIXED]} fixed).")
    return "\n".join(lines)


def render_json(reports: list[Report]) -> str:
    return json.dumps([r.as_json() for r in reports], ensure_ascii=False, indent=2)

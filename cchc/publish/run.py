"""``cchc publish``: check the content, build the site strictly, put it on the server; or switch back (rollback).

The same steps on every CI host (``.ci/publish`` installs cchc and calls this) and on an IT officer's machine:

1. ``cchc check``: the content rules of the build, in seconds; an error stops here, with its file, line and field
   in the job's summary (``cchc.publish.summary``);
2. ``mkdocs build --strict`` (``cchc.publish.build``), then a look at the inline scripts the nginx configuration's
   Content-Security-Policy must allow (``cchc.publish.csp``);
3. with a target (``--target`` or ``CCHC_DEPLOY_TARGET``): a new release uploaded and switched to in one step
   (``cchc.publish.releases``). Without one, the built folder is left for the CI host's own Pages step.

Exit status: 0 published; 1 the content or the build has errors (nothing published); 2 the upload or the switch
failed (the served site is the one served before).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import datetime

from cchc.cli.check import ERROR, WARNING, render_text, run_check
from cchc.core.errors import ContentError
from cchc.core.text import format_datetime
from cchc.publish import summary
from cchc.publish.build import build_site
from cchc.publish.build_messages import editor_records
from cchc.publish.csp import missing_hashes, policy_for_site
from cchc.publish.releases import deploy, rollback, rsync_options
from cchc.publish.target import DeployProblem, open_target
from cchc.site.project import Project


@dataclass(frozen=True)
class PublishOptions:
    config_file: str
    site_dir: str | None
    target: str | None
    keep: int
    summary_file: str | None
    code_quality_file: str | None


def say(text: str = "") -> None:
    print(text, flush=True)  # flushed: the build's own lines come from another process into the same log


def publish(project: Project, options: PublishOptions, now: datetime) -> int:
    say("[1/3] Kiểm tra nội dung (cchc check)…")
    reports = run_check(project, fix=False)
    records = [report.as_json() for report in reports]  # what ``cchc check --format json`` prints
    say(render_text(reports, len(project.text_files())))
    if options.code_quality_file:  # written every time: an empty report clears a merge request's earlier errors
        with open(options.code_quality_file, "w", encoding="utf-8") as stream:
            stream.write(summary.code_quality(records))
    errors = [str(report.problem) for report in reports if report.severity == ERROR]
    if errors:  # listed again as the log's last lines: what a CI host without a summary page shows first
        return _stop(summary.check_failed(records), records, options,
                     f"Chưa xuất bản: nội dung có {len(errors)} lỗi; sửa trong tệp được nêu (tệp:dòng: trường: lỗi), "
                     "lưu lại rồi chạy lại:\n" + "\n".join(f"  {line}" for line in errors))
    say("[2/3] Dựng trang (mkdocs build --strict)…")
    built = build_site(options.config_file, options.site_dir, say)
    if not built.ok:
        records, others = editor_records(built.lines, project)
        shown = [f"  {_as_line(r)}" for r in records] + others[-30:]
        return _stop(summary.build_failed(records, others), records, options,
                     "Chưa xuất bản: dựng trang không thành công; sửa những chỗ sau, lưu lại rồi chạy lại:\n"
                     + "\n".join(shown or built.lines[-30:]), options.code_quality_file)
    site_dir = built_site_dir(project, options.site_dir)
    seconds = f"{built.seconds:.1f}".replace(".", ",")  # Vietnamese decimal comma
    say(f"Đã dựng trang vào {site_dir} trong {seconds} giây.")
    _warn_about_scripts(site_dir)
    warnings = [r for r in records if r["severity"] == WARNING]
    if not options.target:
        say(f"[3/3] Không có đích (--target, CCHC_DEPLOY_TARGET): trang đã dựng ở {site_dir}, để bước sau của CI "
            "đưa lên (GitHub Pages, GitLab Pages).")
        summary.write_step_summary(summary.published(None, site_dir, format_datetime(now), [], warnings),
                                   options.summary_file)
        return 0
    return _deploy(options, site_dir, now, warnings)


def _as_line(record: dict) -> str:
    return str(ContentError(record["path"], record["line"], record["field"], record["message"]))


def _stop(markdown: str, records: list[dict], options: PublishOptions, last_words: str,
          code_quality_file: str | None = None) -> int:
    summary.write_step_summary(markdown, options.summary_file)
    if code_quality_file:
        with open(code_quality_file, "w", encoding="utf-8") as stream:
            stream.write(summary.code_quality(records))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for line in summary.annotations(records):
            say(line)
    say(last_words)
    return 1


def _deploy(options: PublishOptions, site_dir: str, now: datetime, warnings: list[dict]) -> int:
    try:
        with open_target(options.target) as target:
            say(f"[3/3] Đưa lên {target.shown}…")
            name, removed = deploy(target, site_dir, options.keep, now, commit_id(options.config_file),
                                   rsync_options(os.environ))
    except DeployProblem as problem:
        say(f"cchc: {problem}")
        summary.write_step_summary(f"## Chưa xuất bản: {problem}\n", options.summary_file)
        return 2
    say(f"Đã xuất bản bản {name}: {target.shown}/current trỏ tới releases/{name}.")
    if removed:
        say(f"Đã xoá {len(removed)} bản cũ: {', '.join(removed)}.")
    summary.write_step_summary(summary.published(name, target.shown, format_datetime(now), removed, warnings),
                               options.summary_file)
    return 0


def roll_back(target_text: str | None, wanted: str | None) -> int:
    if not target_text:
        say("cchc: cần đích để quay lại: --target hoặc biến CCHC_DEPLOY_TARGET (no target)")
        return 2
    try:
        with open_target(target_text) as target:
            before, now_served = rollback(target, wanted)
    except DeployProblem as problem:
        say(f"cchc: {problem}")
        return 2
    say(f"Đã quay lại bản {now_served} (trước đó phục vụ {before}): {target.shown}/current trỏ tới "
        f"releases/{now_served}.")
    return 0


def print_policy(project: Project, site_dir: str | None) -> int:
    folder = built_site_dir(project, site_dir)
    if not os.path.isfile(os.path.join(folder, "index.html")):
        say(f'cchc: chưa có trang đã dựng ở {folder}; chạy "cchc publish" hoặc "mkdocs build" trước (no built site)')
        return 2
    say(policy_for_site(folder))
    return 0


def _warn_about_scripts(site_dir: str) -> None:
    missing = missing_hashes(site_dir)
    if missing:
        say(f"Cảnh báo: trang có {len(missing)} đoạn script viết trong trang mà Content-Security-Policy của cấu hình "
            "nginx kèm theo (cchc/publish/nginx/cchc.conf) chưa cho phép, nên trình duyệt sẽ chặn chúng. Chạy "
            '"cchc publish --csp" và chép chính sách nó in vào cấu hình máy chủ (inline scripts not in the CSP).')


def built_site_dir(project: Project, site_dir: str | None) -> str:
    written = site_dir or project.config.get("site_dir") or "site"
    return os.path.normpath(os.path.join(project.paths.project_dir, str(written)))


def commit_id(config_file: str) -> str | None:
    """The commit being published: from the CI host's variables, else git's, else none."""
    for name in ("GITHUB_SHA", "CI_COMMIT_SHA"):
        if os.environ.get(name):
            return os.environ[name]
    try:
        result = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                                cwd=os.path.dirname(os.path.abspath(config_file)), timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() if result.returncode == 0 else None

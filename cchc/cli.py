"""The ``cchc`` command for editors: ``cchc check`` and ``cchc new``.

Plain argparse, no MkDocs: ``check`` validates content in seconds with the loaders the
build uses; ``new`` starts a draft from a template. Exit status: 0 fine, 1 content
errors (or warnings with ``--strict``, or a file ``new`` refused), 2 nothing could be
done (no mkdocs.yml, wrong arguments).
"""

from __future__ import annotations

import argparse
import sys

from cchc.check import render_json, render_text, run_check, exit_status
from cchc.new import TEMPLATES, NewProblem, create
from cchc.project import ProjectProblem, load_project, now


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cchc", description="Công cụ cho biên tập viên chuyên trang CCHC.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="{check,new}")
    check = commands.add_parser("check", help="kiểm tra toàn bộ nội dung, không dựng trang")
    check.add_argument("--format", choices=("text", "json"), default="text", help="text (mặc định) hoặc json")
    check.add_argument("--fix", action="store_true", help="tự sửa lỗi chữ viết (NFD, TCVN3, VNI, ký tự lạ)")
    check.add_argument("--strict", action="store_true", help="coi cảnh báo như lỗi (mã thoát 1)")
    check.add_argument("-f", "--config-file", default="mkdocs.yml", help="đường dẫn mkdocs.yml")
    new = commands.add_parser("new", help="tạo tệp nội dung mới từ mẫu (bản nháp)")
    new.add_argument("kind", metavar="loai", help=f"loại nội dung: {', '.join(TEMPLATES)}")
    new.add_argument("title", metavar="tieu_de", help="tiêu đề, đặt trong dấu ngoặc kép")
    new.add_argument("-f", "--config-file", default="mkdocs.yml", help="đường dẫn mkdocs.yml")
    return parser


def main(argv: list[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # Vietnamese on a Windows console too
        sys.stderr.reconfigure(encoding="utf-8")
    args = build_parser().parse_args(argv)
    try:
        project = load_project(args.config_file)
    except ProjectProblem as problem:
        print(f"cchc: {problem}", file=sys.stderr)
        return 2
    return _check(project, args) if args.command == "check" else _new(project, args)


def _check(project, args) -> int:
    reports = run_check(project, args.fix)
    print(render_json(reports) if args.format == "json" else render_text(reports, len(project.text_files())))
    return exit_status(reports, args.strict)


def _new(project, args) -> int:
    try:
        path = create(project, args.kind, args.title, now())
    except NewProblem as problem:
        print(f"cchc: {problem}", file=sys.stderr)
        return 1
    print(f"Đã tạo {project.shown(path)} {TEMPLATES[args.kind].next_step}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

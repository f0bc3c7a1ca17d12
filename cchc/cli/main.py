"""The ``cchc`` command for editors: ``check``, ``new``, ``import-thu-tuc``, ``report`` and ``edit``; ``publish``
for CI.

argparse worded in Vietnamese (``cchc.cli.argparse_vi``), no MkDocs: ``check`` validates content
in seconds with the loaders the build uses; ``new`` starts a file from a template;
``import-thu-tuc`` turns the appendix of a Quyết định công bố (.xlsx or .csv) into procedure
files; ``report`` prints the figures of the yearly CCHC report; ``edit`` runs the preview and the browser
form's local server together (``cchc.cli.edit``); ``publish`` checks, builds and deploys (``cchc.cli.publish``,
its own exit statuses). Exit status: 0 fine, 1 content
errors (or warnings with ``--strict``, a file ``new`` refused, rows ``import-thu-tuc`` could
not import), 2 nothing could be done (no mkdocs.yml, wrong arguments, a year without a plan,
an unreadable spreadsheet, a file that cannot be written).
"""

from __future__ import annotations

import argparse
import sys

from cchc.cli import edit
from cchc.cli.argparse_vi import MESSAGES, Parser, vietnamese_argparse
from cchc.cli.check import exit_status, render_json, render_text, run_check
from cchc.cli.new import NewProblem, create, kinds_with_new, next_step
from cchc.cli.publish import add_publish_parser, run_publish
from cchc.cli.report import build_year_report, no_plan_message
from cchc.cli.report_render import FORMATS, render
from cchc.core.errors import ContentErrors
from cchc.core.fields import parse_day
from cchc.kinds.documents.load import symbol_type
from cchc.kinds.plans.load import plan_years
from cchc.kinds.procedures.import_sheet import ImportProblem
from cchc.kinds.procedures.write import ImportResult, import_procedures
from cchc.site.content import load_site
from cchc.site.project import Project, ProjectProblem, load_project, now


def build_parser() -> argparse.ArgumentParser:
    """Call under ``vietnamese_argparse()``: argparse words its help while the parser is built."""
    parser = Parser(prog="cchc", description="Công cụ cho biên tập viên chuyên trang CCHC.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="{check,new,import-thu-tuc,report,edit,publish}")
    check = commands.add_parser("check", help="kiểm tra toàn bộ nội dung, không dựng trang")
    check.add_argument("--format", choices=("text", "json"), default="text", help="text (mặc định) hoặc json")
    check.add_argument("--fix", action="store_true", help="tự sửa lỗi chữ viết (NFD, TCVN3, VNI, ký tự lạ)")
    check.add_argument("--strict", action="store_true", help="coi cảnh báo như lỗi (mã thoát 1)")
    new = commands.add_parser("new", help="tạo tệp nội dung mới từ mẫu")
    new.add_argument("kind", metavar="loai", help=f"loại nội dung: {', '.join(kinds_with_new())}")
    new.add_argument("title", metavar="tieu_de", help="tiêu đề (văn bản: số, ký hiệu), đặt trong dấu ngoặc kép")
    imports = commands.add_parser("import-thu-tuc", help="nhập danh mục thủ tục từ tệp .xlsx hoặc .csv")
    imports.add_argument("sheet", metavar="tep", help="tệp .xlsx hoặc .csv (UTF-8) như phụ lục Quyết định công bố")
    imports.add_argument("--update", action="store_true", help="cập nhật các cột nhập vào tệp thủ tục đã có")
    imports.add_argument("--quyet-dinh", metavar="SO", help="số, ký hiệu quyết định công bố, ví dụ 2922/QĐ-UBND")
    imports.add_argument("--ngay-quyet-dinh", metavar="NGAY", help="ngày của quyết định công bố, ví dụ 05/11/2018")
    report = commands.add_parser("report", help="số liệu cho báo cáo CCHC của một năm")
    report.add_argument("year", metavar="nam", type=_year, help="năm có kế hoạch tuyên truyền, ví dụ 2022")
    report.add_argument("--format", choices=FORMATS, default="markdown",
                        help="markdown (mặc định), text (chữ thường), csv hoặc docx (tệp Word, cần -o)")
    report.add_argument("-o", "--output", metavar="tep", help="ghi ra tệp thay vì màn hình")
    edit = commands.add_parser("edit", help="xem trước và soạn bài trên trình duyệt, trên máy này")
    edit.add_argument("--cong", metavar="CONG", type=_port, default=8000,
                      help="cổng của trang xem trước (mặc định 8000)")
    edit.add_argument("--cong-soan-bai", metavar="CONG", type=_port, default=8081,
                      help="cổng của máy chủ lưu bài (mặc định 8081)")
    publish = add_publish_parser(commands)
    for command in (check, new, imports, report, edit, publish):
        command.set_defaults(parser=command)
        command.add_argument("-f", "--config-file", metavar="tep_cau_hinh", default="mkdocs.yml",
                             help="đường dẫn mkdocs.yml (mặc định: mkdocs.yml ở thư mục hiện tại)")
    return parser


def _year(text: str) -> int:
    """A whole number; whether that year has a plan is checked once the project is known."""
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f'"{text}" không phải năm; ghi năm bằng số, ví dụ 2022')
    return int(text)


def _port(text: str) -> int:
    if not text.isdigit() or not 1024 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f'"{text}" không phải cổng; ghi một số từ 1024 đến 65535, ví dụ 8000')
    return int(text)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The arguments, or exit status 2 after a Vietnamese usage error."""
    with vietnamese_argparse():
        args, unknown = build_parser().parse_known_args(argv)
        if unknown:  # told by the subcommand's parser: its usage and its --help are what the editor needs
            args.parser.error(MESSAGES["unrecognized arguments: %s"] % " ".join(unknown))
    return args


def main(argv: list[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # Vietnamese on a Windows console too
        sys.stderr.reconfigure(encoding="utf-8")
    args = parse_arguments(argv)
    try:
        project = load_project(args.config_file)
    except ProjectProblem as problem:
        print(f"cchc: {problem}", file=sys.stderr)
        return 2
    commands = {"check": _check, "new": _new, "import-thu-tuc": _import, "report": _report, "edit": _edit,
                "publish": run_publish}
    try:
        return commands[args.command](project, args)
    except OSError as error:  # a folder that does not exist, a file open in Excel: a message, never a traceback
        print(f"cchc: {_file_problem(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cchc: đã dừng theo yêu cầu (Ctrl+C)", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - the last net: an editor gets a message, never a traceback
        print(f"cchc: lỗi không lường trước; kiểm tra tệp vừa sửa, rồi báo cho bộ phận kỹ thuật kèm dòng này "
              f"(unexpected error: {type(error).__name__}: {error})", file=sys.stderr)
        return 2


def _file_problem(error: OSError) -> str:
    where = f' "{error.filename}"' if error.filename else ""
    return (f"không đọc hoặc ghi được tệp{where}; kiểm tra thư mục có tồn tại, được phép ghi và tệp không đang mở "
            f"trong chương trình khác (như Excel), rồi chạy lại ({error.strerror or error})")


def _check(project: Project, args: argparse.Namespace) -> int:
    reports = run_check(project, args.fix)
    print(render_json(reports) if args.format == "json" else render_text(reports, len(project.text_files())))
    return exit_status(reports, args.strict)


def _edit(project: Project, args: argparse.Namespace) -> int:
    try:
        return edit.run(project.paths.project_dir, project.paths.config_path, args.cong, args.cong_soan_bai)
    except edit.EditProblem as problem:
        print(f"cchc: {problem}", file=sys.stderr)
        return 2


def _new(project: Project, args: argparse.Namespace) -> int:
    try:
        path = create(project, args.kind, args.title, now())
    except NewProblem as problem:
        print(f"cchc: {problem}", file=sys.stderr)
        return 1
    print(f"Đã tạo {project.shown(path)} {next_step(args.kind)}")
    return 0


def _import(project: Project, args: argparse.Namespace) -> int:
    published_by = None
    if args.quyet_dinh or args.ngay_quyet_dinh:
        day = parse_day(args.ngay_quyet_dinh) if args.ngay_quyet_dinh else None
        if not (args.quyet_dinh and symbol_type(args.quyet_dinh) and day):
            print('cchc: cần cả hai: --quyet-dinh với số, ký hiệu như "2922/QĐ-UBND" và --ngay-quyet-dinh với ngày '
                  'như "05/11/2018" hoặc "2018-11-05" (publishing decision incomplete)', file=sys.stderr)
            return 2
        published_by = {"number": args.quyet_dinh, "date": day}
    try:
        result = import_procedures(project, args.sheet, args.update, published_by, now())
    except ImportProblem as problem:
        print(f"cchc: {problem}", file=sys.stderr)
        return 2
    print(render_import(result, args.sheet))
    return 1 if result.problems else 0


def render_import(result: ImportResult, sheet: str) -> str:
    lines = []
    if result.created:
        lines.append(f"Đã tạo {len(result.created)} tệp (created):")
        lines += [f"  {path} (dòng {row})" for path, row in result.created]
    if result.updated:
        lines.append(f"Đã cập nhật {len(result.updated)} tệp (updated):")
        lines += [f"  {path} (dòng {row}): {', '.join(keys)}" for path, row, keys in result.updated]
    if result.unchanged:
        lines.append(f"Không thay đổi {len(result.unchanged)} tệp (unchanged):")
        lines += [f"  {path} (dòng {row})" for path, row in result.unchanged]
    if result.problems:
        lines.append(f"Không nhập được {len(result.problems)} dòng (rows not imported):")
        lines += [f"  {sheet}:{p.row}: {p.reason}" for p in result.problems]
    if result.created:
        lines.append('Tệp mới còn những chỗ "CẦN BỔ SUNG" (trình tự, thành phần hồ sơ…): điền theo Quyết định công bố '
                     'rồi chạy "cchc check"; trang không dựng được cho đến khi điền xong.')
    if not lines:
        lines.append(f"Không có dòng thủ tục nào trong {sheet} (no procedure rows).")
    return "\n".join(lines)


def _report(project: Project, args: argparse.Namespace) -> int:
    years = plan_years(project.paths.project_dir)
    if args.year not in years:
        print(f"cchc: {no_plan_message(args.year, years)}", file=sys.stderr)
        return 2
    try:
        site = load_site(project.paths, project.site_url, project.src_uris(), now())
    except ContentErrors as errors:
        print(f'cchc: {errors.report()}\nSửa các lỗi trên (xem "cchc check") rồi chạy lại.', file=sys.stderr)
        return 1
    if args.format == "docx" and not args.output:
        print('cchc: tệp Word không in ra màn hình được; thêm "-o bao-cao.docx" để ghi ra tệp (docx needs -o)',
              file=sys.stderr)
        return 2
    report = build_year_report(site, args.year)
    data = render(report, args.format)
    if args.output:
        with open(args.output, "wb") as stream:
            stream.write(data)
        print(f"Đã ghi {args.output}.")
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``cchc publish``: its arguments (worded in Vietnamese) and the choice between publishing, rolling back and
printing the Content-Security-Policy. The work itself is ``cchc.publish.run``'s."""

from __future__ import annotations

import argparse
import os

from cchc.publish.run import PublishOptions, print_policy, publish, roll_back
from cchc.site.project import Project, now

DEFAULT_KEEP = 5


def add_publish_parser(commands) -> argparse.ArgumentParser:
    publish_parser = commands.add_parser(
        "publish", help="kiểm tra, dựng trang (--strict) rồi đưa lên máy chủ; hoặc quay lại bản trước",
        description="Kiểm tra nội dung (cchc check), dựng trang (mkdocs build --strict) rồi đưa lên máy chủ: tải vào "
                    "một thư mục phiên bản mới rồi chuyển liên kết current sang nó trong một bước. Đích, khóa SSH đọc "
                    "từ biến môi trường CCHC_DEPLOY_TARGET, CCHC_SSH_KEY, CCHC_SSH_KNOWN_HOSTS, CCHC_SSH_PORT "
                    "(xem docs/van-hanh/xuat-ban.md).")
    publish_parser.add_argument(
        "--target", metavar="DICH", default=os.environ.get("CCHC_DEPLOY_TARGET") or None,
        help="thư mục trên máy này hoặc nguoi_dung@may_chu:/thu/muc (mặc định: biến CCHC_DEPLOY_TARGET; "
             "không có thì chỉ dựng trang)")
    publish_parser.add_argument(
        "--keep", metavar="SO_BAN", type=_keep, default=os.environ.get("CCHC_DEPLOY_KEEP") or DEFAULT_KEEP,
        help=f"số bản giữ lại trên máy chủ để quay lại (mặc định: biến CCHC_DEPLOY_KEEP hoặc {DEFAULT_KEEP})")
    publish_parser.add_argument(
        "--rollback", metavar="BAN", nargs="?", const="", default=None,
        help="không dựng trang: quay lại bản ngay trước bản đang phục vụ (hoặc bản BAN, tên thư mục trong releases/)")
    publish_parser.add_argument("--site-dir", metavar="THU_MUC", help="thư mục ghi trang đã dựng (mặc định: site)")
    publish_parser.add_argument("--summary", metavar="TEP", help="ghi tóm tắt (Markdown) vào tệp này")
    publish_parser.add_argument("--code-quality", metavar="TEP",
                                help="ghi lỗi nội dung dạng báo cáo Code Quality của GitLab (JSON) vào tệp này")
    publish_parser.add_argument("--csp", action="store_true",
                                help="không dựng trang: in Content-Security-Policy cho trang đã dựng (cấu hình nginx)")
    return publish_parser


def _keep(text: str | int) -> int:
    value = int(text) if str(text).strip().isdigit() else 0
    if value < 2:
        raise argparse.ArgumentTypeError(f'"{text}" không dùng được: cần giữ ít nhất 2 bản để quay lại được, ví dụ 5')
    return value


def run_publish(project: Project, args: argparse.Namespace) -> int:
    if args.csp:
        return print_policy(project, args.site_dir)
    if args.rollback is not None:
        return roll_back(args.target, args.rollback or None)
    options = PublishOptions(config_file=project.paths.config_path, site_dir=args.site_dir, target=args.target,
                             keep=_keep(args.keep), summary_file=args.summary, code_quality_file=args.code_quality)
    return publish(project, options, now())

"""The ``cchc`` command through its real entry point, on small sites written into tmp_path."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import yaml
from conftest import FIXED_EPOCH, Site, environment, front_matter_text

from cchc.cli.main import main

CLEAN = "Không có lỗi hay cảnh báo nào trong {n} tệp (no problems found).\n"
BAD_DATE = ('content/tin-tuc/sai-ngay.md:3: date: ngày giờ đăng "32/13/2022" không đúng dạng ngày giờ; '
            'viết "2022-02-24 08:30" hoặc "24/02/2022 08:30" (invalid date)')


def cchc(site: Site, *args: str, epoch: str = FIXED_EPOCH, script: bool = False) -> subprocess.CompletedProcess:
    if not (site.root / "mkdocs.yml").exists():
        site.write_config()
    return cchc_in(site.root, *args, epoch=epoch, script=script)


def cchc_in(project: Path, *args: str, epoch: str = FIXED_EPOCH, script: bool = False) -> subprocess.CompletedProcess:
    """The command run in a project folder: the installed console script in its own process (``script``), or
    its ``main`` in this one, with the same working folder, arguments and output (a new process for each of
    the suite's many commands cost more than the commands)."""
    if script:
        env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
        return subprocess.run([str(Path(sys.executable).parent / "cchc"), *args], cwd=project, env=env,
                              capture_output=True, text=True, timeout=60)
    out, err = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True) for _ in range(2))
    with contextlib.chdir(project), environment(SOURCE_DATE_EPOCH=epoch), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit:  # argparse's usage errors and --help
            code = exit.code
    written = [stream.buffer.getvalue().decode("utf-8") for stream in (out, err)]  # report -o - writes bytes
    return subprocess.CompletedProcess(["cchc", *args], code, *written)


def test_clean_site_passes_quickly_without_building(site):
    site.article("bai-mot")
    started = time.monotonic()
    result = cchc(site, "check", script=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, CLEAN.format(n=3), "")
    assert time.monotonic() - started < 10
    assert not site.site_dir.exists()


def test_content_errors_are_the_builds_errors_and_fail(site):
    site.article("sai-ngay", date="32/13/2022")
    site.article("khong-tieu-de", title=None)
    result = cchc(site, "check")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "Lỗi nội dung (2), cần sửa trước khi dựng trang (errors):",
        '  content/tin-tuc/khong-tieu-de.md:2: title: thiếu tiêu đề (trường bắt buộc); '
        'thêm dòng "title: ..." (required field missing)',
        f"  {BAD_DATE}",
        "Tổng cộng: 2 lỗi, 0 cảnh báo, 0 đã sửa (2 errors, 0 warnings, 0 fixed).",
    ]
    assert not site.site_dir.exists()


def test_json_output(site):
    site.article("sai-ngay", date="32/13/2022")
    site.write("content/tin-tuc/nbsp.md", front_matter_text(
        {"title": "A", "date": "2022-01-01", "summary": "Tóm\u00a0tắt", "category": "Hoạt động CCHC"}))
    result = cchc(site, "check", "--format", "json")
    assert result.returncode == 1
    assert json.loads(result.stdout) == [
        {"path": "content/tin-tuc/nbsp.md", "line": 4, "field": None, "severity": "warning",
         "message": 'có 1 dấu cách không ngắt (NBSP U+00A0) từ cột 13; chạy "cchc check --fix" để thay bằng '
                    "dấu cách thường (non-breaking space)"},
        {"path": "content/tin-tuc/sai-ngay.md", "line": 3, "field": "date", "severity": "error",
         "message": BAD_DATE.split(": date: ", 1)[1]},
    ]


def test_hygiene_warnings_pass_unless_strict(site):
    site.article("tcvn3", title="Céng hoµ x· héi chñ nghÜa ViÖt Nam")
    result = cchc(site, "check")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        'Cảnh báo chữ viết (1), sửa tự động bằng "cchc check --fix" (warnings):',
        '  content/tin-tuc/tcvn3.md:2: chữ bảng mã TCVN3 (ABC, phông .VnTime) dán từ Word: '
        '"Céng hoµ x· héi chñ nghÜa ViÖt" đọc là "Cộng hoà xã hội chủ nghĩa Việt"; chạy "cchc check --fix" '
        "để chuyển sang Unicode (legacy TCVN3 text)",
        "Tổng cộng: 0 lỗi, 1 cảnh báo, 0 đã sửa (0 errors, 1 warnings, 0 fixed).",
    ]
    assert cchc(site, "check", "--strict").returncode == 1


def test_fix_changes_only_the_bad_spans_byte_for_byte(site):
    parts = [
        ("---\r\ntitle: ", None), ("B¶o Th¾ng", "Bảo Thắng"), ("\r\ndate: 2022-02-24 08:30\r\nsummary: ", None),
        ("Thu\u0309 tu\u0323c", "Thủ tục"), ("\u00a0", " "), ("hành chính\r\ncategory: Hoạt động CCHC\r\n"
                                                           "---\r\n\r\nXin ", None),
        ("chaøo caùc baïn", "chào các bạn"), (".\r\nTin", None), ("\x0b", " "), ("mới", None), ("\u200b", ""),
        ("\r\nDòng cuối không đổi: café, © 2022, 5 µm.\r\n", None),
    ]
    before = "".join(text for text, _ in parts).encode("utf-8")
    expected = "".join(text if fixed is None else fixed for text, fixed in parts).encode("utf-8")
    path = site.write("content/tin-tuc/dan-tu-word.md", before)
    index_before = (site.root / "content/index.md").read_bytes()
    result = cchc(site, "check", "--fix")
    assert result.returncode == 0, result.stdout
    assert path.read_bytes() == expected
    assert (site.root / "content/index.md").read_bytes() == index_before
    assert result.stdout.splitlines() == [
        "Đã sửa (6) (fixed):",
        '  content/tin-tuc/dan-tu-word.md:2: đã chuyển chữ bảng mã TCVN3 (ABC, phông .VnTime) sang Unicode: '
        '"Bảo Thắng" (legacy TCVN3 text converted)',
        '  content/tin-tuc/dan-tu-word.md:4: đã chuyển chữ dấu rời sang dạng dựng sẵn NFC, ví dụ "Thủ" '
        "(decomposed Unicode fixed)",
        "  content/tin-tuc/dan-tu-word.md:4: đã thay 1 dấu cách không ngắt bằng dấu cách thường "
        "(non-breaking space replaced)",
        '  content/tin-tuc/dan-tu-word.md:8: đã chuyển chữ bảng mã VNI-Windows (phông VNI-Times) sang Unicode: '
        '"chào các bạn" (legacy VNI text converted)',
        "  content/tin-tuc/dan-tu-word.md:9: đã sửa ký tự điều khiển U+000B (ngắt dòng của Word) "
        "(control character removed)",
        "  content/tin-tuc/dan-tu-word.md:9: đã xóa ký tự vô hình U+200B (zero-width character removed)",
        "Tổng cộng: 0 lỗi, 0 cảnh báo, 6 đã sửa (0 errors, 0 warnings, 6 fixed).",
    ]
    assert cchc(site, "check").stdout == CLEAN.format(n=3)


def test_fix_covers_mkdocs_yml_and_plans(site):
    site.config["extra"]["department"]["address"] = "Số 1\u00a0Đường Thử"
    plan = site.plan(2022)
    plan.write_text(plan.read_text(encoding="utf-8").replace("Chủ đề tháng 1", "Chủ đề tháng 1\u200b"),
                    encoding="utf-8")
    site.write_config()
    address_line = next(n for n, line in enumerate((site.root / "mkdocs.yml").read_text(encoding="utf-8")
                                                   .splitlines(), 1) if "address:" in line)
    theme_line = next(n for n, line in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1)
                      if "\u200b" in line)
    result = cchc(site, "check", "--fix")
    assert [line.split(": ")[0] for line in result.stdout.splitlines()[1:3]] == [
        f"  mkdocs.yml:{address_line}", f"  plans/2022.yaml:{theme_line}"]
    assert "Số 1 Đường Thử" in (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\u200b" not in plan.read_text(encoding="utf-8")
    assert "theme: Chủ đề tháng 1\n" in plan.read_text(encoding="utf-8")


def test_file_not_saved_as_utf8_is_one_error_not_a_crash(site):
    text = front_matter_text({"title": "Thủ tục", "date": "2022-01-01", "summary": "S",
                              "category": "Thủ tục hành chính"}, "Bài.\n")
    site.write("content/tin-tuc/cp1258.md", unicodedata.normalize("NFD", text).encode("cp1258"))
    result = cchc(site, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines()[1] == (
        "  content/tin-tuc/cp1258.md:2: tệp không được lưu ở bảng mã UTF-8 (có thể là Windows-1258 hoặc TCVN3); "
        'mở tệp, chọn "Lưu thành" (Save As) với bảng mã UTF-8 rồi chạy lại (file is not UTF-8)')
    assert result.stdout.count("cp1258.md") == 1


def test_material_python_tags_in_mkdocs_yml_are_tolerated(site):
    site.write_config()
    config = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    site.write("mkdocs.yml", config + "markdown_extensions:\n  - pymdownx.emoji:\n"
               "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
    assert cchc(site, "check").returncode == 0


def test_missing_config_file(site):
    result = cchc(site, "check", "-f", "khong-co.yml")
    assert result.returncode == 2
    assert result.stderr == ('cchc: không tìm thấy tệp cấu hình "khong-co.yml"; chạy lệnh trong thư mục có '
                             'mkdocs.yml hoặc chỉ rõ bằng "-f đường/dẫn/mkdocs.yml" (config file not found)\n')


def test_new_article_from_template_passes_check(site):
    result = cchc(site, "new", "tin-tuc", "Hội nghị: tổng kết CCHC #1", script=True)
    path = site.root / "content/tin-tuc/2023-11-15-hoi-nghi-tong-ket-cchc-1.md"
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == ("Đã tạo content/tin-tuc/2023-11-15-hoi-nghi-tong-ket-cchc-1.md (bản nháp); điền tóm "
                             'tắt, nội dung rồi xóa dòng "draft: true" khi muốn đăng.\n')
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert front == {"title": "Hội nghị: tổng kết CCHC #1", "date": "2023-11-15 05:13",
                     "summary": "Viết tóm tắt ở đây.", "category": "Hoạt động CCHC", "draft": True}
    assert path.read_text(encoding="utf-8").endswith("---\n\nNội dung bài viết, viết bằng Markdown.\n")
    assert cchc(site, "check").stdout == CLEAN.format(n=3)


def test_new_refuses_to_overwrite(site):
    path = site.write("content/tin-tuc/2023-11-15-duong-day-nong.md", "bài đã có\n")
    result = cchc(site, "new", "tin-tuc", "Đường dây nóng")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == ("cchc: tệp content/tin-tuc/2023-11-15-duong-day-nong.md đã có, không ghi đè; "
                             "mở tệp đó để sửa, hoặc đặt tiêu đề khác (file exists)\n")
    assert path.read_text(encoding="utf-8") == "bài đã có\n"


def test_new_unknown_kind(site):
    result = cchc(site, "new", "bai-viet", "Cấp bản sao văn bằng")
    assert (result.returncode, result.stderr) == (1, 'cchc: không có loại nội dung "bai-viet"; chọn một trong: '
                                                     "tin-tuc, thu-tuc, van-ban, hoi-dap (unknown kind)\n")


def test_file_clashing_with_a_generated_page_is_found_without_building(site):
    site.write("content/tin-tuc/index.md", "# Trang tin tự viết\n")
    result = cchc(site, "check")
    assert result.returncode == 1
    assert result.stdout.splitlines()[1] == (
        "  content/tin-tuc/index.md: tệp này trùng địa chỉ /tin-tuc/ với trang do cchc tạo tự động "
        '("Tin tức"); đổi tên hoặc chuyển tệp sang thư mục khác (clashes with a generated page)')
    assert not site.site_dir.exists()


def test_ctrl_c_is_a_message_not_a_traceback(site):
    """An editor who stops a command with Ctrl+C sees one line and the usual exit status 130. The interrupt
    is raised inside the command itself, where a real Ctrl+C lands, so the test does not race the clock."""
    site.write_config()
    interrupted = ("import sys, cchc.cli.main as cli\n"
                   "def stopped(project, args):\n    raise KeyboardInterrupt\n"
                   "cli._check = stopped\nsys.exit(cli.main(['check']))\n")
    result = subprocess.run([sys.executable, "-c", interrupted], cwd=site.root, capture_output=True, text=True,
                            env={**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH}, timeout=60)
    assert result.returncode == 130 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr == "cchc: đã dừng theo yêu cầu (Ctrl+C)\n"

"""Careless and hostile files: bodies that would run code, files a folder does not take, links outside the
project, two sources for one address. Each class is written as many files into one site; ``cchc check``,
the build and ``mkdocs serve``'s rebuild must each name every one (file, line or field, Vietnamese), with
no traceback, and publish nothing of them.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import FIXED_EPOCH, Site, article_meta, front_matter_text

from cchc.core.safe_html import body_problems, sanitize

# --- bodies: what the editor is told, with the line ------------------------------------------------------

SCRIPT = "thẻ <script> không được dùng trong nội dung"
HANDLER = "(event handler attribute not allowed)"
SCHEME = "(unsafe URL scheme)"
OTHER_HOST = "(resource from another host)"
NOT_ALLOWED = "not allowed)"

BODIES = [  # (Markdown body, line of the finding, what the message says)
    ("<script>alert(1)</script>", 1, SCRIPT),
    ("Chữ\n\n<SCRIPT SRC=//evil.example/x.js></SCRIPT>", 3, SCRIPT),
    ("<<script>alert(1)//<</script>", 1, SCRIPT),
    ("<img src=x onerror=alert(1)>", 1, HANDLER),
    ('<div onmouseover="alert(1)">x</div>', 1, HANDLER),
    ("<svg/onload=alert(1)>", 1, "thẻ <svg>"),
    ('<body onload=alert(1)>', 1, HANDLER),
    ("[bấm](javascript:alert(1))", 1, SCHEME),
    ("[bấm](JaVaScRiPt:alert(1))", 1, SCHEME),
    ("[bấm]( javascript:alert(1))", 1, SCHEME),
    ("[bấm](vbscript:msgbox(1))", 1, SCHEME),
    ("[bấm](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", 1, SCHEME),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', 1, SCHEME),
    ('<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>', 1, SCHEME),
    ("[x][ref]\n\n[ref]: javascript:alert(1)", 3, SCHEME),
    ('<iframe src="https://www.youtube.com/embed/x"></iframe>', 1, "thẻ <iframe>"),
    ('<object data="x.swf"></object>', 1, "thẻ <object>"),
    ('<embed src="x.swf">', 1, "thẻ <embed>"),
    ("<style>body{display:none}</style>", 1, "thẻ <style>"),
    ('<base href="https://evil.example/">', 1, "thẻ <base>"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', 1, "thẻ <meta>"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', 1, "thẻ <link>"),
    ('<form action="https://evil.example/"><input name="p"></form>', 1, "thẻ <form>"),
    ('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', 1, "thẻ <math>"),
    ('<p style="background:url(https://evil.example/t.png)">x</p>', 1, "style with url()"),
    ("![ảnh](https://evil.example/anh.jpg)", 1, OTHER_HOST),
    ("![ảnh](//evil.example/anh.jpg)", 1, OTHER_HOST),
    ('<img src="http://evil.example/anh.jpg" alt="">', 1, OTHER_HOST),
    ('<img srcset="anh/a.jpg 1x, https://evil.example/b.jpg 2x" alt="">', 1, OTHER_HOST),
    ('<video poster="https://evil.example/p.jpg"></video>', 1, OTHER_HOST),
    ("![x][logo]\n\n[logo]: https://evil.example/logo.png", 1, OTHER_HOST),
]


@pytest.mark.parametrize("body, line, words", BODIES)
def test_each_body_finding_is_named_with_its_line(body, line, words):
    found = body_problems(body, 10, "content/tin-tuc/anh/")
    assert any(at == line + 9 and words in message for at, message in found), found


@pytest.mark.parametrize("body", [
    "Chữ thường, **đậm**, [liên kết](https://dichvucong.gov.vn/) và [trong trang](../bai-khac/).",
    "[thư](mailto:vanphong@example.edu.vn) và [gọi](tel:0299.3000003)",
    "![ảnh của Sở](anh/hoi-nghi.jpg)",
    "```html\n<script>alert('ví dụ')</script>\n```",
    "Mã `<script>` trong dòng chữ.",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    '!!! note "Ghi chú"\n    Nội dung.',
    "<details><summary>Xem</summary>Nội dung</details>",
    '<span class="nhan" title="t">x</span>',
    "[Cổng](https://dichvucong.gov.vn/p/home/dvc-trang-chu.html?a=1&b=2)",
])
def test_ordinary_markdown_is_not_reported(body):
    assert body_problems(body, 1, "content/tin-tuc/anh/") == []


def test_the_sanitizer_keeps_what_markdown_makes_and_drops_the_rest():
    kept = sanitize('<h2 id="muc">Mục</h2><table><thead><tr><th style="text-align: center;">a</th></tr></thead></table>'
                    '<div class="admonition note"><p class="admonition-title">Ghi chú</p></div>'
                    '<details open><summary>x</summary></details><a href="../x/" title="t">x</a>'
                    '<a href="mailto:a@b.vn">m</a><a href="tel:0299">t</a>'
                    '<img src="anh/a.jpg" alt="a" width="10" height="5">')
    for piece in ('<h2 id="muc">Mục</h2>', '<th style="text-align:center">a</th>', 'class="admonition note"',
                  'class="admonition-title"', "<details open", "<summary>x</summary>", 'href="../x/" title="t"',
                  'href="mailto:a@b.vn"', 'href="tel:0299"', '<img src="anh/a.jpg" alt="a" width="10" height="5">'):
        assert piece in kept, piece
    dropped = sanitize('<p onclick="x()" style="color:red">a</p><script>alert(1)</script><a href="javascript:x">b</a>'
                       '<img src="data:image/png;base64,AAAA"><iframe src="x"></iframe><p id="__config">c</p>'
                       "<!-- ghi chú --><style>p{}</style><base href='/'><form><input></form>")
    assert dropped == '<p>a</p><a>b</a><img><p>c</p>'


# --- whole sites: check, build and serve name every file -------------------------------------------------

def hostile_site(site: Site) -> dict[str, tuple[int | None, str]]:
    """Write one file per case; return what each must be reported with (line, words of the message)."""
    expected = {}
    for number, (body, line, words) in enumerate(BODIES, start=1):
        path = f"content/tin-tuc/than-bai-{number:02d}.md"
        text = front_matter_text(article_meta(title=f"Bài {number}"), body + "\n")
        site.write(path, text)
        body_line = text.split("\n").index(body.split("\n")[0]) + 1
        expected[path] = (body_line + line - 1, words)
    site.write("content/hoi-dap/tra-loi-co-script.md", front_matter_text(
        {"title": "Hỏi", "question": "Câu hỏi?", "asker": "Anh A", "asked": "2022-01-05", "channel": "website",
         "answered_by": "Văn phòng Sở", "answered": "2022-01-10"}, "Trả lời.\n\n<script>alert(1)</script>\n"))
    expected["content/hoi-dap/tra-loi-co-script.md"] = (13, SCRIPT)
    site.write("content/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n\n![x](https://evil.example/a.png)\n")
    expected["content/gioi-thieu.md"] = (5, "lưu tệp vào content/anh/")
    site.write("content/hoi-dap/da-tra-loi-nhung-trong.md", front_matter_text(
        {"title": "Hỏi 2", "question": "Câu hỏi?", "asker": "Chị B", "asked": "2022-01-05", "channel": "website",
         "answered_by": "Văn phòng Sở", "answered": "2022-01-10"}, ""))
    expected["content/hoi-dap/da-tra-loi-nhung-trong.md"] = (None, "answered: có ngày trả lời nhưng chưa có câu trả lời")
    for name in ("bai.markdown", "bai.MD", "bai.md.txt", "ghi-chu.mkd"):
        site.write(f"content/tin-tuc/{name}", front_matter_text(article_meta()))
        expected[f"content/tin-tuc/{name}"] = (None, 'đổi tên tệp cho có đuôi ".md"')
    site.write("content/thu-tuc-hanh-chinh/cu/thu-tuc.yaml", "name: Thủ tục\n")
    expected["content/thu-tuc-hanh-chinh/cu/thu-tuc.yaml"] = (None, "chuyển tệp ra ngay thư mục thu-tuc-hanh-chinh/")
    site.write("content/thong-ke/khac.yaml", "periods: []\n")
    expected["content/thong-ke/khac.yaml"] = (None, "(file not accepted by its folder)")
    site.write("content/du-lieu.yaml", "a: 1\n")
    expected["content/du-lieu.yaml"] = (None, "(data file outside a section)")
    for name in ("trang.html", "tin-tuc/tep/x.js", "van-ban/tep/kieu.css", "tin-tuc/tep/trang.htm"):
        site.write(f"content/{name}", "<script>alert(1)</script>")
        expected[f"content/{name}"] = (None, "(code file in content)")
    site.write("content/tin-tuc/anh/xau.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    expected["content/tin-tuc/anh/xau.svg"] = (None, "(active content in an image)")
    site.write("content/tin-tuc/anh/tot.svg", '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1"/></svg>')
    site.plan(2022, attachment="../mkdocs.yml")
    expected["plans/2022.yaml"] = (None, "attachment: tập tin \"../mkdocs.yml\" nằm ngoài thư mục content/")
    outside = site.root.parent / f"{site.root.name}-ngoai"
    outside.mkdir()
    (outside / "bi-mat.md").write_text("---\ntitle: Bí mật\n---\nMật khẩu\n", encoding="utf-8")
    (outside / "plan.yaml").write_text("year: 2030\n", encoding="utf-8")
    os.symlink(outside / "bi-mat.md", site.root / "content/bi-mat.md")
    os.symlink(outside, site.root / "content/thu-muc-ngoai")
    os.symlink("/etc/hostname", site.root / "content/tin-tuc/tep/hostname.txt")
    os.symlink(outside / "plan.yaml", site.root / "plans/2030.yaml")
    os.symlink(".", site.root / "content/vong")
    os.symlink("khong-co.pdf", site.root / "content/tin-tuc/tep/hong.pdf")
    for link in ("content/bi-mat.md", "content/thu-muc-ngoai", "content/tin-tuc/tep/hostname.txt", "plans/2030.yaml"):
        expected[link] = (None, "(link outside the project)")
    expected["content/vong"] = (None, "(symbolic link loop)")
    expected["content/tin-tuc/tep/hong.pdf"] = (None, "(broken link)")
    site.article("trung", title="Bài trùng")
    site.write("content/tin-tuc/trung/index.md", "# Trang tự viết\n")
    expected["content/tin-tuc/trung.md"] = (None, "trùng địa chỉ /tin-tuc/trung/ với content/tin-tuc/trung/index.md")
    site.write("content/rss.xml", "<rss/>")
    expected["content/rss.xml"] = (None, 'trùng địa chỉ /rss.xml với luồng tin RSS do cchc tạo')
    site.write("content/sitemap.xml", "<urlset/>")
    expected["content/sitemap.xml"] = (None, "tệp sitemap.xml do MkDocs tạo")
    site.write("content/pagefind/huong-dan.pdf", "")
    expected["content/pagefind/huong-dan.pdf"] = (None, "chỉ mục tìm kiếm (pagefind/)")
    site.write_config()
    return expected


def assert_reports_everything(output: str, expected: dict[str, tuple[int | None, str]]) -> None:
    assert "Traceback" not in output
    rows = output.splitlines()
    for path, (line, words) in expected.items():
        where = f"{path}:{line}: " if line else f"{path}"
        assert any(row.strip().startswith(where) and words in row for row in rows), (path, line, words, output)
    assert "Mật khẩu" not in output and "bí mật" not in output.lower().replace("bi-mat", "")


def run(site: Site, *command: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    return subprocess.run([sys.executable, "-m", *command], cwd=site.root, env=env, capture_output=True, text=True,
                          timeout=120)


def test_check_names_every_hostile_file(site):
    expected = hostile_site(site)
    result = run(site, "cchc.cli", "check")
    assert result.returncode == 1
    assert_reports_everything(result.stdout + result.stderr, expected)


def test_the_build_names_every_hostile_file_and_publishes_nothing(site):
    expected = hostile_site(site)
    result = run(site, "mkdocs", "build", "--strict")
    assert result.returncode == 1
    assert_reports_everything(result.stdout + result.stderr, expected)
    assert not (site.site_dir / "index.html").exists()


def test_check_and_build_report_the_same_errors(site):
    hostile_site(site)
    checked = run(site, "cchc.cli", "check").stdout
    built = run(site, "mkdocs", "build", "--strict")
    errors = lambda text: sorted(line.strip() for line in text.splitlines() if line.startswith("  "))  # noqa: E731
    assert errors(checked) == errors(built.stdout + built.stderr)


def test_a_traceback_never_reaches_the_editor_even_from_a_bug(site):
    """Any exception nobody foresaw (here: a hook that fails on one page) is a Vietnamese message, not a traceback."""
    site.article("bai")
    site.write("hooks/loi.py", "def on_page_context(context, page, config, nav):\n"
                               "    if page.file.src_uri.startswith('tin-tuc/bai'):\n"
                               "        raise RuntimeError('lỗi thử')\n    return context\n")
    site.config["hooks"].append(str(site.root / "hooks/loi.py"))
    site.write_config()
    result = run(site, "mkdocs", "build", "--strict")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "Lỗi không lường trước khi dựng trang" in result.stdout + result.stderr
    assert "RuntimeError: lỗi thử" in result.stdout + result.stderr

"""The README's preview command (``mkdocs serve --dirty``) on a project with its own copy of cchc's templates: a
content error is shown in the browser instead of a frozen site, and a template edit is rebuilt.

Apart from ``tests/test_serve.py`` so that the suite's two workers share the previews (a test file runs on one worker).
"""

import shutil
import subprocess

import pytest
from conftest import REPO, Site
from test_serve import fetch, serving, wait_for


@pytest.fixture
def previewing(site: Site):
    """The README's preview command on a site with its own copy of cchc's templates, as a project has."""
    shutil.copytree(REPO / "overrides", site.root / "overrides")
    site.config["theme"]["custom_dir"] = "overrides"
    site.article("bai", title="Tin đầu tiên", date="2022-01-01")
    site.write_config()
    with serving(site, "--dirty", output=subprocess.PIPE) as base:
        wait_for(base + "tin-tuc/bai/", "Tin đầu tiên")
        yield site, base


def test_preview_shows_content_errors_in_the_browser_then_the_site_again(previewing):
    site, base = previewing
    site.article("bai", title="Tin đầu tiên", date="32/13/2022")
    site.write("content/tin-tuc/co-script.md", "---\ntitle: X\ndate: 2022-01-01\nsummary: S\ncategory: Hoạt động CCHC\n"
               "---\n\n<script>alert(1)</script>\n")
    page = wait_for(base + "tin-tuc/bai/", "Trang chưa dựng lại được vì nội dung có lỗi", seconds=30)
    assert 'content/tin-tuc/bai.md:3: date: ngày giờ đăng "32/13/2022" không đúng dạng ngày giờ' in html_text(page)
    assert "content/tin-tuc/co-script.md:8: thẻ &lt;script&gt; không được dùng" in page  # escaped, not live
    assert "<script>alert(1)</script>" not in page
    assert "livereload" in page  # MkDocs' script: the page reloads itself when the content is fixed
    other = fetch(base + "thu-tuc-hanh-chinh/")  # every page, not only the edited one
    assert "Trang chưa dựng lại được" in other
    (site.root / "content/tin-tuc/co-script.md").unlink()
    site.article("bai", title="Tin đã sửa xong", date="2022-01-01")
    wait_for(base + "tin-tuc/bai/", "Tin đã sửa xong", seconds=30)


def test_preview_rebuilds_after_a_template_edit(previewing):
    site, base = previewing
    template = site.root / "overrides/partials/cchc-footer.html"
    template.write_text(template.read_text(encoding="utf-8").replace("<dt>Địa chỉ</dt>", "<dt>Địa chỉ liên hệ</dt>"),
                        encoding="utf-8")
    wait_for(base + "tin-tuc/bai/", "Địa chỉ liên hệ", seconds=30)  # no content changed: the template alone


def html_text(page: str) -> str:
    import html
    return html.unescape(page)

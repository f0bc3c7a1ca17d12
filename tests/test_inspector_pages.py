"""The pages an inspector or a citizen looks for, and the printed notice-board sheet: the footer of every page
links the one-stop desk, the publicity page and the accessibility statement; a printed procedure and the printed
one-stop list carry the feedback block's postal address (Chromium's print to PDF, read back with pdftotext)."""

import re
from pathlib import Path

import pytest
from browser import pdf_text, print_to_pdf
from bs4 import BeautifulSoup
from conftest import REPO

ARTIFACTS = REPO / "test-artifacts"
FOOTER = ("Bộ phận Một cửa", "Công khai công tác CCHC", "Tuyên bố hỗ trợ tiếp cận")


def footer_links(site_dir: Path, rel: str) -> dict[str, str]:
    page = BeautifulSoup((site_dir / rel).read_text(encoding="utf-8"), "lxml")
    return {a.get_text(): a["href"] for a in page.select(".cchc-footer__links a")}


def test_every_page_links_the_pages_an_inspector_looks_for(example_site_dir):
    pages = [p.relative_to(example_site_dir).as_posix() for p in example_site_dir.rglob("index.html")
             if not p.relative_to(example_site_dir).as_posix().startswith(("pagefind", "assets", "quan-tri"))]
    assert len(pages) > 100
    for rel in pages:
        links = footer_links(example_site_dir, rel)
        for title in FOOTER:
            target = (example_site_dir / rel).parent / links[title] / "index.html"
            assert target.resolve().exists(), (rel, title, links[title])


def test_the_accessibility_statement_and_the_publicity_page_are_published(example_site_dir):
    statement = BeautifulSoup((example_site_dir / "tuyen-bo-ho-tro-tiep-can/index.html").read_text("utf-8"), "lxml")
    assert statement.h1.get_text() == "Tuyên bố hỗ trợ tiếp cận"
    assert "WCAG 2.1" in statement.get_text()
    publicity = BeautifulSoup((example_site_dir / "cong-khai-cchc/index.html").read_text("utf-8"), "lxml")
    hrefs = {a["href"] for a in publicity.select("article a")}
    assert {"../thu-tuc-hanh-chinh/mot-cua/", "../thong-ke/", "../tuyen-bo-ho-tro-tiep-can/"} <= hrefs


def test_a_footer_page_the_department_has_not_written_is_not_linked(site):
    site.write("content/tuyen-bo-ho-tro-tiep-can.md", "---\ntitle: Tuyên bố hỗ trợ tiếp cận\n---\n\n# Tuyên bố\n")
    site.build_ok()
    links = footer_links(site.site_dir, "index.html")
    assert links["Tuyên bố hỗ trợ tiếp cận"] == "./tuyen-bo-ho-tro-tiep-can/"
    assert "Công khai công tác CCHC" not in links and links["Bộ phận Một cửa"] == "./thu-tuc-hanh-chinh/mot-cua/"


def _flat(text: str) -> str:
    """pdftotext -layout breaks lines and pads columns: compare words only."""
    return " ".join(re.sub(r"\s+", " ", text).split())


@pytest.mark.browser
@pytest.mark.parametrize("url, name", [
    ("/thu-tuc-hanh-chinh/chinh-sua-noi-dung-van-bang-chung-chi/", "in-thu-tuc-niem-yet"),
    ("/thu-tuc-hanh-chinh/mot-cua/", "in-danh-muc-mot-cua"),
])
def test_the_printed_sheet_carries_the_feedback_block_with_its_postal_address(served_example, url, name):
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"{name}.pdf"
    assert print_to_pdf(served_example.base_url + url, target) >= 1
    text = _flat(pdf_text(target))
    assert "Tiếp nhận phản ánh, kiến nghị về quy định hành chính" in text
    for part in ("Sở Giáo dục và Đào tạo tỉnh Sóc Trăng", "Số 48 Lê Duẩn, phường 3, thành phố Sóc Trăng, tỉnh Sóc Trăng",
                 "02993.616042", "vanphong.sosoctrang@moet.edu.vn"):
        assert part in text, part
    assert "Tìm kiếm" not in text  # printed without the site's navigation

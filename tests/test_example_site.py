"""The example department site: builds strictly, reproducibly and privately."""

import filecmp
import json
import re
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, build_example, search_fragments
from lxml import etree


@pytest.fixture
def example(built_example) -> Path:
    return built_example


def test_example_has_at_least_eight_published_articles(example):
    listing = BeautifulSoup((example / "tin-tuc/index.html").read_text(encoding="utf-8"), "lxml")
    assert len(listing.select(".cchc-card")) >= 8
    assert not (example / "tin-tuc/chuyen-doi-so-trong-giai-quyet-thu-tuc").exists()  # the example draft


def test_example_home_page_is_vietnamese_with_latest_news_and_footer(example):
    home = BeautifulSoup((example / "index.html").read_text(encoding="utf-8"), "lxml")
    assert home.html["lang"] == "vi"
    assert len(home.select(".cchc-home-news .cchc-card")) == 6
    assert "Số 48 Lê Duẩn" in home.select_one("footer").get_text()


def test_two_builds_of_the_same_input_are_byte_identical(example, tmp_path):
    """Every file, the search index included (Pagefind writes its filters in random order: ``cchc.search.canonical``)."""
    assert list(example.glob("pagefind/filter/*.pf_filter")) and list(example.glob("pagefind-tin-tuc/*.pf_meta"))
    assert differing_files(example, build_example(tmp_path)) == []


def test_navigation_rendered_once_per_place_is_the_navigation_material_renders_per_page(example, tmp_path):
    uncached = build_example(tmp_path, CCHC_CHROME_CACHE="off")
    assert differing_files(example, uncached) == []
    question = (example / "hoi-dap/ban-sao-bang-tot-nghiep-thpt/index.html").read_text(encoding="utf-8")
    menus = BeautifulSoup(question, "lxml")  # a page outside the navigation, whose menus come from the cache
    assert len(menus.select(".md-tabs__link")) == 7 and menus.select_one('.md-nav--primary a[href="../../van-ban/"]')


def test_the_menu_names_each_section_as_mkdocs_yml_does(example):
    """Section pages are made by cchc, but the menu keeps the shorter names the nav gives them."""
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names = [name for entry in config["nav"] for name in entry]
    for page in ("index.html", "tin-tuc/index.html", "ke-hoach/index.html", "hoi-dap/ban-sao-bang-tot-nghiep-thpt/index.html"):
        menus = BeautifulSoup((example / page).read_text(encoding="utf-8"), "lxml")
        assert [a.get_text(strip=True) for a in menus.select(".md-tabs__link")] == names, page


def test_one_shared_markdown_converter_converts_as_mkdocs_does_with_one_per_page(example, tmp_path):
    assert differing_files(example, build_example(tmp_path, CCHC_SHARED_MARKDOWN="off")) == []


def differing_files(example: Path, again: Path) -> list[str]:
    """Files that differ between two builds, by name and by bytes (every file, the search index included)."""
    comparison = filecmp.dircmp(example, again)
    differing = []

    def collect(cmp, prefix=""):
        differing.extend(prefix + name for name in cmp.diff_files + cmp.left_only + cmp.right_only)
        for name, sub in cmp.subdirs.items():
            collect(sub, f"{prefix}{name}/")
    collect(comparison)
    # dircmp compares shallowly by size and time: check every file's bytes too.
    for path in example.rglob("*"):
        other = again / path.relative_to(example)  # a file only one build has is in left_only
        if path.is_file() and other.is_file() and path.read_bytes() != other.read_bytes():
            differing.append(str(path.relative_to(example)))
    return sorted(set(differing))


def test_every_searchable_page_is_indexed_with_its_own_text(example):
    fragments = search_fragments(example)
    kinds = {f["filters"]["Loại"][0] for f in fragments}
    assert kinds == {"Tin tức", "Thủ tục", "Hỏi đáp", "Văn bản", "Kế hoạch"}
    for fragment in fragments:
        page = BeautifulSoup((example / fragment["url"].strip("/") / "index.html").read_text(encoding="utf-8"), "lxml")
        body = page.select_one("[data-pagefind-body]")
        for ignored in body.select("[data-pagefind-ignore]"):
            ignored.decompose()
        first_words = " ".join(re.findall(r"\w+", body.get_text(" "))[:12])
        assert fragment["meta"]["title"] == page.h1.get_text(strip=True)
        assert first_words in " ".join(re.findall(r"\w+", fragment["content"])), fragment["url"]
        assert "Số 48 Lê Duẩn" not in fragment["content"]  # the footer's address is not indexed


EXTERNAL_LOAD = re.compile(r"""<(?:script|img|iframe|source|video|audio)\b[^>]*\bsrc=["']?(?:https?:)?//"""
                           r"""|<link\b[^>]*\brel=["']?(?:stylesheet|preconnect|preload|icon|dns-prefetch)[^>]*"""
                           r"""href=["']?(?:https?:)?//|@import\s+url\(["']?(?:https?:)?//""", re.IGNORECASE)


def test_nothing_is_loaded_from_another_host(example):
    offenders = []
    for path in example.rglob("*"):
        if path.suffix in {".html", ".css", ".js"}:
            text = path.read_text(encoding="utf-8", errors="ignore")
            if path.suffix == ".html" and EXTERNAL_LOAD.search(text):
                offenders.append(str(path.relative_to(example)))
            if path.suffix == ".css" and re.search(r"url\(['\"]?(?:https?:)?//", text):
                offenders.append(str(path.relative_to(example)))
    assert offenders == []
    home = (example / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in home and "fonts.gstatic" not in home
    assert "Made with" not in home and "squidfunk" not in home


SITEMAP_SCHEMA = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"
           targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9"
           xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <xs:element name="urlset">
    <xs:complexType><xs:sequence>
      <xs:element name="url" maxOccurs="50000"><xs:complexType><xs:sequence>
        <xs:element name="loc"><xs:simpleType><xs:restriction base="xs:anyURI">
          <xs:minLength value="12"/><xs:maxLength value="2048"/></xs:restriction></xs:simpleType></xs:element>
        <xs:element name="lastmod" minOccurs="0"><xs:simpleType>
          <xs:union memberTypes="xs:date xs:dateTime"/></xs:simpleType></xs:element>
      </xs:sequence></xs:complexType></xs:element>
    </xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>"""
"""What sitemaps.org's schema 0.9 allows of what cchc writes: up to 50,000 <url>, each a <loc> of 12 to 2,048
characters and an optional <lastmod> (a date or a date-time)."""

SITE_URL = "https://cchc.sogddt.soctrang.example.vn/"


def test_each_section_feed_has_a_valid_sitemap_of_its_pages_beside_it(example):
    """Material's script fetches sitemap.xml beside every feed a page announces: each exists, valid, with the
    feed's page first and every page of the feed's items that lives in the folder (sitemaps.org's rule)."""
    schema = etree.XMLSchema(etree.fromstring(SITEMAP_SCHEMA.encode()))
    folders = sorted(path.parent for path in example.rglob("rss.xml") if path.parent != example)
    assert len(folders) >= 7
    for folder in folders:
        address = SITE_URL + folder.relative_to(example).as_posix() + "/"
        sitemap = etree.parse(str(folder / "sitemap.xml"))
        assert schema.validate(sitemap), (folder, schema.error_log)
        listed = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
        items = {entry.link for entry in feedparser.parse((folder / "rss.xml").read_bytes()).entries}
        assert listed[0] == address and len(listed) == len(set(listed)), folder
        assert all(url.startswith(address) for url in listed), folder
        assert {url for url in items if url.startswith(address)} <= set(listed), folder
    procedures = etree.parse(str(example / "thu-tuc-hanh-chinh/sitemap.xml")).getroot()
    assert len(procedures) >= 25  # the catalogue and every procedure its feed announces


def test_example_attachment_is_listed_with_type_and_size(example):
    page = BeautifulSoup((example / "tin-tuc/rut-ngan-thoi-gian-giai-quyet-thu-tuc/index.html")
                         .read_text(encoding="utf-8"), "lxml")
    info = page.select_one(".cchc-file-info").get_text()
    assert info.startswith("(thong-bao-371-tb-sgddt.pdf, PDF, ")


def test_example_plans_are_published_with_calendar_results_and_icalendar(example):
    for year in (2020, 2022):
        calendar = BeautifulSoup((example / f"ke-hoach/{year}/index.html").read_text(encoding="utf-8"), "lxml")
        assert len(calendar.select(".cchc-month")) == 12
        assert (example / f"ke-hoach/{year}.ics").exists()
        assert (example / f"ke-hoach/{year}/ket-qua.csv").exists()
    month = BeautifulSoup((example / "ke-hoach/2020/thang-03/index.html").read_text(encoding="utf-8"), "lxml")
    assert "Rút ngắn thời gian giải quyết bốn thủ tục" in month.get_text()
    note = calendar.select_one(".cchc-plan-note").get_text()
    assert "bản dựng lại hợp lý" in note


def test_example_catalogue_has_the_sample_procedures_all_marked_as_example_data(example):
    data = json.loads((example / "thu-tuc-hanh-chinh/thu-tuc.json").read_text(encoding="utf-8"))
    procedures = {p["slug"]: p for p in data["procedures"]}
    assert len(procedures) >= 25
    assert all(p["example"] for p in procedures.values())
    shortened = {slug: (procedures[slug]["committed_time_limit"]["days"], procedures[slug]["history"][-1]) for slug in (
        "thanh-lap-trung-tam-ngoai-ngu-tin-hoc", "cho-phep-trung-tam-ngoai-ngu-tin-hoc-hoat-dong",
        "cho-phep-trung-tam-ngoai-ngu-tin-hoc-hoat-dong-tro-lai", "sap-nhap-chia-tach-trung-tam-ngoai-ngu-tin-hoc")}
    assert {slug: days for slug, (days, _) in shortened.items()} == {
        "thanh-lap-trung-tam-ngoai-ngu-tin-hoc": 14, "cho-phep-trung-tam-ngoai-ngu-tin-hoc-hoat-dong": 12,
        "cho-phep-trung-tam-ngoai-ngu-tin-hoc-hoat-dong-tro-lai": 12, "sap-nhap-chia-tach-trung-tam-ngoai-ngu-tin-hoc": 14}
    for slug in shortened:  # the legal limit stays; the shorter one is the department's commitment (371/TB-SGDĐT)
        assert (procedures[slug]["time_limit"]["days"], procedures[slug]["committed_time_limit"]["document"]) == (
            15, "Thông báo 371/TB-SGDĐT ngày 05/3/2020")
    for days, change in shortened.values():
        assert change == {"date": "2020-03-05", "document": "Thông báo 371/TB-SGDĐT",
                          "change": f"Rút ngắn thời hạn giải quyết từ 15 xuống {days} ngày làm việc"}
    full = [p for p in procedures.values() if p["requirements"] and len(p["documents"]) >= 2
            and len(p["legal_bases"]) >= 1 and p["agencies"]["deciding"]]
    assert len(full) >= 10
    catalogue = BeautifulSoup((example / "thu-tuc-hanh-chinh/index.html").read_text(encoding="utf-8"), "lxml")
    assert len(catalogue.select(".cchc-tthc")) == len([p for p in procedures.values() if p["status"] == "in_force"])
    assert "Thủ tục hành chính" in [a.get_text(strip=True) for a in catalogue.select(".md-tabs__link")]


def test_example_statistics_give_the_2020_rate_and_keep_the_data_files_private(example):
    page = BeautifulSoup((example / "thong-ke/index.html").read_text(encoding="utf-8"), "lxml")
    year = page.select_one("#ky-2020")
    assert year.select_one(".cchc-stats__rate").get_text() == "99,8%"
    assert "557" in year.get_text() and "01/01/2020–21/12/2020" in year.get_text()
    for row in page.select(".cchc-periods tbody tr, .cchc-surveys tbody tr"):
        if row is not year:  # every invented figure says so
            assert "Dữ liệu ví dụ" in row.get_text()
    assert (example / "thong-ke/ho-so.csv").exists()
    assert not list(example.rglob("*.yaml"))

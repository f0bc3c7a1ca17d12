"""RSS and Atom feeds: well-formed, complete, stable, newest first, discoverable."""

from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import Site

from cchc.core.feeds import Feed
from cchc.site.outputs import Output, generated_outputs, output_clashes

ALL_FEEDS = ("rss.xml", "atom.xml", "tin-tuc/chuyen-muc/hoat-dong-cchc/rss.xml",
             "tin-tuc/chuyen-muc/hoat-dong-cchc/atom.xml", "tin-tuc/chuyen-muc/thu-tuc-hanh-chinh/rss.xml",
             "tin-tuc/chuyen-muc/thu-tuc-hanh-chinh/atom.xml")


@pytest.fixture(scope="module")
def news_site(tmp_path_factory) -> Site:
    """Built once for the module: its tests only read it."""
    site = Site(tmp_path_factory.mktemp("feeds"))
    site.article("mot", title="Tin thứ nhất", date="2022-01-10 08:00")
    site.article("hai", title="Tin thứ hai", date="2022-02-10 09:30", category="Thủ tục hành chính")
    site.article("ba", title="Tin thứ ba", date="2022-03-10 10:45", tags=["một cửa"])
    site.build_ok()
    return site


@pytest.mark.parametrize("path", ALL_FEEDS)
def test_every_feed_parses_and_every_item_is_complete(news_site, path):
    feed = news_site.feed(path)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.entries
    for entry in feed.entries:
        assert entry.title and entry.link.startswith("https://cchc.example.gov.vn/tin-tuc/")
        assert entry.id.startswith("tag:cchc.example.gov.vn,2022-")
        assert entry.published.endswith("+0700") or entry.published.endswith("+07:00")


def test_main_feed_is_newest_first_with_absolute_links(news_site):
    feed = news_site.feed("rss.xml")
    assert [e.title for e in feed.entries] == ["Tin thứ ba", "Tin thứ hai", "Tin thứ nhất"]
    assert feed.entries[0].link == "https://cchc.example.gov.vn/tin-tuc/ba/"
    assert feed.entries[0].published == "Thu, 10 Mar 2022 10:45:00 +0700"
    assert feed.feed.link == "https://cchc.example.gov.vn/tin-tuc/"
    assert feed.feed.language == "vi"


def test_channel_date_comes_from_the_newest_item_not_the_clock(news_site):
    rss = news_site.feed("rss.xml")
    assert rss.feed.updated == "Thu, 10 Mar 2022 10:45:00 +0700"
    atom = news_site.feed("atom.xml")
    assert atom.feed.updated == "2022-03-10T10:45:00+07:00"
    category = news_site.feed("tin-tuc/chuyen-muc/thu-tuc-hanh-chinh/rss.xml")
    assert category.feed.updated == "Thu, 10 Feb 2022 09:30:00 +0700"


def test_category_feed_holds_only_its_category(news_site):
    feed = news_site.feed("tin-tuc/chuyen-muc/thu-tuc-hanh-chinh/atom.xml")
    assert [e.title for e in feed.entries] == ["Tin thứ hai"]


def test_guid_is_stable_when_a_title_changes(site):
    site.article("on-dinh", title="Tiêu đề cũ")
    site.build_ok()
    before = site.feed("rss.xml").entries[0].id
    site.article("on-dinh", title="Tiêu đề mới hẳn")
    site.build_ok()
    after = site.feed("rss.xml").entries[0]
    assert after.title == "Tiêu đề mới hẳn" and after.id == before


def test_word_control_characters_cannot_break_a_feed(site):
    site.article("word", title="Tin dán\x0btừ Word", summary="Tóm\x0btắt\x0c có ký tự lạ",
                 body="Thân\x0bbài\n")
    site.build_ok()
    for path in ("rss.xml", "atom.xml"):
        feed = site.feed(path)
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert feed.entries[0].title == "Tin dántừ Word"


def test_item_limit_is_configurable(site):
    site.config["extra"]["feeds"]["limit"] = 2
    for day in range(1, 5):
        site.article(f"tin-{day}", date=f"2022-04-0{day}")
    site.build_ok()
    assert [e.link.rsplit("/", 2)[-2] for e in site.feed("rss.xml").entries] == ["tin-4", "tin-3"]


def test_empty_category_feed_is_valid_and_dated_without_the_clock(site):
    site.article("a")
    site.build_ok()
    feed = site.feed("tin-tuc/chuyen-muc/thu-tuc-hanh-chinh/rss.xml")
    assert feed.bozo == 0 and feed.entries == []
    assert feed.feed.updated == "Sat, 01 Jan 2000 00:00:00 +0700"


def announced_feeds(site: Site, html_path: Path) -> dict[str, str]:
    """The feeds a page names in <link rel="alternate">: title -> address, resolved as a feed reader does."""
    folder = html_path.parent.relative_to(site.site_dir).as_posix()
    page_url = "https://cchc.example.gov.vn/" + ("" if folder == "." else folder + "/")
    page = BeautifulSoup(html_path.read_text(encoding="utf-8"), "lxml")
    return {link["title"]: urljoin(page_url, link["href"]) for link in page.select('link[rel="alternate"]')}


def test_every_page_announces_the_feeds(news_site):
    admin = news_site.site_dir / "quan-tri"  # the browser form is not a page of the site (test_cms_config.py)
    pages = [p for p in news_site.site_dir.rglob("index.html") if admin not in p.parents]
    assert len(pages) > 5
    for path in pages:
        feeds = announced_feeds(news_site, path)
        assert feeds["Tin tức CCHC – Sở GDĐT Thử Nghiệm (RSS)"] == "https://cchc.example.gov.vn/rss.xml", path
        assert feeds["Tin tức CCHC – Sở GDĐT Thử Nghiệm (Atom)"] == "https://cchc.example.gov.vn/atom.xml", path


def test_feed_links_are_relative_so_a_copy_on_another_host_links_its_own_feeds(news_site):
    """Material's script fetches sitemap.xml beside each link: it must not go to site_url from a staging copy."""
    page = news_site.html("tin-tuc/mot/")
    hrefs = [link["href"] for link in page.select('link[rel="alternate"]')]
    assert hrefs == ["../../rss.xml", "../../atom.xml"]
    types = [link["type"] for link in page.select('link[rel="alternate"]')]
    assert types == ["application/rss+xml", "application/atom+xml"]


def test_category_page_announces_its_own_feed(news_site):
    path = news_site.site_dir / "tin-tuc/chuyen-muc/thu-tuc-hanh-chinh/index.html"
    hrefs = announced_feeds(news_site, path).values()
    assert "https://cchc.example.gov.vn/tin-tuc/chuyen-muc/thu-tuc-hanh-chinh/atom.xml" in hrefs


def test_a_section_sitemap_is_an_output_no_editor_file_may_take():
    """Section folders accept no such file already (cchc.folders); the one rule of outputs names it too."""
    feed = Feed("hoi-dap/", "Hỏi – đáp", "", "hoi-dap/", ())
    editor = Output("hoi-dap/sitemap.xml", "content/hoi-dap/sitemap.xml", "content/hoi-dap/sitemap.xml")
    [error] = output_clashes([editor], generated_outputs([], [feed], []))
    assert error.path == "content/hoi-dap/sitemap.xml"
    assert 'trùng địa chỉ /hoi-dap/sitemap.xml với sơ đồ trang sitemap.xml do cchc tạo ("Hỏi – đáp")' in error.message
    assert [o.path for o in generated_outputs([], [Feed("", "Tin", "", "tin-tuc/", ())], [])].count("sitemap.xml") == 1

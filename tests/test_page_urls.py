"""cchc's pages join their canonical URL as strings (``cchc.mkdocs_adapter.page_urls``): always what MkDocs would give."""

import pytest
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from cchc.mkdocs_adapter.page_urls import SiteRootPage, _path_of_plain_site

SITE_URLS = [
    "https://sogd.example.gov.vn/", "https://sogd.example.gov.vn/cchc", "https://sogd.example.gov.vn/cchc/",
    "HTTPS://Sogd.Example.gov.vn/cchc/", "https://sogd.example.gov.vn/cchc/?nguon=rss",
    "https://sogd.example.gov.vn/cchc/#dau", "https://sogd.example.gov.vn/a/../cchc/",
    "https://sogd.example.gov.vn//cchc//", "http://localhost:8000/", "", None,
]
SRC_URIS = [
    "index.md", "tin-tuc/hoi-nghi.md", "tin-tuc/2024/index.md", "hỏi đáp/câu hỏi số 1.md", "v1.0/ghi-chu.md",
    "thu-tuc-hanh-chinh/thu-tuc.json", "a;b/c,d=e.md", "100%/x.md",
]


@pytest.mark.parametrize("site_url", SITE_URLS)
@pytest.mark.parametrize("directory_urls", [True, False])
def test_canonical_urls_are_those_mkdocs_gives(site_url, directory_urls):
    config = {"site_url": site_url, "repo_url": None, "edit_uri": None, "edit_uri_template": None}
    for src_uri in SRC_URIS:
        theirs = Page(None, File(src_uri, "/docs", "/site", directory_urls), config)
        ours = SiteRootPage(None, File(src_uri, "/docs", "/site", directory_urls), config)
        assert (ours.canonical_url, ours.abs_url) == (theirs.canonical_url, theirs.abs_url), (site_url, src_uri)


def test_a_plain_site_url_takes_the_short_way_and_others_do_not():
    assert _path_of_plain_site("https://sogd.example.gov.vn/cchc/") == "/cchc/"
    assert _path_of_plain_site("https://sogd.example.gov.vn/") == "/"
    for site_url in ("https://sogd.example.gov.vn/cchc/?nguon=rss", "https://sogd.example.gov.vn/cchc/#",
                     "HTTPS://sogd.example.gov.vn/", "https://sogd.example.gov.vn/a/../"):
        assert _path_of_plain_site(site_url) is None, site_url

"""Markdown pages share one converter per build (``cchc.mkdocs_adapter.shared_markdown``): no page sees another's state."""

EXTENSIONS = ["toc", "tables", "abbr", "footnotes", "admonition", "attr_list", "md_in_html", "pymdownx.superfences"]


def body(own: str, other: str) -> str:
    """An article that defines a reference link, an abbreviation and a footnote, and uses the other's."""
    return (f"## Căn cứ pháp lý\n\nXem [quy chế {own}][ref-{own}] và [quy chế {other}][ref-{other}]; "
            f"{own.upper()} và {other.upper()}.[^1]\n\n"
            f"[ref-{own}]: https://example.gov.vn/{own}\n\n*[{own.upper()}]: Viết tắt {own}\n\n"
            f"[^1]: Ghi chú của {own}.\n")


def test_no_article_sees_the_headings_links_abbreviations_or_notes_of_another(site, tmp_path):
    site.config["markdown_extensions"] = EXTENSIONS
    site.article("bai-mot", body("cchc", "tthc"), title="Bài một", date="2023-03-01")
    site.article("bai-hai", body("tthc", "cchc"), title="Bài hai", date="2023-03-02")
    site.build_ok()

    for url, own, other in (("tin-tuc/bai-mot", "cchc", "tthc"),
                            ("tin-tuc/bai-hai", "tthc", "cchc")):
        article = site.html(url).select_one("article")
        assert article.select_one("h2")["id"] == "can-cu-phap-ly"  # not "can-cu-phap-ly_1"
        assert [a["href"] for a in article.select('a[href^="https://example.gov.vn/"]')] == [f"https://example.gov.vn/{own}"]
        assert f"[quy chế {other}][ref-{other}]" in article.get_text()  # the other page's link stays text
        assert [abbr.get_text() for abbr in article.select("abbr")] == [own.upper()]
        assert len(article.select(".footnote li")) == 1
        assert f"Ghi chú của {own}" in article.select_one(".footnote").get_text()

    # The same pages as MkDocs renders them with a converter per page.
    unshared = tmp_path / "unshared"
    site.build_ok("-d", str(unshared), CCHC_SHARED_MARKDOWN="off")
    for url in ("tin-tuc/bai-mot", "tin-tuc/bai-hai"):
        page = f"{url}/index.html"
        assert (site.site_dir / page).read_bytes() == (unshared / page).read_bytes()

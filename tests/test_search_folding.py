"""What the search index reads of a page: its searchable part and its own đ-words written with d, nothing from the site chrome."""

import json

from cchc.search.index import IndexedPages
from cchc.search.input import d_bar_words, page_for_index, page_line, searchable_region, stage_page

PAGE = """<!doctype html><html lang="vi" class="no-js"><head><meta charset="utf-8">
<title>Đường dây nóng</title><link rel="stylesheet" href="cchc.css"><script>var đ = 2</script></head><body><header>Sở Giáo dục và Đào tạo</header>
<nav>Menu</nav><article>
<div data-pagefind-body><h1>Đường dây nóng</h1><p>Đăng ký dự thi; đường dây nóng</p>
<script>var đ = 1</script></div></article>
<footer>Sở Giáo dục và Đào tạo tỉnh Sóc Trăng</footer></body></html>"""


def test_only_the_searchable_part_gives_words_each_once():
    assert d_bar_words(searchable_region(PAGE)) == ["Dường", "Dăng", "dường"]


def test_the_index_reads_the_searchable_part_and_folded_words():
    assert page_for_index(PAGE) == (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>'
        "<div data-pagefind-body><h1>Đường dây nóng</h1> <p>Đăng ký dự thi; đường dây nóng</p> \n"
        "<script>var đ = 1</script></div> </article>"
        "<div data-pagefind-body>Dường Dăng dường</div></body></html>")


def test_the_text_of_neighbouring_elements_is_not_run_together():
    """The excerpt of a procedure read "Mã thủ tụcchưa cập nhật": a space now ends each block."""
    page = page_for_index('<article data-pagefind-body><dl><dt>Mã thủ tục</dt><dd>chưa cập nhật</dd></dl></article>')
    assert "<dt>Mã thủ tục</dt> <dd>chưa cập nhật</dd> " in page


def test_the_folded_words_weigh_what_the_page_does():
    page = page_for_index('<div data-pagefind-body data-pagefind-weight="0.3"><h1>Đường</h1></div></article>')
    assert page.endswith('<div data-pagefind-body data-pagefind-weight="0.3">Dường</div></body></html>')


def test_folded_words_stay_outside_an_article_that_is_itself_searchable():
    page = '<html><head></head><body><article data-pagefind-body><h1>Đăng ký</h1></article><footer>x</footer></body></html>'
    assert page_for_index(page) == ('<!doctype html><html lang="vi"><head><meta charset="utf-8"></head>'
                                    '<body><article data-pagefind-body><h1>Đăng ký</h1> </article>'
                                    "<div data-pagefind-body>Dăng</div></body></html>")


def test_a_body_rendered_with_its_markdown_reads_as_its_page_would():
    body = '<div data-pagefind-body><h1>Đăng ký</h1><p>Đường dây nóng</p></div>'
    assert page_for_index(body) == page_for_index(f"<html><head></head><body><article>{body}</article></body></html>"
                                                  ).replace("</article>", "")


def test_pages_outside_the_index_are_left_out():
    assert page_for_index("<html><body><p>Đào tạo</p></body></html>") is None


def test_indexed_pages_follow_what_each_page_last_showed():
    pages = IndexedPages()
    pages.add("a/index.html", PAGE)
    pages.add("b/index.html", PAGE)
    pages.add("b/index.html", "<html><body>no longer searchable</body></html>")
    pages.add("c/index.html", PAGE)
    pages.keep_only({"a/index.html", "b/index.html"})
    assert pages.snapshot() == {"a/index.html": searchable_region(PAGE)}


def test_pagefind_reads_each_page_at_its_path_with_its_folded_words(tmp_path):
    stage_page("tin-tuc/a/index.html", searchable_region(PAGE), str(tmp_path))
    stage_page("b/index.html", "<p>no searchable part</p>", str(tmp_path))
    assert [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html")] == ["tin-tuc/a/index.html"]
    assert (tmp_path / "tin-tuc" / "a" / "index.html").read_text(encoding="utf-8") == page_for_index(PAGE)


def test_each_page_is_sent_to_the_staging_process_as_one_line_whatever_its_text():
    region = '<div data-pagefind-body>"Một"\ndòng\u2028hai\u000bba</div>'
    line = page_line("tin-tuc/a/index.html", region)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert json.loads(line) == ["tin-tuc/a/index.html", region]

"""What the search index gets besides the page: its own đ-words written with d, nothing from the site chrome."""

from cchc.search import d_bar_words, with_folded_words

PAGE = """<html><body><header>Sở Giáo dục và Đào tạo</header><article>
<div data-pagefind-body><h1>Đường dây nóng</h1><p>Đăng ký dự thi; đường dây nóng</p>
<script>var đ = 1</script></div></article>
<footer>Sở Giáo dục và Đào tạo tỉnh Sóc Trăng</footer></body></html>"""


def test_only_the_searchable_part_gives_words_each_once():
    assert d_bar_words(PAGE) == ["Dường", "Dăng", "dường"]


def test_folded_words_are_added_as_one_more_searchable_block():
    indexed = with_folded_words(PAGE)
    assert indexed.endswith("<div data-pagefind-body>Dường Dăng dường</div></body></html>")
    assert indexed.startswith(PAGE.removesuffix("</body></html>"))


def test_pages_outside_the_index_are_left_alone():
    page = "<html><body><p>Đào tạo</p></body></html>"
    assert with_folded_words(page) == page

"""The search index is two Pagefind bundles: news articles (written while the other pages render) and the rest."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO, Site, search_fragments

from cchc.kinds.news.model import NEWS_DIR
from cchc.kinds.news.pages import ARTICLE_BODY_TEMPLATE, ARTICLE_TEMPLATE
from cchc.kinds.registry import template_dirs
from cchc.search.index import MAIN_BUNDLE, NEWS_BUNDLE, NEWS_PREFIX, IndexedPages, bundle_of, searchable_templates
from cchc.search.pagefind import UNUSED_FILES, EarlyBundles, PagefindRun

ARTICLE = ('<!doctype html><html lang="vi"><head><title>{title}</title></head><body>'
           '<div data-pagefind-body><h1>{title}</h1><p>Đường dây nóng {title}</p></div></body></html>')


def test_the_searchable_templates_are_those_that_mark_a_searchable_body():
    folders = [REPO / "overrides", *map(Path, template_dirs())]

    def marks(template: str) -> bool:
        return any("data-pagefind-body" in (folder / template).read_text(encoding="utf-8")
                   for folder in folders if (folder / template).exists())

    marked = {path.name for folder in folders for path in folder.glob("*.html") if marks(path.name)}
    assert not marks(ARTICLE_TEMPLATE) and marks(ARTICLE_BODY_TEMPLATE)  # its body comes rendered with its Markdown
    assert marked | {ARTICLE_TEMPLATE} == searchable_templates()


def test_news_pages_go_to_the_news_bundle():
    assert NEWS_PREFIX == f"{NEWS_DIR}/"
    assert bundle_of("tin-tuc/duong-day-nong/index.html") == NEWS_BUNDLE
    assert bundle_of("thu-tuc-hanh-chinh/cap-ban-sao/") == MAIN_BUNDLE


def bundle_files(site_dir: Path, bundle: str) -> set[str]:
    return {p.name for p in (site_dir / bundle).iterdir()} if (site_dir / bundle).is_dir() else set()


def search_page_bundles(site: Site) -> list[str]:
    """The bundles the search page searches: the first at once, the others (the news) on demand."""
    page = site.html("tim-kiem/")
    assert page.select_one('script[src$="assets/javascripts/cchc-search.js"]')
    return page.select_one("[data-cchc-search]")["data-cchc-bundles"].split()


def test_a_site_with_news_and_plans_searches_the_main_bundle_first_and_the_news_on_demand(site):
    site.article("duong-day-nong", title="Đường dây nóng")
    site.plan(2022)
    site.build_ok()
    assert search_page_bundles(site) == [MAIN_BUNDLE, NEWS_BUNDLE]
    assert site.html("tim-kiem/").select_one("[data-cchc-search-news]").get_text() == "Tìm cả trong tin tức"
    for bundle in (MAIN_BUNDLE, NEWS_BUNDLE):
        files = bundle_files(site.site_dir, bundle)
        assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "fragment", "index"} <= files
        assert not files & set(UNUSED_FILES)  # Pagefind's own interfaces: the page has its own
    urls = {fragment["url"]: fragment for fragment in search_fragments(site.site_dir)}
    assert "/tin-tuc/duong-day-nong/" in urls and "/ke-hoach/2022/" in urls
    assert not [p for p in site.site_dir.iterdir() if p.name.startswith(".")]  # no half-written bundle left


def test_articles_are_indexed_before_any_page_is_rendered_and_the_rest_as_soon_as_rendered(site):
    for n in range(3):
        site.article(f"tin-{n}", title=f"Tin số {n}")
    site.plan(2022)
    log = site.build_ok("--verbose").output
    rendering = log.index("Building markdown pages")
    news_started = log.index(f"Pagefind started on the 3 pages of {NEWS_BUNDLE}/")
    main_started = log.index(f"of {MAIN_BUNDLE}/")
    assert news_started < rendering < main_started
    for bundle in (NEWS_BUNDLE, MAIN_BUNDLE):
        assert f"{bundle}/ indexed while the build went on" in log
    assert "indexed again" not in log
    urls = {fragment["url"] for fragment in search_fragments(site.site_dir)}
    assert {f"/tin-tuc/tin-{n}/" for n in range(3)} | {"/ke-hoach/2022/", "/ke-hoach/2022/thang-12/"} <= urls


def test_a_site_with_only_news_loads_the_search_from_the_news_bundle(site):
    site.article("duong-day-nong", title="Đường dây nóng")
    site.build_ok()
    assert search_page_bundles(site) == [NEWS_BUNDLE]
    assert site.html("tim-kiem/").select_one("[data-cchc-search-news]") is None  # nothing more to search on demand
    assert "pagefind.js" in bundle_files(site.site_dir, NEWS_BUNDLE)
    assert not (site.site_dir / MAIN_BUNDLE).exists()


def test_a_site_with_nothing_to_search_says_so(site):
    site.build_ok()
    page = site.html("tim-kiem/")
    assert page.select_one("[data-cchc-search]") is None
    assert "chưa có nội dung để tìm" in page.get_text()
    assert not page.select('script[src*="pagefind"]')


def src_uri(dest_uri: str) -> str:
    return dest_uri.removesuffix("index.html") + "index.md"


def index(early: EarlyBundles, pages: IndexedPages, dest_uri: str, html: str) -> None:
    """What the glue does with each page it renders (an article: its body, as its Markdown is converted)."""
    early.page_indexed(src_uri(dest_uri), dest_uri, pages.add(dest_uri, html))


NEWS = [f"tin-tuc/tin-{n}/index.html" for n in range(3)]
PROCEDURE = "thu-tuc-hanh-chinh/a/index.html"


def test_each_page_goes_to_its_bundle_as_it_is_indexed_and_the_bundle_starts_with_the_last(tmp_path):
    pages = IndexedPages()
    early = EarlyBundles(str(tmp_path), {NEWS_BUNDLE: {src_uri(d) for d in NEWS}, MAIN_BUNDLE: {src_uri(PROCEDURE)}})
    for dest_uri in NEWS[:2]:
        index(early, pages, dest_uri, ARTICLE.format(title=dest_uri.split("/")[1]))
    news = early.runs[NEWS_BUNDLE]
    assert list(news.pages) == NEWS[:2] and not news._process.stdin.closed  # still waiting for the third
    index(early, pages, NEWS[2], ARTICLE.format(title="tin-2"))
    assert list(news.pages) == NEWS and news._process.stdin.closed
    index(early, pages, PROCEDURE, ARTICLE.format(title="thu-tuc"))
    started = early.started(pages.snapshot())
    assert set(started) == {NEWS_BUNDLE, MAIN_BUNDLE}
    for bundle, run in started.items():
        run.wait()
        fragments = list((Path(run.fresh) / "fragment").iterdir())
        assert len(fragments) == (3 if bundle == NEWS_BUNDLE else 1)
        run.discard()
        assert not Path(run.fresh).exists()


def test_a_page_with_nothing_to_search_after_all_still_completes_its_bundle(tmp_path):
    pages = IndexedPages()
    early = EarlyBundles(str(tmp_path), {NEWS_BUNDLE: {src_uri(d) for d in NEWS[:2]}})
    index(early, pages, NEWS[0], ARTICLE.format(title="tin-0"))
    index(early, pages, NEWS[1], "<html><body><p>Không có gì để tìm</p></body></html>")
    run = early.runs[NEWS_BUNDLE]
    assert list(run.pages) == NEWS[:1] and run._process.stdin.closed
    assert early.started(pages.snapshot()) == {NEWS_BUNDLE: run}
    run.wait()
    run.discard()


def test_a_bundle_whose_pages_all_had_nothing_to_search_is_not_kept(tmp_path):
    pages = IndexedPages()
    early = EarlyBundles(str(tmp_path), {NEWS_BUNDLE: {src_uri(NEWS[0])}})
    index(early, pages, NEWS[0], "<html><body><p>Không có gì để tìm</p></body></html>")
    run = early.runs[NEWS_BUNDLE]
    assert early.started(pages.snapshot()) == {}
    assert run._process.poll() is not None and list(tmp_path.iterdir()) == []


def test_a_bundle_sent_other_pages_than_the_build_ends_with_is_stopped(tmp_path):
    pages = IndexedPages()
    early = EarlyBundles(str(tmp_path), {NEWS_BUNDLE: {src_uri(NEWS[0])}})
    index(early, pages, NEWS[0], ARTICLE.format(title="tin-0"))
    run = early.runs[NEWS_BUNDLE]
    pages.add("tin-tuc/tin-moi/index.html", ARTICLE.format(title="tin-moi"))
    assert early.started(pages.snapshot()) == {}
    assert run._process.poll() is not None and not Path(run.fresh).exists()


def test_a_discarded_run_is_stopped_and_leaves_nothing_behind(tmp_path):
    run = PagefindRun(str(tmp_path), MAIN_BUNDLE)
    run.add("a/index.html", ARTICLE.format(title="a"))
    run.discard()
    assert run._process.poll() is not None
    assert list(tmp_path.iterdir()) == []

"""Several builds in one process, as under `mkdocs serve`: nothing from a previous build leaks."""

import json
import os

from conftest import FIXED_EPOCH, Site, search_fragments
from jinja2 import DictLoader, Environment, FileSystemLoader
from mkdocs.commands.build import build
from mkdocs.config import load_config
from procedure_helpers import write_procedure

from cchc.mkdocs_adapter.rebuilds import CompiledTemplates, linked_src_uris, memory_for


def build_in_process(site: Site) -> None:
    site.write_config()
    os.environ["SOURCE_DATE_EPOCH"] = FIXED_EPOCH
    config = load_config(str(site.root / "mkdocs.yml"))
    build(config)


def test_second_build_forgets_removed_and_renamed_articles(site):
    site.article("se-bi-xoa", title="Sẽ bị xóa")
    site.article("giu-lai", title="Tên cũ")
    build_in_process(site)
    assert (site.site_dir / "tin-tuc/se-bi-xoa/index.html").exists()

    (site.root / "content/tin-tuc/se-bi-xoa.md").unlink()
    site.article("giu-lai", title="Tên mới")
    build_in_process(site)

    assert not (site.site_dir / "tin-tuc/se-bi-xoa").exists()
    listing = site.html("tin-tuc/").get_text()
    assert "Sẽ bị xóa" not in listing and "Tên cũ" not in listing and "Tên mới" in listing
    assert [e.title for e in site.feed("rss.xml").entries] == ["Tên mới"]


def test_an_error_in_one_build_does_not_poison_the_next(site):
    site.article("hong", title=None)
    site.write_config()
    try:
        build_in_process(site)
    except SystemExit:
        pass
    site.article("hong", title="Đã sửa")
    build_in_process(site)
    assert "Đã sửa" in site.html("tin-tuc/").get_text()


def dirty_preview_build(site: Site) -> None:
    """One rebuild of ``mkdocs serve --dirty``, its search index (written in the background) awaited."""
    site.write_config()
    os.environ["SOURCE_DATE_EPOCH"] = FIXED_EPOCH
    config = load_config(str(site.root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    memory_for(os.path.abspath(config.config_file_path)).search.wait()


def indexed_titles(site: Site) -> dict[str, str]:
    """URL → title of every page in the Pagefind index (its fragments are gzipped JSON)."""
    return {data["url"]: data["meta"]["title"] for data in search_fragments(site.site_dir)}


def test_dirty_rebuild_keeps_unchanged_pages_in_search_and_drops_removed_ones(site):
    site.article("giu-nguyen", title="Tin giữ nguyên", date="2022-01-01", tags=["A"])
    site.article("ben-canh", title="Tin bên cạnh", date="2022-01-02", tags=["B"])
    site.article("xoa", title="Tin sẽ xóa", date="2022-01-03", tags=["C"])
    site.article("sua", title="Tin trước khi sửa", date="2022-01-04", tags=["D"])
    dirty_preview_build(site)
    assert set(indexed_titles(site).values()) >= {"Tin giữ nguyên", "Tin trước khi sửa", "Tin sẽ xóa"}
    unchanged = site.site_dir / "tin-tuc/giu-nguyen/index.html"
    written = unchanged.stat().st_mtime_ns

    site.article("sua", title="Tin đã sửa", date="2022-01-04", tags=["D"])
    (site.root / "content/tin-tuc/xoa.md").unlink()
    dirty_preview_build(site)

    assert unchanged.stat().st_mtime_ns == written  # its neighbours and related articles did not change
    titles = indexed_titles(site)
    assert titles["/tin-tuc/giu-nguyen/"] == "Tin giữ nguyên"  # not rendered again, still searched
    assert titles["/tin-tuc/sua/"] == "Tin đã sửa"
    assert "/tin-tuc/xoa/" not in titles


def test_dirty_rebuild_shows_edited_titles_and_tags_in_related_articles(site):
    """The related ranking is kept between builds while no tag, date or slug changes: never a stale title."""
    site.article("a", title="Bài A", date="2022-01-01", tags=["một cửa"])
    site.article("b", title="Bài B", date="2022-01-02", tags=["một cửa"])
    site.article("c", title="Bài C", date="2022-01-04", tags=["khác"])
    related = lambda slug: [a.get_text() for a in site.html(f"tin-tuc/{slug}/").select(".cchc-related a")]
    dirty_preview_build(site)
    assert related("a") == ["Bài B"]

    site.article("b", title="Bài B đã sửa", date="2022-01-02", tags=["một cửa"])
    dirty_preview_build(site)
    assert related("a") == ["Bài B đã sửa"]

    site.article("c", title="Bài C", date="2022-01-04", tags=["Một Cửa"])  # the same tag, written otherwise
    dirty_preview_build(site)
    assert related("a") == ["Bài B đã sửa", "Bài C"]  # closer in time first
    assert related("c") == ["Bài B đã sửa", "Bài A"]


def test_dirty_rebuild_writes_the_open_data_of_an_edited_procedure(site):
    """The JSON and CSV of the catalogue are kept between builds only while no procedure or setting changes."""
    write_procedure(site, "cap-ban-sao", name="Cấp bản sao văn bằng")
    dirty_preview_build(site)
    open_data = lambda: (json.loads((site.site_dir / "thu-tuc-hanh-chinh/thu-tuc.json").read_text(encoding="utf-8")),
                         (site.site_dir / "thu-tuc-hanh-chinh/thu-tuc.csv").read_text(encoding="utf-8-sig"))
    assert open_data()[0]["procedures"][0]["name"] == "Cấp bản sao văn bằng"

    write_procedure(site, "cap-ban-sao", name="Cấp bản sao văn bằng, chứng chỉ từ sổ gốc")
    dirty_preview_build(site)
    data, table = open_data()
    assert data["procedures"][0]["name"] == "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc"
    assert "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc" in table

    site.config["extra"]["department"]["reuse_notice"] = "Ghi rõ nguồn: Sở GDĐT tỉnh Thử Nghiệm"
    dirty_preview_build(site)
    assert open_data()[0]["reuse_notice"] == "Ghi rõ nguồn: Sở GDĐT tỉnh Thử Nghiệm"


def test_templates_compiled_in_an_earlier_build_are_reused_until_their_source_changes():
    compiled, sources = CompiledTemplates(), {"page.html": "Xin chào {{ name }}"}

    def render() -> str:  # a new environment per build, as MkDocs makes
        env = Environment(loader=DictLoader(sources), bytecode_cache=compiled)
        return env.get_template("page.html").render(name="Sóc Trăng")

    assert render() == "Xin chào Sóc Trăng"
    assert len(compiled._code) == 1
    assert render() == "Xin chào Sóc Trăng"
    sources["page.html"] = "Chào mừng {{ name }}"
    assert render() == "Chào mừng Sóc Trăng"


def test_compiled_templates_shared_by_two_projects_keep_each_projects_file_and_escaping(tmp_path):
    """One cache serves every mkdocs.yml of the process (the suite's hundreds of builds): a template of the same name
    in another folder, or autoescaped in one project and not in the other, is compiled for each."""
    compiled = CompiledTemplates()
    for project, greeting in (("a", "Xin chào"), ("b", "Chào mừng")):
        (tmp_path / project).mkdir()
        (tmp_path / project / "page.html").write_text(greeting + " {{ name }}", encoding="utf-8")

    def render(project: str, escaped: bool) -> str:
        env = Environment(loader=FileSystemLoader(str(tmp_path / project)), bytecode_cache=compiled,
                          autoescape=lambda name: escaped)
        return env.get_template("page.html").render(name="<b>Sóc Trăng</b>")

    assert render("a", escaped=True) == "Xin chào &lt;b&gt;Sóc Trăng&lt;/b&gt;"
    assert render("b", escaped=True) == "Chào mừng &lt;b&gt;Sóc Trăng&lt;/b&gt;"
    assert render("a", escaped=False) == "Xin chào <b>Sóc Trăng</b>"
    assert render("a", escaped=True) == "Xin chào &lt;b&gt;Sóc Trăng&lt;/b&gt;"
    assert len(compiled._code) == 3


def test_dirty_rebuild_renders_again_a_page_whose_markdown_link_now_leads_elsewhere(site):
    site.article("dan-den", title="Tin có liên kết", body="Xem [tin kia](2022-06-01-dich.md#phan-hai).\n",
                 date="2022-01-02", tags=["A"])
    for day in ("2022-01-01", "2022-01-03"):  # its neighbours, so the linked article is not one
        site.article(day, title=f"Tin ngày {day}", date=day, tags=[day])
    site.article("2022-06-01-dich", title="Tin được dẫn tới", date="2022-06-01", tags=["B"])
    dirty_preview_build(site)
    link = site.html("tin-tuc/dan-den/").find("a", string="tin kia")
    assert link["href"] == "../dich/#phan-hai"

    site.article("2022-06-01-dich", title="Tin được dẫn tới", date="2022-06-01", tags=["B"], slug="dich-moi")
    dirty_preview_build(site)

    link = site.html("tin-tuc/dan-den/").find("a", string="tin kia")
    assert link["href"] == "../dich-moi/#phan-hai"


def test_dirty_preview_does_not_warn_editors_of_stale_links_at_every_save(site, caplog):
    site.article("mot", title="Một tin")
    dirty_preview_build(site)
    assert site.html("tin-tuc/mot/")
    assert not [r for r in caplog.records if r.levelname == "WARNING" and "dirty" in r.getMessage()]


def test_linked_files_are_found_in_every_link_form_and_resolved_from_the_page():
    markdown = """Xem [tin](2022-01-02-dich.md#phan-hai) và ![ảnh](anh/bang%20tin.jpg "Ảnh").
[Hỏi đáp]: ../hoi-dap/cau-1.md
<a href="tep/ke-hoach.pdf">Tải</a> <img src='anh/b.png'>
[Cổng](https://dichvucong.gov.vn/p.md), [đầu trang](#dau), [tuyệt đối](/tin-tuc/x.md), [thư](mailto:a@b.vn)
"""
    assert linked_src_uris("tin-tuc/bai.md", markdown) == [
        "hoi-dap/cau-1.md", "tin-tuc/2022-01-02-dich.md", "tin-tuc/anh/b.png", "tin-tuc/anh/bang tin.jpg",
        "tin-tuc/tep/ke-hoach.pdf"]


def test_options_come_from_mkdocs_yml_and_an_environment_variable_wins():
    from cchc.site.options import OPTIONS, read_options
    assert read_options(None, {}) == {option.name: True for option in OPTIONS}
    assert read_options({"cchc": {"search_index": False}}, {})["search_index"] is False
    assert read_options({"cchc": {"search_index": False}}, {"CCHC_SEARCH_INDEX": "on"})["search_index"] is True
    assert read_options({}, {"CCHC_CHROME_CACHE": "off"})["chrome_cache"] is False
    assert read_options({"cchc": {"shared_markdown": "không"}}, {})["shared_markdown"] is True  # not a boolean

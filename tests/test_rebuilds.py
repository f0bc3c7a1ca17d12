"""Several builds in one process, as under `mkdocs serve`: nothing from a previous build leaks."""

import os

from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import FIXED_EPOCH, Site


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

"""The theme's files listed without walking hidden folders (cchc.mkdocs_adapter.theme_files)."""

from __future__ import annotations

from urllib.parse import urljoin

from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from cchc.mkdocs_adapter.theme_files import skip_hidden_folders
from conftest import REPO, environment


def theme_files(config) -> list[tuple[str, str]]:
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return [(file.src_uri, file.abs_src_path) for file in files]


def test_mkdocs_copies_the_same_theme_files_when_hidden_folders_are_not_walked():
    with environment(NO_MKDOCS_2_WARNING="1"):
        config = load_config(str(REPO / "mkdocs.yml"))
    walked = theme_files(config)
    skip_hidden_folders(config.theme)
    assert theme_files(config) == walked
    assert len(walked) > 40 and ("assets/stylesheets/cchc.css", str(REPO / "overrides/assets/stylesheets/cchc.css")) in walked

    env = config.theme.get_env()
    assert not any("/." in f"/{name}" for name in env.list_templates())
    assert "<svg" in env.get_template(".icons/material/magnify.svg").render()  # Material's icons are still found


def test_the_site_publishes_none_of_material_s_scripts_and_every_script_a_page_loads(example_site_dir):
    scripts = sorted(p.relative_to(example_site_dir).as_posix()
                     for p in (example_site_dir / "assets/javascripts").rglob("*") if p.is_file())
    assert scripts == sorted(p.relative_to(REPO / "overrides").as_posix()
                             for p in (REPO / "overrides/assets/javascripts").iterdir())
    pages = sorted(example_site_dir.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        for element in BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select("script[src], link[href$='.css']"):
            address = urljoin("/" + page.relative_to(example_site_dir).as_posix(), element.get("src") or element["href"])
            assert (example_site_dir / address.split("?")[0].lstrip("/")).is_file(), (page, address)  # 404.html: from /

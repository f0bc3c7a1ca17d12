"""The theme's files: listed without walking hidden folders, and Material's scripts left out of the site.

Before any hook sees the files, MkDocs lists every file of the theme's folders through Jinja
(``Files.add_files_from_theme``) and keeps those it copies to the site. Material keeps its icons in a hidden
folder (``.icons/``, 14,500 SVG files) that MkDocs then leaves out, as it leaves out every path with a part
starting with a dot. Walking and filtering them took 0.08 s of every build: 20 s of CPU in the test suite's
250 builds, and part of each rebuild under ``mkdocs serve``.

``skip_hidden_folders`` gives the theme a loader that does not go into hidden folders when it lists files. The
files MkDocs copies are the same (a test compares them); templates are still found anywhere, icons included.

``drop_material_scripts``: no page of the site loads Material's JavaScript (``overrides/main.html`` leaves out
its scripts), yet MkDocs copied all of it to every site: its bundle, its search worker and lunr's languages with
their source maps, 2.3 MB in 40 files, uploaded with every release. Its stylesheets stay.
"""

from __future__ import annotations

import os

from jinja2 import Environment, FileSystemLoader
from mkdocs.structure.files import Files
from mkdocs.theme import Theme
from mkdocs.utils import get_theme_dir

MATERIAL_SCRIPTS = "assets/javascripts/"


class VisibleFilesLoader(FileSystemLoader):
    """Jinja's file loader, listing no file under a folder whose name starts with a dot."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for top in self.searchpath:
            for folder, subfolders, names in os.walk(top, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                rel = os.path.relpath(folder, top)
                found.update(name if rel == "." else f"{rel.replace(os.sep, '/')}/{name}" for name in names)
        return sorted(found)


def skip_hidden_folders(theme: Theme) -> None:
    """Make this theme's Jinja environments list files with ``VisibleFilesLoader`` (searching the same folders)."""
    make_env = theme.get_env

    def get_env() -> Environment:
        env = make_env()
        env.loader = VisibleFilesLoader(theme.dirs)
        return env

    theme.get_env = get_env  # this theme object only: MkDocs makes a new one with each configuration it loads


def drop_material_scripts(files: Files) -> None:
    """Leave Material's own scripts out of the site (cchc's, under the same folder, stay)."""
    material = os.path.join(get_theme_dir("material"), "")
    for file in [f for f in files if f.src_uri.startswith(MATERIAL_SCRIPTS) and f.abs_src_path
                 and f.abs_src_path.startswith(material)]:
        files.remove(file)

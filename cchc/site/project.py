"""A project as the editors' tools see it without MkDocs: mkdocs.yml, the docs folder, its files, "now".

``cchc check`` and ``cchc new`` read only what they need from mkdocs.yml with the same
line-keeping YAML loader the content uses (Material's ``!!python/name`` tags load as
None), so checking content never starts a MkDocs build.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

from cchc.core.text import VN_TZ, NotUtf8, read_utf8
from cchc.core.yamlmarks import MarkedDict, YamlProblem, load_marked_yaml
from cchc.kinds.registry import template_dirs
from cchc.site.content import ContentPaths
from cchc.site.folders import link_problems

PLANS_DIR = "plans"
TEXT_EXTENSIONS = (".md", ".yaml", ".yml")


class ProjectProblem(Exception):
    """mkdocs.yml is missing or unreadable: nothing can be checked."""


@dataclass(frozen=True)
class Project:
    paths: ContentPaths
    config: MarkedDict
    site_url: str | None

    def src_uris(self) -> list[str]:
        """Every file under docs_dir, '/'-separated, skipping hidden ones and following links as MkDocs does,
        but not into a link that leads outside the project or loops (``cchc.site.folders.link_problems``)."""
        refused = self.refused_links
        uris = []
        for folder, dirs, files in os.walk(self.paths.docs_dir, followlinks=True):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and os.path.join(folder, d) not in refused)
            rel = os.path.relpath(folder, self.paths.docs_dir)
            for name in sorted(files):
                if not name.startswith(".") and os.path.join(folder, name) not in refused:
                    uris.append(name if rel == "." else f"{rel.replace(os.sep, '/')}/{name}")
        return uris

    def text_files(self) -> list[str]:
        """Files editors write text in: mkdocs.yml, Markdown and YAML under docs_dir, plans/*.yaml."""
        found = [self.paths.config_path]
        found += [os.path.join(self.paths.docs_dir, *uri.split("/")) for uri in self.src_uris()
                  if uri.lower().endswith(TEXT_EXTENSIONS)]
        plans = os.path.join(self.paths.project_dir, PLANS_DIR)
        if os.path.isdir(plans):
            found += [os.path.join(plans, name) for name in sorted(os.listdir(plans))
                      if name.lower().endswith((".yaml", ".yml")) and not name.startswith(".")
                      and os.path.join(plans, name) not in self.refused_links]
        return found

    @cached_property
    def refused_links(self) -> frozenset[str]:
        """Links under content/ and plans/ not to follow: the build reports them, nothing reads them."""
        roots = [self.paths.docs_dir, os.path.join(self.paths.project_dir, PLANS_DIR)]
        return link_problems(self.paths.project_dir, roots)[1]

    def shown(self, path: str) -> str:
        return os.path.relpath(path, self.paths.project_dir).replace(os.sep, "/")

    def extra(self, *keys: str) -> Any:
        value: Any = self.config.get("extra")
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        return value


def load_project(config_file: str) -> Project:
    config_path = os.path.abspath(config_file)
    if not os.path.isfile(config_path):
        raise ProjectProblem(f'không tìm thấy tệp cấu hình "{config_file}"; chạy lệnh trong thư mục có '
                             'mkdocs.yml hoặc chỉ rõ bằng "-f đường/dẫn/mkdocs.yml" (config file not found)')
    try:
        config = load_marked_yaml(read_utf8(config_path), allow_tags=True)
    except (YamlProblem, NotUtf8):
        config = None  # load_site reports what is wrong with it, with the line
    if not isinstance(config, MarkedDict):
        config = MarkedDict()
        config.line, config.key_lines = 1, {}
    project_dir = os.path.dirname(config_path)
    docs_dir = os.path.join(project_dir, str(config.get("docs_dir") or "docs"))
    if not os.path.isdir(docs_dir):
        raise ProjectProblem(f'không tìm thấy thư mục nội dung "{os.path.relpath(docs_dir, project_dir)}" '
                             '(docs_dir trong mkdocs.yml) (docs_dir not found)')
    site_url = config.get("site_url")
    return Project(ContentPaths(project_dir, config_path, docs_dir, theme_dirs(config, project_dir)), config,
                   str(site_url) if site_url else None)


def theme_dirs(config: MarkedDict, project_dir: str) -> tuple[str, ...]:
    """The folders MkDocs looks page templates up in (``theme.dirs`` in the build): the custom_dir, then Material's."""
    theme = config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    dirs = [os.path.join(project_dir, str(custom))] if custom else []
    material = importlib.util.find_spec("material")
    if material is not None and material.origin:
        dirs.append(os.path.join(os.path.dirname(material.origin), "templates"))
    return (*dirs, *template_dirs())


def now() -> datetime:
    """SOURCE_DATE_EPOCH if set (reproducible builds, tests), else the current time; in Vietnam time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), VN_TZ)
    return datetime.now(VN_TZ)

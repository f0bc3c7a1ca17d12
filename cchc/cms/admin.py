"""The files of /quan-tri/ that cchc makes: the page, the configuration, the start-up script and the preview's
margins. Decap's own files (/quan-tri/decap/) come from npm (``cchc.cms.package``) and are added by the build.

The page is not content: it asks search engines not to index it, and it is a file, not a page of MkDocs, so it
is in no sitemap, feed or search index. It loads nothing from another host; once an editor signs in, Decap
talks to the Git host's API and nothing else.
"""

from __future__ import annotations

import html
import json
import os
from importlib.resources import files
from typing import Any

import yaml

from cchc.cms.config import ADMIN_FOLDER, cms_config, form_messages
from cchc.cms.hosts import LOCAL_PROXY, GitHost
from cchc.cms.package import VENDOR_FOLDER
from cchc.core.declaration import Kind
from cchc.core.pages import GeneratedFile

LOCAL_PROXY_VARIABLE = "CCHC_CMS_LOCAL"
"""The address of Decap's local server, set by ``cchc edit`` when it runs it on another port than the default."""

_PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Soạn bài – {site_name}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="{vendor}/decap-cms.js"></script>
<script type="module" src="cchc-cms.js"></script>
</head>
<body data-git-host="{git_host}">
<main id="cchc-no-host" hidden>
<h1>Chưa soạn bài trên trang này được</h1>
<p>Trang chưa được nối với máy chủ Git của Sở (mục <code>extra: cms:</code> trong <code>mkdocs.yml</code>).
Trên máy của mình, chạy <code>cchc edit</code> rồi mở địa chỉ lệnh đó in ra; cán bộ kỹ thuật xem cách nối
trong <code>docs/van-hanh/soan-bai-tren-may-chu-git.md</code>.</p>
</main>
<noscript><p>Trang soạn bài cần JavaScript: bật JavaScript trong trình duyệt rồi tải lại trang.</p></noscript>
</body>
</html>
"""


def local_proxy() -> str:
    return os.environ.get(LOCAL_PROXY_VARIABLE) or LOCAL_PROXY


def admin_files(kinds: list[Kind], categories: list[str], git_host: GitHost | None, site_url: str, site_name: str,
                department_name: str | None, docs_dir: str = "content") -> list[GeneratedFile]:
    """/quan-tri/index.html, config.yml, thong-bao.js, cchc-cms.js and cchc-cms.css."""
    config = cms_config(kinds, categories, git_host, site_url, department_name, docs_dir, local_proxy())
    page = _PAGE.format(site_name=html.escape(site_name), vendor=VENDOR_FOLDER, git_host="yes" if git_host else "no")
    static = files("cchc.cms") / "static"
    return [
        _file("index.html", page.encode("utf-8"), "trang soạn bài trên trình duyệt"),
        _file("config.yml", dump_config(config), "cấu hình trang soạn bài"),
        _file("thong-bao.js", _module(form_messages()), "thông báo của trang soạn bài"),
        _file("cchc-cms.js", (static / "cchc-cms.js").read_bytes(), "mã khởi động trang soạn bài"),
        _file("cchc-cms.css", (static / "cchc-cms.css").read_bytes(), "kiểu trình bày khung xem trước"),
    ]


_DUMPED: dict[str, bytes] = {}
"""config.yml by the repr of its data: the configuration rarely changes between the builds of one process (a
rebuild under ``mkdocs serve``, the test suite's hundreds of builds), and writing YAML took 10 ms a build."""


def dump_config(config: dict[str, Any]) -> bytes:
    key = repr(config)  # tells 1 from "1" and True from 1, unlike JSON
    if key not in _DUMPED:
        if len(_DUMPED) >= 16:
            _DUMPED.clear()
        _DUMPED[key] = _yaml_config(config)
    return _DUMPED[key]


def _yaml_config(config: dict[str, Any]) -> bytes:
    header = ("# Cấu hình Decap CMS của trang soạn bài, do cchc tạo mỗi lần dựng trang từ khai báo các loại nội dung\n"
              "# (cchc/kinds/*/fields.py) và mục extra: cms: của mkdocs.yml. Không sửa tệp này.\n")
    # libyaml's dumper writes the same text as PyYAML's own, four times faster (the file is made every build)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    body = yaml.dump(config, Dumper=dumper, allow_unicode=True, sort_keys=False, width=120)
    return (header + body).encode("utf-8")


def _module(data: dict[str, Any]) -> bytes:
    return f"export default {json.dumps(data, ensure_ascii=False, indent=2)};\n".encode("utf-8")


def _file(name: str, content: bytes, title: str) -> GeneratedFile:
    return GeneratedFile(f"{ADMIN_FOLDER}/{name}", content, title)

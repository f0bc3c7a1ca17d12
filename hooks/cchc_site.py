"""MkDocs hooks of the cchc site: thin wiring of build events to ``cchc.mkdocs_adapter.build``."""

from __future__ import annotations

import os

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from cchc.mkdocs_adapter.build import SiteBuild  # noqa: E402
from cchc.mkdocs_adapter.failures import failure_message, quiet_dirty_build_warning, report_unexpected  # noqa: E402
from cchc.mkdocs_adapter.preview import PreviewErrors, stop_on_sigterm_as_on_ctrl_c, watch_templates  # noqa: E402
from cchc.mkdocs_adapter.rebuilds import finish_search_indexing  # noqa: E402
from cchc.mkdocs_adapter.templates import own_template_dirs  # noqa: E402

# Set once per process by on_startup; every per-build object lives in _build.
_serving = False
_dirty = False
_build: SiteBuild | None = None
_preview: PreviewErrors | None = None  # under serve, from the first on_serve on


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _dirty
    _serving, _dirty = command == "serve", dirty
    if _serving and _dirty:
        quiet_dirty_build_warning()


def on_config(config):
    global _build
    _build = SiteBuild(config, preview=_serving, dirty=_dirty)
    return config


def on_files(files, config):
    return _build.register_files(files)


def on_env(env, config, files):
    _build.prepare_templates(env)
    return env


def on_page_markdown(markdown, page, config, files):
    return _build.page_markdown(markdown, page)


def on_page_content(html, page, config, files):
    return _build.page_content(html, page)


def on_page_context(context, page, config, nav):
    return _build.page_context(context, page)


def on_post_page(output, page, config):
    _build.page_written(page, output)
    return output


def on_post_build(config):
    _build.write_outputs(config.site_dir)


def on_serve(server, config, builder):
    global _preview
    _preview = PreviewErrors(server)
    watch_templates(server, own_template_dirs(config))
    stop_on_sigterm_as_on_ctrl_c()  # here, not in on_startup: only a real ``mkdocs serve`` process calls on_serve
    return server


def on_shutdown():
    finish_search_indexing()


def on_build_error(error):
    if _build is not None:
        _build.forget_build()
    if _preview is not None:
        _preview.record(failure_message(error))
    report_unexpected(error)

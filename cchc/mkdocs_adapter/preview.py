"""The editors' preview (``mkdocs serve``): it watches what it shows, and shows what is wrong.

MkDocs watches the theme folder only with ``--watch-theme``, so an edit to ``overrides/`` was not
rebuilt under the README's preview command; cchc watches its templates itself.

When a save brings a content error, MkDocs prints it in the terminal and then holds every request
until a build succeeds ("the server will appear stuck"): an editor watching the page, in a browser
or the CMS preview, sees a frozen site. ``PreviewErrors`` lets the failed build count as done and
answers every page with a page that lists the errors (Vietnamese, file:line: field, as the terminal
does); the page reloads itself, by MkDocs' own live-reload script, once the content is fixed. The browser form
(/quan-tri/) is still served, so that the editor can fix the error in it.

It reaches into MkDocs' ``LiveReloadServer`` (MkDocs 1.6, pinned): its builder, the epoch it shows,
and the request handler. A test runs the README's preview command and drives both cases.
"""

from __future__ import annotations

import html
import logging
import signal
from typing import Any, Callable, Iterable

from cchc.cms.config import ADMIN_FOLDER

log = logging.getLogger("mkdocs.plugins.cchc")

_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Nội dung có lỗi – xem trước</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#1a1a1a}}
h1{{color:#b00020;font-size:1.4em}}pre{{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #b00020;
padding:1em;font-size:.95em}}</style></head>
<body><main><h1>Trang chưa dựng lại được vì nội dung có lỗi</h1>
<p>Sửa các lỗi dưới đây rồi lưu tệp; trang sẽ tự hiện lại khi nội dung hết lỗi.</p>
<pre>{errors}</pre></main></body></html>
"""


class PreviewErrors:
    """What the last build of the preview failed with, shown in place of every page until a build succeeds."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.failure: str | None = None
        server.builder = self._guarded(server.builder)
        serve = server._serve_request
        server._serve_request = lambda environ, start_response: self._serve(serve, environ, start_response)

    def record(self, message: str) -> None:
        """What the build that is failing reports (the hooks' ``on_build_error`` sees it before MkDocs
        turns it into a bare "Aborted with a BuildError!")."""
        self.failure = message

    def _guarded(self, build: Callable[[], None]) -> Callable[[], None]:
        def build_or_show_errors() -> None:
            self.failure = None
            try:
                build()
            except Exception:
                if self.failure is None:
                    self.failure = "Lỗi không lường trước khi dựng trang; xem thông báo trong cửa sổ lệnh."
                self._show_new_epoch()
                raise  # MkDocs prints it in the terminal, as before
        return build_or_show_errors

    def _show_new_epoch(self) -> None:
        """Let requests through and open browsers reload: the failed build is what there is to see."""
        server = self.server
        with server._epoch_cond:
            server._visible_epoch = server._wanted_epoch
            server._epoch_cond.notify_all()

    def _serve(self, serve: Callable, environ: dict, start_response: Callable) -> Iterable[bytes] | None:
        path = environ.get("PATH_INFO", "")
        if self.failure is None or not _is_page(path):
            return serve(environ, start_response)
        body = _PAGE.format(errors=html.escape(self.failure)).encode("utf-8")
        body = self.server._inject_js_into_html(body, self.server._visible_epoch)  # reloads once fixed
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))])
        return [body]


def _is_page(path: str) -> bool:
    """A page of the site; not the browser form (/quan-tri/), with which the editor fixes the error."""
    if path.startswith(("/livereload/", f"/{ADMIN_FOLDER}/")):
        return False
    return path.endswith("/") or path.endswith(".html")


def watch_templates(server: Any, theme_dirs: list[str]) -> None:
    """Watch cchc's own templates (the theme's custom_dir, the kinds' folders), which ``mkdocs serve`` skips
    without --watch-theme."""
    for folder in theme_dirs:
        server.watch(folder)


def stop_on_sigterm_as_on_ctrl_c() -> None:
    """Under ``mkdocs serve``, a stop asked by the system (SIGTERM: ``cchc edit`` stopping its preview, a service
    manager) ends the preview as Ctrl+C does: MkDocs removes its temporary site folder and the hooks' ``on_shutdown``
    waits for the search index written in the background. Killed by the default SIGTERM action, the process left
    both behind in the system's temporary folder, one set per preview."""
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)


def _raise_keyboard_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt

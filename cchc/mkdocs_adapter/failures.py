"""What an editor sees when a build fails, and what MkDocs would say that only alarms them."""

from __future__ import annotations

import logging

from mkdocs.exceptions import Abort, BuildError

_DIRTY_BUILD_WARNING = "A 'dirty' build is being performed"


def quiet_dirty_build_warning() -> None:
    """Under ``mkdocs serve --dirty`` (the editors' preview), drop MkDocs' warning on every rebuild.

    It says that pages not rendered again may keep a stale menu and links. cchc renders again every
    page whose data, text or linked files changed, and every page when mkdocs.yml (the menu) or the
    theme changed (see ``cchc.mkdocs_adapter.dirty``), so the warning would only alarm editors at each save.
    """
    logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_build_warning)  # once: same function


def _not_the_dirty_build_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(_DIRTY_BUILD_WARNING)


def report_unexpected(error: Exception) -> None:
    """After a build failed: turn an error nobody foresaw into a message instead of a traceback.

    MkDocs prints its own errors (content errors are ``PluginError``) and a traceback for any other
    exception. An editor cannot act on a traceback, so it becomes a Vietnamese message that says the
    content is probably fine and whom to tell; ``mkdocs build -v`` still logs the traceback.
    """
    if isinstance(error, (BuildError, Abort)):
        return
    logging.getLogger("mkdocs.plugins.cchc").debug("cchc: unexpected error", exc_info=error)
    raise Abort(failure_message(error)) from None


def failure_message(error: Exception) -> str:
    """What an editor is told of a failed build: the content errors, or a message for what nobody foresaw."""
    if isinstance(error, (BuildError, Abort)):
        return str(error)
    return ("Lỗi không lường trước khi dựng trang; nếu vừa sửa một tệp, kiểm tra lại tệp đó bằng "
            '"cchc check", rồi báo cho bộ phận kỹ thuật kèm dòng thông báo này '
            f"(unexpected error: {type(error).__name__}: {error})")

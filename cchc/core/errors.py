"""Content errors: collected for the whole build, each naming file, line and field.

Editors fix content, not code, so every message is Vietnamese first, says how to
fix it, and may end with a short English detail in parentheses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one place of the editors' content."""

    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        what = f"{self.field}: " if self.field else ""
        return f"{where}: {what}{self.message}"


class ContentErrors(Exception):
    """Raised once, with every error found, when content cannot be built."""

    def __init__(self, errors: list[ContentError], partial: Any = None,
                 warnings: list[ContentError] | tuple[ContentError, ...] = ()) -> None:
        self.errors = sorted(errors, key=lambda e: (e.path, e.line or 0, e.field or ""))
        self.partial = partial
        """The content that did load despite the errors (a ``SiteContent``), or None."""
        self.warnings = tuple(warnings)
        """What ``cchc check`` also tells though it stops nothing (see ``ErrorLog.warn``)."""
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        lines = [f"Nội dung có {count} lỗi, cần sửa trước khi dựng trang (content has {count} error(s)):"]
        lines += [f"  {error}" for error in self.errors]
        return "\n".join(lines)


@dataclass
class ErrorLog:
    """Collects errors during loading, so editors see all of them at once.

    ``warnings`` are content that builds but that an inspector would fault (a procedure not checked
    against the national database for months): ``cchc check`` lists them, the build does not stop.
    """

    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)

    def add(self, path: str, line: int | None, field_name: str | None, message: str) -> None:
        self.errors.append(ContentError(path, line, field_name, message))

    def warn(self, path: str, line: int | None, field_name: str | None, message: str) -> None:
        self.warnings.append(ContentError(path, line, field_name, message))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ContentErrors(self.errors)

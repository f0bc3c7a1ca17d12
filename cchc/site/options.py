"""cchc's build options, declared once: ``extra: cchc:`` in mkdocs.yml, each overridden by an environment variable.

They switch off the speed-ups and the search index, for measuring (``bench/``) and for the tests that show
each speed-up changes no byte of the site. An environment variable wins over mkdocs.yml, so a benchmark or
a test can turn one off without editing the project.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Mapping

OFF, ON = ("off", "0", "false", "no"), ("on", "1", "true", "yes")


@dataclass(frozen=True)
class Option:
    name: str
    """Its key under ``extra: cchc:``."""
    environment: str
    help: str
    default: bool = True


OPTIONS = (
    Option("search_index", "CCHC_SEARCH_INDEX",
           "Dựng chỉ mục tìm kiếm Pagefind sau mỗi lần dựng trang (tắt để đo thời gian của phần còn lại)."),
    Option("chrome_cache", "CCHC_CHROME_CACHE",
           "Dựng trình đơn, thanh đầu trang của Material một lần cho mỗi chỗ trong trang, không phải mỗi trang."),
    Option("shared_markdown", "CCHC_SHARED_MARKDOWN",
           "Dùng chung một bộ chuyển Markdown cho các trang ngoài trình đơn, làm mới giữa hai trang."),
)


def read_options(extra: Mapping[str, Any] | None, environ: Mapping[str, str] = os.environ) -> dict[str, bool]:
    """Each option's value: the environment variable if set to on/off, else mkdocs.yml's, else its default."""
    written = (extra or {}).get("cchc") or {}
    values = {}
    for option in OPTIONS:
        from_environment = environ.get(option.environment, "").strip().lower()
        if from_environment in OFF + ON:
            values[option.name] = from_environment in ON
        elif isinstance(written.get(option.name), bool):
            values[option.name] = written[option.name]
        else:
            values[option.name] = option.default
    return values

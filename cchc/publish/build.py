"""The strict build of a publish: ``mkdocs build --strict`` in a process of its own, its log shown as it comes.

A process of its own, as a CI job would run it: MkDocs, its hooks and Pagefind start clean, and what the build
prints goes to the job's log line by line while it runs. The lines are also kept, for the summary when the build
fails (``cchc.publish.build_messages``, ``cchc.publish.summary.build_failed``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Callable

@dataclass(frozen=True)
class BuildResult:
    ok: bool
    seconds: float
    lines: list[str]


def build_site(config_file: str, site_dir: str | None, show: Callable[[str], None]) -> BuildResult:
    """Run the strict build of the project whose mkdocs.yml is ``config_file``, into ``site_dir`` if given."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config_file]
    if site_dir:
        command += ["-d", site_dir]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8"}
    started = time.monotonic()
    lines = []
    with subprocess.Popen(command, cwd=os.path.dirname(os.path.abspath(config_file)), env=env, text=True,
                          encoding="utf-8", errors="replace", stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          stdin=subprocess.DEVNULL) as process:
        for line in process.stdout:
            line = line.rstrip("\n")
            lines.append(line)
            show(line)
    return BuildResult(process.returncode == 0, time.monotonic() - started, lines)

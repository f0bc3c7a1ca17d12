"""Releases on the server: each publish uploads a whole new folder, then switches one link to it.

    <target>/releases/0007-20261130-000512-1a2b3c4/   a built site, folders 0755, files 0644
    <target>/releases/0008-20261201-000507-5d6e7f8/
    <target>/current -> releases/0008-20261201-000507-5d6e7f8   what the web server serves

The upload goes into ``releases/<name>.partial``; only a complete upload is renamed to ``releases/<name>`` and
then served, by pointing a new link at it and renaming that link over ``current`` (``mv -T``, one rename(2)):
a reader gets the old site or the new one, never a mix, and an upload cut half-way leaves ``current`` as it
was (its leftover is removed by the next publish). Files unchanged since the served release are hard links
to it (``rsync --link-dest``, compared by content since every build writes every file anew): an upload sends
what changed, a release costs little disk, and an unchanged file keeps its date, so browsers keep their copy
(nginx's ETag is made of the date and size). The newest
``keep`` releases stay, with the served one always among those kept, for ``cchc publish --rollback``.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from dataclasses import dataclass
from datetime import datetime

from cchc.publish.target import DeployProblem, Target, require_program

RELEASES, CURRENT, PARTIAL = "releases", "current", ".partial"
_NAME = re.compile(r"^(\d{4,})-[0-9A-Za-z-]+$")


@dataclass(frozen=True)
class State:
    releases: tuple[str, ...]
    """Complete releases, oldest first (by their sequence number)."""
    current: str | None
    """The served release's name, or None before the first publish."""


def read_state(target: Target) -> State:
    output = target.run(f"mkdir -p {RELEASES} && chmod 0755 {RELEASES} && "
                        f"(readlink {CURRENT} || true) && echo /// && ls -1 {RELEASES}")
    link, _, listing = output.partition("///\n")
    names = [n for n in listing.split() if _NAME.match(n)]
    current = link.strip().removeprefix(f"{RELEASES}/") or None
    return State(tuple(sorted(names, key=lambda n: int(_NAME.match(n).group(1)))), current)


def release_name(state: State, now: datetime, commit: str | None) -> str:
    """``<sequence>-<yyyymmdd-hhmmss>[-<commit>]``: ordered by its sequence even within one second."""
    last = max((int(_NAME.match(n).group(1)) for n in state.releases), default=0)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    return f"{last + 1:04d}-{stamp}" + (f"-{commit[:7]}" if commit else "")


def upload(target: Target, site_dir: str, name: str, state: State, extra_options: list[str]) -> None:
    """rsync the built site into ``releases/<name>.partial``; a failure leaves ``current`` untouched."""
    rsync = require_program("rsync", "rsync")
    target.run(f"rm -rf {RELEASES}/*{PARTIAL}")  # what an earlier, interrupted upload left
    link_dest = [f"--link-dest=../{state.current}"] if state.current in state.releases else []
    compress = ["--compress"] if target.host else []  # HTML shrinks to a quarter on the wire; no use on one machine
    command = [rsync, "-rlp", "--checksum", "--delete", "--chmod=D0755,F0644", *link_dest, *compress,
               *target.rsync_shell(), *extra_options,
               site_dir.rstrip("/") + "/", target.rsync_path(f"{RELEASES}/{name}{PARTIAL}/")]
    result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        detail = " ".join(result.stderr.split())[-300:] or f"rsync exit {result.returncode}"
        served = f"vẫn là bản {state.current}" if state.current else "chưa có (đây là lần xuất bản đầu)"
        raise DeployProblem(f"tải trang lên {target.shown} bị gián đoạn; trang đang phục vụ {served}, không đổi. "
                            f"Kiểm tra kết nối, chỗ trống trên đĩa của máy chủ rồi chạy lại ({detail})")


def switch(target: Target, name: str, from_partial: bool) -> None:
    """Serve ``releases/<name>``: a new link renamed over ``current`` in one step."""
    release = shlex.quote(f"{RELEASES}/{name}")
    complete = (f"chmod 0755 {release}{PARTIAL} && mv -T {release}{PARTIAL} {release} && " if from_partial else
                f"test -d {release} && ")
    target.run(f"{complete}ln -sfn {release} .{CURRENT}.new && mv -Tf .{CURRENT}.new {CURRENT}")


def prune(target: Target, state: State, keep: int) -> list[str]:
    """Remove all but the newest ``keep`` releases, never the served one; the names removed."""
    kept = set(state.releases[-keep:]) | {state.current}
    removed = [name for name in state.releases if name not in kept]
    if removed:
        target.run("rm -rf " + " ".join(shlex.quote(f"{RELEASES}/{name}") for name in removed))
    return removed


def deploy(target: Target, site_dir: str, keep: int, now: datetime, commit: str | None,
           extra_options: list[str]) -> tuple[str, list[str]]:
    """Upload, switch, prune; the new release's name and the names removed."""
    state = read_state(target)
    name = release_name(state, now, commit)
    upload(target, site_dir, name, state, extra_options)
    switch(target, name, from_partial=True)
    return name, prune(target, read_state(target), keep)


def rollback(target: Target, wanted: str | None) -> tuple[str | None, str]:
    """Serve the release before the current one (or ``wanted``); (the one served before, the one served now)."""
    state = read_state(target)
    if wanted is None:
        if state.current not in state.releases or state.releases.index(state.current) == 0:
            raise DeployProblem(f"không có bản nào cũ hơn bản đang phục vụ ({state.current or 'chưa có'}) để quay "
                                f"lại; các bản đang giữ: {', '.join(state.releases) or 'không có'}")
        wanted = state.releases[state.releases.index(state.current) - 1]
    elif wanted not in state.releases:
        raise DeployProblem(f'không có bản "{wanted}" trên {target.shown}; chọn một trong các bản đang giữ: '
                            f"{', '.join(state.releases) or 'không có'}")
    switch(target, wanted, from_partial=False)
    return state.current, wanted


def rsync_options(environ: dict[str, str] | os._Environ) -> list[str]:
    """Extra rsync options from ``CCHC_RSYNC_OPTIONS``, e.g. "--bwlimit=2000" to leave the office's line free."""
    return shlex.split(environ.get("CCHC_RSYNC_OPTIONS", ""))

"""Where ``cchc publish`` puts the site: a folder on this machine, or ``user@host:/folder`` reached over SSH.

Both are driven the same way, by short POSIX shell scripts (run by ``sh`` here, or by the server's shell through
``ssh``) and by ``rsync``, so the tests that publish into a local folder run the very commands a server gets.

The SSH key and the server's public key come from CI secrets through environment variables (see
docs/van-hanh/xuat-ban.md): ``CCHC_SSH_KEY`` (the private key's text), ``CCHC_SSH_KNOWN_HOSTS`` (the lines of
``ssh-keyscan`` for the server, checked once by hand), ``CCHC_SSH_PORT``. They are written to files only this
user can read, for the time of one publish, and never printed. An unknown server key is refused
(StrictHostKeyChecking=yes): accepting it blindly would hand the site to whoever answers at that address.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Mapping

_REMOTE = re.compile(r"^(?P<host>[^/:\s]+):(?P<path>.+)$")


class DeployProblem(Exception):
    """Publishing cannot go on; the message (Vietnamese) says what happened and what to do."""


@dataclass(frozen=True)
class Target:
    """A deploy target: ``path`` on this machine (``host`` None) or on ``host`` ("user@server") over SSH."""

    path: str
    host: str | None = None
    ssh: tuple[str, ...] = ()
    """The ssh command and its options (empty for a local folder)."""

    @property
    def shown(self) -> str:
        return f"{self.host}:{self.path}" if self.host else self.path

    def rsync_path(self, rel: str) -> str:
        """A folder under the target, written as rsync expects it."""
        full = f"{self.path.rstrip('/')}/{rel}"
        return f"{self.host}:{full}" if self.host else full

    def rsync_shell(self) -> list[str]:
        return ["-e", shlex.join(self.ssh)] if self.host else []

    def run(self, script: str) -> str:
        """Run a shell script in the target folder (created if missing); its standard output."""
        script = f"mkdir -p {shlex.quote(self.path)} && cd {shlex.quote(self.path)} && {{\n{script}\n}}"
        command = [*self.ssh, self.host, f"sh -c {shlex.quote(script)}"] if self.host else ["sh", "-c", script]
        result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            detail = " ".join(result.stderr.split())[-300:] or f"exit {result.returncode}"
            where = f"máy chủ {self.host}" if self.host else "máy này"
            raise DeployProblem(f"không làm được việc cần làm trong {self.shown} trên {where}; kiểm tra đường dẫn, "
                                f"quyền ghi{', khóa SSH và tên máy' if self.host else ''} rồi chạy lại ({detail})")
        return result.stdout


def parse_target(text: str) -> tuple[str | None, str]:
    """("user@host", "/folder") for "user@host:/folder", (None, folder) for a folder on this machine."""
    match = _REMOTE.match(text.strip())
    if match:
        return match["host"], match["path"]
    return None, os.path.abspath(text.strip())


@contextmanager
def open_target(text: str, environ: Mapping[str, str] = os.environ) -> Iterator[Target]:
    """The target named by ``text``; for a server, with the SSH key and known hosts of ``environ`` in private
    files that are removed afterwards."""
    host, path = parse_target(text)
    if host is None:
        yield Target(path)
        return
    require_program("ssh", "openssh-client")
    with tempfile.TemporaryDirectory(prefix="cchc-ssh-") as folder:  # 0700: only this user
        yield Target(path, host, tuple(ssh_command(folder, environ)))


def ssh_command(folder: str, environ: Mapping[str, str]) -> list[str]:
    command = ["ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "ConnectTimeout=30"]
    key, known_hosts, port = (environ.get(name, "").strip() for name in
                              ("CCHC_SSH_KEY", "CCHC_SSH_KNOWN_HOSTS", "CCHC_SSH_PORT"))
    if key:
        command += ["-i", _private_file(folder, "key", key), "-o", "IdentitiesOnly=yes"]
    if known_hosts:
        command += ["-o", f"UserKnownHostsFile={_private_file(folder, 'known_hosts', known_hosts)}"]
    if port:
        if not port.isdigit():
            raise DeployProblem(f'CCHC_SSH_PORT phải là một số cổng, ví dụ 22 (không phải "{port}")')
        command += ["-p", port]
    return command


def _private_file(folder: str, name: str, text: str) -> str:
    path = os.path.join(folder, name)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
        stream.write(text.replace("\r\n", "\n").rstrip("\n") + "\n")  # a secret pasted from Windows, or without
    return path                                                         # its last newline, is still a valid key


def require_program(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise DeployProblem(f"thiếu chương trình {name}; cài bằng \"apt-get install {package}\" rồi chạy lại "
                            f"({name} not found)")
    return path

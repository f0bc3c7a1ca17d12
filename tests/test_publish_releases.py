"""Releases on the publish target: an upload cut half-way, rollbacks, keeping the newest releases, SSH secrets.

Apart from ``tests/test_publish.py`` so that the suite's two workers share the publishes (a test file runs on
one worker), with its helpers: ``cchc publish`` in its own process, as ``.ci/publish`` starts it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import Site, front_matter_text
from test_publish import fingerprint, publish, publish_command, rsync, served, stat_mode  # noqa: F401 (rsync: autouse)

from cchc.publish.releases import prune, read_state
from cchc.publish.target import DeployProblem, Target, open_target, parse_target


def kill_rsync_once_uploading(process: subprocess.Popen, target: Path, seconds: float = 120) -> None:
    """Wait until the upload has written files into its new release folder, then kill rsync (SIGKILL): what a
    dropped connection or a killed runner does to an upload."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        partial = list((target / "releases").glob("*.partial"))
        if partial and any(path.is_file() for path in partial[0].rglob("*")):
            children = rsync_children(process.pid)
            if children:
                for pid in children:
                    os.kill(pid, signal.SIGKILL)
                return
        time.sleep(0.05)
    raise AssertionError("the upload never started, or ended before it could be interrupted")


def rsync_children(parent: int) -> list[int]:
    found = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            pid, rest = stat_file.read_text().split(" ", 1)
        except OSError:
            continue
        name, _, fields = rest.rpartition(") ")
        if name.endswith("(rsync") and int(fields.split()[1]) == parent:
            found.append(int(pid))
    return found


def test_an_interrupted_upload_leaves_the_served_site_as_it_was_and_rollback_switches_back(site: Site, tmp_path):
    """A small site: three publishes build it (the whole example is published in tests/test_publish.py)."""
    site.article("bai-mot", title="Tin thứ nhất")
    site.article("bai-hai", title="Tin thứ hai", date="2022-03-01 08:00")
    site.write_config()
    project, target = site.root, tmp_path / "srv"
    assert publish(project, "--target", str(target)).returncode == 0
    first = served(target)
    before = fingerprint(target / "current")

    (project / "content/tin-tuc/tin-moi.md").write_text(front_matter_text(
        {"title": "Tin mới", "date": "2023-11-01 08:00", "summary": "Tóm tắt.", "category": "Hoạt động CCHC"}),
        encoding="utf-8")
    site.write("content/tin-tuc/tep/bao-cao-lon.pdf", b"")
    (project / "content/tin-tuc/tep/bao-cao-lon.pdf").write_bytes(os.urandom(3_000_000))  # 150 s at 20 KB/s
    upload = publish_command(project, "--target", str(target), CCHC_RSYNC_OPTIONS="--bwlimit=20")
    kill_rsync_once_uploading(upload, target)
    output, _ = upload.communicate(timeout=120)
    assert upload.returncode == 2, output
    assert f"bị gián đoạn; trang đang phục vụ vẫn là bản {first.removeprefix('releases/')}, không đổi" in output
    assert served(target) == first and fingerprint(target / "current") == before
    assert list((target / "releases").glob("*.partial"))  # the cut upload's leftover, never served

    result = publish(project, "--target", str(target))
    assert result.returncode == 0, result.stdout
    second = served(target)
    assert second.startswith("releases/0002-") and (target / "current/tin-tuc/tin-moi/index.html").is_file()
    assert not list((target / "releases").glob("*.partial"))
    assert (target / "current/tin-tuc/tep/bao-cao-lon.pdf").stat().st_size == 3_000_000

    result = publish(project, "--target", str(target), "--rollback")
    assert result.returncode == 0, result.stdout
    assert served(target) == first and fingerprint(target / "current") == before
    assert f"Đã quay lại bản {first.removeprefix('releases/')}" in result.stdout

    result = publish(project, "--target", str(target), "--rollback")
    assert result.returncode == 2 and "không có bản nào cũ hơn bản đang phục vụ" in result.stdout
    result = publish(project, "--target", str(target), "--rollback", second.removeprefix("releases/"))
    assert result.returncode == 0 and served(target) == second


def test_the_newest_releases_are_kept_and_never_the_served_one_removed(tmp_path):
    target = Target(str(tmp_path / "srv"))
    for name in ("0001-a", "0002-b", "0003-c", "0009-d", "0010-e"):
        (tmp_path / "srv/releases" / name).mkdir(parents=True)
    (tmp_path / "srv/current").symlink_to("releases/0002-b")
    state = read_state(target)
    assert state.releases == ("0001-a", "0002-b", "0003-c", "0009-d", "0010-e")  # by number, 0010 after 0009
    assert prune(target, state, keep=2) == ["0001-a", "0003-c"]
    assert sorted(p.name for p in (tmp_path / "srv/releases").iterdir()) == ["0002-b", "0009-d", "0010-e"]



def test_ssh_secrets_are_private_files_for_one_publish_and_unknown_servers_are_refused(tmp_path):
    assert parse_target("deploy@web.example.vn:/srv/cchc/sogddt") == ("deploy@web.example.vn", "/srv/cchc/sogddt")
    assert parse_target(str(tmp_path / "srv")) == (None, str(tmp_path / "srv"))
    secrets = {"CCHC_SSH_KEY": "-----BEGIN OPENSSH PRIVATE KEY-----\r\nAAAA\r\n-----END OPENSSH PRIVATE KEY-----",
               "CCHC_SSH_KNOWN_HOSTS": "web.example.vn ssh-ed25519 AAAAC3", "CCHC_SSH_PORT": "2222"}
    with open_target("deploy@web.example.vn:/srv/cchc", secrets) as target:
        ssh = list(target.ssh)
        key = Path(ssh[ssh.index("-i") + 1])
        assert stat_mode(key) == 0o600 and stat_mode(key.parent) == 0o700
        assert key.read_text() == "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n"
        known_hosts = f"UserKnownHostsFile={key.parent}/known_hosts"
        assert {"BatchMode=yes", "StrictHostKeyChecking=yes", known_hosts} <= set(ssh)
        assert ssh[ssh.index("-p") + 1] == "2222"
        assert target.rsync_path("releases/x/") == "deploy@web.example.vn:/srv/cchc/releases/x/"
    assert not key.parent.exists()
    with pytest.raises(DeployProblem, match="CCHC_SSH_PORT phải là một số cổng"):
        with open_target("deploy@web.example.vn:/srv/cchc", {"CCHC_SSH_PORT": "hai hai"}):
            pass

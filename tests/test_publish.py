"""``cchc publish`` as a CI job runs it, into a target folder on this machine (rsync to a local path).

The same shell scripts and rsync command a server gets over SSH (``cchc.publish.target``): each publish uploads
a new release and switches the ``current`` link to it (an upload cut half-way, ``--rollback`` and the releases
kept: ``tests/test_publish_releases.py``). Content errors and a failed strict build stop the publish with the
editor's summary in Vietnamese (file, line, field).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browser import require_tool
from conftest import FIXED_EPOCH, Site, copy_example
from test_site_files import wrong_modes


CI_VARIABLES = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_SHA", "CI_COMMIT_SHA", "CCHC_DEPLOY_TARGET",
                "CCHC_DEPLOY_KEEP", "CCHC_RSYNC_OPTIONS", "CCHC_SSH_KEY", "CCHC_SSH_KNOWN_HOSTS", "CCHC_SSH_PORT")


@pytest.fixture(autouse=True)
def rsync():
    return require_tool("rsync", shutil.which("rsync"), "apt-get install rsync (the README's test command installs it)")


def publish_command(project: Path, *args: str, umask: int = 0o022, **env_vars: str) -> subprocess.Popen:
    """``cchc publish`` in its own process, as ``.ci/publish`` starts it, with only the CI variables given."""
    env = {name: value for name, value in os.environ.items() if name not in CI_VARIABLES}
    env.update({"SOURCE_DATE_EPOCH": FIXED_EPOCH, "NO_MKDOCS_2_WARNING": "1", **env_vars})
    return subprocess.Popen([sys.executable, "-m", "cchc.cli", "publish", *args], cwd=project, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, umask=umask)


def publish(project: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    process = publish_command(project, *args, **kwargs)
    output, _ = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, output)


def example_project(tmp_path: Path) -> Path:
    (tmp_path / "project").mkdir()
    return copy_example(tmp_path / "project")


def served(target: Path) -> str:
    """The release the web server serves: where ``current`` points."""
    return os.readlink(target / "current")


def fingerprint(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_publish_checks_builds_and_serves_a_whole_release_with_0755_0644(tmp_path):
    project, target = example_project(tmp_path), tmp_path / "srv"
    result = publish(project, "--target", str(target), "--summary", str(tmp_path / "tom-tat.md"), umask=0o077)
    assert result.returncode == 0, result.stdout
    for step in ("[1/3] Kiểm tra nội dung", "[2/3] Dựng trang (mkdocs build --strict)", "[3/3] Đưa lên"):
        assert step in result.stdout
    release = served(target)
    assert release.startswith("releases/0001-") and not Path(release).is_absolute()  # the folder can be moved
    assert fingerprint(target / "current") == fingerprint(project / "site")
    assert stat_mode(project / "site" / "index.html") == 0o600  # built under umask 077 ...
    assert wrong_modes(target / release, 0o022) == {}  # ... served as 0755 folders and 0644 files
    assert "Đã xuất bản lúc" in (tmp_path / "tom-tat.md").read_text(encoding="utf-8")


def stat_mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_content_errors_stop_the_publish_with_the_editor_s_summary_in_vietnamese(site: Site, tmp_path):
    site.article("sai-ngay", date="32/13/2022")
    site.write_config()
    summary, quality, target = tmp_path / "summary.md", tmp_path / "quality.json", tmp_path / "srv"
    result = publish(site.root, "--target", str(target), "--code-quality", str(quality),
                     GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 1, result.stdout
    error = ('ngày giờ đăng "32/13/2022" không đúng dạng ngày giờ; viết "2022-02-24 08:30" hoặc '
             '"24/02/2022 08:30" (invalid date)')
    assert result.stdout.rstrip().endswith(f"  content/tin-tuc/sai-ngay.md:3: date: {error}")  # the log's last line
    assert f"::error file=content/tin-tuc/sai-ngay.md,line=3,title=Lỗi%3A date::{error}" in result.stdout
    markdown = summary.read_text(encoding="utf-8")
    assert markdown.startswith("## Chưa xuất bản: nội dung có 1 lỗi")
    assert f"| `content/tin-tuc/sai-ngay.md` | 3 | date | {error} |" in markdown
    issue, = json.loads(quality.read_text(encoding="utf-8"))
    assert issue["location"] == {"path": "content/tin-tuc/sai-ngay.md", "lines": {"begin": 3}}
    assert issue["description"] == f"date: {error}" and issue["severity"] == "major"
    assert "[2/3]" not in result.stdout and not target.exists() and not site.site_dir.exists()


def test_a_strict_build_failure_is_told_in_vietnamese_with_file_and_line(site: Site, tmp_path):
    site.article("lien-ket-hong", body="Đoạn đầu.\n\nXem [trang này](khong-co-trang.md).\n")
    site.write_config()
    summary, target = tmp_path / "summary.md", tmp_path / "srv"
    result = publish(site.root, "--target", str(target), "--summary", str(summary))
    assert result.returncode == 1, result.stdout
    line = ('content/tin-tuc/lien-ket-hong.md:12: liên kết: liên kết "khong-co-trang.md" trỏ tới trang không có '
            "(content/tin-tuc/khong-co-trang.md)")
    assert line in result.stdout.splitlines()[-1]
    assert "| `content/tin-tuc/lien-ket-hong.md` | 12 | liên kết |" in summary.read_text(encoding="utf-8")
    assert not target.exists()


def test_without_a_target_the_site_is_built_for_the_ci_host_s_pages_step(site: Site, tmp_path):
    site.article("bai-mot")
    site.write_config()
    result = publish(site.root, "--site-dir", "public")
    assert result.returncode == 0, result.stdout
    assert (site.root / "public/index.html").is_file() and "[3/3] Không có đích" in result.stdout


def test_keeping_fewer_than_two_releases_is_refused_in_vietnamese(site: Site, tmp_path):
    site.write_config()
    result = publish(site.root, "--target", str(tmp_path / "srv"), "--keep", "1")
    assert result.returncode == 2
    assert "cần giữ ít nhất 2 bản để quay lại được" in result.stdout and "Traceback" not in result.stdout


def test_a_rollback_names_the_releases_it_can_switch_to(site: Site, tmp_path):
    site.write_config()
    (tmp_path / "srv/releases/0001-a").mkdir(parents=True)
    (tmp_path / "srv/current").symlink_to("releases/0001-a")
    result = publish(site.root, "--target", str(tmp_path / "srv"), "--rollback", "0007-khong-co")
    assert result.returncode == 2
    assert 'không có bản "0007-khong-co"' in result.stdout and "0001-a" in result.stdout

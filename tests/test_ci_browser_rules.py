"""CI cannot pass with its browser tests skipped: require_tool and the browser-test count (tests/browser.py),
each checked by running pytest on a small generated test file, with and without CI set."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import REPO

NEEDS_A_MISSING_TOOL = """
    import pytest
    from browser import require_tool

    MISSING = "/nonexistent/fake-tool"


    @pytest.fixture
    def fake_tool():
        return require_tool("fake-tool", MISSING, "apt-get install fake-tool")


    @pytest.mark.browser
    def test_needs_the_tool_in_its_body():
        require_tool("fake-tool", MISSING, "apt-get install fake-tool")


    @pytest.mark.browser
    def test_needs_the_tool_through_a_fixture(fake_tool):
        pass
"""

HAS_WHAT_IT_NEEDS = """
    import sys

    import pytest
    from browser import require_tool


    @pytest.mark.browser
    def test_has_what_it_needs():
        assert require_tool("python", sys.executable) == sys.executable
"""

ONE_RUNS_ONE_SKIPS = HAS_WHAT_IT_NEEDS + """

    @pytest.mark.browser
    def test_skips_for_another_reason():
        pytest.skip("not today")
"""

NO_BROWSER_TEST = """
    def test_without_a_browser():
        assert True
"""


def run_pytest(tmp_path: Path, test_code: str, ci: bool) -> subprocess.CompletedProcess:
    """pytest on one generated file, with the hooks of tests/browser.py loaded as a plugin."""
    (tmp_path / "test_generated.py").write_text(textwrap.dedent(test_code), encoding="utf-8")
    env = {name: value for name, value in os.environ.items() if name != "CI"}
    if ci:
        env["CI"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "tests"), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "browser", "-p", "no:cacheprovider", "-rs",
         "-W", "ignore::pytest.PytestUnknownMarkWarning", "test_generated.py"],  # the marker is registered in pyproject
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


def test_a_missing_tool_skips_the_test_with_its_name_and_package(tmp_path):
    run = run_pytest(tmp_path, NEEDS_A_MISSING_TOOL, ci=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 skipped" in run.stdout
    assert "fake-tool is missing (/nonexistent/fake-tool); apt-get install fake-tool" in run.stdout
    assert "Browser tests: 0 ran, 2 skipped" in run.stdout


def test_a_missing_tool_fails_the_run_when_ci_is_set(tmp_path):
    run = run_pytest(tmp_path, NEEDS_A_MISSING_TOOL, ci=True)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 failed, 1 error" in run.stdout and "skipped" not in run.stdout.splitlines()[-1]
    assert "fake-tool is missing (/nonexistent/fake-tool); apt-get install fake-tool. CI is set" in run.stdout
    assert "Browser tests: 1 ran, 0 skipped, 1 did not start" in run.stdout


def test_a_browser_test_skipped_for_any_reason_fails_the_run_when_ci_is_set(tmp_path):
    local = run_pytest(tmp_path, ONE_RUNS_ONE_SKIPS, ci=False)
    assert local.returncode == 0, local.stdout + local.stderr
    assert "Browser tests: 1 ran, 1 skipped" in local.stdout
    ci = run_pytest(tmp_path, ONE_RUNS_ONE_SKIPS, ci=True)
    assert ci.returncode == 1, ci.stdout + ci.stderr
    assert "1 passed, 1 skipped" in ci.stdout
    assert "Browser tests: 1 ran, 1 skipped\nCI is set: every browser test must run, none may skip" in ci.stdout


def test_a_ci_run_without_browser_tests_fails(tmp_path):
    local = run_pytest(tmp_path, NO_BROWSER_TEST, ci=False)
    assert local.returncode == 0, local.stdout + local.stderr
    assert "Browser tests: 0 ran, 0 skipped" in local.stdout
    ci = run_pytest(tmp_path, NO_BROWSER_TEST, ci=True)
    assert ci.returncode == 1, ci.stdout + ci.stderr
    assert "Browser tests: 0 ran, 0 skipped\nCI is set" in ci.stdout


def test_a_ci_run_whose_browser_tests_all_ran_passes(tmp_path):
    run = run_pytest(tmp_path, HAS_WHAT_IT_NEEDS, ci=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Browser tests: 1 ran, 0 skipped" in run.stdout and "CI is set" not in run.stdout

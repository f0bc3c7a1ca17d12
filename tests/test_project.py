"""The project's own promises: README commands, CI script."""

import re

from conftest import REPO


def readme_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", setup, re.DOTALL)


def test_readme_has_exactly_two_setup_commands_and_ci_runs_the_second():
    commands = readme_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    ci_lines = (REPO / ".ci/run").read_text(encoding="utf-8").splitlines()
    assert commands[1] in ci_lines
    assert "mkdocs serve" in commands[0] and "pytest" in commands[1]
    assert all("NO_MKDOCS_2_WARNING=1" in command for command in commands)


def test_pre_commit_hook_runs_the_installed_check_command():
    import tomllib

    import yaml

    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "cchc-check" and hook["language"] == "python" and hook["pass_filenames"] is False
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert hook["entry"].split()[0] in scripts and scripts["cchc"] == "cchc.cli:main"

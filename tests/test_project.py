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

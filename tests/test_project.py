"""The project's own promises: README commands, CI script."""

import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import REPO

# The Debian package each test tool comes from, and the command the test command looks for.
DEBIAN_TOOLS = {"chromium": "chromium", "chromedriver": "chromium-driver", "pdfinfo": "poppler-utils", "nginx": "nginx",
                "java": "default-jre-headless", "rsync": "rsync", "openssl": "openssl"}
BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so"
"""nginx's brotli module is a file, not a command: the test command looks for it where Debian installs it."""


def module_packages() -> list[str]:
    return [] if os.path.exists(BROTLI_MODULE) else ["libnginx-mod-http-brotli-filter"]


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


def test_ci_run_sets_ci_so_that_browser_tests_fail_rather_than_skip():
    ci_lines = (REPO / ".ci/run").read_text(encoding="utf-8").splitlines()
    command_line = ci_lines.index(readme_commands()[1])
    assert 'export CI="${CI:-1}"' in ci_lines[:command_line]


def test_the_test_command_pins_axe_core_and_the_nu_html_checker_to_one_version():
    """The accessibility and HTML tests' verdicts depend on the tools' rules: a range would change them silently."""
    assert re.search(r"--prefix \.cache/npm axe-core@\d+\.\d+\.\d+ vnu-jar@\d+\.\d+\.\d+ ", readme_commands()[1])


def debian_install_step() -> str:
    """The part of the test command that installs the Debian packages (everything before the venv)."""
    command = readme_commands()[1]
    step, venv, _ = command.partition(" && (python3 -m venv .venv")
    assert venv, "the test command no longer creates the venv right after installing the Debian packages"
    return step


def apt_get_calls(tmp_path: Path, present: set[str]) -> list[str]:
    """Run the install step with only ``present`` on PATH and an apt-get that writes down how it was called."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt-get.log"
    for name in present | {"apt-get"}:
        tool = bin_dir / name
        tool.write_text(f'#!/bin/sh\necho "$*" >> {log}\n' if name == "apt-get" else "#!/bin/sh\n")
        tool.chmod(0o755)
    env = {"PATH": str(bin_dir)}
    subprocess.run(["/bin/sh", "-c", "set -eu; " + debian_install_step()], env=env, check=True, timeout=30)
    return log.read_text().splitlines() if log.exists() else []


def test_the_test_command_installs_nothing_when_every_tool_is_there(tmp_path):
    expected = ["update", "install -y " + " ".join(module_packages())] if module_packages() else []
    assert apt_get_calls(tmp_path, set(DEBIAN_TOOLS)) == expected


@pytest.mark.parametrize("missing", [{"chromedriver"}, {"chromium", "pdfinfo"}, set(DEBIAN_TOOLS)])
def test_the_test_command_installs_what_is_missing_in_one_apt_get_call(tmp_path, missing):
    # /usr/sbin is not on a non-root PATH, so the command also looks for nginx there.
    if "nginx" in missing and os.access("/usr/sbin/nginx", os.X_OK):
        missing = missing - {"nginx"}
    calls = apt_get_calls(tmp_path, set(DEBIAN_TOOLS) - missing)
    packages = [DEBIAN_TOOLS[name] for name in DEBIAN_TOOLS if name in missing] + module_packages()
    assert calls == ["update", "install -y " + " ".join(packages)]


def test_pre_commit_hook_runs_the_installed_check_command():
    import tomllib

    import yaml

    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "cchc-check" and hook["language"] == "python" and hook["pass_filenames"] is False
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert hook["entry"].split()[0] in scripts and scripts["cchc"] == "cchc.cli.main:main"


def test_every_link_between_the_readme_and_the_docs_leads_to_a_file():
    """Pages move (docs/bien-tap/, docs/van-hanh/, docs/phat-trien/): a reader following a link finds the page."""
    broken = []
    for page in [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]:
        prose = re.sub(r"```.*?```|`[^`]*`", "", page.read_text(encoding="utf-8"), flags=re.S)  # not examples
        for target in re.findall(r"\]\(([^)\s]+)\)", prose):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue  # another site, or a heading of the same page
            if not (page.parent / target.split("#")[0]).exists():
                broken.append(f"{page.relative_to(REPO)}: {target}")
    assert broken == []

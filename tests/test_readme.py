"""The README's quick start is what CI runs."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def quick_start() -> list[str]:
    """The commands of the README's first console block."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```console\n(.*?)```", readme, re.S)
    assert block, "README.md has no console block"
    return [line.split("  #")[0].strip() for line in block[1].splitlines() if line.strip()]


def test_quick_start_is_two_commands_one_builds_one_tests():
    commands = quick_start()
    assert len(commands) == 2
    assert commands[0].endswith("nox -s docs") and commands[1].endswith("nox -s tests")


def test_ci_runs_the_readme_test_command_exactly():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert quick_start()[1] in ci

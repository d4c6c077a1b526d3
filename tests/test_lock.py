"""The lock installs from the public package index, and pins what pyproject.toml pins."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;]+)\s*(;.*)?$")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(lock: Path = ROOT / "constraints.txt") -> dict[str, set[str]]:
    """``{package: versions}``; every line of the lock is a comment or an exact pin."""
    pins: dict[str, set[str]] = {}
    for lineno, line in enumerate(lock.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = PIN.match(line)
        assert match, f"{lock.name}:{lineno}: not an exact pin: {line!r}"
        pins.setdefault(normalise(match["name"]), set()).add(match["version"])
    return pins


def project_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *sum(project["optional-dependencies"].values(), [])]
    pins = {}
    for text in requirements:
        requirement = Requirement(text)
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", f"pyproject.toml: {text!r} is not an exact pin"
        pins[normalise(requirement.name)] = specifier.version
    return pins


def local_labels(lock: dict[str, set[str]]) -> list[str]:
    return sorted(f"{name}=={version}" for name, versions in lock.items() for version in versions if "+" in version)


def pins_not_locked(lock: dict[str, set[str]], wanted: dict[str, str]) -> dict[str, tuple]:
    return {name: (version, sorted(lock.get(name, ()))) for name, version in wanted.items()
            if lock.get(name) != {version}}


def test_no_local_version_labels():
    """``torch==2.13.0+cpu`` exists only on PyTorch's own index: a reader's pip would not find it."""
    assert local_labels(locked()) == []


def test_every_pin_of_pyproject_is_in_the_lock():
    assert pins_not_locked(locked(), project_pins()) == {}, "pyproject.toml pin: (version, locked versions)"


def test_the_checks_catch_what_they_are_for(tmp_path):
    bad = tmp_path / "constraints.txt"
    bad.write_text("torch==2.13.0+cpu\nnumpy==2.4.5\n", encoding="utf-8")
    lock = locked(bad)
    assert local_labels(lock) == ["torch==2.13.0+cpu"]
    assert pins_not_locked(lock, {"torch": "2.13.0", "numpy": "2.4.6", "sphinx": "9.0.4"}) == {
        "torch": ("2.13.0", ["2.13.0+cpu"]), "numpy": ("2.4.6", ["2.4.5"]), "sphinx": ("9.0.4", [])}
    bad.write_text("sphinx>=9\n", encoding="utf-8")
    try:
        locked(bad)
    except AssertionError as error:
        assert "constraints.txt:1: not an exact pin" in str(error)
    else:
        raise AssertionError("a range in the lock went unnoticed")

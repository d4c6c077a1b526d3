"""Builds of the same commit, in two clones with their own environments, give the same bytes."""

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import LANGUAGES, ROOT, SITE, copy_project


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)  # a hard link: the copy costs no space
    except OSError:
        shutil.copy2(source, destination)


def environment_copy(destination: Path) -> Path:
    """This test's virtual environment at ``destination``, as a second ``nox`` environment would be.

    The copy leaves out this checkout's editable install: the clone runs its own code.
    """
    assert sys.prefix != sys.base_prefix, "run the tests from a virtual environment (nox does): it is copied"
    shutil.copytree(sys.prefix, destination, symlinks=True, copy_function=_link_or_copy,
                    ignore=shutil.ignore_patterns("__editable__*", "__pycache__"))
    return destination / "bin" / "python"


@pytest.mark.slow
def test_a_clean_build_in_another_clone_is_byte_identical_to_this_one(tmp_path):
    """This checkout's site (just built by ``nox -s tests``) against a clean build in a clone elsewhere.

    The clone has its own environment at the same place inside it, as a
    second ``nox`` would create it; an incremental build that differs from a
    clean one fails here too.
    """
    environment = Path(sys.prefix)
    assert environment.is_relative_to(ROOT), "run from nox, whose environment lives in the checkout (.nox/)"
    assert SITE.exists(), "build the site first (nox -s tests does)"
    clone = copy_project(tmp_path / "elsewhere" / "clone")
    shutil.rmtree(clone / "docs" / "auto_examples", ignore_errors=True)
    python = environment_copy(clone / environment.relative_to(ROOT))
    result = subprocess.run([python, "-m", "autograd_site.build"], cwd=clone, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert result.returncode == 0, result.stdout
    sites = (SITE.resolve(), (clone / "_build" / "html").resolve())
    first, second = ({p.relative_to(site): p for p in site.rglob("*") if p.is_file()} for site in sites)
    assert sorted(first) == sorted(second), f"files only in one build: {sorted(set(first) ^ set(second))[:10]}"
    buildinfos = [name for name in first if name.name == ".buildinfo"]
    assert len(buildinfos) == len(LANGUAGES), "each language's .buildinfo is compared"
    differ = [str(name) for name in sorted(first)
              if not filecmp.cmp(first[name], second[name], shallow=False)]
    assert differ == [], f"{len(differ)} files differ between the two builds, first: {differ[:10]}"

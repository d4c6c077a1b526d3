"""Two clean builds of the same commit, from two clones with their own environments, give the same bytes."""

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import LANGUAGES, copy_project


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
def test_two_clean_builds_from_two_clones_are_byte_identical(tmp_path):
    sites = []
    for clone in (tmp_path / "first", tmp_path / "elsewhere" / "second-clone"):
        project = copy_project(clone)
        shutil.rmtree(project / "docs" / "auto_examples", ignore_errors=True)
        python = environment_copy(project / ".nox" / "docs")
        result = subprocess.run([python, "-m", "autograd_site.build"], cwd=project, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        assert result.returncode == 0, result.stdout
        sites.append(project / "_build" / "html")
    first, second = ({p.relative_to(site): p for p in site.rglob("*") if p.is_file()} for site in sites)
    assert sorted(first) == sorted(second), f"files only in one build: {sorted(set(first) ^ set(second))[:10]}"
    buildinfos = [name for name in first if name.name == ".buildinfo"]
    assert len(buildinfos) == len(LANGUAGES), "each language's .buildinfo is compared"
    differ = [str(name) for name in sorted(first)
              if not filecmp.cmp(first[name], second[name], shallow=False)]
    assert differ == [], f"{len(differ)} files differ between two clean builds, first: {differ[:10]}"

"""The .py and .ipynb a reader downloads run with only torch, numpy and matplotlib."""

import json
import os
import subprocess
import sys
import venv

import pytest

from helpers import ROOT, SITE

READER_PACKAGES = ("torch", "numpy", "matplotlib")


@pytest.fixture(scope="module")
def reader_python(tmp_path_factory):
    """A fresh virtual environment with the reader's three packages and nothing else."""
    home = tmp_path_factory.mktemp("reader-venv")
    venv.create(home, with_pip=True)
    python = home / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "-c", ROOT / "constraints.txt", *READER_PACKAGES],
        check=True,
    )
    return python


def downloads(suffix):
    files = sorted((SITE / "en" / "_downloads").rglob(f"plot_*{suffix}"))
    assert files, f"no downloadable {suffix} files in {SITE}: build the site first"
    return files


def run_reader(python, script, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "AUTOGRAD_DEVICE"}}
    result = subprocess.run(
        [python, script], cwd=tmp_path, text=True, capture_output=True, env={**env, "MPLBACKEND": "Agg"}
    )
    assert result.returncode == 0, f"{script} failed for a reader:\n{result.stderr}"
    return result


def test_reader_environment_has_only_the_reader_packages(reader_python):
    for module in ("autograd_site", "sphinx", "sphinx_gallery"):
        probe = subprocess.run([reader_python, "-c", f"import {module}"], capture_output=True, cwd="/")
        assert probe.returncode != 0, f"{module} is importable in the reader's environment"


@pytest.mark.parametrize("script", downloads(".py") if SITE.exists() else [], ids=lambda p: p.name)
def test_downloaded_script_runs(reader_python, script, tmp_path):
    run_reader(reader_python, script, tmp_path)


@pytest.mark.parametrize("notebook", downloads(".ipynb") if SITE.exists() else [], ids=lambda p: p.name)
def test_downloaded_notebook_runs(reader_python, notebook, tmp_path):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = "\n\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")
    script = tmp_path / (notebook.stem + "_notebook.py")
    script.write_text(code, encoding="utf-8")
    run_reader(reader_python, script, tmp_path)


def test_downloads_exist():
    assert downloads(".py") and downloads(".ipynb")

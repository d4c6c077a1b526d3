"""The .py and .ipynb a reader downloads run with only torch, numpy and matplotlib."""

import ast
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


def downloads(suffix, language="en"):
    files = sorted((SITE / language / "_downloads").rglob(f"plot_*{suffix}"), key=lambda p: p.name)
    assert files, f"no downloadable {suffix} files in {SITE / language}: build the site first"
    return files


def notebook_code(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")


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
    script = tmp_path / (notebook.stem + "_notebook.py")
    script.write_text(notebook_code(notebook), encoding="utf-8")
    run_reader(reader_python, script, tmp_path)


def test_downloads_exist():
    assert downloads(".py") and downloads(".ipynb")


@pytest.mark.parametrize("language", ["ja", "fr"])
def test_translated_downloads_keep_the_code_and_translate_the_text(language):
    english = {p.name: p for p in downloads(".py")}
    translated = downloads(".py", language)
    assert sorted(p.name for p in translated) == sorted(english)
    for script in translated:
        module, original = (ast.parse(p.read_text(encoding="utf-8")) for p in (script, english[script.name]))
        assert ast.dump(ast.Module(module.body[1:], [])) == ast.dump(ast.Module(original.body[1:], [])), script.name
        assert ast.get_docstring(module) != ast.get_docstring(original), f"{script.name}: docstring not translated"
    english_notebooks = {p.name: p for p in downloads(".ipynb")}
    for notebook in downloads(".ipynb", language):
        assert notebook_code(notebook) == notebook_code(english_notebooks[notebook.name]), notebook.name


@pytest.mark.parametrize("language", ["ja", "fr"])
def test_a_translated_download_runs(reader_python, language, tmp_path):
    (script,) = [p for p in downloads(".py", language) if p.name == "plot_05_forward_and_reverse_mode.py"]
    assert "dz/dx1 = 0.332395" in run_reader(reader_python, script, tmp_path).stdout
    (notebook,) = [p for p in downloads(".ipynb", language) if p.name == "plot_06_finite_differences.ipynb"]
    code = tmp_path / "notebook.py"
    code.write_text(notebook_code(notebook), encoding="utf-8")
    run_reader(reader_python, code, tmp_path)

"""The .py and .ipynb a reader downloads: one of each per example and language, standalone.

The cases come from the sources, so a download the build forgot fails
here.  Whether a download runs is checked statically (it imports only
what a reader installs, and its code is the source's, which the doctest
runs); one download per language really runs, outside this project.
"""

import ast
import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from sphinx_gallery.py_source_parser import remove_config_comments, split_code_and_text_blocks

from autograd_site.examples import list_examples
from autograd_site.examples.cells import parse_example
from autograd_site.examples.records import normalise, read_record, record_path
from helpers import LANGUAGES, ROOT, SITE

EXAMPLES = list_examples(ROOT / "examples")
READER_MODULES = {"torch", "numpy", "matplotlib"} | set(sys.stdlib_module_names)


def download(language: str, example: Path, suffix: str) -> Path:
    found = sorted((SITE / language / "_downloads").glob(f"*/{example.stem}{suffix}"))
    assert len(found) == 1, f"{SITE / language}: {len(found)} downloads named {example.stem}{suffix}, expected 1"
    return found[0]


def code_blocks(script: Path) -> list[str]:
    """The code of each block, as sphinx-gallery splits it, without config comments."""
    _, blocks = split_code_and_text_blocks(str(script))[:2]
    return [remove_config_comments(content).strip() for kind, content, _ in blocks if kind == "code"]


def text_blocks(path: Path) -> list[str]:
    return [content.strip() for kind, content, _ in split_code_and_text_blocks(str(path))[1] if kind == "text"]


def notebook_cells(notebook: Path) -> list[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]).strip() for cell in cells if cell["cell_type"] == "code"]


def foreign_imports(code: str) -> set[str]:
    """Top-level modules ``code`` imports that a reader's environment lacks."""
    found = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or "").split(".")[0])
    return found - READER_MODULES


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_downloads_are_standalone_and_keep_the_code(language, example):
    script, notebook = download(language, example, ".py"), download(language, example, ".ipynb")
    expected = [code for code in code_blocks(example) if code]
    for name, code, text in [
        (script.name, [code for code in code_blocks(script) if code], script.read_text(encoding="utf-8")),
        (notebook.name, [code for code in notebook_cells(notebook) if code], "\n\n".join(notebook_cells(notebook))),
    ]:
        assert code == expected, f"{language}/{name}: code differs from {example.relative_to(ROOT)}"
        assert not foreign_imports(text), f"{language}/{name} imports {sorted(foreign_imports(text))}"
    # The notebook is the one committed for Colab (notebooks/), byte for byte.
    committed = ROOT / "notebooks" / language / example.relative_to(ROOT / "examples").with_suffix(".ipynb")
    assert notebook.read_bytes() == committed.read_bytes(), (
        f"{language}/{notebook.name} differs from {committed.relative_to(ROOT)}: run `nox -s i18n`")
    # No download carries the site's config comments (# sphinx_gallery_graph = ...).
    assert "sphinx_gallery_" not in "\n".join(notebook_cells(notebook)), f"{language}/{notebook.name}"
    assert "sphinx_gallery_" not in script.read_text(encoding="utf-8"), f"{language}/{script.name}"
    if language == "en":
        assert text_blocks(script) == text_blocks(example), f"en/{script.name}: the English text changed"
    else:
        docstrings = {ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) for path in (script, example)}
        assert len(docstrings) == 2, f"{language}/{script.name}: the introduction is not translated"


def test_foreign_imports_are_found():
    assert foreign_imports("import os, torch.nn\nfrom numpy import pi\nfrom . import x\n") == {"."}
    assert foreign_imports("import autograd_site.graph\nfrom sphinx_gallery import x") == {"autograd_site", "sphinx_gallery"}


@pytest.fixture(scope="module")
def reader_env():
    """This interpreter's packages, without this project: no PYTHONPATH, no .pth files (python -S)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    packages = dict.fromkeys(sysconfig.get_paths()[kind] for kind in ("purelib", "platlib"))
    # CPU, as the record compared with was made; Agg: no display.
    env.update(PYTHONPATH=os.pathsep.join(packages), CUDA_VISIBLE_DEVICES="", MPLBACKEND="Agg")
    # The project is installed editable (a .pth file); -S skips it.
    assert importlib.util.find_spec("autograd_site") is not None
    probe = subprocess.run([sys.executable, "-S", "-c", "import autograd_site"],
                           env=env, cwd="/", capture_output=True, text=True)
    assert "No module named 'autograd_site'" in probe.stderr, probe.stderr
    return env


@pytest.mark.parametrize(("language", "suffix"), [("en", ".py"), ("ja", ".ipynb"), ("fr", ".py")])
def test_a_download_runs_for_a_reader_and_prints_the_recorded_output(reader_env, language, suffix, tmp_path):
    example = ROOT / "examples" / "02_autograd" / "plot_05_forward_and_reverse_mode.py"
    source = download(language, example, suffix)
    script = tmp_path / "download.py"
    script.write_text("\n\n".join(notebook_cells(source)) if suffix == ".ipynb" else source.read_text(encoding="utf-8"),
                      encoding="utf-8")
    result = subprocess.run([sys.executable, "-S", script], cwd=tmp_path, env=reader_env, capture_output=True, text=True)
    assert result.returncode == 0, f"{language}/{source.name} failed for a reader:\n{result.stderr}"
    record = read_record(record_path(ROOT / "examples" / "records", parse_example(example), "cpu"))
    assert normalise(result.stdout).split() == "\n".join(record.outputs.values()).split()

"""Nothing unverified: which files are examples, where their cells start, and what the build checks.

Fast tests on small galleries in a temporary folder, with a fake Sphinx app;
one real build at the end.
"""

import subprocess
import sys
import types
from pathlib import Path

import pytest
import torch
from sphinx.errors import ExtensionError

from autograd_site import graph
from autograd_site.examples import FILENAME_PATTERN, ExampleLayoutError, list_examples, records
from autograd_site.examples.cells import CellDeclarationError, ExampleError, parse_example
from autograd_site.sphinxext import gallery, graph_figures
from helpers import ROOT, copy_project, run

EXAMPLES = ROOT / "examples"
HEADER = "Examples\n========\n"


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def docstring(title: str = "T\n=") -> str:
    return f'"""\n{title}\n\nIntro.\n"""\n'


# -- Which files are examples --------------------------------------------------

def sphinx_gallery_selection(examples: Path) -> tuple[list[Path], list[Path]]:
    """The scripts sphinx-gallery 0.22 shows as pages, and those it runs (with conf.py's pattern)."""
    from sphinx_gallery.gen_gallery import DEFAULT_GALLERY_CONF, get_subsections
    from sphinx_gallery.gen_rst import executable_script
    from sphinx_gallery.utils import _collect_gallery_files

    conf = {**DEFAULT_GALLERY_CONF, "filename_pattern": FILENAME_PATTERN, "plot_gallery": True,
            "source_suffix": {".rst": "restructuredtext"}, "subsection_order": None}
    folders = [examples] + [examples / name for name in get_subsections(examples.parent, examples, conf)]
    shown = sorted(folder / name for folder in folders for name in _collect_gallery_files([folder], conf))
    return shown, [path for path in shown if executable_script(path, conf)]


def test_conf_gives_sphinx_gallery_the_same_rule():
    import runpy

    conf = runpy.run_path(str(ROOT / "conf.py"))
    assert conf["sphinx_gallery_conf"]["filename_pattern"] == FILENAME_PATTERN


def test_examples_at_the_top_and_one_folder_down_are_the_ones_sphinx_gallery_runs(tmp_path):
    examples = tmp_path / "examples"
    write(examples, {
        "README.rst": HEADER, "plot_top.py": docstring(),
        "01_a/README.txt": HEADER, "01_a/plot_b.py": docstring(), "01_a/__init__.py": "",
        "records/plot_b.cpu.txt": "", "notes/helper.py": "",  # no README: not a gallery folder
    })
    shown, ran = sphinx_gallery_selection(examples)
    assert list_examples(examples) == ran == shown == [examples / "01_a/plot_b.py", examples / "plot_top.py"]


@pytest.mark.parametrize("script, refusal, shown", [
    ("01_a/sub/plot_c.py", "only runs examples at the top of", False),
    ("02_no_readme/plot_d.py", "its folder has no README.rst", False),
    ("01_a/helper.py", "would publish it without running it", True),
    ("01_a/plot_top.py", "same name as", True),
])
def test_a_script_sphinx_gallery_would_not_verify_is_refused_by_name(tmp_path, script, refusal, shown):
    examples = tmp_path / "examples"
    write(examples, {"README.rst": HEADER, "plot_top.py": docstring(), "01_a/README.rst": HEADER,
                     script: docstring()})
    with pytest.raises(ExampleLayoutError, match=refusal) as refused:
        list_examples(examples)
    assert str(examples / script) in str(refused.value)
    shown_by_sphinx_gallery, ran = sphinx_gallery_selection(examples)
    assert (examples / script in shown_by_sphinx_gallery) is shown  # why each is refused
    assert (examples / script in ran) is (script == "01_a/plot_top.py")


# -- Cell boundaries agree with sphinx-gallery's blocks -------------------------

def sphinx_gallery_code_lines(path: Path) -> list[int]:
    from sphinx_gallery.py_source_parser import split_code_and_text_blocks

    return [block.lineno for block in split_code_and_text_blocks(path)[1] if block.type == "code"]


@pytest.mark.parametrize("path", list_examples(EXAMPLES), ids=lambda path: path.name)
def test_every_example_cell_starts_where_sphinx_gallery_starts_a_code_block(path):
    assert [cell.lineno for cell in parse_example(path).cells] == sphinx_gallery_code_lines(path)


HASHES = "#" * 20
SEPARATOR_STYLES = {
    "percent": "x = 1\n\n# %%\n# Title\n# -----\n# Text.\n\nprint(x)\n",
    "percent without space": "x = 1\n#%%\nprint(x)\n",
    "percent with declaration": "x = 1\n\n# %% [cuda]\n# Text\nprint(x)\n",
    "hashes": f"x = 1\n\n{HASHES}\n# Title\n# -----\n# Text.\n\nprint(x)\n",
    "long hashes, no text": f"x = 1\n{'#' * 79}\nprint(x)\n",
    "hashes with declaration": f"x = 1\n{HASHES} [cuda]\nprint(x)\n",
    "hashes inside a text block": f"# %%\n# A\n{'#' * 25}\n# B\nprint(1)\n",
    "text with empty comment lines": "# %%\n# A\n#\n# B\n\n\nprint(1)\n",
    "consecutive separators": f"# %%\n# A\n\n{HASHES}\n# B\n# %%\nprint(1)\n",
    "separator ends the file": "print(1)\n# %%\n",
    "separator without newline": "print(1)\n# %%",
    "19 hashes are a comment": f"x = 1\n{'#' * 19}\nprint(x)\n",
    "comment only cell": "# %%\n# A\n\n# a comment, as code\n# %%\nprint(1)\n",
}


@pytest.mark.parametrize("body", SEPARATOR_STYLES.values(), ids=SEPARATOR_STYLES.keys())
def test_each_separator_style_splits_like_sphinx_gallery(tmp_path, body):
    path = tmp_path / "plot_x.py"
    path.write_text(docstring() + body)
    cells = [cell.lineno for cell in parse_example(path).cells]
    assert cells == sphinx_gallery_code_lines(path)
    assert cells, "each fixture has code"


def test_both_separators_declare_a_gpu_cell(tmp_path):
    path = tmp_path / "plot_x.py"
    path.write_text(docstring() + f"x = 1\n# %% [cuda]\nprint(x)\n{HASHES} [cuda]\nprint(x)\n")
    assert [cell.needs for cell in parse_example(path).cells] == [None, "cuda", "cuda"]


@pytest.mark.parametrize("separator", ["# %% A title", f"{HASHES} A title"])
def test_text_sphinx_gallery_would_drop_from_a_separator_line_is_refused(tmp_path, separator):
    from sphinx_gallery.py_source_parser import split_code_and_text_blocks

    path = tmp_path / "plot_x.py"
    path.write_text(docstring() + f"x = 1\n{separator}\nprint(x)\n")  # the separator is line 8
    assert not any("A title" in block.content for block in split_code_and_text_blocks(path)[1])
    with pytest.raises(CellDeclarationError, match=r"plot_x.py:8: unknown cell declaration 'A title'"):
        parse_example(path)


# -- Malformed examples name their file and line ------------------------------

def test_an_example_without_docstring_is_refused_like_sphinx_gallery_does(tmp_path):
    from sphinx_gallery.py_source_parser import split_code_and_text_blocks

    path = tmp_path / "plot_x.py"
    path.write_text("# %%\nprint(1)\n")
    with pytest.raises(ExtensionError, match="Could not find docstring"):
        split_code_and_text_blocks(path)
    with pytest.raises(ExampleError, match=r"plot_x.py:1: an example opens with a docstring"):
        parse_example(path)


def test_a_syntax_error_names_file_and_line(tmp_path):
    path = tmp_path / "plot_x.py"
    path.write_text(docstring() + "x = (\n")
    with pytest.raises(ExampleError, match=r"plot_x.py:7: '\(' was never closed"):
        parse_example(path)


# -- The build's checks, on a fake app -----------------------------------------

EXAMPLE = (docstring("A small example\n{underline}")
           + "\nx = 1\n\n# %% [cuda]\n# On the GPU\n# ----------\nprint(x)\n")
# What sphinx-gallery writes for EXAMPLE (abridged: the parts the build reads).
PAGE = """.. DO NOT EDIT.
.. rst-class:: sphx-glr-example-title

.. _sphx_glr_auto_examples_plot_a.py:


{title}

Intro.

.. GENERATED FROM PYTHON SOURCE LINES 7-10

.. code-block:: Python


    x = 1

.. GENERATED FROM PYTHON SOURCE LINES 11-13

On the GPU
----------

.. GENERATED FROM PYTHON SOURCE LINES 13-14

.. code-block:: Python

    print(x)

.. rst-class:: sphx-glr-script-out

 .. code-block:: none

    {output}

"""
CPU_RECORD = "# Recorded with: torch\n\n## cell 1: On the GPU\n1\n"


def fake_project(root: Path, underline: str = "=", output: str = "1") -> types.SimpleNamespace:
    """A gallery with one top-level example, executed, and a fake Sphinx app for it."""
    title = "A small example\n" + underline * 15
    write(root, {
        "examples/README.rst": HEADER, "examples/plot_a.py": EXAMPLE.format(underline=underline * 15),
        "examples/records/plot_a.cpu.txt": CPU_RECORD,
        "docs/auto_examples/plot_a.rst": PAGE.format(title=title, output=output),
        "docs/auto_examples/plot_a.py.md5": "abc",
    })
    dependencies = []
    return types.SimpleNamespace(
        config=types.SimpleNamespace(sphinx_gallery_conf={"examples_dirs": "../examples",
                                                          "gallery_dirs": "auto_examples",
                                                          "plot_gallery": True}),
        srcdir=root / "docs", confdir=root,
        env=types.SimpleNamespace(note_dependency=dependencies.append, dependencies=dependencies),
    )


@pytest.fixture
def on_cpu(monkeypatch):
    monkeypatch.setattr(gallery, "build_device", lambda: "cpu")


def test_a_top_level_example_is_verified(tmp_path, on_cpu):
    gallery.verify_outputs(fake_project(tmp_path))
    with pytest.raises(ExtensionError, match="printed something other than their records") as failed:
        gallery.verify_outputs(fake_project(tmp_path, output="2"))
    assert f"{tmp_path / 'examples/plot_a.py'}:13: cell 1" in str(failed.value)


def test_a_missing_page_fails_verification_naming_the_example(tmp_path, on_cpu):
    app = fake_project(tmp_path)
    (tmp_path / "docs/auto_examples/plot_a.rst").unlink()
    with pytest.raises(ExtensionError, match=r"plot_a.py: sphinx-gallery wrote no page for it"):
        gallery.verify_outputs(app)


def test_a_run_of_an_unverified_example_fails_verification(tmp_path, on_cpu):
    app = fake_project(tmp_path)
    stale = tmp_path / "docs/auto_examples/01_a/plot_renamed.py.md5"
    write(tmp_path, {"docs/auto_examples/01_a/plot_renamed.py.md5": "abc"})
    with pytest.raises(ExtensionError, match="no record verifies") as failed:
        gallery.verify_outputs(app)
    assert f"{stale}: sphinx-gallery ran {tmp_path / 'examples/01_a/plot_renamed.py'}" in str(failed.value)


def test_pages_of_a_removed_example_are_deleted_before_the_gallery_runs(tmp_path, on_cpu):
    app = fake_project(tmp_path)
    gallery.invalidate_stale_executions(app)  # the fingerprint is current: cached runs are kept
    (tmp_path / "docs/auto_examples/plot_a.py.md5").write_text("abc")
    left_behind = ["docs/auto_examples/plot_old.py.md5", "docs/auto_examples/plot_old.rst",
                   "docs/auto_examples/plot_old.ipynb", "docs/auto_examples/images/sphx_glr_plot_old_001.png",
                   "docs/auto_examples/images/thumb/sphx_glr_plot_old_thumb.png"]
    write(tmp_path, dict.fromkeys(left_behind, "old"))
    kept = sorted(p for p in (tmp_path / "docs").rglob("*") if p.is_file() and "plot_old" not in p.name)
    gallery.invalidate_stale_executions(app)
    assert not any((tmp_path / path).exists() for path in left_behind)
    assert all(path.exists() for path in kept)
    gallery.verify_outputs(app)


def test_a_nested_example_fails_verification(tmp_path, on_cpu):
    app = fake_project(tmp_path)
    write(tmp_path, {"examples/01_a/README.rst": HEADER, "examples/01_a/sub/plot_c.py": docstring()})
    with pytest.raises(ExtensionError, match=r"01_a/sub/plot_c.py: sphinx-gallery only runs"):
        gallery.verify_outputs(app)


def test_verification_waits_for_executed_examples(tmp_path, on_cpu):
    app = fake_project(tmp_path, output="2")
    app.config.sphinx_gallery_conf["plot_gallery"] = False  # -D plot_gallery=0: nothing ran
    gallery.verify_outputs(app)


@pytest.mark.parametrize("underline", ["=", "-", "~", "^"])
def test_the_badge_follows_the_introduction_whatever_the_title_underline(tmp_path, on_cpu, underline):
    from sphinx_gallery.gen_rst import extract_intro_and_title

    app = fake_project(tmp_path, underline)
    assert extract_intro_and_title("plot_a.py", f"A small example\n{underline * 15}\n\nIntro.") == (
        "Intro.", "A small example")  # sphinx-gallery takes that title
    source = [(tmp_path / "docs/auto_examples/plot_a.rst").read_text()]
    gallery.decorate_page(app, "auto_examples/plot_a", source)
    page = source[0]
    assert page.index("Intro.") < page.index("device-badge-some-gpu") < page.index(".. GENERATED")
    assert app.env.dependencies == [str(tmp_path / "examples/records/plot_a.cpu.txt")]


def test_an_overlined_title_keeps_the_badge_after_the_introduction(tmp_path, on_cpu):
    app = fake_project(tmp_path)
    source = [(tmp_path / "docs/auto_examples/plot_a.rst").read_text().replace(
        "\n\nA small example\n", "\n\n" + "=" * 15 + "\nA small example\n")]
    gallery.decorate_page(app, "auto_examples/plot_a", source)
    assert source[0].index("Intro.") < source[0].index("device-badge")


def test_a_page_without_title_names_the_example(tmp_path, on_cpu):
    app = fake_project(tmp_path)
    source = [(tmp_path / "docs/auto_examples/plot_a.rst").read_text().replace("=" * 15 + "\n", "")]
    with pytest.raises(ExtensionError, match=r"plot_a.py:1: the docstring must open with a title"):
        gallery.decorate_page(app, "auto_examples/plot_a", source)


@pytest.mark.parametrize("device, boxes", [("cpu", 1), ("cuda", 0)])
def test_a_gpu_cell_shows_its_output_once(tmp_path, monkeypatch, device, boxes):
    app = fake_project(tmp_path)
    write(tmp_path, {"examples/records/plot_a.cuda.txt": "# Recorded with: torch 9.9 · Test GPU\n\n"
                                                          "## cell 1: On the GPU\n1\n"})
    monkeypatch.setattr(gallery, "build_device", lambda: device)
    source = [(tmp_path / "docs/auto_examples/plot_a.rst").read_text()]
    gallery.decorate_page(app, "auto_examples/plot_a", source)
    assert source[0].count("Output recorded on a GPU") == boxes
    assert "gpu-output" in source[0] if boxes else "gpu-output" not in source[0]


# -- Cached executions ----------------------------------------------------------

def cache_survives(app, cached: Path) -> bool:
    """Whether a cached run of the example outlives the start of the next build."""
    cached.write_text("abc")
    gallery.invalidate_stale_executions(app)
    return cached.exists()


@pytest.mark.parametrize("module", [graph, graph_figures, records], ids=lambda module: module.__name__)
def test_changed_drawing_or_record_code_invalidates_cached_runs(tmp_path, monkeypatch, module):
    app = fake_project(tmp_path)
    cached = tmp_path / "docs/auto_examples/plot_a.py.md5"
    code = tmp_path / Path(module.__file__).name
    code.write_bytes(Path(module.__file__).read_bytes())
    monkeypatch.setattr(module, "__file__", str(code))
    gallery.invalidate_stale_executions(app)
    assert cache_survives(app, cached)
    code.write_text(code.read_text() + "\n# a change\n")
    assert not cache_survives(app, cached)
    assert cache_survives(app, cached)


def test_torch_device_or_lock_change_invalidates_cached_runs(tmp_path, monkeypatch):
    app = fake_project(tmp_path)
    cached = tmp_path / "docs/auto_examples/plot_a.py.md5"
    lock = tmp_path / "constraints.txt"
    lock.write_text("torch==2.13.0\n")
    gallery.invalidate_stale_executions(app)
    assert cache_survives(app, cached)
    assert cache_survives(app, cached), "an unchanged fingerprint dropped the cache"
    lock.write_text("torch==2.13.0\n# changed\n")
    assert not cache_survives(app, cached), "a lock change kept the cache"
    assert cache_survives(app, cached)
    monkeypatch.setattr(torch, "__version__", "99.0")
    assert not cache_survives(app, cached), "a torch change kept the cache"
    assert cache_survives(app, cached)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)  # the examples would now pick the GPU
    assert not cache_survives(app, cached), "a device change kept the cache"


# -- One build at a time rewrites docs/auto_examples ----------------------------

def test_the_generated_gallery_is_held_by_one_build_at_a_time(tmp_path):
    app = fake_project(tmp_path)
    other_build = [sys.executable, "-c", "import sys; from filelock import FileLock, Timeout\n"
                   "try: FileLock(sys.argv[1]).acquire(timeout=0)\nexcept Timeout: sys.exit(3)",
                   str(tmp_path / "docs/auto_examples/.lock")]
    gallery.lock_generated_gallery(app)
    try:
        assert subprocess.run(other_build).returncode == 3, "another build got the lock"
    finally:
        gallery.release_generated_gallery(app)
    assert subprocess.run(other_build).returncode == 0


# -- One real build ---------------------------------------------------------------

@pytest.mark.slow
def test_a_top_level_example_with_a_tilde_title_is_run_verified_and_decorated(tmp_path):
    project = copy_project(tmp_path / "project")
    write(project, {
        "examples/plot_top.py": '"""\nAt the top\n~~~~~~~~~~\n\nSays hello.\n"""\n\nprint("hello")\n',
        "examples/records/plot_top.cpu.txt": "# Recorded with: test\n\n## cell 0\nhello\n",
    })
    result = run("-m", "autograd_site.build", "--language", "en", cwd=project)
    assert result.returncode == 0, result.stdout
    html = (project / "_build/html/en/auto_examples/plot_top.html").read_text()
    # One code block: sphinx-gallery shows its output first.
    output = html.index("<pre><span></span>hello\n</pre>")
    assert html.index("Says hello.") < html.index("device-badge-cpu") < output

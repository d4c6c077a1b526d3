"""How the build and the doctest behave when something changes or goes wrong.

The slow ones work on a temporary copy of the project.
"""


import pytest
import torch

from autograd_site.sphinxext import gallery
from autograd_site.examples import list_examples
from autograd_site.examples.cells import CellDeclarationError, parse_example
from autograd_site.examples.records import RecordError, read_record
from helpers import copy_project, run

EXAMPLE = "examples/02_autograd/plot_01_first_gradient.py"


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


@pytest.mark.slow
def test_changed_output_fails_the_doctest_with_file_cell_and_diff(project):
    example = project / EXAMPLE
    example.write_text(example.read_text().replace('print("2x + 2 =", 2 * x.item() + 2)',
                                                   'print("2x + 2 =", 2 * x.item() + 3)'))
    result = run("-m", "pytest", "tests/test_examples.py", "-p", "no:cacheprovider", "-k", "first_gradient",
                 cwd=project)
    assert result.returncode == 1, result.stdout
    cell = next(c for c in parse_example(example).cells if "2 * x.item() + 3" in c.code)
    assert f"{EXAMPLE}:{cell.lineno}: cell {cell.index} (Call ``backward()`` and read ``.grad``)" in result.stdout
    assert "-2x + 2 = 8.0\n+2x + 2 = 9.0" in result.stdout


@pytest.mark.slow
def test_accept_rewrites_the_record(project):
    example = project / EXAMPLE
    example.write_text(example.read_text().replace('"x.grad ="', '"gradient:"'))
    accepted = run("-m", "pytest", "tests/test_examples.py", "-p", "no:cacheprovider", "--accept", cwd=project)
    assert accepted.returncode == 0, accepted.stdout
    assert "gradient: tensor(8.)" in (project / "examples/records/plot_01_first_gradient.cpu.txt").read_text()
    again = run("-m", "pytest", "tests/test_examples.py", "-p", "no:cacheprovider", cwd=project)
    assert again.returncode == 0, again.stdout


@pytest.mark.slow
def test_an_unexpected_warning_fails_the_doctest(project):
    example = project / EXAMPLE
    example.write_text(example.read_text().replace(
        "loss.backward()\n", "loss.backward()\nimport warnings\nwarnings.warn('surprise')\n"))
    result = run("-m", "pytest", "tests/test_examples.py", "-p", "no:cacheprovider", "-k", "first_gradient",
                 cwd=project)
    assert result.returncode == 1
    assert "plot_01_first_gradient.py" in result.stdout and "warned: UserWarning: surprise" in result.stdout


@pytest.mark.slow
def test_failing_example_stops_the_build_and_keeps_the_previous_site(project):
    previous = project / "_build" / "html" / "en" / "index.html"
    previous.parent.mkdir(parents=True)
    previous.write_text("the last good site")
    broken = project / "examples" / "02_autograd" / "plot_99_broken.py"
    broken.write_text('"""\nBroken\n======\n\nRaises.\n"""\n\nx = 1\nraise ValueError("boom")\n')
    result = run("-m", "autograd_site.build", "--language", "en", cwd=project)
    assert result.returncode == 1
    assert "examples/02_autograd/plot_99_broken.py:9" in result.stdout
    assert previous.read_text() == "the last good site"


@pytest.mark.slow
def test_page_shows_the_gpu_record_and_output_must_match_cpu_record(project):
    devices = parse_example(project / "examples/01_tensors/plot_05_devices.py")
    gpu_cell = next(cell for cell in devices.cells if cell.title == "Moving a tensor to the GPU")
    (project / "examples/records/plot_05_devices.cuda.txt").write_text(
        f"# Recorded with: torch 9.9 · CUDA 99 · Test GPU\n\n## cell {gpu_cell.index}: Moving a tensor to the GPU\n"
        "on_gpu.device: cuda:0\n"
    )
    result = run("-m", "autograd_site.build", "--language", "en", cwd=project)
    assert result.returncode == 0, result.stdout
    page = project / "_build/html/en/auto_examples/01_tensors/plot_05_devices.html"
    html = page.read_text()
    assert "Output recorded on a GPU" in html and "torch 9.9 · CUDA 99 · Test GPU" in html
    assert "on_gpu.device: cuda:0" in html

    record = project / "examples/records/plot_05_devices.cpu.txt"
    record.write_text(record.read_text().replace("nothing changes: True", "nothing changes: False"))
    result = run("-m", "autograd_site.build", "--language", "en", cwd=project)
    assert result.returncode == 1
    assert "printed something other than their records" in result.stdout
    assert "-same tensor when nothing changes: False" in result.stdout


@pytest.mark.slow
def test_deleted_md5_makes_sphinx_gallery_re_execute(project):
    """The contract invalidate_stale_executions relies on: without its .md5, sphinx-gallery re-runs an example."""
    md5s = sorted((project / "docs" / "auto_examples").rglob("*.py.md5"))
    assert len(md5s) == len(list_examples(project / "examples")), "the copy lacks the executed gallery"
    stamps = {md5: md5.stat().st_mtime_ns for md5 in md5s}
    (project / "constraints.txt").write_text((project / "constraints.txt").read_text() + "# changed\n")
    result = run("-m", "autograd_site.build", "--language", "en", cwd=project)
    assert result.returncode == 0, result.stdout
    assert [md5 for md5 in md5s if md5.stat().st_mtime_ns == stamps[md5]] == [], "examples not re-executed"


def test_malformed_record_and_unknown_declaration_name_file_and_line(tmp_path):
    record = tmp_path / "plot_x.cpu.txt"
    record.write_text("# Recorded with: torch\nstray output\n")
    with pytest.raises(RecordError, match=r"plot_x.cpu.txt:2: output outside"):
        read_record(record)
    example = tmp_path / "plot_y.py"
    example.write_text('"""\nT\n=\n"""\nx = 1\n\n# %% [gpu]\n# Text\nprint(x)\n')
    with pytest.raises(CellDeclarationError, match=r"plot_y.py:7: unknown cell declaration '\[gpu\]'"):
        parse_example(example)


@pytest.mark.slow
def test_gpu_doctest_fails_loudly_without_a_gpu(project, monkeypatch):
    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "")  # no GPU for the doctest, even on a machine that has one
    monkeypatch.setenv("AUTOGRAD_DEVICE", "cuda")
    result = run("-m", "pytest", "tests/test_examples.py", "-p", "no:cacheprovider", cwd=project)
    assert result.returncode != 0
    assert "AUTOGRAD_DEVICE=cuda but torch.cuda.is_available() is False" in result.stdout

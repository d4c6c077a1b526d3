"""Every example, run as a doctest: each cell's output must equal its record."""

from pathlib import Path

import pytest

from autograd_site.examples import ExampleLayoutError, list_examples
from autograd_site.examples.cells import Example, ExampleError, parse_example
from autograd_site.examples.records import DEVICES, compare, read_record, record_path, write_record
from autograd_site.examples.runner import ExampleFailed, check_device, environment_description, run_example
from autograd_site.examples.timeouts import outer_limit

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
RECORDS = EXAMPLES / "records"


def example_params():
    """One test per example; those declaring a ``# %% [cuda]`` cell are marked ``gpu``."""
    try:
        paths = list_examples(EXAMPLES)
    except ExampleLayoutError:
        return  # test_examples_are_laid_out_as_the_gallery_shows_them names the files
    for path in paths:
        try:
            marks = [pytest.mark.gpu] if parse_example(path).gpu_cells else []
        except ExampleError:
            marks = []  # the test itself reports the file and line
        yield pytest.param(path, marks=marks, id=path.name)


def test_examples_are_laid_out_as_the_gallery_shows_them():
    try:
        assert list_examples(EXAMPLES), f"no examples under {EXAMPLES}"
    except ExampleLayoutError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.mark.parametrize("path", list(example_params()))
# run_example stops a hang itself, naming it; one it cannot interrupt (inside C
# code) is ended by pytest-timeout, which prints every thread's stack.
@pytest.mark.timeout(outer_limit(1), method="thread")
def test_output_matches_record(path, doctest_device, accept):
    try:
        example, outputs = run_example(path, doctest_device)
    except ExampleError as error:
        pytest.fail(str(error), pytrace=False)
    record_file = record_path(RECORDS, example, doctest_device)
    if accept:
        write_record(record_file, example, doctest_device, outputs, environment_description(doctest_device))
        return
    problems = compare(example, read_record(record_file), outputs, doctest_device)
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)


def orphan_records(examples_dir: Path, records_dir: Path) -> list[str]:
    """Files in ``records_dir`` that are no record of an example in ``examples_dir``."""
    expected = {record_path(records_dir, Example(path, ()), device)
                for path in list_examples(examples_dir) for device in DEVICES}
    return [
        f"{record}: the record of no example under {examples_dir} (records are named "
        f"<example>.<{'|'.join(DEVICES)}>.txt; was the example renamed or deleted? rename or delete it too)"
        for record in sorted(records_dir.iterdir()) if record not in expected
    ]


def test_every_record_has_its_example():
    orphans = orphan_records(EXAMPLES, RECORDS)
    if orphans:
        pytest.fail("\n".join(orphans), pytrace=False)


def test_a_renamed_example_leaves_an_orphan_record(tmp_path):
    (tmp_path / "README.rst").write_text("Examples\n========\n")
    (tmp_path / "plot_new_name.py").write_text('"""\nT\n=\n"""\n')
    records = tmp_path / "records"
    records.mkdir()
    for device in ("cpu", "cuda", "gpu"):
        (records / f"plot_new_name.{device}.txt").write_text("# Recorded with: torch\n")
    (records / "plot_old_name.cpu.txt").write_text("# Recorded with: torch\n")
    orphans = orphan_records(tmp_path, records)
    assert [line.split(": ")[0] for line in orphans] == [
        str(records / "plot_new_name.gpu.txt"), str(records / "plot_old_name.cpu.txt")
    ]
    assert "was the example renamed or deleted?" in orphans[1]


@pytest.mark.parametrize(("device", "gpu_seen", "refused"), [
    ("cpu", False, None), ("cuda", True, None),
    ("cpu", True, "hide it with CUDA_VISIBLE_DEVICES="), ("cuda", False, "torch sees no CUDA device"),
])
def test_the_runner_refuses_a_device_the_examples_would_not_pick(monkeypatch, device, gpu_seen, refused):
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: gpu_seen)
    if refused is None:
        check_device(device)
    else:
        with pytest.raises(ExampleFailed, match=refused):
            check_device(device)

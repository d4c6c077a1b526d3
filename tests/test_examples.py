"""Every example, run as a doctest: each cell's output must equal its record."""

from pathlib import Path

import pytest

from autograd_site.examples.cells import list_examples, parse_example
from autograd_site.examples.records import compare, read_record, record_path, write_record
from autograd_site.examples.runner import environment_description, run_example
from autograd_site.examples.timeouts import outer_limit

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
RECORDS = EXAMPLES / "records"


def example_params():
    """One test per example; those declaring a ``# %% [cuda]`` cell are marked ``gpu``."""
    for path in list_examples(EXAMPLES):
        marks = [pytest.mark.gpu] if parse_example(path).gpu_cells else []
        yield pytest.param(path, marks=marks, id=path.name)


@pytest.mark.parametrize("path", list(example_params()))
# run_example stops a hang itself, naming it; one it cannot interrupt (inside C
# code) is ended by pytest-timeout, which prints every thread's stack.
@pytest.mark.timeout(outer_limit(1), method="thread")
def test_output_matches_record(path, doctest_device, accept):
    example, outputs = run_example(path, doctest_device)
    record_file = record_path(RECORDS, example, doctest_device)
    if accept:
        write_record(record_file, example, doctest_device, outputs, environment_description(doctest_device))
        return
    problems = compare(example, read_record(record_file), outputs, doctest_device)
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)

"""Run an example cell by cell and capture what each cell prints.

Used by the doctest (``tests/test_examples.py``).  Needs only torch and
matplotlib, so that a GPU runner without the docs toolchain can use it.
"""

from __future__ import annotations

import io
import traceback
import warnings
from contextlib import ExitStack, redirect_stderr, redirect_stdout
from pathlib import Path

from autograd_site.examples.cells import Cell, Example, parse_example
from autograd_site.examples.records import backward_key
from autograd_site.examples.timeouts import time_limit


class ExampleFailed(AssertionError):
    """An example raised or warned; the message names the file and line."""


def visible_device() -> str:
    """The device every example picks, as a reader's script would: the GPU when torch sees one."""
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def check_device(device: str) -> None:
    """Refuse to run for ``device`` when the examples would pick another one.

    The examples choose their device themselves; the only way to choose it
    from outside is to hide the GPU (``CUDA_VISIBLE_DEVICES=``) before
    running them.  Comparing a GPU run with the CPU records, or the reverse,
    would fail on every page with a misleading diff.
    """
    visible = visible_device()
    if device == visible:
        return
    if device == "cpu":
        raise ExampleFailed("asked to run the examples on cpu, but torch sees a CUDA device and the examples "
                            "would use it: hide it with CUDA_VISIBLE_DEVICES= (empty)")
    raise ExampleFailed(f"asked to run the examples on {device}, but torch sees no CUDA device: they would run on cpu")


def environment_description(device: str) -> str:
    """What a record was made with: torch version and, on a GPU, which one."""
    import torch

    text = f"torch {torch.__version__}"
    if device == "cuda":
        text += f" · CUDA {torch.version.cuda} · {torch.cuda.get_device_name()}"
    return text


def _location(error: BaseException, path: Path) -> str:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == str(path)]
    line = frames[-1].lineno if frames else "?"
    return f"{path}:{line}"


# Categories that Python hides unless the reader's own script triggers them.
HIDDEN_BY_DEFAULT = (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)


def _shown_by_default(warning: warnings.WarningMessage, path: Path) -> bool:
    """Whether ``python example.py`` would print this warning (Python's default filters)."""
    from_example = Path(warning.filename).resolve() == Path(path).resolve()
    return from_example or not issubclass(warning.category, HIDDEN_BY_DEFAULT)


def backward_pass_text(path: Path, cell: Cell, namespace: dict, passes: list) -> str:
    """The gradients a cell's backward-pass picture writes on its edges, one line per edge."""
    from autograd_site.flow import last_pass_from
    from autograd_site.graph import build_graph

    output = namespace[cell.graph.of]
    watched = last_pass_from(passes, output)
    if watched is None:
        raise ExampleFailed(f"{path}:{cell.lineno}: cell {cell.index} draws the backward pass of {cell.graph.of!r}, "
                            "but runs no backward pass from it")
    return build_graph(output, namespace, cell.graph.highlight, watched, cell.graph.saved).flow_text()


def run_example(path: str | Path, device: str) -> tuple[Example, dict[int | str, str]]:
    """Execute every cell of ``path``, which must pick ``device`` (see ``check_device``).

    Returns the parsed example and each cell's printed output, plus the
    gradients of each backward-pass picture (see ``records``).  An exception
    fails with its file, line and traceback, and so does any warning that a
    reader running the script would see (deprecations raised inside a library
    are hidden by Python's default filters, so they are ignored here too).
    """
    import matplotlib

    from autograd_site.flow import watching_backward

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    check_device(device)
    path = Path(path)
    example = parse_example(path)
    namespace = {"__name__": "__main__", "__file__": str(path)}
    outputs: dict[int | str, str] = {}
    show = plt.show
    plt.show = lambda *args, **kwargs: None  # figures are not displayed in a test
    try:
        with time_limit(path), ExitStack() as stack:
            passes = stack.enter_context(watching_backward()) if example.watches_backward else []
            for cell in example.cells:
                # Pad with blank lines so tracebacks give the line in the example file.
                code = compile("\n" * (cell.lineno - 1) + cell.code, str(path), "exec")
                captured = io.StringIO()
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    try:
                        with redirect_stdout(captured), redirect_stderr(captured):
                            exec(code, namespace)
                    except Exception as error:
                        raise ExampleFailed(
                            f"{_location(error, path)}: cell {cell.index} raised "
                            f"{type(error).__name__}\n{traceback.format_exc()}"
                        ) from error
                shown = [w for w in caught if _shown_by_default(w, path)]
                if shown:
                    first = shown[0]
                    raise ExampleFailed(
                        f"{first.filename}:{first.lineno}: cell {cell.index} warned: "
                        f"{first.category.__name__}: {first.message}"
                    )
                outputs[cell.index] = captured.getvalue()
                if cell.graph and cell.graph.backward:
                    outputs[backward_key(cell.index)] = backward_pass_text(path, cell, namespace, passes)
    finally:
        plt.show = show
        plt.close("all")
    return example, outputs

"""Recorded outputs: what each cell of an example printed, per device.

A record is a small text file, ``examples/records/<example>.<device>.txt``::

    # Output of plot_02_first_gradient.py on cpu
    # Recorded with: torch 2.13.0+cpu
    # Update with: nox -s doctest -- --accept

    ## cell 1: Ask autograd to track a tensor
    x = tensor(3., requires_grad=True)
    x.requires_grad: True

Cells are numbered from 0 (the code before the first ``# %%``) and a cell that
prints nothing has no section.  A cell that draws its backward pass has a
second section, ``## cell 3 backward pass``: the gradient the picture writes on
each edge, one line per edge, so that a change in PyTorch fails the doctest.  The title after the colon is for reviewers;
only the number is compared.

Normalisation before comparing, and nothing else: line endings become ``\\n``,
tabs become spaces (as sphinx-gallery shows them),
trailing whitespace is stripped from every line, and leading and trailing
blank lines are dropped.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from autograd_site import atomic
from autograd_site.examples.cells import Example

SECTION = re.compile(r"^## cell (?P<index>\d+(?P<part> backward pass)?)(?::.*)?$")
BACKWARD = " backward pass"
DEVICES = ("cpu", "cuda")


def normalise(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").expandtabs().split("\n")]
    return "\n".join(lines).strip("\n")


@dataclass
class Record:
    """The outputs of one example on one device, plus where they were recorded."""

    outputs: dict[int | str, str] = field(default_factory=dict)
    recorded_with: str = ""

    def output(self, index: int | str) -> str:
        return self.outputs.get(index, "")


class RecordError(ValueError):
    """A record file that cannot be read; the message names file and line."""


def record_path(records_dir: Path, example: Example, device: str) -> Path:
    return Path(records_dir) / f"{example.path.stem}.{device}.txt"


def read_record(path: Path) -> Record | None:
    """The record at ``path``, or ``None`` if nothing was recorded there yet."""
    if not path.exists():
        return None
    record = Record()
    current: int | None = None
    lines: list[str] = []

    def close() -> None:
        if current is not None:
            record.outputs[current] = normalise("\n".join(lines))

    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        section = SECTION.match(line)
        if section:
            close()
            current, lines = section["index"] if section["part"] else int(section["index"]), []
            if current in record.outputs:
                raise RecordError(f"{path}:{lineno}: cell {current} is recorded twice")
        elif current is not None:
            lines.append(line)
        elif line.startswith("# Recorded with: "):
            record.recorded_with = line.removeprefix("# Recorded with: ").strip()
        elif line.strip() and not line.startswith("#"):
            raise RecordError(f"{path}:{lineno}: output outside a '## cell N' section")
    close()
    return record


def backward_key(index: int) -> str:
    """The key of a cell's backward-pass section in a record's outputs."""
    return f"{index}{BACKWARD}"


def _order(key: int | str) -> tuple[int, str]:
    return int(str(key).removesuffix(BACKWARD)), str(key)


def format_record(example: Example, device: str, outputs: dict[int | str, str], recorded_with: str) -> str:
    parts = [
        f"# Output of {example.name} on {device}\n"
        f"# Recorded with: {recorded_with}\n"
        f"# Update with: nox -s doctest{'-gpu' if device == 'cuda' else ''} -- --accept\n"
    ]
    for cell in example.cells:
        text = normalise(outputs.get(cell.index, ""))
        if text:
            title = f": {cell.title}" if cell.title else ""
            parts.append(f"## cell {cell.index}{title}\n{text}\n")
        flow = normalise(outputs.get(backward_key(cell.index), ""))
        if flow:
            parts.append(f"## cell {backward_key(cell.index)}: {cell.graph.of}\n{flow}\n")
    return "\n".join(parts)


def write_record(path: Path, example: Example, device: str, outputs: dict[int | str, str],
                 recorded_with: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_bytes(path, format_record(example, device, outputs, recorded_with).encode("utf-8"))


def compare(example: Example, record: Record | None, outputs: dict[int | str, str], device: str) -> list[str]:
    """One readable report per cell whose output differs from its record."""
    if record is None:
        return [f"{example.path}: no {device} record yet; run with --accept to create it"]
    problems = []
    known = {cell.index: cell for cell in example.cells}
    expected_keys = set(known) | {backward_key(i) for i, c in known.items() if c.graph and c.graph.backward}
    for index in sorted(expected_keys | set(record.outputs), key=_order):
        expected, actual = record.output(index), normalise(outputs.get(index, ""))
        if expected == actual:
            continue
        cell = known.get(_order(index)[0])
        where = f"{example.path}:{cell.lineno}" if cell else f"{example.path}"
        label = f"cell {index}" + (f" ({cell.title})" if cell and cell.title else "")
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(),
            f"recorded ({device})", "this run", lineterm="",
        )
        problems.append(f"{where}: {label}: output differs from the record\n" + "\n".join(diff))
    return problems

"""Split an example script into its ``# %%`` cells and read their declarations.

A cell that needs a GPU says so on its separator line::

    # %% [cuda]
    # Moving a tensor to the GPU
    # --------------------------

That one declaration drives the doctest device, the page badge and the
recorded output the CPU build shows for the cell.  The solution of an
exercise says ``# %% [solution]``: the page folds it, code and output, under
a "Solution" summary the reader opens.  Declarations combine
(``# %% [cuda] [solution]``).  The splitting follows
sphinx-gallery's own rules (same block start lines, so the two can be
matched), but needs only the standard library: the GPU runner may lack
sphinx-gallery.  Like sphinx-gallery, a line of 20 or more ``#`` separates
cells too; whatever follows either separator on its line must be a
declaration, since sphinx-gallery shows none of it.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

# sphinx-gallery's block separator (py_source_parser.split_code_and_text_blocks),
# character for character, with the rest of the separator line as ``tag``.
SEPARATOR = re.compile(r"(?P<header>^(?:#{20,}|# ?%%)(?P<tag>.*))\s(?P<text>(?:^#.*\s?)*)", re.M)
DECLARATION = re.compile(r"\[(?P<name>[a-z]+)\]")
# ``# sphinx_gallery_graph = "loss"`` or ``= {"of": "z", "highlight": ["y"]}``:
# draw the graph of that tensor under the cell.  ``"backward": True`` writes
# on each edge the gradient that the cell's backward pass from that tensor
# sent along it; ``"saved": True`` shows what each backward function saved;
# ``"engine": True`` draws a value of the hand-written engine of chapter 9.  sphinx-gallery hides such
# comments from the rendered code and the notebook (remove_config_comments).
GRAPH = re.compile(r"^[ \t]*#\s*sphinx_gallery_graph\s*=\s*(?P<spec>.+?)\s*$", re.M)
KNOWN_NEEDS = {"cuda"}
SOLUTION = "solution"


class ExampleError(ValueError):
    """An example that cannot be split into cells; the message names file and line."""


class CellDeclarationError(ExampleError):
    """A cell declares something this project does not know."""


@dataclass(frozen=True)
class GraphSpec:
    """Which tensor's graph to draw under a cell, and which names to highlight."""

    of: str
    highlight: tuple[str, ...] = ()
    backward: bool = False
    saved: bool = False
    engine: bool = False  # a value of the hand-written engine of chapter 9, not a tensor


@dataclass(frozen=True)
class Cell:
    """One code cell: its source, first line (1-based) and what it needs."""

    index: int
    lineno: int
    code: str
    needs: str | None = None
    title: str = ""
    graph: GraphSpec | None = None
    solution: bool = False  # folded on the page until the reader opens it
    text_lineno: int | None = None  # first line of the text after the cell's separator, if any

    @property
    def needs_gpu(self) -> bool:
        return self.needs == "cuda"


@dataclass(frozen=True)
class Example:
    path: Path
    cells: tuple[Cell, ...]

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def watches_backward(self) -> bool:
        """Whether a cell draws a backward pass, so that backward passes must be watched."""
        return any(cell.graph and cell.graph.backward for cell in self.cells)

    @property
    def gpu_cells(self) -> tuple[Cell, ...]:
        return tuple(cell for cell in self.cells if cell.needs_gpu)

    @property
    def badge(self) -> str:
        """``cpu``, ``some-gpu`` or ``gpu``: what a reader needs to run the page."""
        if not self.gpu_cells:
            return "cpu"
        return "gpu" if len(self.gpu_cells) == len(self.cells) else "some-gpu"


def _declarations(tag: str, path: Path, lineno: int) -> tuple[str | None, bool]:
    """What a separator line declares: the device a cell needs, and whether it is a solution."""
    names = tag.split()
    known = KNOWN_NEEDS | {SOLUTION}
    matches = [DECLARATION.fullmatch(name) for name in names]
    if not all(m and m["name"] in known for m in matches) or len(set(names)) != len(names):
        raise CellDeclarationError(
            f"{path}:{lineno}: unknown cell declaration {tag.strip()!r} "
            f"(known: {', '.join(f'[{n}]' for n in sorted(known))})"
        )
    needs = [m["name"] for m in matches if m["name"] in KNOWN_NEEDS]
    return (needs[0] if needs else None), SOLUTION in {m["name"] for m in matches}


def _graph(code: str, path: Path, lineno: int) -> GraphSpec | None:
    found = list(GRAPH.finditer(code))
    if not found:
        return None
    line = lineno + code.count("\n", 0, found[0].start())
    try:
        if len(found) > 1:
            raise ValueError("one graph per cell")
        spec = ast.literal_eval(found[0]["spec"])
        if isinstance(spec, str):
            return GraphSpec(spec)
        unknown = set(spec) - {"of", "highlight", "backward", "saved", "engine"}
        if unknown:
            raise ValueError(f"unknown keys {sorted(unknown)}")
        return GraphSpec(spec["of"], tuple(spec.get("highlight", ())), bool(spec.get("backward")),
                         bool(spec.get("saved")), bool(spec.get("engine")))
    except (ValueError, SyntaxError, KeyError, TypeError) as error:
        raise CellDeclarationError(f"{path}:{line}: bad sphinx_gallery_graph declaration: {error}") from error


def _heading(text: str) -> str:
    """The section title a text cell opens with, or ``""``."""
    lines = [line.lstrip("#").strip() for line in text.splitlines()]
    if len(lines) >= 2 and lines[0] and set(lines[1]) <= set("-=~^") and lines[1]:
        return lines[0]
    return ""


def parse_example(path: str | Path) -> Example:
    """Return the code cells of an example, numbered like sphinx-gallery's blocks."""
    path = Path(path)
    source = path.read_text(encoding="utf-8")
    try:
        tree = ast.parse(source, filename=str(path))
    except SyntaxError as error:
        raise ExampleError(f"{path}:{error.lineno}: {error.msg}") from None
    if ast.get_docstring(tree) is None:
        raise ExampleError(f"{path}:1: an example opens with a docstring holding its title and introduction "
                           "(sphinx-gallery requires it)")
    docstring_end = tree.body[0].end_lineno
    rest = "\n".join(source.split("\n")[docstring_end:])
    lineno = docstring_end + 1

    cells: list[Cell] = []
    needs: str | None = None
    solution = False
    title = ""
    text_lineno: int | None = None
    position = 0

    def add(code: str, at: int) -> None:
        if code.strip():
            cells.append(Cell(len(cells), at, code, needs, title, _graph(code, path, at), solution, text_lineno))

    for match in SEPARATOR.finditer(rest):
        code = rest[position : match.start()]
        add(code, lineno)
        lineno += code.count("\n")
        needs, solution = _declarations(match["tag"], path, lineno)
        title = _heading(match["text"])
        text_lineno = lineno + 1 if match["text"].strip() else None
        lineno += 1 + match["text"].count("\n")
        position = match.end()
    add(rest[position:], lineno)
    return Example(path, tuple(cells))

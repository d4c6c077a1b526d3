"""Computation-graph pictures on example pages.

A code cell asks for a picture with ``# sphinx_gallery_graph = "loss"``.
While sphinx-gallery runs the example, :func:`scrape` (an image scraper, so
it sees the example's variables right after the cell) draws the graph of that
tensor to an SVG next to the other images.  :func:`figure_rst` then puts the
picture under the cell with a caption: the caption and legend are reST, so the
catalogs translate them, while the picture holds only names from the code.

A picture of the backward pass (``"backward": True``) writes on each edge the
gradient that the cell's real backward pass sent along it: while an example
that draws one runs, :func:`watch_backward_passes` has every backward pass
watched (``autograd_site.flow``), and the values go to a text file beside the
picture, which the build checks against the record like a printed output.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from autograd_site.examples import list_examples
from autograd_site.examples.cells import Cell, Example, parse_example
from autograd_site.flow import last_pass_from, watching_backward
from autograd_site.graph import build_graph, build_value_graph, render_png, render_svg

LEGEND = (
    "Arrows point the way gradients flow: from the output (green, thick border) "
    "through the backward functions (grey) and ``AccumulateGrad`` (dashed) to "
    "the leaf tensors (blue)."
)
BACKWARD_LEGEND = (
    "Each arrow carries the gradient that the backward pass of this cell sent along it, "
    "captured while ``backward()`` ran; the arrow from ``AccumulateGrad`` carries what it "
    "added to the leaf's ``.grad``."
)
ENGINE_LEGEND = (
    "Arrows point from each value to the values it was made from: from the output (green, thick "
    "border) through the operations (grey, with the name of the value each one made) to the inputs (blue)."
)
SAVED_LEGEND = (
    "Pink dashed boxes are the tensors a backward function saved for the backward pass, "
    "with their shape, data type and version: ``v0 → v1`` marks a tensor changed in place "
    "since it was saved, and ``∅`` one that ``backward()`` has already freed."
)

_watching = ExitStack()
_passes: list = []


def picture_name(example: Example, cell: Cell) -> str:
    return f"sphx_glr_{example.path.stem}_graph_{cell.index}.svg"


def backward_text_path(picture: Path) -> Path:
    """Where the gradients written on a backward-pass picture are kept, for the build's check."""
    return picture.with_suffix(".backward.txt")


def watch_backward_passes(gallery_conf, fname, when) -> None:
    """sphinx-gallery ``reset_modules`` entry: watch backward passes while an example that draws one runs."""
    global _passes
    _watching.close()
    _passes = []
    if when != "before" or fname is None:
        return
    examples = Path(gallery_conf["src_dir"], gallery_conf["examples_dirs"]).resolve()
    path = next((p for p in list_examples(examples) if p.name == fname), None)
    if path is not None and parse_example(path).watches_backward:
        _passes = _watching.enter_context(watching_backward())


def scrape(block, block_vars, gallery_conf) -> str:
    """sphinx-gallery image scraper: draw the graph a cell declares."""
    example = parse_example(block_vars["src_file"])
    cell = next((c for c in example.cells if c.lineno == block.lineno and c.graph), None)
    if cell is None:
        return ""
    variables = block_vars["example_globals"]
    output = variables[cell.graph.of]
    watched = last_pass_from(_passes, output) if cell.graph.backward else None
    if cell.graph.backward and watched is None:
        raise ValueError(f"{example.path}:{cell.lineno}: the cell draws the backward pass of "
                         f"{cell.graph.of!r} but runs no backward pass from it")
    if cell.graph.engine != hasattr(output, "parents"):
        fix = 'remove "engine": True' if cell.graph.engine else 'declare it with "engine": True'
        raise ValueError(f"{example.path}:{cell.lineno}: the graph of {cell.graph.of!r}: {fix} "
                         "(a value of the hand-written engine has `parents`, a tensor has not)")
    if cell.graph.engine:
        graph = build_value_graph(output, variables, cell.graph.highlight)
    else:
        graph = build_graph(output, variables, cell.graph.highlight, watched, cell.graph.saved)
    images = Path(block_vars["target_file"]).parent / "images"
    images.mkdir(exist_ok=True)
    picture = images / picture_name(example, cell)
    picture.write_bytes(render_svg(graph))
    if watched is not None:
        backward_text_path(picture).write_text(graph.flow_text() + "\n", encoding="utf-8")
    paths = block_vars["image_path_iterator"]
    if len(paths) == 0:  # the page's first picture: sphinx-gallery makes its gallery card from it
        Path(next(paths)).write_bytes(render_png(graph))
    return ""  # the figure is added to the page by figure_rst, with its caption


def figure_rst(example: Example, cell: Cell, docname: str, picture: Path | None) -> str:
    """The figure under ``cell``; without a picture (no execution), its caption alone."""
    if cell.graph.engine:
        caption = [f"The graph our engine recorded for ``{cell.graph.of}``.", ENGINE_LEGEND]
    else:
        what = "The backward pass" if cell.graph.backward else "Computation graph"
        caption = [f"{what} of ``{cell.graph.of}``.", LEGEND]
    if cell.graph.backward:
        caption.append(BACKWARD_LEGEND)
    if cell.graph.saved:
        caption.append(SAVED_LEGEND)
    if cell.graph.highlight:
        caption.append("Highlighted (orange): " + ", ".join(f"``{n}``" for n in cell.graph.highlight) + ".")
    if picture is None:
        return "\n" + "".join(f".. rst-class:: autograd-graph-caption\n\n{text}\n\n" for text in caption)
    folder = docname.rsplit("/", 1)[0]
    body = "\n\n".join(f"   {text}" for text in caption)
    return (
        f"\n.. figure:: /{folder}/images/{picture.name}\n"
        f"   :figclass: autograd-graph\n\n{body}\n\n"
    )


def caption_as_alt_text(app, doctree, docname) -> None:
    """Give each graph picture its (translated) caption as alternative text.

    Not while extracting messages: an alt text is a message of its own, and
    the caption it repeats is already one.
    """
    from docutils import nodes

    if app.builder.name == "gettext":
        return

    for figure in doctree.findall(nodes.figure):
        if "autograd-graph" in figure["classes"]:
            caption = next(figure.findall(nodes.caption), None)
            for image in figure.findall(nodes.image):
                image["alt"] = caption.astext() if caption else image.get("alt", "")

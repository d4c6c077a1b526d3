"""Computation-graph pictures on example pages.

A code cell asks for a picture with ``# sphinx_gallery_graph = "loss"``.
While sphinx-gallery runs the example, :func:`scrape` (an image scraper, so
it sees the example's variables right after the cell) draws the graph of that
tensor to an SVG next to the other images.  :func:`figure_rst` then puts the
picture under the cell with a caption: the caption and legend are reST, so the
catalogs translate them, while the picture holds only names from the code.
"""

from __future__ import annotations

from pathlib import Path

from autograd_site.examples.cells import Cell, Example, parse_example
from autograd_site.graph import build_graph, render_svg

LEGEND = (
    "Arrows point the way gradients flow: from the output (green, thick border) "
    "through the backward functions (grey) and ``AccumulateGrad`` (dashed) to "
    "the leaf tensors (blue)."
)


def picture_name(example: Example, cell: Cell) -> str:
    return f"sphx_glr_{example.path.stem}_graph_{cell.index}.svg"


def scrape(block, block_vars, gallery_conf) -> str:
    """sphinx-gallery image scraper: draw the graph a cell declares."""
    example = parse_example(block_vars["src_file"])
    cell = next((c for c in example.cells if c.lineno == block.lineno and c.graph), None)
    if cell is None:
        return ""
    variables = block_vars["example_globals"]
    graph = build_graph(variables[cell.graph.of], variables, cell.graph.highlight)
    images = Path(block_vars["target_file"]).parent / "images"
    images.mkdir(exist_ok=True)
    (images / picture_name(example, cell)).write_bytes(render_svg(graph))
    return ""  # the figure is added to the page by figure_rst, with its caption


def figure_rst(example: Example, cell: Cell, docname: str, picture: Path | None) -> str:
    """The figure under ``cell``; without a picture (no execution), its caption alone."""
    caption = [f"Computation graph of ``{cell.graph.of}``.", LEGEND]
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

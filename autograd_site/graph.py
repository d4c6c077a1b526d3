"""Draw the computation graph that autograd recorded for a tensor.

:func:`build_graph` walks ``tensor.grad_fn`` and ``next_functions`` exactly as
the backward pass does and returns the nodes and edges it reached;
:func:`render_svg` lays them out in layers (the output on top, leaf tensors at
the bottom, arrows in the direction gradients flow) and draws them with
matplotlib.  The picture holds only names from the code and from PyTorch;
words (the legend) belong in the caption, where they can be translated.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import torch

# Okabe-Ito colours (safe for colour-blind readers) on light fills, with a
# white background so the picture reads the same in light and dark themes.
STYLE = {
    "output": {"fill": "#d5f0e6", "edge": "#009e73", "dashes": None},
    "operation": {"fill": "#eeeeee", "edge": "#555555", "dashes": None},
    "accumulate": {"fill": "#ffffff", "edge": "#555555", "dashes": (3, 2)},
    "leaf": {"fill": "#d6eaf8", "edge": "#0072b2", "dashes": None},
}
HIGHLIGHT = {"fill": "#fbe3b4", "edge": "#d55e00"}
FONT = {"family": "DejaVu Sans Mono", "size": 10}
PAD, GAP, ROW = 6.0, 18.0, 64.0  # points: inside boxes, between boxes, between layers


@dataclass
class Node:
    id: str
    kind: str  # output, operation, accumulate, leaf
    lines: tuple[str, ...]
    highlighted: bool = False


@dataclass
class Graph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[tuple[str, str]] = field(default_factory=list)


def describe(tensor: torch.Tensor) -> str:
    """``(2, 3) float32``: the shape and dtype shown under a tensor's name."""
    return f"{tuple(tensor.shape)} {str(tensor.dtype).removeprefix('torch.')}"


def build_graph(output: torch.Tensor, names: dict[str, object], highlight: tuple[str, ...] = ()) -> Graph:
    """The graph that ``output.backward()`` would traverse.

    ``names`` maps variable names to values (an example's globals): leaf
    tensors and the outputs of operations are labelled with the names that
    refer to them.  Names in ``highlight`` are drawn in the highlight colour.
    """
    if output.grad_fn is None:
        raise ValueError("this tensor has no grad_fn: autograd recorded no graph for it")
    tensors = {name: value for name, value in sorted(names.items()) if isinstance(value, torch.Tensor)}
    output_name = next((n for n, t in tensors.items() if t is output), "output")
    named_by_fn: dict[int, list[str]] = {}
    for name, tensor in tensors.items():
        if tensor.grad_fn is not None and tensor is not output:
            named_by_fn.setdefault(id(tensor.grad_fn), []).append(name)

    graph = Graph()
    graph.nodes["output"] = Node("output", "output", (output_name, describe(output)), output_name in highlight)
    ids: dict[int, str] = {}

    def visit(fn) -> str:
        if id(fn) in ids:
            return ids[id(fn)]
        node_id = ids[id(fn)] = f"fn{len(ids)}"
        if hasattr(fn, "variable"):  # AccumulateGrad: the end of the road at a leaf
            leaf = fn.variable
            leaf_name = next((n for n, t in tensors.items() if t is leaf), "leaf")
            graph.nodes[node_id] = Node(node_id, "accumulate", (type(fn).__name__,))
            leaf_id = f"leaf{node_id}"
            graph.nodes[leaf_id] = Node(leaf_id, "leaf", (leaf_name, describe(leaf)), leaf_name in highlight)
            graph.edges.append((node_id, leaf_id))
            return node_id
        labels = named_by_fn.get(id(fn), [])
        graph.nodes[node_id] = Node(
            node_id, "operation", (type(fn).__name__, *(f"→ {name}" for name in labels)),
            any(name in highlight for name in labels),
        )
        for next_fn, _ in fn.next_functions:
            if next_fn is not None:
                graph.edges.append((node_id, visit(next_fn)))
        return node_id

    graph.edges.append(("output", visit(output.grad_fn)))
    return graph


def _layers(graph: Graph) -> list[list[str]]:
    """Longest-path layering, each layer ordered by its parents' positions."""
    parents: dict[str, list[str]] = {node: [] for node in graph.nodes}
    for source, target in graph.edges:
        parents[target].append(source)
    depth: dict[str, int] = {}

    def layer_of(node: str) -> int:
        if node not in depth:
            depth[node] = 1 + max((layer_of(p) for p in parents[node]), default=-1)
        return depth[node]

    layers: list[list[str]] = [[] for _ in range(1 + max(layer_of(n) for n in graph.nodes))]
    for node in graph.nodes:  # discovery order breaks ties
        layers[depth[node]].append(node)
    position = {node: i for i, node in enumerate(layers[0])}
    for layer in layers[1:]:
        order = list(layer)
        layer.sort(key=lambda n: (sum(position[p] for p in parents[n]) / len(parents[n]), order.index(n)))
        position.update({node: i for i, node in enumerate(layer)})
    return layers


def render_svg(graph: Graph) -> bytes:
    """The picture of ``graph`` as SVG; the same graph always gives the same bytes."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    with matplotlib.rc_context({"svg.hashsalt": "autograd-graph", "svg.fonttype": "path"}):
        measure = Figure(dpi=72)
        renderer = FigureCanvasAgg(measure).get_renderer()
        sizes = {}
        for node in graph.nodes.values():
            text = measure.text(0, 0, "\n".join(node.lines), ha="center", va="center",
                                multialignment="center", **FONT)
            box = text.get_window_extent(renderer)
            sizes[node.id] = (box.width + 2 * PAD, box.height + 2 * PAD)

        layers = _layers(graph)
        widths = [sum(sizes[n][0] for n in layer) + GAP * (len(layer) - 1) for layer in layers]
        width, height = max(widths) + 2 * GAP, ROW * (len(layers) - 1) + 2 * GAP + max(h for _, h in sizes.values())
        centre = {}
        for row, (layer, layer_width) in enumerate(zip(layers, widths)):
            x = (width - layer_width) / 2
            for node in layer:
                centre[node] = (x + sizes[node][0] / 2, height - GAP - sizes[node][1] / 2 - row * ROW)
                x += sizes[node][0] + GAP

        figure = Figure(figsize=(width / 72, height / 72), dpi=72, facecolor="white")
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_xlim(0, width)
        axes.set_ylim(0, height)
        axes.set_axis_off()
        for source, target in graph.edges:
            (x0, y0), (x1, y1) = centre[source], centre[target]
            axes.add_patch(FancyArrowPatch(
                (x0, y0 - sizes[source][1] / 2), (x1, y1 + sizes[target][1] / 2),
                arrowstyle="-|>", mutation_scale=12, color="#444444", linewidth=1.2, shrinkA=1, shrinkB=2,
            ))
        for node in graph.nodes.values():
            (x, y), (w, h) = centre[node.id], sizes[node.id]
            style = {**STYLE[node.kind], **(HIGHLIGHT if node.highlighted else {})}
            axes.add_patch(FancyBboxPatch(
                (x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0,rounding_size=4",
                facecolor=style["fill"], edgecolor=style["edge"], linestyle=(0, style["dashes"]) if style["dashes"] else "-",
                linewidth=2.4 if node.highlighted or node.kind == "output" else 1.2,
            ))
            axes.text(x, y, "\n".join(node.lines), ha="center", va="center", multialignment="center",
                      color="#111111", **FONT)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()

"""Draw the computation graph that autograd recorded for a tensor.

:func:`build_graph` walks ``tensor.grad_fn`` and ``next_functions`` exactly as
the backward pass does and returns the nodes and edges it reached;
:func:`render_svg` lays them out in layers (the output on top, leaf tensors at
the bottom, arrows in the direction gradients flow) and draws them with
matplotlib.  Given a :class:`~autograd_site.flow.BackwardPass`, each edge is
labelled with the gradient that the real backward pass sent along it; with
``saved=True``, each backward function shows the tensors it saved for the
backward pass and their version.  The picture holds only names from the code
and from PyTorch, and numbers; words (the legend) belong in the caption,
where they can be translated.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import torch

from autograd_site.flow import BackwardPass

# Okabe-Ito colours (safe for colour-blind readers) on light fills, with a
# white background so the picture reads the same in light and dark themes.
STYLE = {
    "output": {"fill": "#d5f0e6", "edge": "#009e73", "dashes": None},
    "operation": {"fill": "#eeeeee", "edge": "#555555", "dashes": None},
    "accumulate": {"fill": "#ffffff", "edge": "#555555", "dashes": (3, 2)},
    "leaf": {"fill": "#d6eaf8", "edge": "#0072b2", "dashes": None},
    "saved": {"fill": "#f7e4ee", "edge": "#cc79a7", "dashes": (2, 2)},
}
# PyTorch's refusal to unpack a saved tensor changed in place since it was saved.
CHANGED = re.compile(r"is at version (?P<now>\d+); expected version (?P<saved>\d+)")
FREED = "∅"  # a saved tensor that backward() already freed
GRADIENT_COLOUR = "#b03a00"  # edge labels: the gradient sent along the edge
LABEL_AT = 0.8  # where an edge's label sits, from its source (0) to its target (1)
MAX_SHOWN = 6  # elements of a gradient written out on an edge; larger ones show their shape
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
    labels: dict[int, str] = field(default_factory=dict)  # edge index -> gradient sent along it
    saved: list[tuple[str, str]] = field(default_factory=list)  # (saved-tensor node, backward function)

    def flow_text(self) -> str:
        """The gradients on the edges, one line per edge, as the doctest records them."""
        def name(node_id: str) -> str:
            return " ".join(line for line in self.nodes[node_id].lines if not line[:1].isdigit() and line[:1] != "(")
        return "\n".join(f"{name(self.edges[i][0])} -> {name(self.edges[i][1])}: {label}"
                         for i, label in sorted(self.labels.items()))


def describe(tensor: torch.Tensor) -> str:
    """``(2, 3) float32``: the shape and dtype shown under a tensor's name."""
    return f"{tuple(tensor.shape)} {str(tensor.dtype).removeprefix('torch.')}"


def gradient_text(gradient: torch.Tensor | None) -> str:
    """A gradient as an edge shows it: its values as PyTorch prints them, or its shape when large."""
    if gradient is None:
        return "None"
    if gradient.numel() > MAX_SHOWN:
        return f"shape {tuple(gradient.shape)}"
    text = str(gradient.cpu()).removeprefix("tensor(")
    text = text[: text.rindex(")")] if ")" in text else text
    return " ".join(text.replace(",\n", ",").split()).split(", grad_fn=")[0].split(", requires_grad=")[0]


def _saved_tensors(fn) -> list[tuple[str, str]]:
    """``(name, description)`` of each tensor ``fn`` saved for the backward pass."""
    saved = []
    for attribute in sorted(a for a in dir(fn) if a.startswith("_saved_")):
        try:
            value = getattr(fn, attribute)
        except RuntimeError as error:  # unpacking refuses a freed or changed tensor
            # Symbols, not words: the picture is the same in every language and its caption explains them.
            versions = CHANGED.search(str(error))
            state = f"v{versions['saved']} → v{versions['now']}" if versions else FREED
            saved.append((attribute.removeprefix("_saved_"), state))
            continue
        if isinstance(value, torch.Tensor):
            saved.append((attribute.removeprefix("_saved_"), f"{describe(value)} v{value._version}"))
    return saved


def build_graph(output: torch.Tensor, names: dict[str, object], highlight: tuple[str, ...] = (),
                backward: BackwardPass | None = None, saved: bool = False) -> Graph:
    """The graph that ``output.backward()`` would traverse.

    ``names`` maps variable names to values (an example's globals): leaf
    tensors and the outputs of operations are labelled with the names that
    refer to them.  Names in ``highlight`` are drawn in the highlight colour.
    With ``backward``, each edge is labelled with the gradient that pass sent
    along it; with ``saved``, the tensors each backward function saved hang
    beside it.
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
            add_edge(node_id, leaf_id, fn, 0)
            return node_id
        labels = named_by_fn.get(id(fn), [])
        graph.nodes[node_id] = Node(
            node_id, "operation", (type(fn).__name__, *(f"→ {name}" for name in labels)),
            any(name in highlight for name in labels),
        )
        if saved:
            for number, (name, description) in enumerate(_saved_tensors(fn)):
                saved_id = f"saved{number}{node_id}"
                graph.nodes[saved_id] = Node(saved_id, "saved", (name, description))
                graph.saved.append((saved_id, node_id))
        for index, (next_fn, _) in enumerate(fn.next_functions):
            if next_fn is not None:
                add_edge(node_id, visit(next_fn), fn, index)
        return node_id

    def add_edge(source: str, target: str, fn, index: int) -> None:
        if backward is not None and (fn, index) in backward.sent:
            graph.labels[len(graph.edges)] = gradient_text(backward.sent[(fn, index)])
        graph.edges.append((source, target))

    if backward is not None:
        graph.labels[0] = gradient_text(next(g for r, g in zip(backward.roots, backward.started) if r is output))
    graph.edges.append(("output", ""))  # the root edge; its target is known once visited
    graph.edges[0] = ("output", visit(output.grad_fn))
    return graph


def _data_text(data) -> str:
    """A value's data under its name: the number, or the shape of an array or tensor."""
    if isinstance(data, (int, float)) or tuple(data.shape) == ():
        return f"data {float(data):g}"
    return f"data {tuple(data.shape)}"


def build_value_graph(output, names: dict[str, object], highlight: tuple[str, ...] = ()) -> Graph:
    """The graph of a value of a hand-written engine, drawn like PyTorch's.

    A value is any object with ``op`` (the name of the operation that made it,
    empty for an input) and ``parents`` (the values it was made from), as the
    engine of the "Build your own autograd" chapter defines them.
    """
    values = {name: value for name, value in sorted(names.items()) if hasattr(value, "parents")}
    output_name = next((n for n, v in values.items() if v is output), "output")
    graph = Graph()
    graph.nodes["output"] = Node("output", "output", (output_name, _data_text(output.data)), output_name in highlight)
    ids: dict[int, str] = {}

    def visit(value) -> str:
        if id(value) in ids:
            return ids[id(value)]
        node_id = ids[id(value)] = f"v{len(ids)}"
        name = next((n for n, v in values.items() if v is value), "")
        if not value.parents:
            graph.nodes[node_id] = Node(node_id, "leaf", (name or "input", _data_text(value.data)), name in highlight)
            return node_id
        graph.nodes[node_id] = Node(node_id, "operation", (value.op, *([f"→ {name}"] if name else [])),
                                    name in highlight)
        for parent in value.parents:
            graph.edges.append((node_id, visit(parent)))
        return node_id

    if not output.parents:
        raise ValueError("this value was made by no operation: there is no graph to draw")
    graph.edges.append(("output", visit(output)))
    return graph


def _layers(graph: Graph) -> list[list[str]]:
    """Longest-path layering, each layer ordered by its parents' positions."""
    parents: dict[str, list[str]] = {node: [] for node in graph.nodes}
    for source, target in [*graph.edges, *((fn, saved) for saved, fn in graph.saved)]:
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


def _label_positions(graph: Graph, centre: dict[str, tuple[float, float]],
                     width: dict[int, float]) -> dict[int, float]:
    """Where each edge label sits along its edge, from its source (0) to its target (1).

    Labels of edges that enter the same node converge with their edges, so
    they move back towards their sources until neighbours no longer overlap.
    """
    at = {number: LABEL_AT for number in graph.labels}
    entering: dict[str, list[int]] = {}
    for number in graph.labels:
        entering.setdefault(graph.edges[number][1], []).append(number)
    for target, numbers in entering.items():
        numbers.sort(key=lambda n: centre[graph.edges[n][0]][0])
        fraction = LABEL_AT
        for left, right in zip(numbers, numbers[1:]):
            apart = abs(centre[graph.edges[right][0]][0] - centre[graph.edges[left][0]][0])
            needed = (width[left] + width[right]) / 2 + 2 * PAD
            if apart > 0:
                fraction = min(fraction, 1 - needed / apart)
        for number in numbers:
            at[number] = max(fraction, 0.25)
    return at


def render_svg(graph: Graph) -> bytes:
    """The picture of ``graph`` as SVG; the same graph always gives the same bytes."""
    return _render(graph, "svg", metadata={"Date": None, "Creator": None})


def render_png(graph: Graph, dpi: int = 144) -> bytes:
    """The picture as PNG, for the gallery's thumbnail; the same graph gives the same bytes."""
    return _render(graph, "png", dpi=dpi, metadata={"Software": None})


def _render(graph: Graph, image_format: str, **savefig) -> bytes:
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
        # Room for the labels of the edges entering a node, so that neighbours' labels do not overlap.
        room = {node: sizes[node][0] for node in graph.nodes}
        for number, label in graph.labels.items():
            target = graph.edges[number][1]
            text = measure.text(0, 0, label, fontsize=FONT["size"] - 1, family=FONT["family"])
            room[target] = max(room[target], text.get_window_extent(renderer).width + PAD)

        layers = _layers(graph)
        row_of = {node: row for row, layer in enumerate(layers) for node in layer}
        widths = [sum(room[n] for n in layer) + GAP * (len(layer) - 1) for layer in layers]
        width, height = max(widths) + 2 * GAP, ROW * (len(layers) - 1) + 2 * GAP + max(h for _, h in sizes.values())
        centre = {}
        for row, (layer, layer_width) in enumerate(zip(layers, widths)):
            x = (width - layer_width) / 2
            for node in layer:
                centre[node] = (x + room[node] / 2, height - GAP - sizes[node][1] / 2 - row * ROW)
                x += room[node] + GAP

        figure = Figure(figsize=(width / 72, height / 72), dpi=72, facecolor="white")
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_xlim(0, width)
        axes.set_ylim(0, height)
        axes.set_axis_off()
        for saved, fn in graph.saved:
            (x0, y0), (x1, y1) = centre[fn], centre[saved]
            axes.add_patch(FancyArrowPatch(
                (x0, y0 - sizes[fn][1] / 2), (x1, y1 + sizes[saved][1] / 2),
                arrowstyle="-", color=STYLE["saved"]["edge"], linewidth=1.2, linestyle=(0, (2, 2)),
            ))
        label_width = {number: measure.text(0, 0, label, fontsize=FONT["size"] - 1, family=FONT["family"])
                       .get_window_extent(renderer).width for number, label in graph.labels.items()}
        incoming = {node: sum(1 for n, (_, t) in enumerate(graph.edges) if t == node and n in graph.labels)
                    for node in graph.nodes}
        label_at = _label_positions(graph, centre, label_width)
        for number, (source, target) in enumerate(graph.edges):
            (x0, y0), (x1, y1) = centre[source], centre[target]
            start, end = (x0, y0 - sizes[source][1] / 2), (x1, y1 + sizes[target][1] / 2)
            # An edge that skips layers bends around the boxes of the layers between.
            # (to the side away from the nodes between, alternating when they are straight below).
            span = row_of[target] - row_of[source]
            side = (1 if number % 2 else -1) if abs(x1 - x0) < 1 else (1 if x1 < x0 else -1)
            axes.add_patch(FancyArrowPatch(
                start, end, arrowstyle="-|>", mutation_scale=12, color="#444444", linewidth=1.2, shrinkA=1, shrinkB=2,
                connectionstyle=f"arc3,rad={side * min(0.25 * span, 0.8):.2f}" if span > 1 else "arc3",
            ))
            if number in graph.labels:
                # Just above its target, where the layout left room for it; a target
                # reached by several labelled edges gets each label on its own edge.
                at = label_at[number]
                x = end[0] if incoming[target] == 1 else start[0] + at * (end[0] - start[0])
                axes.text(x, start[1] + at * (end[1] - start[1]), graph.labels[number],
                          ha="center", va="center", color=GRADIENT_COLOUR, fontsize=FONT["size"] - 1,
                          family=FONT["family"], bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5})
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
        figure.savefig(buffer, format=image_format, **savefig)
    return buffer.getvalue()

"""The graph pictures show exactly the graph autograd recorded."""

import pytest
import torch

from autograd_site.graph import build_graph, render_png, render_svg


def walk(output):
    """An independent walk of ``grad_fn.next_functions``: node names and edges."""
    names, edges, seen, stack = {}, set(), set(), [output.grad_fn]
    while stack:
        fn = stack.pop()
        if id(fn) in seen:
            continue
        seen.add(id(fn))
        names[id(fn)] = type(fn).__name__
        for child, _ in fn.next_functions:
            if child is not None:
                edges.add((id(fn), id(child)))
                stack.append(child)
    return names, edges


def expressions():
    x1 = torch.tensor(1.0, requires_grad=True)
    x2 = torch.tensor(2.0, requires_grad=True)
    y1 = x1 * x2
    a = torch.ones(3, 2, dtype=torch.float64, requires_grad=True)
    b = torch.full((3,), 2.0)  # no gradient: not part of the graph
    x = torch.tensor(2.0, requires_grad=True)
    square = x * x
    return {
        "log_sin": (torch.log(y1) * torch.sin(y1), dict(x1=x1, x2=x2, y1=y1)),
        "matmul_mean": (torch.mm(a.t(), a).mean(), dict(a=a)),
        "constant_input": ((a.sum(dim=1) * b).max(), dict(a=a, b=b)),
        "reused": (square + 3 * x, dict(x=x, square=square)),
    }


@pytest.mark.parametrize("case", ["log_sin", "matmul_mean", "constant_input", "reused"])
def test_drawn_graph_is_the_recorded_graph(case):
    output, variables = expressions()[case]
    graph = build_graph(output, {**variables, "out": output})
    names, edges = walk(output)

    operations = {n.id: n for n in graph.nodes.values() if n.kind in {"operation", "accumulate"}}
    assert sorted(n.lines[0] for n in operations.values()) == sorted(names.values())
    drawn = {(a, b) for a, b in graph.edges if a in operations and b in operations}
    assert len(drawn) == len(edges)
    # Map drawn ids to real functions through the walk's names and structure.
    assert sorted((operations[a].lines[0], operations[b].lines[0]) for a, b in drawn) == sorted(
        (names[a], names[b]) for a, b in edges
    )
    leaves = sorted(n.lines[0] for n in graph.nodes.values() if n.kind == "leaf")
    expected = sorted(name for name, t in variables.items() if t.is_leaf and t.requires_grad)
    assert leaves == expected
    assert graph.nodes["output"].lines[0] == "out"


def test_leaves_are_named_after_their_own_variable():
    weights = torch.tensor([1.0, 2.0], requires_grad=True)
    bias = torch.tensor([3.0, 4.0], dtype=torch.float64, requires_grad=True)
    loss = (weights * 2 + bias).sum()
    graph = build_graph(loss, {"weights": weights, "bias": bias, "loss": loss})
    accumulate_to_leaf = {a: b for a, b in graph.edges if graph.nodes[b].kind == "leaf"}
    labels = {graph.nodes[leaf].lines for leaf in accumulate_to_leaf.values()}
    assert labels == {("weights", "(2,) float32"), ("bias", "(2,) float64")}


def test_named_intermediate_results_and_highlights():
    x = torch.tensor(2.0, requires_grad=True)
    square = x * x
    y = square + 3 * x
    graph = build_graph(y, {"x": x, "square": square, "y": y}, highlight=("square",))
    highlighted = [n.lines for n in graph.nodes.values() if n.highlighted]
    assert highlighted == [("MulBackward0", "→ square")]


def test_a_tensor_without_a_graph_is_refused():
    with pytest.raises(ValueError, match="no grad_fn"):
        build_graph(torch.ones(2), {})


def test_the_same_graph_renders_to_the_same_bytes():
    output, variables = expressions()["log_sin"]
    first = render_svg(build_graph(output, variables))
    second = render_svg(build_graph(*expressions()["log_sin"]))
    assert first == second
    assert b"<dc:date>" not in first and b"Matplotlib v" not in first
    # The gallery card is a PNG of the same picture: the same bytes too, and nothing about the build.
    cards = [render_png(build_graph(*expressions()["log_sin"])) for _ in range(2)]
    assert cards[0] == cards[1] and cards[0].startswith(b"\x89PNG") and b"Matplotlib" not in cards[0]


def test_the_picture_is_the_same_in_another_process(tmp_path):
    import os
    import subprocess
    import sys

    script = (
        "import sys, torch\n"
        "from autograd_site.graph import build_graph, render_svg\n"
        "x = torch.tensor(2.0, requires_grad=True)\n"
        "square = x * x\n"
        "y = square + 3 * x\n"
        "sys.stdout.buffer.write(render_svg(build_graph(y, {'x': x, 'square': square, 'y': y})))\n"
    )
    first, second = (subprocess.run([sys.executable, "-c", script], capture_output=True, check=True,
                                    env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2"))
    assert first == second and first.startswith(b"<?xml")


def test_a_hand_written_engine_is_drawn_like_pytorch():
    from autograd_site.graph import build_value_graph

    class Value:
        def __init__(self, data, parents=(), op=""):
            self.data, self.parents, self.op = data, parents, op

    a, b = Value(2.0), Value(3.0)
    c = Value(6.0, (a, b), "mul")
    d = Value(8.0, (c, a), "add")
    graph = build_value_graph(d, {"a": a, "b": b, "c": c, "d": d})
    labels = {node.lines for node in graph.nodes.values()}
    assert {("d", "data 8"), ("add", "→ d"), ("mul", "→ c"), ("a", "data 2"), ("b", "data 3")} == labels
    assert len(graph.edges) == 5  # d -> add; add -> mul, add -> a; mul -> a, mul -> b (a is shared)
    with pytest.raises(ValueError, match="no graph"):
        build_value_graph(a, {"a": a})

"""Backward-pass pictures: the gradients on the edges are the ones the real backward pass sent."""

import torch

from autograd_site.examples.cells import Cell, Example, GraphSpec
from autograd_site.examples.records import backward_key, compare, format_record, read_record
from autograd_site.flow import last_pass_from, watching_backward
from autograd_site.graph import build_graph, gradient_text


def watched_expression():
    """``loss = sum(exp(x * w))`` with its intermediates named, and the backward pass that ran on it."""
    with watching_backward() as passes:
        x = torch.tensor([0.5, -1.0], requires_grad=True)
        w = torch.tensor([2.0, 3.0], requires_grad=True)
        product = x * w
        exponential = torch.exp(product)
        loss = exponential.sum()
        loss.backward(retain_graph=True)
    names = {"x": x, "w": w, "product": product, "exponential": exponential, "loss": loss}
    return names, last_pass_from(passes, loss)


def test_each_edge_carries_the_gradient_of_the_tensor_it_leads_to():
    names, watched = watched_expression()
    graph = build_graph(names["loss"], names, backward=watched)
    # Independently of any hook: the gradient of the loss with respect to each tensor.
    expected = dict(zip(("exponential", "product", "x", "w"), torch.autograd.grad(
        names["loss"], [names[n] for n in ("exponential", "product", "x", "w")])))
    lines = graph.flow_text().splitlines()
    assert lines[0] == "loss -> SumBackward0: 1."
    assert f"SumBackward0 -> ExpBackward0 → exponential: {gradient_text(expected['exponential'])}" in lines
    assert f"ExpBackward0 → exponential -> MulBackward0 → product: {gradient_text(expected['product'])}" in lines
    assert f"AccumulateGrad -> x: {gradient_text(expected['x'])}" in lines
    assert f"AccumulateGrad -> w: {gradient_text(expected['w'])}" in lines
    assert len(lines) == len(graph.edges) == len(graph.labels)


def test_a_hook_shows_as_the_change_between_two_edges():
    with watching_backward() as passes:
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        x.register_hook(lambda gradient: gradient * 10)
        y = (3 * x).sum()
        y.backward()
    lines = build_graph(y, {"x": x, "y": y}, backward=last_pass_from(passes, y)).flow_text().splitlines()
    assert "MulBackward0 -> AccumulateGrad: [3., 3.]" in lines  # what the multiplication sent
    assert "AccumulateGrad -> x: [30., 30.]" in lines  # what reached x.grad, after the hook
    assert x.grad.tolist() == [30.0, 30.0]


def test_watching_ends_with_the_block_and_leaves_no_hook_behind():
    names, _ = watched_expression()
    assert torch.autograd.backward.__module__ == "torch.autograd"
    with watching_backward() as passes:
        pass
    (gradient,) = torch.autograd.grad(names["loss"], names["x"], retain_graph=True)
    names["loss"].backward()  # the graph was retained; its nodes must not report to anyone now
    assert passes == []
    assert names["x"].grad.tolist() == (2 * gradient).tolist()


def test_gradients_of_autograd_grad_are_watched_too():
    with watching_backward() as passes:
        x = torch.tensor(2.0, requires_grad=True)
        y = x**3
        torch.autograd.grad(y, x)
    # grad() returns the gradient instead of accumulating it: nothing reaches x.grad.
    assert build_graph(y, {"x": x, "y": y}, backward=last_pass_from(passes, y)).flow_text().splitlines() == [
        "y -> PowBackward0: 1.", "PowBackward0 -> AccumulateGrad: 12."]
    assert x.grad is None


def test_saved_tensors_show_their_version_and_when_they_were_changed():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = torch.exp(x)
    z = y * x
    saved = {n.lines for n in build_graph(z, {"x": x, "y": y, "z": z}, saved=True).nodes.values() if n.kind == "saved"}
    assert ("result", "(2,) float32 v0") in saved  # exp saved its output
    with torch.no_grad():
        y.add_(1.0)
    saved = {n.lines for n in build_graph(z, {"x": x, "z": z}, saved=True).nodes.values() if n.kind == "saved"}
    assert ("result", "v0 → v1") in saved
    assert ("self", "v0 → v1") in saved  # the multiplication saved y as well
    fresh = torch.exp(x)
    fresh.sum().backward()
    freed = {n.lines for n in build_graph(fresh, {"x": x, "fresh": fresh}, saved=True).nodes.values()
             if n.kind == "saved"}
    assert freed == {("result", "∅")}


def test_a_changed_gradient_on_a_picture_fails_the_doctest(tmp_path):
    cell = Cell(1, 10, "y.backward()", graph=GraphSpec("y", backward=True), title="Weights")
    example = Example(tmp_path / "plot_01_x.py", (cell,))
    recorded = {1: "printed", backward_key(1): "y -> MulBackward0: [1., 2.]"}
    path = tmp_path / "record.txt"
    path.write_text(format_record(example, "cpu", recorded, "torch test"), encoding="utf-8")
    record = read_record(path)
    assert compare(example, record, recorded, "cpu") == []
    changed = compare(example, record, {**recorded, backward_key(1): "y -> MulBackward0: [1., 3.]"}, "cpu")
    assert len(changed) == 1 and "cell 1 backward pass" in changed[0] and "+y -> MulBackward0: [1., 3.]" in changed[0]
    missing = compare(example, record, {1: "printed"}, "cpu")
    assert len(missing) == 1 and "backward pass" in missing[0]

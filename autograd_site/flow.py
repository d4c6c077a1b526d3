"""Watch the gradients that flow along the graph while autograd runs a backward pass.

Inside :func:`watching_backward`, every ``backward()`` and
``torch.autograd.grad()`` of the example registers a hook on each node of
the graph it is about to walk, so the real backward pass reports what each
node sends to each of its inputs; the hooks are removed when it returns.
Nothing is recomputed: a picture of the backward pass shows those values.
Needs only torch (the doctest runner uses it too).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field

import torch


@dataclass
class BackwardPass:
    """What one backward pass sent along each edge of the graph it walked.

    ``sent[(node, i)]`` is the gradient that ``node`` passed to its ``i``-th
    input (``node.next_functions[i]``); for an ``AccumulateGrad`` node,
    ``sent[(node, 0)]`` is what it added to its leaf's ``.grad``, after any
    hook on the leaf.  ``started`` holds the gradients the pass started
    from, one per root tensor.
    """

    roots: tuple[torch.Tensor, ...]
    started: tuple[torch.Tensor | None, ...]
    sent: dict[tuple[object, int], torch.Tensor | None] = field(default_factory=dict)

    def starts_from(self, tensor: torch.Tensor) -> bool:
        return any(root is tensor for root in self.roots)


def _nodes(roots: tuple[torch.Tensor, ...]) -> list:
    seen, stack, order = set(), [r.grad_fn for r in roots if r.grad_fn is not None], []
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        order.append(node)
        stack += [child for child, _ in node.next_functions if child is not None]
    return order


def _snapshot(gradient: torch.Tensor | None) -> torch.Tensor | None:
    return None if gradient is None else gradient.detach().clone()


def _as_tuple(tensors) -> tuple:
    return (tensors,) if isinstance(tensors, torch.Tensor) else tuple(tensors)


@contextmanager
def _hooked(record: BackwardPass):
    handles = []
    for node in _nodes(record.roots):
        def hook(grad_inputs, grad_outputs, node=node):
            if hasattr(node, "variable"):  # AccumulateGrad: what reaches the leaf
                record.sent[(node, 0)] = _snapshot(grad_outputs[0])
            for index, gradient in enumerate(grad_inputs):
                record.sent[(node, index)] = _snapshot(gradient)
        handles.append(node.register_hook(hook))
    try:
        yield
    finally:
        for handle in handles:
            handle.remove()


@contextmanager
def watching_backward():
    """Record every backward pass run inside the block; yields the list they are appended to."""
    passes: list[BackwardPass] = []
    backward, grad = torch.autograd.backward, torch.autograd.grad

    def _start(tensors, gradients) -> BackwardPass:
        roots = _as_tuple(tensors)
        given = (None,) * len(roots) if gradients is None else _as_tuple(gradients)
        started = tuple(_snapshot(g) if g is not None else torch.ones_like(r) for r, g in zip(roots, given))
        return BackwardPass(roots, started)

    def watched_backward(tensors, grad_tensors=None, *args, **kwargs):
        record = _start(tensors, grad_tensors)
        with _hooked(record):
            result = backward(tensors, grad_tensors, *args, **kwargs)
        passes.append(record)
        return result

    def watched_grad(outputs, inputs, grad_outputs=None, *args, **kwargs):
        record = _start(outputs, grad_outputs)
        with _hooked(record):
            result = grad(outputs, inputs, grad_outputs, *args, **kwargs)
        passes.append(record)
        return result

    torch.autograd.backward, torch.autograd.grad = watched_backward, watched_grad
    try:
        yield passes
    finally:
        torch.autograd.backward, torch.autograd.grad = backward, grad


def last_pass_from(passes: list[BackwardPass], tensor: torch.Tensor) -> BackwardPass | None:
    """The most recent backward pass that started from ``tensor``."""
    return next((p for p in reversed(passes) if p.starts_from(tensor)), None)

r"""
The same for small tensors
==========================

The engine works the same way when each value holds an array instead of a
number: its local rules become rules for arrays, and one rule is new, for
:term:`broadcasting`. This page builds the loss of a one-layer network with
NumPy arrays and checks every gradient against PyTorch.
"""

import math
import numpy as np
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)

# %%
# Undoing broadcasting in the backward pass
# -----------------------------------------
# When ``b`` of shape ``(2,)`` is added to ``x @ w`` of shape ``(4, 2)``,
# broadcasting uses the same ``b`` in all four rows. The gradient arriving
# at the sum has shape ``(4, 2)``; each row is a contribution to ``b``, and
# contributions to an input used several times add up. So the rule is: sum
# the gradient over the dimensions that broadcasting added or stretched,
# until it has the input's shape, as
# :doc:`the page on gradients through broadcasting </auto_examples/02_autograd/plot_08_gradients_through_broadcasting>`
# showed for PyTorch. A gradient of ones of shape ``(4, 2)`` summed to
# shape ``(2,)`` gives 4 in each entry, one for each row.


def sum_to_shape(gradient, shape):
    while gradient.ndim > len(shape):
        gradient = gradient.sum(axis=0)
    for axis, size in enumerate(shape):
        if size == 1 and gradient.shape[axis] != 1:
            gradient = gradient.sum(axis=axis, keepdims=True)
    return gradient


incoming = np.ones((4, 2))
print("incoming gradient shape:", incoming.shape)
print("summed to (2,):", sum_to_shape(incoming, (2,)))
print("summed to (4, 1):", sum_to_shape(incoming, (4, 1)).ravel())

# %%
# An engine for arrays
# --------------------
# ``Array`` follows the ``Value`` class of the
# :doc:`previous page </auto_examples/09_build_your_own_autograd/plot_03_more_operations>`:
# ``data`` is now a NumPy array, and ``grad`` an array of the same shape.
# ``+`` and ``*`` work :term:`element-wise` and pass their gradients
# through ``sum_to_shape``. The :term:`matrix product`
# :math:`Y = A B` has the rules :math:`\bar A = \bar Y B^\top` and
# :math:`\bar B = A^\top \bar Y`. ``sum()`` makes a :term:`scalar`: every
# element counts once, so its rule spreads the incoming gradient to an
# array of ones. ``backward()`` starts from a scalar, with a gradient of 1,
# and walks the reverse topological order exactly as before.


class Array:
    def __init__(self, data, parents=(), op=""):
        self.data = np.asarray(data, dtype=np.float64)
        self.grad = np.zeros_like(self.data)
        self.parents = parents
        self.op = op
        self._backward = lambda: None

    def __add__(self, other):
        out = Array(self.data + other.data, (self, other), "+")

        def backward_rule():
            self.grad += sum_to_shape(out.grad, self.data.shape)
            other.grad += sum_to_shape(out.grad, other.data.shape)

        out._backward = backward_rule
        return out

    def __mul__(self, other):
        out = Array(self.data * other.data, (self, other), "*")

        def backward_rule():
            self.grad += sum_to_shape(other.data * out.grad, self.data.shape)
            other.grad += sum_to_shape(self.data * out.grad, other.data.shape)

        out._backward = backward_rule
        return out

    def __matmul__(self, other):
        out = Array(self.data @ other.data, (self, other), "@")

        def backward_rule():
            self.grad += out.grad @ other.data.T
            other.grad += self.data.T @ out.grad

        out._backward = backward_rule
        return out

    def tanh(self):
        out = Array(np.tanh(self.data), (self,), "tanh")

        def backward_rule():
            self.grad += (1 - out.data**2) * out.grad

        out._backward = backward_rule
        return out

    def sum(self):
        out = Array(self.data.sum(), (self,), "sum")

        def backward_rule():
            self.grad += out.grad * np.ones_like(self.data)

        out._backward = backward_rule
        return out

    def backward(self):
        self.grad = np.ones_like(self.data)
        for value in reversed(topological_order(self)):
            value._backward()


def topological_order(output):
    order, seen = [], set()

    def visit(value):
        if value not in seen:
            seen.add(value)
            for parent in value.parents:
                visit(parent)
            order.append(value)

    visit(output)
    return order


# %%
# A layer and its loss
# --------------------
# Four inputs with three features each go through a layer with a weight
# matrix ``w`` of shape ``(3, 2)`` and a bias ``b`` of shape ``(2,)``,
# then through ``tanh``; the loss adds the squares of the outputs. The
# bias is broadcast over the four rows. The graph under the code is the
# engine's: each input shows the shape of its data.

x = Array(rng.normal(size=(4, 3)))
w = Array(rng.normal(size=(3, 2)))
b = Array(rng.normal(size=2))
z = x @ w + b
h = z.tanh()
loss = (h * h).sum()
loss.backward()
print("loss:", round(float(loss.data), 6))
print("w.grad shape:", w.grad.shape, " b.grad shape:", b.grad.shape)
print("b.grad:", b.grad.round(6))
# sphinx_gallery_graph = {"of": "loss", "engine": True}

# %%
# The same loss in PyTorch
# ------------------------
# The same arrays as :term:`leaf tensors <leaf tensor>` in double precision
# give PyTorch's graph, with one backward function for each of the
# engine's operations. Each gradient of the engine matches PyTorch's,
# element by element.

x_t = torch.tensor(x.data, device=device, requires_grad=True)
w_t = torch.tensor(w.data, device=device, requires_grad=True)
b_t = torch.tensor(b.data, device=device, requires_grad=True)
h_t = torch.tanh(x_t @ w_t + b_t)
loss_t = (h_t * h_t).sum()
loss_t.backward()
print("loss:", round(loss_t.item(), 6))
for name, array, tensor in [("x", x, x_t), ("w", w, w_t), ("b", b, b_t)]:
    match = np.allclose(array.grad, tensor.grad.cpu().numpy(), rtol=1e-12, atol=1e-12)
    print(f"{name}.grad {array.grad.shape} matches torch: {match}")
print("b.grad from torch:", b_t.grad.cpu().numpy().round(6))
# sphinx_gallery_graph = "loss_t"

# %%
# Without the broadcasting rule
# -----------------------------
# The engine keeps the gradient of every value, so ``z.grad`` is the
# gradient that arrived at the ``+``: shape ``(4, 2)``, one row per input.
# Passed on unchanged, it would give the bias a gradient that does not
# have the bias's shape. Its rows summed are ``b.grad``, which matched
# PyTorch above.

print("z.grad shape:", z.grad.shape)
print("z.grad rows summed:", z.grad.sum(axis=0).round(6))
print("b.grad:", b.grad.round(6))

# %%
# Key points
# ----------
# - The engine for arrays is the scalar engine with array rules: the same
#   ``data``, ``grad``, ``parents`` and ``op``, and the same walk in
#   reverse topological order.
# - An input that broadcasting stretched gets the incoming gradient summed
#   back to its own shape, because each copy is a separate use.
# - The matrix product's gradients are :math:`\bar Y B^\top` and
#   :math:`A^\top \bar Y`, and with them every gradient matches
#   ``torch.autograd``.

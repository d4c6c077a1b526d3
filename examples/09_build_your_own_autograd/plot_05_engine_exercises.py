r"""
Exercises: build your own autograd
==================================

Three problems on the engine of this chapter: add an operation, find the
bug in a backward rule, and count the values of a graph. Try each one
before opening its :term:`solution`; every solution checks its answer
against PyTorch.
"""

import math
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# The engine
# ----------
# The exercises start from the scalar engine of
# :doc:`the page on more operations </auto_examples/09_build_your_own_autograd/plot_03_more_operations>`,
# reduced to ``+`` and ``*``: each ``Value`` records its ``parents``, its
# ``op`` and a local backward rule, and ``backward()`` runs the rules in
# reverse :term:`topological order`.


class Value:
    def __init__(self, data, parents=(), op=""):
        self.data = float(data)
        self.grad = 0.0
        self.parents = parents
        self.op = op
        self._backward = lambda: None

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def backward_rule():
            self.grad += out.grad
            other.grad += out.grad

        out._backward = backward_rule
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def backward_rule():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = backward_rule
        return out

    __radd__ = __add__
    __rmul__ = __mul__

    def backward(self):
        self.grad = 1.0
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
# Exercise 1: add the logarithm
# -----------------------------
# Give ``Value`` a method ``log()`` with its local backward rule, then
# compute the gradient of :math:`f = \log(a b) + a` at :math:`a = 2`,
# :math:`b = 5` with the engine and with ``torch.autograd``, and compare.

# %% [solution]
# The derivative of :math:`\log x` is :math:`1 / x`, so the rule adds
# :math:`\bar y / x` to the gradient of :math:`x`. By hand,
# :math:`\partial f / \partial a = 1/a + 1 = 1.5` and
# :math:`\partial f / \partial b = 1/b = 0.2`; the engine and PyTorch agree.


def log(self):
    out = Value(math.log(self.data), (self,), "log")

    def backward_rule():
        self.grad += out.grad / self.data

    out._backward = backward_rule
    return out


Value.log = log

a, b = Value(2.0), Value(5.0)
f = (a * b).log() + a
f.backward()

a_t = torch.tensor(2.0, dtype=torch.float64, device=device, requires_grad=True)
b_t = torch.tensor(5.0, dtype=torch.float64, device=device, requires_grad=True)
f_t = torch.log(a_t * b_t) + a_t
f_t.backward()
print("df/da: engine", a.grad, " torch", a_t.grad.item())
print("df/db: engine", b.grad, " torch", b_t.grad.item())
# sphinx_gallery_graph = {"of": "f", "engine": True}

# %%
# Exercise 2: find the bug
# ------------------------
# Someone wrote the multiplication below for the engine. It gives the right
# gradient of :math:`a b`, yet the wrong gradient of :math:`a \cdot a`.
# Find the mistake, explain why only the second case fails, and fix it.


def buggy_multiply(self, other):
    out = Value(self.data * other.data, (self, other), "*")

    def backward_rule():
        self.grad = other.data * out.grad
        other.grad = self.data * out.grad

    out._backward = backward_rule
    return out


# %% [solution]
# The rule sets the gradients with ``=`` instead of adding to them with
# ``+=``. In :math:`a \cdot a` both parents are the same value, so the
# second assignment overwrites the first contribution: the engine reports
# 3, the value of :math:`a`, instead of :math:`2a = 6`. With ``+=`` the two
# contributions add up, as the :term:`chain rule` requires for an input
# used twice, and the result matches PyTorch.

a = Value(3.0)
buggy_multiply(a, a).backward()
print("d(a*a)/da with the bug:", a.grad)

a = Value(3.0)
(a * a).backward()
a_t = torch.tensor(3.0, dtype=torch.float64, device=device, requires_grad=True)
(a_t * a_t).backward()
print("d(a*a)/da fixed:", a.grad, " torch:", a_t.grad.item())

# %%
# Exercise 3: count the values
# ----------------------------
# :math:`g_1 = (x + 1)(x + 1)` and
# :math:`g_2 = y \cdot y` with :math:`y = x + 1` are the same function.
# Predict how many values each graph holds (inputs and constants
# included), then check with ``topological_order`` and compare both
# gradients at :math:`x = 2` with PyTorch.

# %% [solution]
# Writing :math:`x + 1` twice builds it twice: two constants ``1``, two
# ``+`` values, plus :math:`x` and the product, 6 values. Naming
# :math:`y` once and using it twice shares it: 4 values. The gradients
# are the same, :math:`2(x + 1) = 6`: the shared :math:`y` receives its
# two contributions added, while the two copies each receive one.

x = Value(2.0)
g1 = (x + 1) * (x + 1)
g1.backward()
print("values in g1:", len(topological_order(g1)), " dg1/dx:", x.grad)

x2 = Value(2.0)
y = x2 + 1
g2 = y * y
g2.backward()
print("values in g2:", len(topological_order(g2)), " dg2/dx:", x2.grad)

x_t = torch.tensor(2.0, dtype=torch.float64, device=device, requires_grad=True)
((x_t + 1) * (x_t + 1)).backward()
print("torch dg/dx:", x_t.grad.item())
# sphinx_gallery_graph = {"of": "g1", "highlight": ["x"], "engine": True}

# %%
# Key points
# ----------
# - A new operation needs only its local backward rule, checked against
#   ``torch.autograd`` on the same expression.
# - Backward rules must add to the gradients (``+=``): an input used twice
#   receives one contribution per use.
# - The graph holds one value per operation the code ran, so writing an
#   expression twice builds it twice.

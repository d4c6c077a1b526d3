r"""
More operations
===============

The engine of the previous pages knows two operations, ``+`` and ``*``.
This page adds powers, ``exp`` and ``tanh``, each with its own local
backward rule, builds subtraction and division out of the operations the
engine already has, and checks every gradient of a small neuron against
PyTorch.
"""

import math
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# The engine so far
# -----------------
# A ``Value`` holds a number (``data``), its :term:`gradient` (``grad``),
# the values it was made from (``parents``) and the name of the operation
# that made it (``op``), as on
# :doc:`the first page of this chapter </auto_examples/09_build_your_own_autograd/plot_01_a_value_that_remembers>`.
# Each operation stores a local backward rule in ``_backward``: given the
# output's gradient, it adds its share to the gradients of its parents.
# ``backward()`` runs these rules in reverse :term:`topological order`, as
# :doc:`the previous page </auto_examples/09_build_your_own_autograd/plot_02_backward_in_topological_order>`
# explained. A plain number used with a ``Value`` becomes an input
# ``Value`` of its own.


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
# Powers, with one new rule
# -------------------------
# A power :math:`y = x^k` with a fixed number :math:`k` has the derivative
# :math:`k x^{k-1}`, so its backward rule adds
# :math:`k x^{k-1} \bar y` to the gradient of :math:`x`, where
# :math:`\bar y` is the gradient that arrives at :math:`y`.
# Python lets us add this method to the class after its definition.


def power(self, k):
    out = Value(self.data**k, (self,), f"**{k}")

    def backward_rule():
        self.grad += k * self.data ** (k - 1) * out.grad

    out._backward = backward_rule
    return out


Value.__pow__ = power

a = Value(3.0)
cube = a**3
cube.backward()
print("a ** 3 =", cube.data)
print("d(a ** 3)/da =", a.grad)

# %%
# Subtraction and division without new rules
# ------------------------------------------
# :math:`a - b` is :math:`a + (-1) b`, and :math:`a / b` is
# :math:`a \cdot b^{-1}`: both are made of operations the engine can
# already differentiate, so they need no backward rule of their own. The
# graph of :math:`(a - b) / b` below shows what the engine records: a
# ``*`` by the input ``-1``, a ``+``, a ``**-1`` and a ``*``. The input
# ``b`` feeds two operations, so its gradient is the sum of two
# contributions, which the ``+=`` of the rules adds up:
# :math:`\partial r / \partial b = -1/b - (a - b)/b^2 = -a/b^2`.


def negate(self):
    return self * -1


def subtract(self, other):
    return self + (-other)


def divide(self, other):
    return self * other**-1


Value.__neg__ = negate
Value.__sub__ = subtract
Value.__truediv__ = divide

a, b = Value(3.0), Value(2.0)
ratio = (a - b) / b
ratio.backward()
print("(a - b) / b =", ratio.data)
print("dr/da =", a.grad, " expected 1/b =", 1 / b.data)
print("dr/db =", b.grad, " expected -a/b**2 =", -a.data / b.data**2)
# sphinx_gallery_graph = {"of": "ratio", "highlight": ["b"], "engine": True}

# %%
# exp and tanh
# ------------
# The derivative of :math:`e^x` is :math:`e^x` itself, and that of
# :math:`\tanh x` is :math:`1 - \tanh^2 x`. Both rules reuse the output
# the forward pass already computed, as PyTorch's backward functions do
# with their :term:`saved tensors <saved tensor>`.


def exp(self):
    out = Value(math.exp(self.data), (self,), "exp")

    def backward_rule():
        self.grad += out.data * out.grad

    out._backward = backward_rule
    return out


def tanh(self):
    out = Value(math.tanh(self.data), (self,), "tanh")

    def backward_rule():
        self.grad += (1 - out.data**2) * out.grad

    out._backward = backward_rule
    return out


Value.exp = exp
Value.tanh = tanh

a = Value(0.5)
a.tanh().backward()
print(f"d tanh(a)/da = {a.grad:.6f}, expected 1 - tanh(a)**2 = {1 - math.tanh(0.5) ** 2:.6f}")

# %%
# A neuron
# --------
# A neuron weighs its inputs :math:`x_1, x_2` with weights
# :math:`w_1, w_2`, adds a bias :math:`b` and passes the sum through an
# activation: :math:`\mathrm{out} = \tanh(w_1 x_1 + w_2 x_2 + b)`.
# One call to ``backward()`` fills the gradient of all five inputs. The
# graph under the code is the engine's own record, drawn by the same code
# as PyTorch's graphs on this site.

x1, x2 = Value(1.5), Value(-0.5)
w1, w2 = Value(0.8), Value(-1.2)
b = Value(-1.0)
n = w1 * x1 + w2 * x2 + b
out = n.tanh()
out.backward()
print(f"n = {n.data:.6f}, out = {out.data:.6f}")
for name, value in [("x1", x1), ("x2", x2), ("w1", w1), ("w2", w2), ("b", b)]:
    print(f"d out/d {name} = {value.grad:.6f}")
# sphinx_gallery_graph = {"of": "out", "engine": True}

# %%
# The same neuron in PyTorch
# --------------------------
# The same expression on :term:`leaf tensors <leaf tensor>` in double
# precision gives PyTorch's graph: its ``MulBackward0``, ``AddBackward0``
# and ``TanhBackward0`` nodes match the engine's ``*``, ``+`` and ``tanh``
# one for one. Every gradient agrees with the engine's.


def leaf(number):
    return torch.tensor(number, dtype=torch.float64, device=device, requires_grad=True)


x1_t, x2_t = leaf(1.5), leaf(-0.5)
w1_t, w2_t = leaf(0.8), leaf(-1.2)
b_t = leaf(-1.0)
out_t = torch.tanh(w1_t * x1_t + w2_t * x2_t + b_t)
out_t.backward()
pairs = [("x1", x1, x1_t), ("x2", x2, x2_t), ("w1", w1, w1_t), ("w2", w2, w2_t), ("b", b, b_t)]
for name, value, tensor in pairs:
    match = math.isclose(value.grad, tensor.grad.item(), rel_tol=1e-12, abs_tol=1e-12)
    print(f"d out/d {name}: engine {value.grad:.6f}  torch {tensor.grad.item():.6f}  match {match}")
# sphinx_gallery_graph = "out_t"

# %%
# tanh built from exp
# -------------------
# :math:`\tanh n = (e^{2n} - 1) / (e^{2n} + 1)`, so the neuron can also be
# written with ``exp``, ``-``, ``/`` and powers, without the ``tanh`` rule.
# The engine then records 18 values instead of 10, but the chain rule
# through all of them gives the same gradients, which still match PyTorch's
# ``torch.tanh``. The gradients are set back to zero first: like PyTorch's
# ``.grad``, the engine's ``grad`` adds up over backward passes.

for value in [x1, x2, w1, w2, b]:
    value.grad = 0.0
n = w1 * x1 + w2 * x2 + b
e = (2 * n).exp()
out_from_exp = (e - 1) / (e + 1)
out_from_exp.backward()
print(f"out = {out_from_exp.data:.6f}")
print("values in the graph with the tanh rule:", len(topological_order(out)))
print("values in the graph with tanh built from exp:", len(topological_order(out_from_exp)))
for name, value, tensor in pairs:
    match = math.isclose(value.grad, tensor.grad.item(), rel_tol=1e-12, abs_tol=1e-12)
    print(f"d out/d {name}: engine {value.grad:.6f}  torch {tensor.grad.item():.6f}  match {match}")

# %%
# Key points
# ----------
# - Each new operation needs only its local backward rule; ``backward()``
#   and the topological order stay the same.
# - Operations made of others, like subtraction and division here, need no
#   rule of their own: the chain rule through their parts gives the
#   gradient.
# - A tanh neuron's five gradients from the engine match
#   ``torch.autograd`` on the same expression, with or without a ``tanh``
#   rule.

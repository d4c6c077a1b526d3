"""
A value that remembers where it came from
=========================================

Autograd can go backwards because every result it computes remembers the
operation that made it and the inputs it used. This page builds the smallest
object that does the same for a single number, a ``Value``, with addition and
multiplication, and draws the graph it records next to the graph PyTorch
records for the same expression.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# A number with a memory
# ----------------------
# A ``Value`` holds a number in ``data`` and, for later, a :term:`gradient` in
# ``grad``, which starts at zero. Two more attributes make it remember:
# ``parents``, the values it was computed from (none for an input), and
# ``op``, the name of the operation that computed it (empty for an input).
# Each operation also leaves behind a small function, ``_local_backward``: its
# local rule, which sends the gradient of the result to the parents. An input
# has no parents, so its rule does nothing.


class Value:
    def __init__(self, data, parents=(), op=""):
        self.data = float(data)
        self.grad = 0.0
        self.parents = parents
        self.op = op
        self._local_backward = lambda: None

    def __add__(self, other):
        result = Value(self.data + other.data, (self, other), "+")

        def local_backward():
            self.grad += result.grad
            other.grad += result.grad

        result._local_backward = local_backward
        return result

    def __mul__(self, other):
        result = Value(self.data * other.data, (self, other), "*")

        def local_backward():
            self.grad += other.data * result.grad
            other.grad += self.data * result.grad

        result._local_backward = local_backward
        return result

    def __repr__(self):
        return f"Value(data={self.data:g}, op={self.op!r})"


# %%
# Computing records a graph
# -------------------------
# The forward pass of :math:`(x_1 x_2) + x_3` with :math:`x_1 = 2`,
# :math:`x_2 = -3` and :math:`x_3 = 10` gives 4, as plain floats would. In
# addition, ``out`` knows that it came from ``+`` applied to ``product`` and
# ``x3``, and ``product`` knows that it came from ``*`` applied to the two
# inputs. Following ``parents`` from ``out`` reaches every value that took
# part: that is a :term:`computation graph`, recorded without any extra step.
# The picture draws it with the site's own drawing code, the one used for
# PyTorch's graphs: arrows go from a result to its parents, the way gradients
# will flow.

x1 = Value(2.0)
x2 = Value(-3.0)
x3 = Value(10.0)
product = x1 * x2
out = product + x3
print("out:", out)
print("out.parents:", out.parents)
print("product.parents:", product.parents)
print("x1.parents:", x1.parents, " x1.op:", repr(x1.op))
# sphinx_gallery_graph = {"of": "out", "engine": True}

# %%
# The same expression in PyTorch
# ------------------------------
# PyTorch records the same graph, with other names. A result's ``grad_fn`` is
# the :term:`backward function` of the operation that made it
# (``AddBackward0``, ``MulBackward0``), and its ``next_functions`` lead to
# the backward functions of its parents; the :term:`leaf tensors <leaf tensor>`
# sit behind ``AccumulateGrad`` nodes, which store their gradients. The
# :doc:`page on reading the computation graph
# </auto_examples/02_autograd/plot_03_computation_graph>` walks such a graph
# in detail. The two pictures match: one operation node per operation, one
# arrow per parent.

x1_t = torch.tensor(2.0, device=device, requires_grad=True)
x2_t = torch.tensor(-3.0, device=device, requires_grad=True)
x3_t = torch.tensor(10.0, device=device, requires_grad=True)
product_t = x1_t * x2_t
out_t = product_t + x3_t
print("out_t:", out_t.item())
print("out_t.grad_fn:", out_t.grad_fn.name())
print("its next functions:", [type(node).__name__ for node, _ in out_t.grad_fn.next_functions])
# sphinx_gallery_graph = "out_t"

# %%
# Local rules
# -----------
# Each local rule is one line of the :term:`chain rule` per parent. For a sum
# :math:`a + b`, both partial derivatives are 1, so the result's gradient goes
# unchanged to both parents. For a product :math:`a b`, the derivative with
# respect to :math:`a` is :math:`b` and the other way round, so each parent
# gets the other parent's data times the result's gradient. The rules add to
# ``grad`` with ``+=`` instead of overwriting it; the
# :doc:`next page </auto_examples/09_build_your_own_autograd/plot_02_backward_in_topological_order>`
# shows why that matters. Calling them by hand, starting with
# ``out.grad = 1``, gives :math:`\partial out / \partial x_1 = x_2 = -3`,
# :math:`\partial out / \partial x_2 = x_1 = 2` and
# :math:`\partial out / \partial x_3 = 1`.

out.grad = 1.0
out._local_backward()
print("after the rule of +:  product.grad =", product.grad, " x3.grad =", x3.grad)
product._local_backward()
print("after the rule of *:  x1.grad =", x1.grad, " x2.grad =", x2.grad)

# %%
# Checked against PyTorch
# -----------------------
# ``out_t.backward()`` runs PyTorch's own rules on its graph. Every gradient
# agrees with the one the two local rules gave.

out_t.backward()
comparison = [("x1", x1.grad, x1_t.grad.item()), ("x2", x2.grad, x2_t.grad.item()), ("x3", x3.grad, x3_t.grad.item())]
for name, engine_grad, torch_grad in comparison:
    print(f"{name}.grad  engine: {engine_grad:5g}  torch: {torch_grad:5g}  match: {engine_grad == torch_grad}")

# %%
# Key points
# ----------
# - A ``Value`` keeps its ``parents`` and its ``op``, so computing with it
#   records a computation graph, as PyTorch does with ``grad_fn``.
# - Each operation leaves a local rule that sends the result's gradient to
#   its parents: unchanged for ``+``, times the other parent for ``*``.
# - Calling the local rules from the output towards the inputs gives the
#   same gradients as ``backward()`` in PyTorch.

"""
Backward in topological order
=============================

The local rules of the previous page give the right gradients only when they
run in the right order, and only if they add what they send. This page sorts
the graph in topological order, walks it backwards from the output, and checks
every gradient against ``torch.autograd`` on an expression that uses an input
twice.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# The engine so far
# -----------------
# This is the ``Value`` of the
# :doc:`previous page </auto_examples/09_build_your_own_autograd/plot_01_a_value_that_remembers>`,
# written more compactly: each value keeps its ``data``, its ``grad``, its
# ``parents`` and its ``op``, and each operation sets a local rule that adds
# each parent's share of the result's :term:`gradient` to that parent's
# ``grad``.


class Value:
    def __init__(self, data, parents=(), op=""):
        self.data, self.grad, self.parents, self.op = float(data), 0.0, parents, op
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


# %%
# An expression with shared parts
# -------------------------------
# Here :math:`product = x_1 x_2` and :math:`total = x_1 + x_2` both use both
# inputs, :math:`left = product \cdot total` and
# :math:`right = product + total` both use both intermediate values, and
# :math:`out = left + right`. In the picture, two arrows reach ``x1`` and two
# reach ``product``. With :math:`x_1 = 2` and :math:`x_2 = 3`, by hand,
# :math:`out = x_1^2 x_2 + x_1 x_2^2 + x_1 x_2 + x_1 + x_2`, so
# :math:`\partial out / \partial x_1 = 2 x_1 x_2 + x_2^2 + x_2 + 1 = 25` and
# :math:`\partial out / \partial x_2 = x_1^2 + 2 x_1 x_2 + x_1 + 1 = 19`.

x1 = Value(2.0)
x2 = Value(3.0)
product = x1 * x2
total = x1 + x2
left = product * total
right = product + total
out = left + right
print("product:", product.data, " total:", total.data, " left:", left.data, " right:", right.data, " out:", out.data)
# sphinx_gallery_graph = {"of": "out", "highlight": ["x1", "product"], "engine": True}

# %%
# The wrong order
# ---------------
# A value's local rule may run only once its gradient is complete, that is,
# once every value that uses it has sent its share. Here ``product`` runs
# its rule right after ``left``, before ``right`` has sent its share:
# ``product`` passes on an incomplete gradient, 5 instead of 6, and the
# inputs get 22 and 17 instead of 25 and 19.

out.grad = 1.0
out._local_backward()
left._local_backward()
product._local_backward()
print("product passed on", product.grad)
right._local_backward()
print("product.grad, too late:", product.grad)
total._local_backward()
print("wrong order:  x1.grad =", x1.grad, " x2.grad =", x2.grad)
for value in [x1, x2, product, total, left, right, out]:
    value.grad = 0.0

# %%
# A topological order
# -------------------
# A :term:`topological order` lists every value after all of its parents.
# A depth-first walk from the output builds one: it visits the parents of a
# value first, and appends the value only when they are all in the list. The
# ``visited`` set makes a shared value appear once, however many arrows lead
# to it. Read backwards, the list puts every value before its parents, hence
# after every value that uses it: walking it that way, each value has
# received all of its gradient when its rule runs.


def topological_order(output):
    order, visited = [], set()

    def visit(value):
        if value in visited:
            return
        visited.add(value)
        for parent in value.parents:
            visit(parent)
        order.append(value)

    visit(output)
    return order


names = {x1: "x1", x2: "x2", product: "product", total: "total", left: "left", right: "right", out: "out"}
order = topological_order(out)
print("topological order:", [names[value] for value in order])
print("backward walk:    ", [names[value] for value in reversed(order)])

# %%
# The backward pass
# -----------------
# ``backward`` seeds the output's gradient with 1, since
# :math:`\partial out / \partial out = 1`, then runs every local rule in the
# reversed order. ``product`` now waits for both shares, 5 from ``left`` and
# 1 from ``right``, before passing on 6. ``x1`` receives two shares too, 18
# through ``product`` and 7 through ``total``, and ``+=`` adds them: with
# ``=``, the second share would overwrite the first. PyTorch does the same
# at shared tensors, as the :doc:`page on reading the computation graph
# </auto_examples/02_autograd/plot_03_computation_graph>` shows.


def backward(output):
    output.grad = 1.0
    for value in reversed(topological_order(output)):
        value._local_backward()


backward(out)
print("product.grad:", product.grad, " total.grad:", total.grad)
print("shares of x1:", product.grad * x2.data, "through product,", total.grad, "through total")
print("x1.grad:", x1.grad, " x2.grad:", x2.grad)

# %%
# Checked against PyTorch
# -----------------------
# The same expression on tensors, and one call to ``backward()``.
# ``retain_grad()`` keeps the gradients of the intermediate tensors so that
# they can be compared too (see the :doc:`page on leaf tensors
# </auto_examples/02_autograd/plot_02_leaf_tensors>`). All six gradients
# match. The picture shows PyTorch's :term:`backward pass`, the gradient on
# each arrow: the same two shares, 18 and 7, reach the node that holds
# ``x1_t``.

x1_t = torch.tensor(2.0, device=device, requires_grad=True)
x2_t = torch.tensor(3.0, device=device, requires_grad=True)
product_t = x1_t * x2_t
total_t = x1_t + x2_t
left_t = product_t * total_t
right_t = product_t + total_t
out_t = left_t + right_t
product_t.retain_grad()
total_t.retain_grad()
left_t.retain_grad()
right_t.retain_grad()
out_t.backward()
comparison = [
    ("x1", x1.grad, x1_t.grad.item()),
    ("x2", x2.grad, x2_t.grad.item()),
    ("product", product.grad, product_t.grad.item()),
    ("total", total.grad, total_t.grad.item()),
    ("left", left.grad, left_t.grad.item()),
    ("right", right.grad, right_t.grad.item()),
]
for name, engine_grad, torch_grad in comparison:
    print(f"{name + '.grad':13} engine: {engine_grad:5g}  torch: {torch_grad:5g}  match: {engine_grad == torch_grad}")
# sphinx_gallery_graph = {"of": "out_t", "backward": True}

# %%
# Key points
# ----------
# - A local rule may run only after every value that uses its result has
#   sent its share: the backward pass walks the graph in reverse
#   topological order.
# - A depth-first walk from the output, appending each value after its
#   parents, gives a topological order.
# - Gradients are added, never overwritten, at a value used more than once.

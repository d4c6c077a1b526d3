"""
Reading the computation graph
=============================

Autograd records a graph of backward functions while the forward code runs.
This page walks that graph by hand through ``grad_fn`` and
``next_functions``, from its root to its leaves, draws it, and shows what
happens to the gradient when a tensor is used twice.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# A small graph
# -------------
# Two :term:`leaf tensors <leaf tensor>`, ``inputs`` and ``weights``, are
# multiplied element by element and summed. The leaves are the tensors you
# created; ``product`` and ``loss`` are results of operations, so they are
# not leaves. The picture under the code is the :term:`computation graph`
# autograd recorded; :doc:`/torchviz` shows how to draw one on your own
# machine.

inputs = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
weights = torch.tensor([0.5, -1.0, 2.0], device=device, requires_grad=True)
product = inputs * weights
loss = product.sum()
print("inputs.is_leaf:", inputs.is_leaf)
print("product.is_leaf:", product.is_leaf)
print("loss =", loss)
# sphinx_gallery_graph = {"of": "loss", "highlight": ["product"]}

# %%
# From the root to the leaves
# ---------------------------
# The graph is a :term:`directed acyclic graph (DAG)`: every :term:`edge`
# points one way, and no path comes back to where it started. Its
# :term:`root` is the output, ``loss``, and ``backward()`` walks it from there
# to the leaves. ``loss.grad_fn`` is the :term:`backward function` of the last
# operation. Its ``next_functions`` lead to the backward functions of its
# inputs, and so on down to ``AccumulateGrad`` :term:`nodes <node>`, which
# hold the leaf tensors: that is where ``backward()`` stores the gradients.
# When a backward function fails, :doc:`anomaly detection
# </auto_examples/05_pitfalls/plot_12_anomaly_detection>` finds the line of
# code that created its node.

sum_node = loss.grad_fn
mul_node = sum_node.next_functions[0][0]
print("root, loss.grad_fn:", sum_node.name())
print("next:", mul_node.name())
for accumulate, _ in mul_node.next_functions:
    print("  then:", type(accumulate).__name__, "holding", "inputs" if accumulate.variable is inputs else "weights")

# %%
# The gradients
# -------------
# The derivative of :math:`\sum_i x_i w_i` with respect to :math:`x_i` is
# :math:`w_i`, and with respect to :math:`w_i` it is :math:`x_i`: each leaf's
# :term:`gradient` is the other leaf. Both tensors have the same shape here;
# when they do not, :term:`broadcasting` stretches one of them, and the
# :doc:`page on gradients through broadcasting </auto_examples/02_autograd/plot_08_gradients_through_broadcasting>`
# shows what happens to its gradient. The picture shows the backward pass:
# ``MulBackward0`` receives ones from the sum, then sends the values of
# ``weights`` towards ``inputs`` and the values of ``inputs`` towards
# ``weights``.

loss.backward()
print("inputs.grad: ", inputs.grad)
print("weights.grad:", weights.grad)
# sphinx_gallery_graph = {"of": "loss", "backward": True}

# %%
# A tensor used twice
# -------------------
# Here :math:`y = x^2 + 3x`, so :math:`dy/dx = 2x + 3 = 7` at :math:`x = 2`.
# ``x`` feeds two operations, so two paths of the graph lead back to the same
# ``AccumulateGrad`` node; a tree has a single path to each node, so the graph
# is a DAG and not a tree. During ``backward()``, the engine adds the
# contributions of both paths, :math:`2x = 4` and 3, before that node runs;
# the node then runs once and writes 7 into ``x.grad``. A :term:`hook` on
# ``x``, a function that autograd calls with the gradient arriving there (see
# the :doc:`page on hooks </auto_examples/06_putting_it_together/plot_04_gradient_hooks>`),
# is called a single time, with 7. In the picture, the arrows carrying 4 and
# 3 enter that node, and the arrow carrying 7 leaves it. Adding to
# ``.grad`` over several ``backward()`` calls is a different mechanism,
# taught on the
# :doc:`page on gradient accumulation </auto_examples/03_vector_jacobian/plot_05_gradient_accumulation>`.

x = torch.tensor(2.0, device=device, requires_grad=True)
square = x**2
y = square + 3 * x
from_square = square.grad_fn.next_functions[0][0]
from_triple = y.grad_fn.next_functions[1][0].next_functions[0][0]
print("both paths end at the same node:", from_square is from_triple)
print("contributions: 2x =", 2 * x.item(), "and", 3.0)
x.register_hook(lambda gradient: print("gradient arriving at x:", gradient))
y.backward()
print("x.grad =", x.grad)
# sphinx_gallery_graph = {"of": "y", "backward": True}

# %%
# Key points
# ----------
# - The computation graph is a directed acyclic graph: ``backward()`` starts
#   at its root, the output, and ends at its leaves, the tensors you created.
# - ``grad_fn`` and ``next_functions`` let you walk the graph; leaves sit
#   behind ``AccumulateGrad`` nodes.
# - When a tensor is used twice, one ``backward()`` call adds the
#   contributions of both paths and then writes its ``.grad`` once.

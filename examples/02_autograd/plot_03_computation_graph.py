"""
Reading the computation graph
=============================

Autograd records a graph of backward functions while the forward code runs.
This page walks that graph by hand through ``grad_fn`` and
``next_functions``, draws it, and shows what happens to the gradient when a
tensor is used twice.
"""

import os

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# A small graph
# -------------
# Two leaf tensors, ``inputs`` and ``weights``, are multiplied element by
# element and summed. The leaves are the tensors you created; ``product`` and
# ``loss`` are results of operations, so they are not leaves. The picture
# under the code is the graph autograd recorded; :doc:`/torchviz` shows how to
# draw one on your own machine.

inputs = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
weights = torch.tensor([0.5, -1.0, 2.0], device=device, requires_grad=True)
product = inputs * weights
loss = product.sum()
print("inputs.is_leaf:", inputs.is_leaf)
print("product.is_leaf:", product.is_leaf)
print("loss =", loss)
# sphinx_gallery_graph = {"of": "loss", "highlight": ["product"]}

# %%
# Walking the graph by hand
# -------------------------
# ``loss.grad_fn`` is the backward function of the last operation.
# Its ``next_functions`` lead to the backward functions of its inputs, and so
# on down to ``AccumulateGrad`` nodes, which hold the leaf tensors: that is
# where ``backward()`` stores the gradients.

sum_node = loss.grad_fn
mul_node = sum_node.next_functions[0][0]
print("loss.grad_fn:", sum_node.name())
print("next:", mul_node.name())
for accumulate, _ in mul_node.next_functions:
    leaf = accumulate.variable
    print("  then:", type(accumulate).__name__, "holding", "inputs" if leaf is inputs else "weights")

# %%
# The gradients
# -------------
# The derivative of :math:`\sum_i x_i w_i` with respect to :math:`x_i` is
# :math:`w_i`, and with respect to :math:`w_i` it is :math:`x_i`: each leaf's
# gradient is the other leaf.

loss.backward()
print("inputs.grad: ", inputs.grad)
print("weights.grad:", weights.grad)

# %%
# A tensor used twice
# -------------------
# When a tensor feeds two operations, the graph has two paths back to it, and
# the gradients of both paths are added in its ``.grad``. Here
# :math:`y = x^2 + 3x`, so :math:`dy/dx = 2x + 3 = 7` at :math:`x = 2`.

x = torch.tensor(2.0, device=device, requires_grad=True)
square = x * x
y = square + 3 * x
y.backward()
print("x.grad =", x.grad)
# sphinx_gallery_graph = "y"

r"""
Exercises: vector-Jacobian products
===================================

These :term:`exercises <exercise>` practise what :doc:`/auto_examples/03_vector_jacobian/plot_01_non_scalar_outputs`,
:doc:`/auto_examples/03_vector_jacobian/plot_03_graph_built_by_a_loop` and
:doc:`/auto_examples/03_vector_jacobian/plot_05_gradient_accumulation` teach:
the :term:`vector-Jacobian product` that ``backward()`` computes, a graph
that follows the data, and gradients that add up. Try each problem first,
then open its :term:`solution`, which runs and prints its check.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Exercise 1: the Jacobian of a matrix product
# --------------------------------------------
# Let :math:`y = A x`, with a fixed matrix :math:`A` of shape ``(2, 3)`` and
# an input :math:`x` of shape ``(3,)``. What is the :term:`Jacobian matrix`
# :math:`J`? Predict ``x.grad`` after ``y.backward(v)`` with
# :math:`v = (1, 2)`, then check.

# %% [solution]
# :math:`y_i = \sum_j A_{ij} x_j`, so :math:`J_{ij} = A_{ij}`: the Jacobian
# is :math:`A` itself, whatever :math:`x`. ``y.backward(v)`` computes
# :math:`v^\top J = v^\top A`, the first row of :math:`A` plus twice the
# second. The picture shows the backward pass, with :math:`v` entering at
# ``y``.

A = torch.tensor([[1.0, 0.0, 2.0], [0.0, 3.0, -1.0]], device=device)
x = torch.tensor([1.0, 1.0, 1.0], device=device, requires_grad=True)
v = torch.tensor([1.0, 2.0], device=device)
y = A @ x
y.backward(v)
print("x.grad: ", x.grad)
print("v @ A:  ", v @ A)
print("Jacobian from torch.func.jacrev equals A:", torch.equal(torch.func.jacrev(lambda x: A @ x)(x.detach()), A))
# sphinx_gallery_graph = {"of": "y", "backward": True}

# %%
# Exercise 2: a loop that squares
# -------------------------------
# Starting from :math:`x = (2, 1.5)`, this loop squares ``y`` element by
# element until its largest element exceeds 100::
#
#     y = x
#     while y.max() <= 100:
#         y = y * y
#
# How many multiplications does the graph record, and what is ``x.grad``
# after ``y.backward(v)`` with :math:`v = (1, 1)`? Unlike doubling, the
# answer depends on the values of ``x``.

# %% [solution]
# The largest element goes 2, 4, 16, 256: the loop runs three times and
# records three ``MulBackward0`` nodes, so :math:`y = x^8` element by
# element. The Jacobian is diagonal, with :math:`8 x_i^7` on its diagonal,
# and with :math:`v = (1, 1)` the gradient is that diagonal: 1024 for
# :math:`x_1 = 2` and 136.6875 for :math:`x_2 = 1.5`. The picture shows
# the backward pass through the three squarings.

x = torch.tensor([2.0, 1.5], device=device, requires_grad=True)
y = x
largest = [y.max().item()]
while y.max() <= 100:
    y = y * y
    largest.append(y.max().item())
y.backward(torch.ones(2, device=device))
print("largest element along the way:", largest)
print("squarings:", len(largest) - 1, "| y:", y.detach())
print("x.grad:   ", x.grad)
print("8 * x**7: ", 8 * x.detach() ** 7)
# sphinx_gallery_graph = {"of": "y", "backward": True}

# %%
# Exercise 3: a gradient three times too large
# --------------------------------------------
# The whole :term:`batch` of six points does not fit in memory, so this code
# accumulates over three pieces of two points. Its ``weight.grad`` is three
# times the whole batch's gradient: why, and what fixes it? ::
#
#     for piece in data.split(2):
#         ((weight * piece - 1) ** 2).mean().backward()

# %% [solution]
# The loss of the whole batch is the mean over six points, which is the
# average of the three pieces' means, not their sum. Each piece's loss must be
# divided by the number of pieces, 3, before ``backward()``.

data = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], device=device)
weight = torch.tensor(0.5, device=device, requires_grad=True)
((weight * data - 1) ** 2).mean().backward()
whole_batch = weight.grad.clone()

weight.grad = None
for piece in data.split(2):
    ((weight * piece - 1) ** 2).mean().backward()
print("whole batch:", round(whole_batch.item(), 4), "| three pieces, not divided:", round(weight.grad.item(), 4))
print("ratio:", round(weight.grad.item() / whole_batch.item(), 3))

pieces = 3
weight.grad = None
for piece in data.split(2):
    (((weight * piece - 1) ** 2).mean() / pieces).backward()
print("whole batch:", round(whole_batch.item(), 4), "| three pieces, divided by 3:", round(weight.grad.item(), 4))

# %%
# Key points
# ----------
# - ``y.backward(v)`` computes :math:`v^\top J`; for :math:`y = A x` the
#   Jacobian is :math:`A`, so the gradient is :math:`v^\top A`.
# - A loop records one node per pass that ran, so the gradient follows the
#   number of passes the data asked for; an element-wise loop keeps the
#   Jacobian diagonal.
# - Accumulating a mean loss over pieces needs each piece's loss divided by
#   the number of pieces.

"""
Exercises: autograd fundamentals
================================

These :term:`exercises <exercise>` practise what :doc:`/auto_examples/02_autograd/plot_01_first_gradient`,
:doc:`/auto_examples/02_autograd/plot_02_leaf_tensors` and
:doc:`/auto_examples/02_autograd/plot_04_gradients_of_reductions` teach: a
:term:`gradient` worked out by hand and checked, :term:`leaf tensors <leaf tensor>`,
and the gradient of a sum. Try each problem first, then open its :term:`solution`,
which runs and prints its check.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Exercise 1: a tensor used twice
# -------------------------------
# Let :math:`L = x_1 x_2 + x_1^2` at :math:`x_1 = 3` and :math:`x_2 = 2`.
# Work out :math:`\partial L / \partial x_1` and :math:`\partial L / \partial x_2`
# by hand, then check them with ``backward()``. Which input is used twice in
# the :term:`computation graph`, and what happens to its two contributions?

# %% [solution]
# By hand, :math:`\partial L / \partial x_1 = x_2 + 2 x_1 = 8` and
# :math:`\partial L / \partial x_2 = x_1 = 3`. :math:`x_1` feeds both the
# product and the square, so ``backward()`` adds the two contributions, 2
# from the product and 6 from the square. The picture shows the backward
# pass: each edge carries the gradient sent along it.

x1 = torch.tensor(3.0, device=device, requires_grad=True)
x2 = torch.tensor(2.0, device=device, requires_grad=True)
loss = x1 * x2 + x1**2
loss.backward()
print("x1.grad:", x1.grad, "| by hand:", x2.item() + 2 * x1.item())
print("x2.grad:", x2.grad, "| by hand:", x1.item())
print("contributions to x1.grad: product", x2.item(), "+ square", 2 * x1.item())
# sphinx_gallery_graph = {"of": "loss", "backward": True}

# %%
# Exercise 2: where did the gradient go?
# --------------------------------------
# This code means to compute the gradient of the loss with respect to the
# tensor it creates, but ``w.grad`` stays ``None``::
#
#     w = torch.tensor([1.0, 2.0], requires_grad=True)
#     w = w * 2
#     loss = (w**2).sum()
#     loss.backward()
#
# Explain why, and fix it so that the gradient reaches the tensor created on
# the first line.

# %% [solution]
# The second line gives the name ``w`` to the result of ``w * 2``, a
# :term:`non-leaf tensor` with a ``grad_fn``; ``backward()`` fills ``.grad``
# for leaves only, and the leaf has lost its name. Giving the result its own
# name keeps the leaf. Since :math:`L = \sum_i (2 w_i)^2`, the gradient is
# :math:`8 w`, that is 8 and 16.

w = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
scaled = w * 2
loss = (scaled**2).sum()
loss.backward()
print("w.is_leaf:", w.is_leaf, "| scaled.is_leaf:", scaled.is_leaf, "| scaled.grad_fn:", scaled.grad_fn.name())
print("w.grad:", w.grad)

# %%
# Exercise 3: a whole derivative curve in one call
# ------------------------------------------------
# Compute the derivative of :math:`\tanh` at 41 points between -3 and 3 with a
# single ``backward()`` call, compare it with the formula
# :math:`1 - \tanh(x)^2`, and plot both.

# %% [solution]
# Each element of ``xs`` appears in one term only of ``torch.tanh(xs).sum()``,
# so the gradient of that sum holds the derivative of :math:`\tanh` at every
# point; the largest is 1, in the middle, where :math:`\tanh` is steepest.
# The picture shows autograd's values on the formula's curve.

xs = torch.linspace(-3.0, 3.0, 41, device=device, requires_grad=True)
torch.tanh(xs).sum().backward()
formula = 1 - torch.tanh(xs.detach()) ** 2
print("points:", xs.shape[0], "from", xs[0].item(), "to", xs[-1].item())
print("largest derivative:", xs.grad.max().item())
print("matches 1 - tanh(x)**2:", torch.allclose(xs.grad, formula))

fig, ax = plt.subplots()
ax.plot(xs.detach().cpu(), formula.cpu(), label="1 - tanh(x)**2")
ax.plot(xs.detach().cpu(), xs.grad.cpu(), "o", markersize=4, label="xs.grad")
ax.set_xlabel("x")
ax.set_ylabel("derivative of tanh")
ax.set_title("One backward() call gives the derivative at every point")
ax.legend()
plt.show()

# %%
# Key points
# ----------
# - A gradient worked out by hand is checked by comparing it with ``.grad``;
#   an input used twice gets the sum of its contributions.
# - Keep the name of a leaf tensor: a result given the same name is not a
#   leaf, and ``backward()`` does not fill its ``.grad``.
# - The gradient of the sum of an element-wise function holds its derivative
#   at every point.

r"""
Exercises: pitfalls
===================

Each :term:`exercise` shows a short program that falls into a pitfall of this
chapter: :doc:`an overwritten leaf
</auto_examples/05_pitfalls/plot_05_overwritten_leaf>`, :doc:`a changed saved
tensor </auto_examples/05_pitfalls/plot_08_modified_saved_tensor>` or
:doc:`nan through torch.where
</auto_examples/05_pitfalls/plot_13_where_nan_gradient>`. Read its output, find
the mistake, and fix the program before you open the :term:`solution`.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Exercise 1: a parameter lost after one step
# -------------------------------------------
# The program below takes one step of gradient descent on
# :math:`(w - 1)^2` from :math:`w = 2`, then hands ``w`` to an
# :term:`optimizer`, which refuses it. Why? Rewrite the step so that three
# steps run and ``w`` moves towards 1: 1.8, 1.64, 1.512.

w = torch.tensor(2.0, device=device, requires_grad=True)
loss = (w - 1.0) ** 2
loss.backward()
w = w - 0.1 * w.grad
print("w.is_leaf after the step:", w.is_leaf)
try:
    torch.optim.SGD([w], lr=0.1)
except ValueError as error:
    print("ValueError:", error)

# %% [solution]
# ``w = w - 0.1 * w.grad`` gives the name ``w`` to the result of an
# operation, a tensor that is not a :term:`leaf tensor`. Change the leaf in
# place inside ``torch.no_grad()`` instead, and reset its gradient before the
# next ``backward()``: ``w`` stays a leaf.

w = torch.tensor(2.0, device=device, requires_grad=True)
for step in range(3):
    loss = (w - 1.0) ** 2
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
    w.grad = None
    print(f"step {step + 1}: w = {round(w.item(), 4)} | is_leaf: {w.is_leaf}")

# %%
# Exercise 2: doubling ``torch.tanh``
# -----------------------------------
# The program below computes :math:`2 \tanh x` and its gradient, but
# ``backward()`` stops with an error. Which tensor has changed, and how do
# you fix the program? The picture shows the tensors that the
# :term:`backward functions <backward function>` saved. The gradient should be :math:`2 (1 - \tanh^2 x)`: 2 at
# :math:`x = 0` and 0.8399 at :math:`x = 1`.

x = torch.tensor([0.0, 1.0], device=device, requires_grad=True)
y = torch.tanh(x)
y *= 2
try:
    y.sum().backward()
except RuntimeError as error:
    print("RuntimeError:", error)
# sphinx_gallery_graph = {"of": "y", "saved": True}

# %% [solution]
# The backward function of :math:`\tanh` saves its output ``y``, because the
# derivative is :math:`1 - \tanh^2 x`: in the picture, it is the ``result``
# of ``TanhBackward0``. ``y *= 2`` is an :term:`in-place operation`: it
# raises the :term:`version counter` of that :term:`saved tensor` from 0 to 1
# (``v0 → v1``). Writing ``doubled = y * 2`` makes a new tensor and leaves
# ``y`` at version 0.

x = torch.tensor([0.0, 1.0], device=device, requires_grad=True)
y = torch.tanh(x)
doubled = y * 2
loss = doubled.sum()
loss.backward()
print("y._version:", y._version)
print("x.grad:", x.grad)
print("2 (1 - tanh(x)^2):", 2 * (1 - torch.tanh(x.detach()) ** 2))

# %%
# Exercise 3: a sinc function with ``torch.where``
# ------------------------------------------------
# The function :math:`\sin(x) / x` tends to 1 at :math:`x = 0`, where the
# division is undefined. The program below picks 1 there with ``torch.where``: the
# values are right, but the gradient at :math:`x = 0` is ``nan``. Fix it so
# that the gradient at 0 is 0, the slope of the function there.

x = torch.tensor([-2.0, 0.0, 2.0], device=device, requires_grad=True)
sinc = torch.where(x != 0, torch.sin(x) / x, 1.0)
sinc.sum().backward()
print("sinc:  ", sinc.detach())
print("x.grad:", x.grad)

# %% [solution]
# ``torch.sin(x) / x`` is computed, and differentiated, for every element,
# including :math:`x = 0`, where its derivative is ``nan``, and ``where``
# multiplies that ``nan`` by 0. An inner ``where`` replaces the
# zeros by 1 before the division, so the branch that is not taken has a finite
# derivative. The plot of the gradient over :math:`[-6, 6]` now has a value
# everywhere, 0 at :math:`x = 0`.

x = torch.tensor([-2.0, 0.0, 2.0], device=device, requires_grad=True)
safe_x = torch.where(x != 0, x, 1.0)
sinc = torch.where(x != 0, torch.sin(safe_x) / safe_x, 1.0)
sinc.sum().backward()
print("sinc:  ", sinc.detach())
print("x.grad:", x.grad)

grid = torch.linspace(-6.0, 6.0, 121, device=device, requires_grad=True)
safe_grid = torch.where(grid != 0, grid, 1.0)
values = torch.where(grid != 0, torch.sin(safe_grid) / safe_grid, 1.0)
values.sum().backward()
print("nan gradients on the grid:", torch.isnan(grid.grad).sum().item())

fig, ax = plt.subplots()
ax.plot(grid.detach().cpu().numpy(), values.detach().cpu().numpy(), label="sin(x) / x")
ax.plot(grid.detach().cpu().numpy(), grid.grad.cpu().numpy(), label="gradient from backward()")
ax.set_xlabel("x")
ax.set_ylabel("value")
ax.set_title("With an inner where, the gradient is finite at x = 0")
ax.legend()
plt.show()

# %%
# Key points
# ----------
# - Update a parameter in place inside ``torch.no_grad()``; ``w = w - ...``
#   replaces the leaf with a non-leaf.
# - An in-place operation such as ``y *= 2`` on a tensor that autograd saved
#   makes ``backward()`` fail; compute a new tensor instead.
# - ``torch.where`` differentiates both branches, so make the input of the
#   branch that is not taken safe with an inner ``where``.

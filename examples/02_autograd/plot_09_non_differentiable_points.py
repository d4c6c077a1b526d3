r"""
Gradients at points where a function is not differentiable
==========================================================

Many functions used in deep learning have corners, jumps or flat steps, where
the :term:`derivative` does not exist or is zero. Autograd still returns a
number there. This page shows which number, for the common cases, and the
straight-through trick that gives a useful :term:`gradient` to a function whose
true gradient is zero.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Corners: ``relu`` and ``abs`` at zero
# -------------------------------------
# :math:`\mathrm{relu}(x) = \max(x, 0)` and :math:`|x|` have a corner at
# :math:`x = 0`: the :term:`slope` is different on each side, so there is no
# derivative there. Autograd returns a gradient of 0 at the corner for both
# functions, and the usual slopes elsewhere.

x = torch.tensor([-1.0, 0.0, 1.0], device=device, requires_grad=True)
torch.relu(x).sum().backward()
print("x:", x.detach())
print("relu gradient:", x.grad)

x.grad = None
torch.abs(x).sum().backward()
print("abs gradient: ", x.grad)

# %%
# Subgradients
# ------------
# At a corner of a convex function, every slope between the slope on the left
# and the slope on the right gives a line that stays under the graph. Each of
# these slopes is a :term:`subgradient`. For :math:`|x|` at 0 they are the
# numbers from -1 to 1, for :math:`\mathrm{relu}` the numbers from 0 to 1, and
# the 0 that autograd returns is one of them in both cases. The figure shows
# the gradients autograd returns on both sides of 0 and, as large dots, at 0
# itself.

points = torch.linspace(-2.0, 2.0, 200, device=device, requires_grad=True)
(relu_slope,) = torch.autograd.grad(torch.relu(points).sum(), points)
(abs_slope,) = torch.autograd.grad(torch.abs(points).sum(), points)
zero = torch.zeros(1, device=device, requires_grad=True)
(relu_at_zero,) = torch.autograd.grad(torch.relu(zero).sum(), zero)
(abs_at_zero,) = torch.autograd.grad(torch.abs(zero).sum(), zero)

fig, axes = plt.subplots(1, 2, figsize=(7, 3), sharey=True)
for ax, name, slope, at_zero in (
    (axes[0], "relu", relu_slope, relu_at_zero),
    (axes[1], "abs", abs_slope, abs_at_zero),
):
    ax.plot(points.detach().cpu(), slope.cpu(), ".", markersize=3)
    ax.plot([0.0], at_zero.cpu(), "o", markersize=8, color="C3")
    ax.set_xlabel("x")
    ax.set_title(name)
axes[0].set_ylabel("gradient from autograd")
fig.suptitle("At the corner, autograd returns 0 for both relu and abs")
fig.tight_layout()
plt.show()

# %%
# Each operation makes its own choice
# -----------------------------------
# The value at a corner is a convention of each operation, not a property of
# the mathematical function. ``torch.clamp(x, min=0)`` computes the same
# values as ``relu``, but its gradient at 0 is 1, not 0; with two bounds,
# ``clamp`` passes the gradient at both bounds. Code should not depend on the
# gradient at a single point of a corner.

x = torch.tensor([-1.0, 0.0, 0.5, 1.0, 2.0], device=device, requires_grad=True)
print("x:", x.detach())
print("same values as relu:", torch.equal(torch.clamp(x, min=0.0), torch.relu(x)))
torch.clamp(x, min=0.0).sum().backward()
print("clamp(x, min=0) gradient:", x.grad)

x.grad = None
torch.clamp(x, min=0.0, max=1.0).sum().backward()
print("clamp(x, 0, 1) gradient: ", x.grad)

# %%
# Ties: the maximum of equal values
# ---------------------------------
# :math:`\max(a, b)` has a corner where :math:`a = b`. There
# ``torch.maximum`` gives half of the gradient to each input, and so does the
# maximum of a whole tensor with tied elements, as in
# :doc:`the page on reductions </auto_examples/02_autograd/plot_04_gradients_of_reductions>`.
# The maximum along a dimension, which also returns an index, gives the whole
# gradient to one of the tied elements.

a = torch.tensor(2.0, device=device, requires_grad=True)
b = torch.tensor(2.0, device=device, requires_grad=True)
torch.maximum(a, b).backward()
print("maximum(a, b) with a = b: a.grad =", a.grad.item(), "| b.grad =", b.grad.item())

scores = torch.tensor([1.0, 3.0, 3.0], device=device, requires_grad=True)
scores.max().backward()
print("scores.max() gradient:       ", scores.grad)

scores.grad = None
scores.max(dim=0).values.backward()
print("scores.max(dim=0) gradient:  ", scores.grad)

# %%
# An infinite slope: ``sqrt`` at zero
# -----------------------------------
# The derivative of :math:`\sqrt{x}` is :math:`1 / (2\sqrt{x})`, which grows
# without bound as :math:`x` approaches 0, and autograd returns ``inf`` at 0.
# Multiplied by a zero later in the chain rule, it becomes ``nan``: see
# :doc:`the pitfall page on the square root at zero </auto_examples/05_pitfalls/plot_06_sqrt_at_zero>`,
# and :doc:`the page on torch.where </auto_examples/05_pitfalls/plot_13_where_nan_gradient>`
# for the same problem hidden in a branch that is not taken.

x = torch.tensor(0.0, device=device, requires_grad=True)
torch.sqrt(x).backward()
print("sqrt gradient at 0:", x.grad.item())

# %%
# Flat steps: ``round``, ``sign`` and ``floor``
# ---------------------------------------------
# These functions are constant between their jumps, so their derivative is 0
# wherever it exists. Autograd returns 0 everywhere, at the jumps too. A
# parameter in front of such a function therefore gets a zero gradient, and
# gradient descent never moves it.

x = torch.tensor([-1.5, -0.4, 0.0, 0.3, 0.5, 1.7], device=device, requires_grad=True)
print("x:", x.detach())
for function in (torch.round, torch.sign, torch.floor):
    x.grad = None
    function(x).sum().backward()
    print(f"{function.__name__} gradient:", x.grad)

# %%
# No gradient at all: ``argmax`` and ``argsort``
# ----------------------------------------------
# ``argmax`` and ``argsort`` return positions, as integers. Integers cannot
# require gradients (see
# :doc:`the pitfall page on integer tensors </auto_examples/05_pitfalls/plot_02_integer_requires_grad>`),
# so the result has no ``grad_fn``: it is not part of the
# :term:`computation graph`, and calling ``backward()`` on it fails. The
# values picked *with* the index, on the other hand, are differentiable.

scores = torch.tensor([0.2, 3.0, 1.1], device=device, requires_grad=True)
best = scores.argmax()
order = scores.argsort()
print("argmax:", best.item(), "| dtype:", best.dtype, "| requires_grad:", best.requires_grad)
print("argsort:", order.tolist(), "| dtype:", order.dtype, "| grad_fn:", order.grad_fn)
try:
    best.backward()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")

scores[best].backward()
print("gradient of scores[argmax]:", scores.grad)

# %%
# The straight-through estimator
# ------------------------------
# Rounding appears in quantisation, where a network is trained to work with a
# few discrete levels of weights or activations. The true gradient of
# ``round`` is 0, so nothing before it would learn. The
# :term:`straight-through estimator` keeps the rounded value in the
# :term:`forward pass` but uses the gradient of the identity, 1, in the
# :term:`backward pass`:
# ``x + (torch.round(x) - x).detach()``. ``detach()`` returns the same values
# cut out of the graph, so autograd treats the correction as a constant (see
# :doc:`the page on detach() </auto_examples/04_controlling_the_graph/plot_02_detach>`).
# The value is ``round(x)``, and the gradient is that of ``x``. A
# :term:`custom function` can give the same gradient with a backward of its
# own, as
# :doc:`the page on custom autograd Functions </auto_examples/04_controlling_the_graph/plot_07_custom_function>`
# explains.

x = torch.tensor([-1.5, -0.4, 0.3, 1.7], device=device, requires_grad=True)
rounded = x + (torch.round(x) - x).detach()
rounded.sum().backward()
print("forward value:", rounded.detach())
print("equals round(x):", torch.equal(rounded, torch.round(x)))
print("x.grad:", x.grad)

# %%
# Key points
# ----------
# - At a corner, autograd returns one subgradient chosen by each operation:
#   0 for ``relu`` and ``abs``, 1 for ``clamp`` at its bounds, half to each
#   input of ``torch.maximum`` when they are equal.
# - ``round``, ``sign`` and ``floor`` have a gradient of 0 everywhere, and
#   integer results such as ``argmax`` have no gradient at all.
# - The gradient of ``sqrt`` at 0 is ``inf``, which easily turns into ``nan``.
# - The straight-through estimator ``x + (f(x) - x).detach()`` keeps the value
#   of ``f(x)`` and passes the gradient through unchanged.

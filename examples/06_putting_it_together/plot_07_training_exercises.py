r"""
Exercises: putting it together
==============================

These exercises practise three pages of this chapter: :doc:`the fit with
torch.optim
</auto_examples/06_putting_it_together/plot_02_gradient_descent_with_optim>`,
:doc:`higher-order gradients
</auto_examples/06_putting_it_together/plot_03_higher_order_gradients>` and
:doc:`gradient clipping
</auto_examples/06_putting_it_together/plot_06_gradient_clipping>`. Try each
:term:`exercise` in your own code before you open its :term:`solution`.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Exercise 1: a training loop with an optimizer
# ---------------------------------------------
# Minimise :math:`(w - 3)^2` from :math:`w = 0` with ``torch.optim.SGD`` and
# a :term:`learning rate` of 0.1. After 20 steps, ``w`` should be within
# 0.05 of 3. Plot ``w`` after each step.

# %% [solution]
# Each step runs ``zero_grad()``, computes the loss, calls ``backward()`` and
# then ``step()``. The gradient is :math:`2(w - 3)`, so each step shrinks the
# distance to 3 by the factor :math:`1 - 0.1 \times 2 = 0.8`: after 20 steps
# ``w`` is 2.9654. The plot shows ``w`` approaching 3.

w = torch.tensor(0.0, device=device, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
history = []
for step in range(20):
    optimizer.zero_grad()
    loss = (w - 3.0) ** 2
    loss.backward()
    optimizer.step()
    history.append(w.item())
print(f"w after 20 steps: {w.item():.4f}")
print(f"distance to 3: {3.0 - w.item():.4f}")
print(f"distance after step 2 / after step 1: {(3.0 - history[1]) / (3.0 - history[0]):.4f}")

fig, ax = plt.subplots()
ax.plot(range(1, 21), history, marker="o")
ax.axhline(3.0, color="grey", linestyle="--")
ax.set_xlabel("step")
ax.set_ylabel("w")
ax.set_title("SGD brings w closer to 3 at every step")
plt.show()

# %%
# Exercise 2: a second derivative
# -------------------------------
# For :math:`f(x) = x^3` at :math:`x = 1.5`, compute the derivative
# :math:`f'(x) = 3x^2` and the :term:`second derivative` :math:`f''(x) = 6x`
# with ``torch.autograd.grad``. The results should be 6.75 and 9.

# %% [solution]
# The first call passes ``create_graph=True``, so the gradient it returns is
# part of a graph, and the second call differentiates it. The picture shows
# the graph of ``slope``, the first derivative: the backward pass of
# :math:`x^3`, recorded like any other computation.

x = torch.tensor(1.5, device=device, requires_grad=True)
f = x**3
(slope,) = torch.autograd.grad(f, x, create_graph=True)
(curvature,) = torch.autograd.grad(slope, x)
print("f'(1.5) =", slope.item(), "| f''(1.5) =", curvature.item())
# sphinx_gallery_graph = "slope"

# %%
# Exercise 3: clipping a gradient
# -------------------------------
# The gradient of :math:`\tfrac{1}{2}(w_1^2 + w_2^2)` at :math:`w = (3, 4)`
# is :math:`(3, 4)`, of :term:`norm` 5. Clip it with ``clip_grad_norm_`` to a norm of
# at most 1 and print the norm before clipping and the clipped gradient. What
# does ``clip_grad_value_`` with a limit of 1 give instead?

# %% [solution]
# ``clip_grad_norm_`` returns the norm before clipping, 5, and scales the
# gradient by :math:`1/5` to :math:`(0.6, 0.8)`, keeping its direction.
# ``clip_grad_value_`` clamps each element to :math:`[-1, 1]` and gives
# :math:`(1, 1)`, which points in another direction, as the plot shows.

w = torch.tensor([3.0, 4.0], device=device, requires_grad=True)
(0.5 * (w**2).sum()).backward()
original = w.grad.clone()
norm = torch.nn.utils.clip_grad_norm_([w], max_norm=1.0)
print("norm before clipping:", norm)
print("clip_grad_norm_: ", w.grad)
by_norm = w.grad.clone()

w.grad = original.clone()
torch.nn.utils.clip_grad_value_([w], clip_value=1.0)
print("clip_grad_value_:", w.grad)
by_value = w.grad.clone()

fig, ax = plt.subplots()
ax.plot([0.0, original[0].item()], [0.0, original[1].item()], marker="o", label="gradient")
ax.plot([0.0, by_norm[0].item()], [0.0, by_norm[1].item()], marker="o", label="clip_grad_norm_")
ax.plot([0.0, by_value[0].item()], [0.0, by_value[1].item()], marker="o", label="clip_grad_value_")
ax.set_xlabel("gradient with respect to w1")
ax.set_ylabel("gradient with respect to w2")
ax.set_aspect("equal")
ax.set_title("Only clipping by norm keeps the direction")
ax.legend()
plt.show()

# %%
# Key points
# ----------
# - An optimizer loop repeats ``zero_grad()``, the loss, ``backward()`` and
#   ``step()``.
# - A gradient computed with ``create_graph=True`` can be differentiated
#   again, for a second derivative.
# - ``clip_grad_norm_`` scales all gradients and keeps their direction;
#   ``clip_grad_value_`` clamps each element and can change it.

"""
Your first gradient
===================

Autograd records the operations done on tensors that require gradients and
can then compute derivatives. This page builds a scalar loss from one number,
calls ``backward()`` and reads the gradient, then checks it against the
derivative worked out by hand.
"""

import os

import matplotlib.pyplot as plt
import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# Ask autograd to track a tensor
# ------------------------------
# ``requires_grad=True`` tells autograd to record every operation that uses
# this tensor. Only floating-point tensors can require gradients.

x = torch.tensor(3.0, device=device, requires_grad=True)
print("x =", x)
print("x.requires_grad:", x.requires_grad)

# %%
# Compute a scalar loss
# ---------------------
# The loss :math:`L = x^2 + 2x + 1` is an ordinary expression. Because ``x``
# requires gradients, the result remembers the last operation that produced it
# in ``grad_fn``. Behind that operation, autograd recorded all the others: the
# picture under the code is this computation graph. To draw such pictures on
# your own machine, see :doc:`/torchviz`.

loss = x**2 + 2 * x + 1
print("loss =", loss)
print("loss.grad_fn:", loss.grad_fn.name())
# sphinx_gallery_graph = "loss"

# %%
# Call ``backward()`` and read ``.grad``
# --------------------------------------
# ``loss.backward()`` computes :math:`dL/dx` and stores it in ``x.grad``. By
# hand, :math:`dL/dx = 2x + 2`, which is 8 at :math:`x = 3`.

loss.backward()
print("x.grad =", x.grad)
print("2x + 2 =", 2 * x.item() + 2)

# %%
# The gradient is a slope
# -----------------------
# The gradient is the slope of the loss at ``x``: the line through
# :math:`(3, L(3))` with slope ``x.grad`` touches the curve there.

xs = torch.linspace(-4.0, 6.0, 200)
slope = x.grad.item()
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(xs, xs**2 + 2 * xs + 1, label="L(x)")
ax.plot(xs, loss.item() + slope * (xs - x.item()), "--", label="tangent at x = 3")
ax.plot([x.item()], [loss.item()], "o", color="black")
ax.set_xlabel("x")
ax.set_ylim(-10, 50)
ax.set_title("The gradient is the slope of the tangent")
ax.legend()
plt.show()

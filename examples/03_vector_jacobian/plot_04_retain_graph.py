"""
Backward twice: ``retain_graph``
================================

To compute gradients, autograd keeps intermediate results of the forward pass
in the graph. ``backward()`` frees them once it is done, so a second call on
the same graph fails. This page shows the error and how ``retain_graph=True``
avoids it.
"""

import os

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# A second ``backward()`` fails
# -----------------------------
# The derivative of :math:`e^x` is :math:`e^x`, so the backward function of
# ``exp`` saves its result. After the first ``backward()``, that saved tensor
# is freed, and the second call raises an error.

x = torch.tensor([0.0, 1.0], device=device, requires_grad=True)
y = torch.exp(x).sum()
y.backward()
print("x.grad =", x.grad)
try:
    y.backward()
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# Keeping the graph
# -----------------
# ``retain_graph=True`` keeps the saved tensors, so the graph can be walked
# again. Each call adds its gradient to ``.grad``: after two calls, ``x.grad``
# holds twice :math:`e^x`.

x = torch.tensor([0.0, 1.0], device=device, requires_grad=True)
y = torch.exp(x).sum()
y.backward(retain_graph=True)
y.backward()
print("x.grad =", x.grad)
print("2 * exp(x) =", 2 * torch.exp(x.detach()))

# %%
# When you need it
# ----------------
# Retaining the graph costs memory until the graph is released, so use it
# only when you really walk the same graph twice, for example to take the
# gradients of two losses that share a part of the graph one after the
# other. In most training loops, each iteration builds a new graph and never
# needs it. Here the two gradients add up to :math:`e^x + 2e^{2x}`.

x = torch.tensor([0.0, 1.0], device=device, requires_grad=True)
shared = torch.exp(x)
first_loss = shared.sum()
second_loss = (shared**2).sum()
first_loss.backward(retain_graph=True)
second_loss.backward()
print("x.grad after both losses =", x.grad)
print("exp(x) + 2 exp(2x) =", torch.exp(x.detach()) + 2 * torch.exp(2 * x.detach()))

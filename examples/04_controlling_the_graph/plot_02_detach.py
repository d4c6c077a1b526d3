r"""
Cutting a branch: ``detach()``
==============================

``detach()`` returns a tensor with the same values that is not part of the
graph. Gradients do not flow through it. This page detaches one factor of
:math:`z = \log(x_1 x_2) \sin(x_1 x_2)` and works out the gradient that is
left.
"""

import math
import os

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# What ``detach()`` returns
# -------------------------
# The detached tensor does not require gradients and has no ``grad_fn``, but
# it shares memory with the original: it is a view of the same values, not a
# copy.

x = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
y = x * 2
frozen = y.detach()
print("frozen.requires_grad:", frozen.requires_grad, "| frozen.grad_fn:", frozen.grad_fn)
print("same values:", torch.equal(frozen, y))
print("shares memory:", frozen.data_ptr() == y.data_ptr())

# %%
# Detaching one factor
# --------------------
# Here the logarithm receives the detached :math:`y_1 = x_1 x_2`, so
# autograd treats :math:`\log y_1` as a constant. The picture shows the graph
# that is left: the logarithm does not appear in it at all.

x1 = torch.tensor(1.0, device=device, requires_grad=True)
x2 = torch.tensor(2.0, device=device, requires_grad=True)
y1 = x1 * x2
y2 = torch.log(y1.detach())
y3 = torch.sin(y1)
z = y2 * y3
z.backward()
print(f"dz/dx1 = {x1.grad.item():.4f}")
print(f"dz/dx2 = {x2.grad.item():.4f}")
# sphinx_gallery_graph = {"of": "z", "highlight": ["y1"]}

# %%
# The numbers by hand
# -------------------
# Only the path through :math:`\sin` remains:
# :math:`\partial z / \partial x_1 = \log(y_1) \cos(y_1)\, x_2` and
# :math:`\partial z / \partial x_2 = \log(y_1) \cos(y_1)\, x_1`, with
# :math:`y_1 = 2`. Without ``detach()`` both gradients would be positive
# (:math:`0.3324` and :math:`0.1662`); cutting a branch can change a gradient
# completely, so detach only what must not be trained.

common = math.log(2.0) * math.cos(2.0)
print(f"by hand: dz/dx1 = {common * 2.0:.4f}, dz/dx2 = {common * 1.0:.4f}")

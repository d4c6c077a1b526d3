r"""
Cutting a branch: ``detach()``
==============================

``detach()`` returns a tensor with the same values that is not part of the
:term:`computation graph`. :term:`Gradients <gradient>` do not flow through
it. This page detaches one factor of :math:`z = \log(x_1 x_2) \sin(x_1 x_2)`
and compares the gradient that is left with the full one.
"""

import math
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# What ``detach()`` returns
# -------------------------
# The detached tensor does not :term:`require gradients <requires gradients>`
# and has no ``grad_fn``, but it shares memory with the original: it is a
# :term:`view` of the same values, not a copy. Changing it in place changes
# the original too, which :doc:`the page on .data versus detach()
# </auto_examples/04_controlling_the_graph/plot_06_data_versus_detach>`
# examines.

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
# autograd treats :math:`\log y_1` as a constant. The picture shows the
# backward pass through the graph that is left: the logarithm does not appear
# in it at all, so no gradient flows into it, and :math:`y_1` receives only
# what comes through :math:`\sin`.

x1 = torch.tensor(1.0, device=device, requires_grad=True)
x2 = torch.tensor(2.0, device=device, requires_grad=True)
y1 = x1 * x2
y2 = torch.log(y1.detach())
y3 = torch.sin(y1)
z = y2 * y3
z.backward()
print(f"dz/dx1 = {x1.grad.item():.4f}")
print(f"dz/dx2 = {x2.grad.item():.4f}")
# sphinx_gallery_graph = {"of": "z", "highlight": ["y1"], "backward": True}

# %%
# The numbers by hand
# -------------------
# Only the path through :math:`\sin` remains:
# :math:`\partial z / \partial x_1 = \log(y_1) \cos(y_1)\, x_2` and
# :math:`\partial z / \partial x_2 = \log(y_1) \cos(y_1)\, x_1`, with
# :math:`y_1 = 2`. Both are negative, because :math:`\cos 2 < 0`.

common = math.log(2.0) * math.cos(2.0)
print(f"by hand: dz/dx1 = {common * 2.0:.4f}, dz/dx2 = {common * 1.0:.4f}")

# %%
# Without ``detach()``
# --------------------
# The same function without ``detach()`` keeps both paths, and both
# gradients are positive: :math:`0.3324` and :math:`0.1662`. In its backward
# pass, two gradients reach :math:`y_1`, one through :math:`\log` and one
# through :math:`\sin`, and they add up. Cutting a branch can change a
# gradient completely, so detach only what must not be trained.

x1 = torch.tensor(1.0, device=device, requires_grad=True)
x2 = torch.tensor(2.0, device=device, requires_grad=True)
y1 = x1 * x2
z = torch.log(y1) * torch.sin(y1)
z.backward()
print(f"without detach: dz/dx1 = {x1.grad.item():.4f}, dz/dx2 = {x2.grad.item():.4f}")
# sphinx_gallery_graph = {"of": "z", "highlight": ["y1"], "backward": True}

# %%
# Key points
# ----------
# - ``detach()`` gives a tensor with the same memory and no history, so no
#   gradient flows back through it.
# - Detaching a branch removes its contribution from every gradient, which
#   can change their values and even their signs.
# - A :term:`hidden state` carried from one iteration of a training loop to
#   the next must be detached, as :doc:`the page on training-loop leaks
#   </auto_examples/05_pitfalls/plot_14_training_loop_leaks>` shows.

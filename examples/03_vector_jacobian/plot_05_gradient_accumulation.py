"""
Gradients add up
================

``backward()`` adds to ``.grad``; it never overwrites it. This page shows
gradients accumulating across calls, the ways to reset them, and where in the
graph gradients start and where they land.
"""

import os

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# Two calls, summed gradients
# ---------------------------
# For :math:`y = 3a + 2b^2 + \log c` at :math:`a = b = c = 1`, one backward
# pass gives the gradients :math:`3`, :math:`4` and :math:`1`. Two passes
# give twice as much.

a = torch.tensor(1.0, device=device, requires_grad=True)
b = torch.tensor(1.0, device=device, requires_grad=True)
c = torch.tensor(1.0, device=device, requires_grad=True)
y = 3 * a + 2 * b * b + torch.log(c)
y.backward(retain_graph=True)
print("after one call: ", a.grad.item(), b.grad.item(), c.grad.item())
y.backward()
print("after two calls:", a.grad.item(), b.grad.item(), c.grad.item())

# %%
# Resetting by hand
# -----------------
# ``grad.zero_()`` fills the stored gradient with zeros in place; setting
# ``.grad`` to ``None`` drops it, and the next ``backward()`` creates a new
# one.

a.grad.zero_()
b.grad = None
print("a.grad:", a.grad)
print("b.grad:", b.grad)

# %%
# Resetting in a training loop
# ----------------------------
# An optimizer resets the gradients of all its parameters with
# ``zero_grad()``. Since PyTorch 2.0 it sets them to ``None`` by default
# (``set_to_none=True``), which saves memory and a pass over the tensors;
# ``set_to_none=False`` fills them with zeros, the old default.

weight = torch.tensor([1.0, -2.0], device=device, requires_grad=True)
optimizer = torch.optim.SGD([weight], lr=0.1)
(weight**2).sum().backward()
optimizer.step()
print("weight after one step:", weight.detach())
optimizer.zero_grad()
print("after zero_grad():", weight.grad)
(weight**2).sum().backward()
optimizer.zero_grad(set_to_none=False)
print("after zero_grad(set_to_none=False):", weight.grad)

# %%
# Accumulating on purpose
# -----------------------
# Accumulation is useful: the gradient of a sum is the sum of the gradients,
# so a large batch can be processed in smaller pieces, each with its own
# ``backward()``, before one optimizer step.

data = torch.tensor([1.0, 2.0, 3.0, 4.0], device=device)
weight = torch.tensor(0.5, device=device, requires_grad=True)
((weight * data) ** 2).sum().backward()
whole_batch = weight.grad.clone()
weight.grad = None
for piece in data.split(2):
    ((weight * piece) ** 2).sum().backward()
print("whole batch:", whole_batch.item(), "| two pieces:", weight.grad.item())

# %%
# Roots and leaves
# ----------------
# The graph reads like a tree. ``backward()`` starts at the *root*, the output
# it is called on; the gradients flow along the edges and are stored only at
# the *leaves* that require gradients, through their ``AccumulateGrad``
# nodes, which is where they add up. Intermediate tensors such as ``square``
# pass gradients on but keep none (see the autograd chapter's page on the
# computation graph).

a = torch.tensor(1.0, device=device, requires_grad=True)
b = torch.tensor(1.0, device=device, requires_grad=True)
square = 2 * b * b
y = 3 * a + square
print("root:", y.grad_fn.name(), "| leaves:", a.is_leaf, b.is_leaf, "| square is a leaf:", square.is_leaf)
# sphinx_gallery_graph = {"of": "y", "highlight": ["a", "b"]}

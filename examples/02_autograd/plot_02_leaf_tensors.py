"""
Leaf tensors and ``grad_fn``
============================

Autograd tells apart the tensors you create and the tensors computed from
them. This page switches gradient tracking on after creation, reads
``is_leaf`` and ``grad_fn``, and notes what changed since older PyTorch
releases.
"""

import os

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# Switching tracking on later
# ---------------------------
# A tensor created without ``requires_grad=True`` can start requiring
# gradients later: ``requires_grad_()`` changes the flag in place and returns
# the tensor, and assigning the attribute does the same.

scale = torch.tensor([2.0, 3.0], device=device)
print("before:", scale.requires_grad)
scale.requires_grad_()
print("after requires_grad_():", scale.requires_grad)
offset = torch.tensor([1.0, 1.0], device=device)
offset.requires_grad = True
print("after assignment:", offset.requires_grad)

# %%
# Leaves and results
# ------------------
# Every tensor you create is a leaf. A result of an operation on a tensor that
# requires gradients is not a leaf: it has a ``grad_fn``, the backward
# function that autograd will call for it. A result computed only from tensors
# that do not require gradients is a leaf again, with no ``grad_fn``.

result = scale * offset
constant = torch.tensor([4.0, 5.0], device=device) * 2
for name, tensor in [("scale", scale), ("result", result), ("constant", constant)]:
    grad_fn = tensor.grad_fn.name() if tensor.grad_fn else None
    print(f"{name}: is_leaf={tensor.is_leaf}, requires_grad={tensor.requires_grad}, grad_fn={grad_fn}")

# %%
# The names of backward functions
# -------------------------------
# ``grad_fn.name()`` gives the name of the backward function. The name says
# which operation produced the tensor, and it is stable, unlike the printed
# object, which contains a memory address.

total = (result**2).mean()
product = torch.mm(result.view(1, 2), scale.view(2, 1))
print("result:", result.grad_fn.name())
print("result**2:", (result**2).grad_fn.name())
print("mean:", total.grad_fn.name())
print("mm:", product.grad_fn.name())

# %%
# What changed since older releases
# ---------------------------------
# Material written for PyTorch 0.4 and 1.x shows names without the trailing
# number (``MmBackward``, ``ExpBackward``) or other numbers
# (``MeanBackward1`` for a full mean). PyTorch 2 prints ``MmBackward0``,
# ``ExpBackward0`` and ``MeanBackward0``. Older material also wraps tensors in
# ``torch.autograd.Variable``: since PyTorch 0.4, ``Variable`` is merged into
# :class:`torch.Tensor`, and calling it simply returns a tensor.

wrapped = torch.autograd.Variable(torch.ones(2, device=device), requires_grad=True)
print("type:", type(wrapped).__name__)
print("exp:", wrapped.exp().grad_fn.name())

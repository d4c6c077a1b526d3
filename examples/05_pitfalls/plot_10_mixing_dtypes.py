"""
Mixing data types
=================

PyTorch combines tensors of different data types by *type promotion*: the
result takes a type that can hold both. Some combinations are promoted
silently, some fail. This page also corrects a claim of older material,
that ``backward()`` works only with ``float32``.
"""

import os

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# Silently promoted
# -----------------
# Element-wise arithmetic promotes: ``float32`` with ``float64`` gives
# ``float64``, an integer tensor with a float tensor or a Python float gives
# a float tensor. Nothing warns you that the precision or memory changed.

singles = torch.ones(2, device=device)
doubles = torch.ones(2, dtype=torch.float64, device=device)
integers = torch.tensor([1, 2], device=device)
print("float32 + float64:", (singles + doubles).dtype)
print("int64 + float32:", (integers + singles).dtype)
print("int64 * 0.5:", (integers * 0.5).dtype)

# %%
# What fails
# ----------
# Matrix products do not promote: both operands must have the same type.
# An in-place operation cannot change its tensor's type, so adding a float to
# an integer tensor in place fails.

try:
    torch.mm(torch.ones(2, 2, device=device), torch.ones(2, 2, dtype=torch.float64, device=device))
except RuntimeError as error:
    print("RuntimeError:", error)
try:
    integers += 0.5
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# Gradients with mixed types work
# -------------------------------
# Material written for older PyTorch shows ``backward()`` failing on a
# ``float64`` tensor multiplied by a ``float32`` one, and concludes that
# autograd needs ``float32``. In PyTorch 2.13 this works: the product is
# ``float64``, and each gradient has the type of its own leaf.

x = torch.tensor(3.0, dtype=torch.float64, device=device, requires_grad=True)
c = torch.tensor(2.0, device=device, requires_grad=True)
y = x * c
y.backward()
print("y:", y)
print("x.grad:", x.grad, "| c.grad:", c.grad)

# %%
# Converting on purpose
# ---------------------
# Choose the type when you create a tensor, with ``dtype=``, and convert with
# ``.to(dtype)``. Converting a float to an integer type drops the fractional
# part.

print(torch.tensor(3.5, device=device).to(torch.int32))
print(torch.tensor(3.1514, dtype=torch.float64, device=device))

"""
Creating tensors
================

A tensor is PyTorch's n-dimensional array of numbers. This page creates
tensors from Python data and with constructors, reads their shape and data
type, and combines them with basic arithmetic.
"""

import os

import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# From Python data
# ----------------
# :func:`torch.tensor` copies nested Python lists into a new tensor. The data
# type is inferred from the values: integers give ``torch.int64``, numbers with
# a decimal point give ``torch.float32``.

counts = torch.tensor([[1, 2], [3, 4]], device=device)
weights = torch.tensor([[0.5, 1.5], [2.5, 3.5]], device=device)
print("counts:", counts, sep="\n")
print("counts.dtype:", counts.dtype)
print("weights.dtype:", weights.dtype)

# %%
# From a shape
# ------------
# Constructors such as :func:`torch.zeros`, :func:`torch.ones` and
# :func:`torch.rand` take a shape and fill it. The ``dtype`` argument chooses
# the data type; random values come from the generator seeded at the top of
# the page, so they are the same on every run.

zeros = torch.zeros(2, 3, dtype=torch.int32, device=device)
uniform = torch.rand(2, 3, device=device)
print("zeros:", zeros, sep="\n")
print("uniform:", uniform, sep="\n")

# %%
# Shape and size
# --------------
# ``shape`` and ``size()`` give the same answer, a :class:`torch.Size`, which
# behaves like a tuple.

print("uniform.shape:", uniform.shape)
print("uniform.size():", uniform.size())
print("rows, columns:", uniform.shape[0], uniform.shape[1])

# %%
# Adding tensors
# --------------
# Addition has several spellings. ``a + b`` and ``torch.add(a, b)`` return a
# new tensor; ``out=`` writes the result into an existing tensor; ``add_``
# changes its tensor in place. A trailing underscore always marks an in-place
# method.

total = weights + weights
same_total = torch.add(weights, weights)
result = torch.empty(2, 2, device=device)
torch.add(weights, weights, out=result)
print("a + b:", total, sep="\n")
print("all three agree:", torch.equal(total, same_total) and torch.equal(total, result))

weights.add_(1.0)
print("weights after add_(1.0):", weights, sep="\n")

# %%
# Element-wise functions
# ----------------------
# Functions such as :func:`torch.sin` apply to every element at once. Here
# :func:`torch.linspace` makes 200 evenly spaced points and the figure shows
# the sine and the square of each.

points = torch.linspace(-3.0, 3.0, 200)
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(points, torch.sin(points), label="sin(x)")
ax.plot(points, points**2 / 9, label="x² / 9")
ax.set_xlabel("x")
ax.legend()
plt.show()

# %%
# The figure plots tensors directly: matplotlib reads CPU tensors as arrays.

# %% [cuda]
# Moving a tensor to the GPU
# --------------------------
# ``.to("cuda")`` copies a tensor to the GPU and ``.cpu()`` brings it back.
# This cell needs a GPU; on a machine without one it prints nothing.

if torch.cuda.is_available():
    on_gpu = counts.to("cuda")
    print("on_gpu.device:", on_gpu.device)
    print("back on the CPU:", on_gpu.cpu().device)

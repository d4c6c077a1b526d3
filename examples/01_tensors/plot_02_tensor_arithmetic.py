"""
Arithmetic on tensors
=====================

Operations on tensors work element by element. This page shows the several
ways to write an addition, what the trailing underscore of a method name
means, and plots element-wise functions.
"""

import os

import matplotlib.pyplot as plt
import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# Adding tensors
# --------------
# Addition has several spellings. ``a + b`` and ``torch.add(a, b)`` return a
# new tensor; ``out=`` writes the result into an existing tensor; ``add_``
# changes its tensor in place. A trailing underscore always marks an in-place
# method.

weights = torch.tensor([[0.5, 1.5], [2.5, 3.5]], device=device)
total = weights + weights
same_total = torch.add(weights, weights)
result = torch.empty(2, 2, device=device)
torch.add(weights, weights, out=result)
print("a + b:", total, sep="\n")
print("all three agree:", torch.equal(total, same_total) and torch.equal(total, result))

weights.add_(1.0)
print("weights after add_(1.0):", weights, sep="\n")

# %%
# Other in-place methods
# ----------------------
# The convention holds across the library: ``mul_``, ``copy_``, ``t_`` and
# ``zero_`` change the tensor they are called on, and their counterparts
# without the underscore return a new tensor and leave it alone.

square = torch.tensor([[1.0, 2.0], [3.0, 4.0]], device=device)
transposed = square.t()
print("t() leaves square alone:", square.tolist())
square.t_()
print("after t_():", square.tolist())
square.zero_()
print("after zero_():", square.tolist())

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
ax.set_title("One call computes the function at all 200 points")
ax.legend()
plt.show()

# %%
# The figure plots tensors directly: matplotlib reads CPU tensors as arrays.

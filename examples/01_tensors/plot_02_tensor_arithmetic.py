"""
Arithmetic on tensors
=====================

Arithmetic operators work :term:`element by element <element-wise>`. This
page shows the several ways to write an addition, what the trailing
underscore of a method name means, and plots element-wise functions.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

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
# The convention holds across the library: ``mul_`` and ``t_`` change the
# tensor they are called on, while ``mul`` and ``t`` leave it alone and return
# their result. Some in-place methods have no twin without the underscore:
# there is no ``Tensor.copy`` and no ``Tensor.zero``, and ``clone()`` and
# :func:`torch.zeros_like` make the new tensors instead.

square = torch.tensor([[1.0, 2.0], [3.0, 4.0]], device=device)
doubled = square.mul(2.0)
print("mul(2.0) returns:", doubled.tolist(), "| square:", square.tolist())
square.mul_(2.0)
print("after mul_(2.0):", square.tolist())
square.t_()
print("after t_():", square.tolist())
print("Tensor.copy exists:", hasattr(torch.Tensor, "copy"))
print("Tensor.zero exists:", hasattr(torch.Tensor, "zero"))

# %%
# ``t()`` returns a view
# ----------------------
# A method without the underscore does not always copy. ``t()`` returns a
# :term:`view`: a new tensor object that reads the same memory in another
# order. An in-place change to the original therefore shows up in the
# transposed tensor too.

transposed = square.t()
print("transposed:", transposed.tolist())
square.zero_()
print("transposed after square.zero_():", transposed.tolist())

# %%
# Element-wise functions
# ----------------------
# Functions such as :func:`torch.sin` apply to every element at once. Here
# :func:`torch.linspace` makes 200 evenly spaced points and the figure shows
# the sine and the square of each. The figure plots the tensors directly:
# matplotlib reads CPU tensors as arrays.

points = torch.linspace(-3.0, 3.0, 200)
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(points, torch.sin(points), label="sin(x)")
ax.plot(points, points**2 / 9, label="x² / 9")
ax.set_xlabel("x")
ax.set_title("One call computes the function at all 200 points")
ax.legend()
plt.show()

# %%
# Key points
# ----------
# - Arithmetic operators such as ``+`` and ``*`` work element by element;
#   :doc:`/auto_examples/01_tensors/plot_06_broadcasting_and_matrix_products`
#   covers tensors of different shapes and the matrix product.
# - A trailing underscore marks an :term:`in-place operation`: ``add_``,
#   ``mul_``, ``t_`` and ``zero_`` change their own tensor.
# - A result without the underscore can still share memory: ``t()`` returns a
#   view of the same elements.
# - Autograd has rules for in-place changes, shown on the pages about
#   :doc:`an in-place change to a leaf tensor
#   </auto_examples/05_pitfalls/plot_07_in_place_on_leaf>` and :doc:`a
#   modified saved tensor </auto_examples/05_pitfalls/plot_08_modified_saved_tensor>`.

"""
Exercises: tensors
==================

These :term:`exercises <exercise>` practise what :doc:`/auto_examples/01_tensors/plot_03_indexing_and_reshaping`
and :doc:`/auto_examples/01_tensors/plot_06_broadcasting_and_matrix_products`
teach: :term:`views <view>` and copies, :term:`broadcasting` and the :term:`matrix product`.
Try each problem first, then open its :term:`solution`, which runs and prints its
check.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Exercise 1: a view or a copy?
# -----------------------------
# Start from ``grid = torch.arange(12.0).reshape(3, 4)``. Which of these
# results share memory with ``grid``: ``grid[0]``, ``grid[:, 1:3]``,
# ``grid[grid > 6]``, ``grid.view(12)`` and ``grid.t().reshape(12)``?
# Predict, then check by filling each result with ``-1.0`` and looking at
# whether ``grid`` changed.

# %% [solution]
# Integers and slices give a view, and so does ``view``; a boolean
# index copies, and ``reshape`` copies a transposed tensor, whose memory
# ``view`` could not read in the new order. The solution fills each result
# of a fresh ``grid`` and compares ``grid`` with its values before.

results = {
    "grid[0]": lambda grid: grid[0],
    "grid[:, 1:3]": lambda grid: grid[:, 1:3],
    "grid[grid > 6]": lambda grid: grid[grid > 6],
    "grid.view(12)": lambda grid: grid.view(12),
    "grid.t().reshape(12)": lambda grid: grid.t().reshape(12),
}
for name, take in results.items():
    grid = torch.arange(12.0, device=device).reshape(3, 4)
    take(grid).fill_(-1.0)
    changed = not torch.equal(grid, torch.arange(12.0, device=device).reshape(3, 4))
    print(f"{name:<22} shares memory with grid: {changed}")

# %%
# Exercise 2: dividing each row by its sum
# ----------------------------------------
# ``scores`` has the shape ``(4, 3)``: four rows of three positive numbers,
# and ``scores.sum(dim=1)`` gives the four row sums, with the shape ``(4,)``.
# Divide every row by its own sum, so that each row sums to 1. Why does
# ``scores / scores.sum(dim=1)`` fail, and what fixes it?

# %% [solution]
# Lined up from the last dimension, the ``(4,)`` of the sums meets the 3 of
# the rows, and the shapes do not broadcast. ``unsqueeze(1)`` turns the sums
# into a column of shape ``(4, 1)``, which is stretched along each row. The
# picture shows the result: every row now sums to 1.

scores = torch.tensor([[1.0, 1.0, 2.0], [3.0, 0.0, 1.0], [2.0, 2.0, 4.0], [1.0, 3.0, 0.0]], device=device)
row_sums = scores.sum(dim=1)
try:
    scores / row_sums
except RuntimeError as error:
    print("RuntimeError:", error)
shares = scores / row_sums.unsqueeze(1)
print("row_sums.unsqueeze(1).shape:", row_sums.unsqueeze(1).shape)
print("shares:", shares, sep="\n")
print("row sums of shares:", shares.sum(dim=1))

values = shares.cpu()
fig, ax = plt.subplots(figsize=(4.5, 3.5))
ax.imshow(values, cmap="Blues", vmin=0.0, vmax=1.0)
for i in range(values.shape[0]):
    for j in range(values.shape[1]):
        ax.text(j, i, f"{values[i, j]:.2f}", ha="center", va="center")
ax.set_xticks(range(3))
ax.set_yticks(range(4))
ax.set_xlabel("column")
ax.set_ylabel("row")
ax.set_title("Each row divided by its (4, 1) sum adds up to 1")
fig.tight_layout()
plt.show()

# %%
# Exercise 3: a matrix product without ``@``
# ------------------------------------------
# ``x`` has the shape ``(5, 3)`` and ``W`` the shape ``(3, 2)``. What is the
# shape of ``x @ W``? Element :math:`(i, j)` of the product is
# :math:`\sum_k x_{ik} W_{kj}`: compute the same tensor with broadcasting,
# ``*`` and a sum over one dimension instead of ``@``, and check that the two
# agree.

# %% [solution]
# ``x.unsqueeze(2)`` has the shape ``(5, 3, 1)`` and broadcasts with ``W``,
# of shape ``(3, 2)``, to ``(5, 3, 2)``: element :math:`(i, k, j)` is
# :math:`x_{ik} W_{kj}`. Summing over dimension 1, the index :math:`k`,
# leaves the ``(5, 2)`` product.

torch.manual_seed(0)
x = torch.randn(5, 3, device=device)
W = torch.randn(3, 2, device=device)
products = x.unsqueeze(2) * W
by_hand = products.sum(dim=1)
print("(x @ W).shape:", (x @ W).shape)
print("x.unsqueeze(2).shape:", x.unsqueeze(2).shape)
print("products.shape:", products.shape, "| by_hand.shape:", by_hand.shape)
print("same as x @ W:", torch.allclose(by_hand, x @ W))

# %%
# Key points
# ----------
# - Filling a result is a quick test of a view: slices and ``view`` write
#   into the original tensor, while a boolean index and a copying
#   ``reshape`` do not.
# - A size-1 dimension added with ``unsqueeze`` makes a tensor broadcast
#   along the dimension you mean.
# - A matrix product is a broadcast element-wise product followed by a sum
#   over the shared dimension.

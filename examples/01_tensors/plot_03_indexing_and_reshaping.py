"""
Indexing and reshaping
======================

Tensors are indexed and sliced like NumPy arrays, and their elements can be
viewed under another :term:`shape` without copying. This page shows which
kinds of :term:`indexing` share memory and which copy, and turns a
one-element tensor into a Python number.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Indexing and slicing
# --------------------
# An integer picks one position along a :term:`dimension`, a :term:`slice`
# ``start:stop:step`` picks a range, and a boolean tensor picks the elements
# where it is true.

grid = torch.arange(12.0, device=device).reshape(3, 4)
print("grid:", grid, sep="\n")
print("row 1:", grid[1])
print("column 1:", grid[:, 1])
print("rows 1 and 2, every other column:", grid[1:, ::2], sep="\n")
print("elements above 8:", grid[grid > 8])

# %%
# A slice shares memory
# ---------------------
# Indexing with integers and slices gives a :term:`view` of the same memory,
# not a copy: writing through it changes the original tensor. Call
# ``clone()`` when you need an independent copy.

column = grid[:, 0]
column.fill_(-1.0)
print("grid after filling column 0:", grid, sep="\n")
copy = grid[:, 1].clone()
copy.fill_(100.0)
print("column 1 is unchanged:", grid[:, 1])

# %%
# A boolean index copies
# ----------------------
# Indexing with a boolean tensor or with a tensor of positions picks
# elements that a view cannot describe, so it returns a copy: filling the
# results leaves ``grid`` unchanged. The picture compares the two cases on
# ``grid``: the slice of column 0 wrote -1 into ``grid`` itself, while the
# elements picked by ``grid > 8`` still hold 9, 10 and 11 after their copy
# was filled with zeros.

picked = grid > 8
selected = grid[picked]
rows = grid[torch.tensor([0, 2], device=device)]
selected.fill_(0.0)
rows.fill_(0.0)
print("selected:", selected)
print("grid after filling both copies:", grid, sep="\n")

values = grid.cpu()
fig, axes = plt.subplots(1, 2, figsize=(7, 3.3), layout="constrained")
axes[0].imshow(values == -1.0, cmap="Blues", vmin=0, vmax=2)
axes[0].set_title("column.fill_(-1.0) changed grid")
axes[1].imshow(picked.cpu(), cmap="Oranges", vmin=0, vmax=2)
axes[1].set_title("selected.fill_(0.0) did not")
for ax in axes:
    for row in range(3):
        for col in range(4):
            ax.text(col, row, f"{values[row, col]:g}", ha="center", va="center")
    ax.set_xticks(range(4))
    ax.set_yticks(range(3))
    ax.set_xlabel("column")
    ax.set_ylabel("row")
fig.suptitle("A slice writes into grid; a boolean index copies")
plt.show()

# %%
# ``view`` and ``reshape``
# ------------------------
# ``view`` gives the same elements under a new shape; ``-1`` lets PyTorch
# work out one dimension from the others. The number of elements must stay
# the same.

flat = grid.view(12)
wide = grid.view(-1, 6)
print("shapes:", grid.shape, flat.shape, wide.shape)
print("wide:", wide, sep="\n")

# %%
# When ``view`` refuses
# ---------------------
# ``view`` never copies, so it only works when the new shape can be read from
# the existing memory layout. A transposed tensor is laid out column by
# column, and ``view`` raises an error; ``reshape`` copies when it has to.

transposed = grid.t()
try:
    transposed.view(12)
except RuntimeError as error:
    print("RuntimeError:", error)
print("reshape works:", transposed.reshape(12))

# %%
# One number out: ``item()``
# --------------------------
# ``item()`` returns the value of a one-element tensor as a plain Python
# number, for printing or for ordinary Python arithmetic.

total = grid.sum()
print("total:", total)
print("total.item():", total.item(), type(total.item()).__name__)

# %%
# Key points
# ----------
# - Integers and slices give a view: writing through it changes the original
#   tensor.
# - A boolean index or a tensor of positions gives a copy.
# - ``view`` changes the shape without copying and refuses when the memory
#   layout does not allow it; ``reshape`` copies in that case.
# - ``item()`` turns a one-element tensor into a Python number.

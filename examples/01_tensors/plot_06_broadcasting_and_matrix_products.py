"""
Broadcasting and matrix products
================================

Element-wise arithmetic also works on tensors of different shapes, when
their shapes are compatible: this is :term:`broadcasting`. This page states
the rules, shows the error when shapes do not fit, and then contrasts the
element-wise ``*`` with the :term:`matrix product` ``@``.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# A row added to every row
# ------------------------
# A :term:`batch` of four rows of three numbers has the shape ``(4, 3)``.
# Adding a tensor of shape ``(3,)`` adds it to each of the four rows, with no
# loop and no copy of the row written by hand.

batch = torch.arange(12.0, device=device).reshape(4, 3)
row = torch.tensor([100.0, 200.0, 300.0], device=device)
print("batch.shape:", batch.shape, "| row.shape:", row.shape)
print("batch + row:", batch + row, sep="\n")

# %%
# The rules
# ---------
# PyTorch lines the two shapes up from their last :term:`dimension`. A
# missing dimension counts as size 1, and two sizes fit when they are equal or
# when one of them is 1; a size 1 is then stretched to the other size. So a
# column of shape ``(4, 1)`` and a row of shape ``(3,)`` give a ``(4, 3)``
# result: every sum of one element of each. :func:`torch.broadcast_shapes`
# applies the rules to shapes alone.

column = torch.tensor([[1.0], [2.0], [3.0], [4.0]], device=device)
print("column.shape:", column.shape)
print("column + row:", column + row, sep="\n")
print("(4, 1) with (3,):", torch.broadcast_shapes((4, 1), (3,)))
print("(2, 1, 5) with (3, 1):", torch.broadcast_shapes((2, 1, 5), (3, 1)))

# %%
# Shapes that do not fit
# ----------------------
# A tensor of shape ``(4,)``, one number per row, does not fit a ``(4, 3)``
# batch: lined up from the right, its 4 meets the batch's 3. The error names
# the two sizes and the dimension. Giving the tensor the shape ``(4, 1)``, here
# with ``unsqueeze(1)``, makes it a column that broadcasts along the rows.

per_row = torch.tensor([1.0, 2.0, 3.0, 4.0], device=device)
try:
    batch + per_row
except RuntimeError as error:
    print("RuntimeError:", error)
print("per_row.unsqueeze(1).shape:", per_row.unsqueeze(1).shape)
print("batch + per_row.unsqueeze(1):", batch + per_row.unsqueeze(1), sep="\n")

# %%
# Stretching copies nothing
# -------------------------
# A stretched dimension is not copied in memory. ``expand`` shows what
# broadcasting does: it returns a :term:`view` of ``row`` with the shape
# ``(4, 3)`` and a stride of 0 along the first dimension, so all four rows
# read the same three numbers.

stretched = row.expand(4, 3)
print("stretched.shape:", stretched.shape)
print("stretched.stride():", stretched.stride())

# %%
# A picture of broadcasting
# -------------------------
# The outer sum of a column and a row fills a whole grid: each cell is the
# sum of the element of its row in ``column`` and of its column in ``row``.

grid = (column + row).cpu()
fig, ax = plt.subplots(figsize=(4.5, 3.5))
ax.imshow(grid, cmap="Blues", vmin=0.0, vmax=600.0)
for i in range(grid.shape[0]):
    for j in range(grid.shape[1]):
        ax.text(j, i, f"{grid[i, j]:.0f}", ha="center", va="center")
ax.set_xticks(range(3), labels=["100", "200", "300"])
ax.set_yticks(range(4), labels=["1", "2", "3", "4"])
ax.set_xlabel("row (shape (3,))")
ax.set_ylabel("column (shape (4, 1))")
ax.set_title("A (4, 1) column plus a (3,) row gives a (4, 3) grid")
fig.tight_layout()
plt.show()

# %%
# ``*`` is not the matrix product
# -------------------------------
# ``a * b`` multiplies matching elements. ``a @ b`` is the matrix product: the
# element in row :math:`i` and column :math:`j` is
# :math:`\sum_k a_{ik} b_{kj}`. :func:`torch.matmul` is the same operation,
# and :func:`torch.mm` is its version for two matrices only. The two operands
# also need the same data type: :doc:`the page on mixing data types
# </auto_examples/05_pitfalls/plot_10_mixing_dtypes>` shows ``torch.mm``
# refusing ``float32`` with ``float64``.

a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], device=device)
b = torch.tensor([[0.0, 1.0], [1.0, 0.0]], device=device)
print("a * b:", a * b, sep="\n")
print("a @ b:", a @ b, sep="\n")
print("matmul and mm agree:", torch.equal(a @ b, torch.matmul(a, b)) and torch.equal(a @ b, torch.mm(a, b)))

# %%
# The shapes of a matrix product
# ------------------------------
# A matrix product needs the inner sizes to match: ``(2, 3) @ (3, 4)`` gives
# ``(2, 4)``, and ``(2, 3) @ (2, 3)`` raises an error that shows both shapes.
# A matrix times a vector of shape ``(3,)`` gives a vector of
# shape ``(2,)``, and a vector times a vector gives their dot product, a
# tensor with no dimensions.

matrix = torch.ones(2, 3, device=device)
other = torch.ones(3, 4, device=device)
vector = torch.tensor([1.0, 2.0, 3.0], device=device)
print("(2, 3) @ (3, 4):", (matrix @ other).shape)
print("(2, 3) @ (3,):", (matrix @ vector).shape, matrix @ vector)
print("(3,) @ (3,):", (vector @ vector).shape, vector @ vector)
try:
    matrix @ matrix
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# Batched matrix products
# -----------------------
# With more than two dimensions, ``@`` treats the last two as matrices and the
# dimensions before them as a batch, and those batch dimensions broadcast by
# the rules above. :func:`torch.mm` accepts matrices only and refuses a
# batch.

stack = torch.ones(5, 2, 3, device=device)
print("(5, 2, 3) @ (3, 4):", (stack @ other).shape)
print("(5, 2, 3) @ (5, 3, 4):", (stack @ torch.ones(5, 3, 4, device=device)).shape)
print("(5, 2, 3) @ (1, 3, 4):", (stack @ torch.ones(1, 3, 4, device=device)).shape)
try:
    torch.mm(stack, other)
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# Key points
# ----------
# - Shapes broadcast when, lined up from the last dimension, each pair of sizes
#   is equal or contains a 1, and the size 1 is stretched without copying.
# - ``unsqueeze`` adds the size-1 dimension that makes a tensor broadcast the
#   way you mean.
# - ``*`` multiplies element by element, while ``@`` and :func:`torch.matmul`
#   compute matrix products and treat leading dimensions as a batch.
# - :doc:`The page on gradients through broadcasting
#   </auto_examples/02_autograd/plot_08_gradients_through_broadcasting>` shows
#   what a stretched tensor means for its gradient.

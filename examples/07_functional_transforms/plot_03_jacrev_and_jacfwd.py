r"""
jacrev and jacfwd
=================

:func:`torch.func.jacrev` and :func:`torch.func.jacfwd` return the same
Jacobian matrix, built in two different ways: row by row with reverse mode,
or column by column with forward mode. This page counts the products each
way needs, and shows that the shape of the function decides which one is
cheaper.
"""

import matplotlib.pyplot as plt
import torch
from torch.utils.flop_counter import FlopCounterMode

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)

# %%
# Two functions, two shapes
# -------------------------
# For a function :math:`f: \mathbb{R}^n \to \mathbb{R}^m`, the
# :term:`Jacobian matrix` :math:`J` has one row per output and one column per
# input, :math:`J_{ij} = \partial y_i / \partial x_j`: its shape is
# :math:`(m, n)`. The page on
# :doc:`non-scalar outputs </auto_examples/03_vector_jacobian/plot_01_non_scalar_outputs>`
# introduced it. This page uses two small functions: ``wide`` takes 6 inputs
# and returns 2 outputs, ``tall`` takes 2 inputs and returns 6 outputs.

wide_weights = torch.randn(2, 6, device=device)
tall_weights = torch.randn(6, 2, device=device)


def wide(x):
    return wide_weights @ torch.tanh(x)


def tall(x):
    return torch.tanh(tall_weights @ x)


x_wide = torch.randn(6, device=device)
x_tall = torch.randn(2, device=device)
print("wide:", tuple(x_wide.shape), "->", tuple(wide(x_wide).shape))
print("tall:", tuple(x_tall.shape), "->", tuple(tall(x_tall).shape))

# %%
# The same Jacobian both ways
# ---------------------------
# Like :func:`torch.func.grad` on the
# :doc:`first page of this chapter </auto_examples/07_functional_transforms/plot_01_torch_func_grad>`,
# ``jacrev`` and ``jacfwd`` are :term:`functional transforms <functional transform>`:
# they take a function and return a new function, which computes the
# Jacobian. Both give the same matrix, of shape :math:`(m, n)`.

J_rev = torch.func.jacrev(wide)(x_wide)
J_fwd = torch.func.jacfwd(wide)(x_wide)
print("jacrev(wide) shape:", tuple(J_rev.shape))
print("jacfwd(wide) shape:", tuple(J_fwd.shape))
print("same Jacobian:", torch.allclose(J_rev, J_fwd))

# %%
# Row by row: one vector-Jacobian product per output
# --------------------------------------------------
# Reverse mode computes a :term:`vector-Jacobian product`
# :math:`v^\top J`. With :math:`v` the :math:`i`-th unit vector, the
# product is row :math:`i` of :math:`J`. :func:`torch.func.vjp` runs the
# function once and returns a function that computes such products, so
# building the whole Jacobian this way takes one product per output: the
# loop below counts them. This is what ``jacrev`` does, with all the rows
# computed together by :func:`torch.func.vmap`.


def jacobian_by_rows(f, x):
    y, vjp_fn = torch.func.vjp(f, x)
    rows = []
    for i in range(y.numel()):
        unit = torch.zeros_like(y)
        unit[i] = 1.0
        (row,) = vjp_fn(unit)
        rows.append(row)
    return torch.stack(rows), len(rows)


J_rows, vjp_calls = jacobian_by_rows(wide, x_wide)
print("wide: vector-Jacobian products needed:", vjp_calls)
print("same as jacrev:", torch.allclose(J_rows, J_rev))

# %%
# Column by column: one Jacobian-vector product per input
# -------------------------------------------------------
# Forward mode computes a :term:`Jacobian-vector product` :math:`J v`. With
# :math:`v` the :math:`j`-th unit vector, the product is column :math:`j` of
# :math:`J`. :func:`torch.func.jvp` gives one such product per call, so the
# whole Jacobian takes one product per input. This is what ``jacfwd`` does,
# again with all the columns computed together by ``vmap``.


def jacobian_by_columns(f, x):
    columns = []
    for j in range(x.numel()):
        unit = torch.zeros_like(x)
        unit[j] = 1.0
        _, column = torch.func.jvp(f, (x,), (unit,))
        columns.append(column)
    return torch.stack(columns, dim=1), len(columns)


J_columns, jvp_calls = jacobian_by_columns(wide, x_wide)
print("wide: Jacobian-vector products needed:", jvp_calls)
print("same as jacfwd:", torch.allclose(J_columns, J_fwd))

# %%
# The shape decides
# -----------------
# For ``wide`` (2 outputs, 6 inputs), rows cost 2 products and columns 6.
# For ``tall`` (6 outputs, 2 inputs) it is the other way round. Each product
# costs about as much as one evaluation of the function, so for
# :math:`f: \mathbb{R}^n \to \mathbb{R}^m`, ``jacrev`` is the cheaper one
# when :math:`m < n` (fewer outputs than inputs: a loss is the extreme case,
# :math:`m = 1`), and ``jacfwd`` when :math:`n < m`.

for name, f, x in [("wide", wide, x_wide), ("tall", tall, x_tall)]:
    _, rows = jacobian_by_rows(f, x)
    _, columns = jacobian_by_columns(f, x)
    print(f"{name}: {rows} vector-Jacobian products (rows), {columns} Jacobian-vector products (columns)")

# %%
# Inside jacrev and jacfwd
# ------------------------
# The transforms themselves follow the same rule. ``vmap`` turns their
# batch of products into matrix products, and
# :class:`torch.utils.flop_counter.FlopCounterMode` counts the floating-point
# operations of those matrix products: a count, not a timing. For ``wide``,
# ``jacfwd`` needs 144 operations and ``jacrev`` 48, in the ratio of 6
# columns to 2 rows; for ``tall`` the numbers swap.

for name, f, x in [("wide", wide, x_wide), ("tall", tall, x_tall)]:
    with FlopCounterMode(display=False) as reverse_count:
        torch.func.jacrev(f)(x)
    with FlopCounterMode(display=False) as forward_count:
        torch.func.jacfwd(f)(x)
    print(f"{name}: jacrev {reverse_count.get_total_flops()} operations, "
          f"jacfwd {forward_count.get_total_flops()} operations")

# %%
# Rows and columns in a picture
# -----------------------------
# The two Jacobians, with the side each transform walks along: ``jacrev``
# fills the 2 rows of the wide Jacobian, ``jacfwd`` the 2 columns of the tall
# one.

J_tall = torch.func.jacfwd(tall)(x_tall)
print("jacfwd(tall) shape:", tuple(J_tall.shape))
print("same as jacrev(tall):", torch.allclose(J_tall, torch.func.jacrev(tall)(x_tall)))

fig, (ax_wide, ax_tall) = plt.subplots(1, 2, figsize=(8, 4), width_ratios=[3, 1.3])
ax_wide.imshow(J_rev.cpu(), cmap="coolwarm", vmin=-1.5, vmax=1.5)
for i in range(2):
    for j in range(6):
        ax_wide.text(j, i, f"{J_rev[i, j].item():.2f}", ha="center", va="center", fontsize=8)
ax_wide.axhline(0.5, color="black", linewidth=2)
ax_wide.set_yticks(range(2), labels=["row 1", "row 2"])
ax_wide.set_xticks(range(6), labels=["1", "2", "3", "4", "5", "6"])
ax_wide.set_xlabel("input")
ax_wide.set_title("wide: jacrev, one row per output")
ax_tall.imshow(J_tall.cpu(), cmap="coolwarm", vmin=-1.5, vmax=1.5)
for i in range(6):
    for j in range(2):
        ax_tall.text(j, i, f"{J_tall[i, j].item():.2f}", ha="center", va="center", fontsize=8)
ax_tall.axvline(0.5, color="black", linewidth=2)
ax_tall.set_xticks(range(2), labels=["column 1", "column 2"], rotation=90)
ax_tall.set_yticks(range(6), labels=["1", "2", "3", "4", "5", "6"])
ax_tall.set_ylabel("output")
ax_tall.set_title("tall: jacfwd,\none column per input")
fig.suptitle("Build the Jacobian along its shorter side")
fig.tight_layout()
plt.show()

# %%
# The Hessian: jacfwd of jacrev
# -----------------------------
# The :term:`Hessian matrix` of a scalar function is the Jacobian of its
# gradient. The inner step has one output, so ``jacrev`` computes the
# gradient with a single product. The gradient has as many outputs as inputs,
# so for the second step both ways need the same number of products;
# :func:`torch.func.hessian` takes forward mode there, which keeps no graph
# for a backward pass (see the
# :doc:`next page </auto_examples/07_functional_transforms/plot_04_forward_mode_dual_numbers>`),
# and is exactly ``jacfwd(jacrev(f))``. For the function of the
# :doc:`page on higher-order gradients </auto_examples/06_putting_it_together/plot_03_higher_order_gradients>`,
# :math:`g(x_1, x_2) = x_1^2 x_2 + x_2^3`, it gives the same matrix,
# :math:`\begin{pmatrix} 4 & 2 \\ 2 & 12 \end{pmatrix}` at :math:`(1, 2)`.


def g(point):
    x1, x2 = point
    return x1**2 * x2 + x2**3


point = torch.tensor([1.0, 2.0], device=device)
H = torch.func.jacfwd(torch.func.jacrev(g))(point)
print("jacfwd(jacrev(g)) =", H, sep="\n")
print("same as hessian(g):", torch.equal(H, torch.func.hessian(g)(point)))

# %%
# Key points
# ----------
# - ``jacrev`` and ``jacfwd`` return the same :math:`(m, n)` Jacobian:
#   ``jacrev`` one row per output with vector-Jacobian products, ``jacfwd``
#   one column per input with Jacobian-vector products.
# - For :math:`f: \mathbb{R}^n \to \mathbb{R}^m`, ``jacrev`` is cheaper when
#   :math:`m < n` and ``jacfwd`` when :math:`n < m`.
# - :func:`torch.func.hessian` is ``jacfwd(jacrev(f))``: reverse mode for the
#   gradient, forward mode for the square Jacobian of the gradient.

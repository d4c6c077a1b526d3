"""
Gradients of sums, means, maxima and matrix products
====================================================

Each operation has a derivative that autograd applies for you. This page
computes the gradients of four common operations, three reductions and a
matrix product, and checks each one against the derivative worked out by
hand.
"""

import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# A sum of squares
# ----------------
# A :term:`reduction` combines the elements of a tensor into fewer numbers.
# For :math:`b = \sum_{ij} a_{ij}^2`, each :term:`partial derivative` is
# :math:`\partial b / \partial a_{ij} = 2 a_{ij}`: the :term:`gradient` is
# twice the tensor itself.

a = torch.randn(3, 2, device=device, requires_grad=True)
b = (a * a).sum()
b.backward()
print("a:", a, sep="\n")
print("a.grad:", a.grad, sep="\n")
print("a.grad equals 2a:", torch.allclose(a.grad, 2 * a))

# %%
# A mean
# ------
# The mean of :math:`n` elements divides their sum by :math:`n`, so every
# element gets the same gradient :math:`1/n`; here :math:`n = 6`.

a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device=device, requires_grad=True)
b = a.mean()
b.backward()
print("b =", b.item())
print("a.grad:", a.grad, sep="\n")
print("1/6 =", 1 / 6)

# %%
# A maximum
# ---------
# The maximum depends only on the largest element, so the gradient is 1 there
# and 0 everywhere else. When several elements share the maximum, the
# full-tensor ``max`` splits the gradient evenly between them.

a = torch.tensor([[1.0, 2.0, 3.0], [5.0, 6.0, 4.0]], device=device, requires_grad=True)
a.max().backward()
print("one maximum:", a.grad, sep="\n")

tied = torch.tensor([[1.0, 6.0, 3.0], [6.0, 2.0, 4.0]], device=device, requires_grad=True)
tied.max().backward()
print("two tied maxima:", tied.grad, sep="\n")

# %%
# A maximum along a dimension
# ---------------------------
# Along a :term:`dimension`, ``max`` and ``amax`` treat ties differently.
# ``max(dim=1)`` returns one index per row and gives the whole gradient to
# that index, while ``amax(dim=1)`` splits it evenly between the tied
# elements of a row. Both rows below have a tie. A maximum has no derivative where elements tie, so
# either choice is a convention; the
# :doc:`page on non-differentiable points </auto_examples/02_autograd/plot_09_non_differentiable_points>`
# covers such points.

rows = [[1.0, 6.0, 6.0], [5.0, 2.0, 5.0]]
a = torch.tensor(rows, device=device, requires_grad=True)
values, indices = a.max(dim=1)
values.sum().backward()
print("max(dim=1) indices:", indices.tolist())
print("max(dim=1) gradient:", a.grad, sep="\n")

a = torch.tensor(rows, device=device, requires_grad=True)
a.amax(dim=1).sum().backward()
print("amax(dim=1) gradient:", a.grad, sep="\n")

# %%
# A matrix product
# ----------------
# A loss is often a reduction of a :term:`matrix product`, for example the
# mean of the outputs of a model that multiplies its inputs by a matrix. The smallest case that can be checked by hand
# is :math:`c`, the mean of the four elements of :math:`B = A^\top A` for a
# :math:`2 \times 2` matrix :math:`A`. ``A`` appears twice in the product, so,
# as on the
# :doc:`page on the computation graph </auto_examples/02_autograd/plot_03_computation_graph>`,
# two contributions add up. With a summed index :math:`m`,
#
# .. math::
#
#    B_{kl} = \sum_m a_{mk} a_{ml}, \qquad
#    \frac{\partial B_{kl}}{\partial a_{ij}} = \delta_{jk} a_{il} + a_{ik} \delta_{jl},
#
# where :math:`\delta_{jk}` is 1 when :math:`j = k` and 0 otherwise. The first
# term comes from the left factor, the second from the right one. Summing over
# :math:`k` and :math:`l` and dividing by 4 gives
#
# .. math::
#
#    \frac{\partial c}{\partial a_{ij}}
#    = \frac{1}{4} \Big( \sum_l a_{il} + \sum_k a_{ik} \Big)
#    = \frac{1}{2} \sum_l a_{il}:
#
# every element of row :math:`i` gets half of that row's sum. For
# :math:`A = \begin{pmatrix} 1 & 3 \\ 4 & 2 \end{pmatrix}` the row sums are 4
# and 6, so the gradient has rows of 2 and of 3. The
# :doc:`page on matrix products </auto_examples/01_tensors/plot_06_broadcasting_and_matrix_products>`
# introduces ``torch.mm`` and ``@``.

A = torch.tensor([[1.0, 3.0], [4.0, 2.0]], device=device, requires_grad=True)
B = torch.mm(A.t(), A)
c = B.mean()
c.backward()
print("B:", B, sep="\n")
print("c =", c.item(), "| grad_fn:", c.grad_fn.name())
print("A.grad:", A.grad, sep="\n")
print("row sums:", [sum(row) for row in A.tolist()])
print("by hand:", [[sum(row) / 2] * 2 for row in A.tolist()])
# sphinx_gallery_graph = "c"

# %%
# Key points
# ----------
# - The gradient of a sum of squares is twice the tensor, and a mean of
#   :math:`n` elements gives each of them :math:`1/n`.
# - A maximum sends the gradient to the largest element; on ties, ``max`` and
#   ``amax`` along a dimension follow different conventions.
# - A tensor used twice in a product gets two symmetric terms, which add up.
# - The opposite of a reduction, :term:`broadcasting`, sums the gradient over
#   the stretched dimensions: see the
#   :doc:`page on gradients through broadcasting </auto_examples/02_autograd/plot_08_gradients_through_broadcasting>`.

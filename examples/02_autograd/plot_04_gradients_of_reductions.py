"""
Gradients of sums, means, maxima and matrix products
====================================================

Each operation has a derivative that autograd applies for you. This page
computes the gradients of four common reductions and checks each one against
the derivative worked out by hand.
"""

import os

import torch

torch.manual_seed(0)
device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# A sum of squares
# ----------------
# For :math:`b = \sum_{ij} a_{ij}^2`, each partial derivative is
# :math:`\partial b / \partial a_{ij} = 2 a_{ij}`: the gradient is twice the
# tensor itself.

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
# full-tensor ``max`` splits the gradient evenly between them, while ``max``
# along a dimension gives the whole gradient to one index per row.

a = torch.tensor([[1.0, 2.0, 3.0], [5.0, 6.0, 4.0]], device=device, requires_grad=True)
a.max().backward()
print("one maximum:", a.grad, sep="\n")

tied = torch.tensor([[1.0, 6.0, 3.0], [6.0, 2.0, 4.0]], device=device, requires_grad=True)
tied.max().backward()
print("two tied maxima:", tied.grad, sep="\n")

# %%
# A matrix product
# ----------------
# Let :math:`B = A^\top A` and :math:`c` the mean of its four elements. Since
# :math:`B_{kl} = \sum_i a_{ik} a_{il}`, the chain rule gives
# :math:`\partial c / \partial a_{ij} = \frac{1}{4} \sum_l 2 a_{il} = \frac{1}{2} \sum_l a_{il}`:
# every element of row :math:`i` gets half of that row's sum. For
# :math:`A = \begin{pmatrix} 1 & 3 \\ 4 & 2 \end{pmatrix}` the row sums are 4
# and 6, so the gradient has rows of 2 and of 3.

A = torch.tensor([[1.0, 3.0], [4.0, 2.0]], device=device, requires_grad=True)
B = torch.mm(A.t(), A)
c = B.mean()
c.backward()
print("B:", B, sep="\n")
print("c =", c.item(), "| grad_fn:", c.grad_fn.name())
print("A.grad:", A.grad, sep="\n")
print("by hand:", [[sum(row) / 2] * 2 for row in A.tolist()])
# sphinx_gallery_graph = "c"

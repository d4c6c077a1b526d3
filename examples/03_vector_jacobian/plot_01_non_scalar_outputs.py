r"""
Gradients of non-scalar outputs
===============================

``backward()`` without arguments only works on a scalar. This page shows the
error a vector output gives, writes out its Jacobian matrix, and explains the
``gradient`` argument of ``backward()``: it computes a vector-Jacobian
product.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# A vector output
# ---------------
# The function :math:`y(x) = (x_1 x_2,\; x_2^2,\; x_1 + x_3)` has three
# outputs. The inputs are numbered from 1, as everywhere on this site, while
# Python counts from 0: :math:`x_1` is ``x[0]``. :func:`torch.stack` joins the
# three results into one tensor of shape ``(3,)``. Calling ``backward()`` on
# ``y`` fails: a vector has no single :term:`gradient`, so autograd does not
# know which one you want.

x = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
y = torch.stack([x[0] * x[1], x[1] ** 2, x[0] + x[2]])
print("y =", y)
try:
    y.backward()
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# The Jacobian matrix
# -------------------
# All the partial derivatives of a vector function form its
# :term:`Jacobian matrix`, with one row per output and one column per input:
# :math:`J_{ij} = \partial y_i / \partial x_j`. Here
#
# .. math::
#
#    J = \begin{pmatrix}
#    x_2 & x_1 & 0 \\
#    0 & 2 x_2 & 0 \\
#    1 & 0 & 1
#    \end{pmatrix}
#    = \begin{pmatrix} 2 & 1 & 0 \\ 0 & 4 & 0 \\ 1 & 0 & 1 \end{pmatrix}
#    \quad \text{at } x = (1, 2, 3).
#
# :func:`torch.func.jacrev` turns a function into one that returns its
# Jacobian, and it agrees. ``torch.autograd.functional.jacobian`` is the older
# API for the same computation. It gets ``x.detach()``, the values of ``x``
# without the graph (see
# :doc:`the page on detach() </auto_examples/04_controlling_the_graph/plot_02_detach>`),
# so that the printed matrix is a plain tensor.


def vector_function(x):
    return torch.stack([x[0] * x[1], x[1] ** 2, x[0] + x[2]])


J = torch.func.jacrev(vector_function)(x.detach())
print("J =", J, sep="\n")

# %%
# The ``gradient`` argument
# -------------------------
# Reverse mode never builds :math:`J`. It computes a
# :term:`vector-Jacobian product` :math:`v^\top J`: given a weight
# :math:`v_i` for each output, the gradient of the weighted sum
# :math:`\sum_i v_i y_i`. ``y.backward(v)`` takes that :math:`v`, which must
# have the shape of ``y``. With :math:`v = (1, 0.5, 2)`,
# :math:`v^\top J = (4, 3, 2)`. The picture shows this backward pass: the
# weights (1, 0.5, 2) enter at ``y``, each output's branch multiplies its
# weight by its own derivatives, and the contributions that reach ``x`` add
# up to (4, 3, 2).

v = torch.tensor([1.0, 0.5, 2.0], device=device)
y.backward(v)
print("x.grad =", x.grad)
print("v @ J  =", v @ J)
# sphinx_gallery_graph = {"of": "y", "backward": True}

# %%
# The same as a weighted sum
# --------------------------
# Calling ``backward()`` on the scalar :math:`\sum_i v_i y_i` gives the same
# gradient. For a scalar output, ``backward()`` uses :math:`v = 1`, which is
# why it needs no argument there.

x_again = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
(vector_function(x_again) * v).sum().backward()
print("x_again.grad =", x_again.grad)

# %%
# Key points
# ----------
# - ``backward()`` with no argument needs a scalar output; the error on a
#   vector is the subject of
#   :doc:`/auto_examples/05_pitfalls/plot_03_non_scalar_backward`.
# - The Jacobian :math:`J_{ij} = \partial y_i / \partial x_j` has one row per
#   output and one column per input.
# - ``y.backward(v)`` computes :math:`v^\top J`, the gradient of
#   :math:`\sum_i v_i y_i`, without ever building :math:`J`.

r"""
Higher-order gradients
======================

A gradient computed with ``create_graph=True`` is itself part of a graph, so
it can be differentiated again. This page goes beyond the second derivative,
computes a Hessian matrix, and uses second derivatives for Newton's method.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Derivatives of a derivative
# ---------------------------
# :doc:`/auto_examples/02_autograd/plot_07_autograd_grad` took one
# :term:`second derivative` with ``torch.autograd.grad`` and
# ``create_graph=True``. The same call can be chained as often as needed. For
# :math:`f(x) = x^4`, the derivatives are :math:`4x^3`, :math:`12x^2` and
# :math:`24x`: at :math:`x = 2`, 32, 48 and 48. Each call but the last keeps
# the graph for the next one. The picture shows the graph of ``first``, the
# gradient returned with ``create_graph=True``: the operations of the backward
# pass of :math:`x^4`, recorded like any other. On its edges are the
# gradients that the second call sent along it to compute ``second``: the 48
# that reaches ``AccumulateGrad`` is returned by ``torch.autograd.grad``
# instead of being added to ``x.grad``, so the last arrow carries nothing.

x = torch.tensor(2.0, device=device, requires_grad=True)
f = x**4
(first,) = torch.autograd.grad(f, x, create_graph=True)
(second,) = torch.autograd.grad(first, x, create_graph=True)
(third,) = torch.autograd.grad(second, x)
print("f' =", first.item(), "| f'' =", second.item(), "| f''' =", third.item())
# sphinx_gallery_graph = {"of": "first", "backward": True}

# %%
# The Hessian matrix
# ------------------
# For a function of several variables, the second derivatives form the
# Hessian matrix, :math:`H_{ij} = \partial^2 g / \partial x_i \partial x_j`.
# For :math:`g(x_1, x_2) = x_1^2 x_2 + x_2^3` it is
# :math:`\begin{pmatrix} 2x_2 & 2x_1 \\ 2x_1 & 6x_2 \end{pmatrix}`, so
# :math:`\begin{pmatrix} 4 & 2 \\ 2 & 12 \end{pmatrix}` at :math:`(1, 2)`.
# :func:`torch.func.hessian` turns ``g`` into a function that returns its
# Hessian, and confirms it.


def g(point):
    x1, x2 = point
    return x1**2 * x2 + x2**3


H = torch.func.hessian(g)(torch.tensor([1.0, 2.0], device=device))
print("H =", H, sep="\n")

# %%
# Newton's method
# ---------------
# Newton's method divides the gradient by the second derivative to find
# where the gradient is zero. For :math:`h(x) = x^2 - \log x`, the minimum is
# at :math:`1/\sqrt 2 \approx 0.7071`; Newton gets there in a few steps. The
# update runs inside ``torch.no_grad()`` so that it is not recorded (see
# :doc:`/auto_examples/04_controlling_the_graph/plot_01_no_grad`).

x = torch.tensor(2.0, device=device, requires_grad=True)
for step in range(6):
    h = x**2 - torch.log(x)
    (gradient,) = torch.autograd.grad(h, x, create_graph=True)
    (curvature,) = torch.autograd.grad(gradient, x)
    with torch.no_grad():
        x -= gradient / curvature
    print(f"step {step + 1}: x = {x.item():.6f}")

# %%
# Key points
# ----------
# - With ``create_graph=True``, a gradient is a tensor in a graph, and it can
#   be differentiated again, as many times as needed.
# - :func:`torch.func.hessian` gives the whole matrix of second derivatives of
#   a scalar function.
# - Newton's method divides the gradient by the second derivative and reaches
#   the minimum of :math:`h` in a few steps.

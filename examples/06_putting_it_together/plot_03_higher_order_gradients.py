"""
Higher-order gradients
======================

A gradient computed with ``create_graph=True`` is itself part of a graph, so
it can be differentiated again. This page computes second derivatives and a
Hessian matrix, and uses them for Newton's method.
"""

import os

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# Derivatives of a derivative
# ---------------------------
# For :math:`f(x) = x^4`, the derivatives are :math:`4x^3`, :math:`12x^2` and
# :math:`24x`: at :math:`x = 2`, 32, 48 and 48. Each call keeps the graph for
# the next one.

x = torch.tensor(2.0, device=device, requires_grad=True)
f = x**4
(first,) = torch.autograd.grad(f, x, create_graph=True)
(second,) = torch.autograd.grad(first, x, create_graph=True)
(third,) = torch.autograd.grad(second, x)
print("f' =", first.item(), "| f'' =", second.item(), "| f''' =", third.item())

# %%
# The Hessian matrix
# ------------------
# For a function of several variables, the second derivatives form the
# Hessian matrix. For :math:`g(x, y) = x^2 y + y^3` it is
# :math:`\begin{pmatrix} 2y & 2x \\ 2x & 6y \end{pmatrix}`, which
# :func:`torch.autograd.functional.hessian` confirms at :math:`(1, 2)`.


def g(point):
    x, y = point
    return x**2 * y + y**3


print(torch.autograd.functional.hessian(g, torch.tensor([1.0, 2.0], device=device)))

# %%
# Newton's method
# ---------------
# Newton's method divides the gradient by the second derivative to find
# where the gradient is zero. For :math:`h(x) = x^2 - \log x`, the minimum is
# at :math:`1/\sqrt 2 \approx 0.7071`; Newton gets there in a few steps.

x = torch.tensor(2.0, device=device, requires_grad=True)
for step in range(6):
    h = x**2 - torch.log(x)
    (gradient,) = torch.autograd.grad(h, x, create_graph=True)
    (curvature,) = torch.autograd.grad(gradient, x)
    with torch.no_grad():
        x -= gradient / curvature
    print(f"step {step + 1}: x = {x.item():.6f}")

r"""
Forward mode and reverse mode
=============================

Automatic differentiation applies the chain rule to the steps of a
computation, either from the inputs forward or from the output backward.
This page works both modes out by hand on
:math:`f(x_1, x_2) = \log(x_1 x_2) \sin(x_1 x_2)` at :math:`x_1 = 1, x_2 = 2`,
and matches every number with PyTorch.
"""

import math
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# The forward pass
# ----------------
# Split :math:`f` into elementary steps, each with an intermediate value:
#
# .. math::
#
#    y_1 = x_1 x_2, \qquad y_2 = \log y_1, \qquad y_3 = \sin y_1, \qquad z = y_2 y_3
#
# Computing them in order, from the inputs to the output, is the
# :term:`forward pass`.
# Both modes below reuse these intermediate values.

x1, x2 = 1.0, 2.0
y1 = x1 * x2
y2 = math.log(y1)
y3 = math.sin(y1)
z = y2 * y3
print(f"y1 = {y1}, y2 = {y2:.6f}, y3 = {y3:.6f}, z = {z:.6f}")

# %%
# Forward mode by hand
# --------------------
# :term:`Forward mode <forward mode>` carries, next to each value, its
# derivative with respect to one chosen input (a :term:`tangent`), and
# updates it with the :term:`chain rule` at each step:
#
# .. math::
#
#    \dot y_1 = x_2 \dot x_1 + x_1 \dot x_2, \qquad
#    \dot y_2 = \frac{\dot y_1}{y_1}, \qquad
#    \dot y_3 = \cos(y_1)\, \dot y_1, \qquad
#    \dot z = y_3 \dot y_2 + y_2 \dot y_3
#
# Starting from :math:`(\dot x_1, \dot x_2) = (1, 0)` gives
# :math:`\partial z / \partial x_1`; a second pass from :math:`(0, 1)` gives
# :math:`\partial z / \partial x_2`. Forward mode needs one pass per input.


def forward_mode(dx1, dx2):
    dy1 = x2 * dx1 + x1 * dx2
    dy2 = dy1 / y1
    dy3 = math.cos(y1) * dy1
    return y3 * dy2 + y2 * dy3


print(f"dz/dx1 = {forward_mode(1.0, 0.0):.6f}")
print(f"dz/dx2 = {forward_mode(0.0, 1.0):.6f}")

# %%
# Forward mode in PyTorch
# -----------------------
# For a function with inputs :math:`x_j` and outputs :math:`y_i`, the
# :term:`Jacobian matrix` :math:`J` holds every partial derivative,
# :math:`J_{ij} = \partial y_i / \partial x_j`; the
# :doc:`page on non-scalar outputs </auto_examples/03_vector_jacobian/plot_01_non_scalar_outputs>`
# studies it. Here :math:`f` has one output, so :math:`J` is the row
# :math:`(\partial z / \partial x_1, \partial z / \partial x_2)`.
# :func:`torch.func.jvp` runs a function together with a tangent :math:`v`
# and returns the value and :math:`J v`, a :term:`Jacobian-vector product`:
# with :math:`v = (1, 0)` it is :math:`\partial z / \partial x_1`. It needs
# two calls, one per input, like the hand computation.


def f(x1, x2):
    y1 = x1 * x2
    return torch.log(y1) * torch.sin(y1)


point = (torch.tensor(1.0, device=device), torch.tensor(2.0, device=device))
one, zero = torch.tensor(1.0, device=device), torch.tensor(0.0, device=device)
value, dz_dx1 = torch.func.jvp(f, point, (one, zero))
_, dz_dx2 = torch.func.jvp(f, point, (zero, one))
print(f"z = {value.item():.6f}")
print(f"dz/dx1 = {dz_dx1.item():.6f}")
print(f"dz/dx2 = {dz_dx2.item():.6f}")

# %%
# Reverse mode by hand
# --------------------
# :term:`Reverse mode <reverse mode>` starts from the output with
# :math:`\bar z = \partial z / \partial z = 1` and goes back through the
# steps, computing for each value the derivative of :math:`z` with respect to
# it (an :term:`adjoint`):
#
# .. math::
#
#    \bar y_2 = y_3, \qquad \bar y_3 = y_2, \qquad
#    \bar y_1 = \frac{\bar y_2}{y_1} + \bar y_3 \cos y_1, \qquad
#    \bar x_1 = \bar y_1 x_2, \qquad \bar x_2 = \bar y_1 x_1
#
# One backward pass gives the derivatives with respect to both inputs.

y2_bar = y3
y3_bar = y2
y1_bar = y2_bar / y1 + y3_bar * math.cos(y1)
print(f"dz/dy1 = {y1_bar:.6f}")
print(f"dz/dx1 = {y1_bar * x2:.6f}")
print(f"dz/dx2 = {y1_bar * x1:.6f}")

# %%
# Reverse mode in PyTorch
# -----------------------
# ``backward()`` is reverse mode: one call fills the gradients of both
# :term:`leaves <leaf tensor>`.
# The graph under the code is what it walks; ``y1`` is highlighted because
# two paths lead back to it, and their contributions add up, as in the
# formula for :math:`\bar y_1`.

x1_leaf = torch.tensor(1.0, device=device, requires_grad=True)
x2_leaf = torch.tensor(2.0, device=device, requires_grad=True)
y1_node = x1_leaf * x2_leaf
z_node = torch.log(y1_node) * torch.sin(y1_node)
z_node.backward()
print(f"dz/dx1 = {x1_leaf.grad.item():.6f}")
print(f"dz/dx2 = {x2_leaf.grad.item():.6f}")
# sphinx_gallery_graph = {"of": "z_node", "highlight": ["y1_node"]}

# %%
# Which mode when
# ---------------
# Forward mode costs one pass per input, reverse mode one pass per output. A
# neural network has millions of parameters and one scalar loss, so training
# uses reverse mode: this is why PyTorch's ``backward()`` is the everyday
# tool. Forward mode wins for functions with few inputs and many outputs.

# %%
# Key points
# ----------
# - Forward mode pushes a tangent from the inputs to the output and computes
#   a Jacobian-vector product :math:`J v`, one input direction per pass.
# - Reverse mode pulls adjoints from the output back to the inputs and gives
#   the derivatives with respect to every input in one pass.
# - ``backward()`` is reverse mode, and :func:`torch.func.jvp` is forward
#   mode; both give the same derivatives as the hand computation.

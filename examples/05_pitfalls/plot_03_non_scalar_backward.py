"""
``backward()`` on a tensor that is not a scalar
===============================================

``backward()`` without arguments computes the gradient of a single number. On
a tensor with several elements it fails, because it does not know how to
combine them.
"""

import os

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# The mistake
# -----------
# :math:`y = e^x (3c + 1)` is computed element by element on 2×3 tensors, so
# ``y`` has six elements.

x = torch.ones(2, 3, device=device, requires_grad=True)
c = torch.ones(2, 3, device=device, requires_grad=True)
y = torch.exp(x) * (c * 3) + torch.exp(x)
print("y.shape:", y.shape)
try:
    y.backward()
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# The fix
# -------
# Reduce the output to the scalar you actually want to minimise, usually with
# ``sum()`` or ``mean()``. Here :math:`\partial s / \partial x = e^x (3c + 1) = 4e`
# and :math:`\partial s / \partial c = 3e^x = 3e`. To weight the elements
# differently, pass a ``gradient`` argument instead: see
# :doc:`/auto_examples/03_vector_jacobian/plot_01_non_scalar_outputs`.

s = y.sum()
s.backward()
print("s =", s)
print("x.grad:", x.grad, sep="\n")
print("c.grad:", c.grad, sep="\n")

"""
``backward()`` on a tensor that is not a scalar
===============================================

``backward()`` without arguments computes the gradient of a single number. On
a tensor with several elements it fails, because it does not know how to
combine them. This page shows the error and the usual fix.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# The mistake
# -----------
# :math:`y = e^x (3c + 1)` is computed :term:`element-wise` on 2×3 tensors,
# so ``y`` has six elements.

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
# ``sum()`` or ``mean()``. Here that scalar is :math:`s = \sum y`, the sum of
# the six elements, so :math:`\partial s / \partial x = e^x (3c + 1) = 4e`
# and :math:`\partial s / \partial c = 3e^x = 3e` at :math:`x = c = 1`.

s = y.sum()
s.backward()
print("s =", s)
print("x.grad:", x.grad, sep="\n")
print("c.grad:", c.grad, sep="\n")
print(f"4e = {4 * torch.e:.4f} | 3e = {3 * torch.e:.4f}")

# %%
# The other fix: a weight for each element
# ----------------------------------------
# ``s.backward()`` sends a 1 to each element of ``y``. ``y.backward(weights)``
# lets you choose these weights: the ``gradient`` argument holds one weight
# per element of ``y``, and each gradient is scaled by it. With two elements
# and the weights 1 and 0.5, the picture of the backward pass shows the
# weights entering the graph at ``y``, and ``x.grad`` becomes
# :math:`(4e, 2e)`. It also shows the two paths from ``y`` to ``x`` adding
# up: :math:`8.1548 + 2.7183 = 10.8731`.

x = torch.ones(2, device=device, requires_grad=True)
c = torch.ones(2, device=device, requires_grad=True)
y = torch.exp(x) * (c * 3) + torch.exp(x)
weights = torch.tensor([1.0, 0.5], device=device)
y.backward(weights)
print("weights:", weights)
print("x.grad:", x.grad)
print("c.grad:", c.grad)
# sphinx_gallery_graph = {"of": "y", "backward": True}

# %%
# Key points
# ----------
# - "grad can be implicitly created only for scalar outputs" means that
#   ``backward()`` was called on a tensor with more than one element.
# - Reduce the output to the one number you minimise, or pass ``backward()``
#   a ``gradient`` argument to weight the elements, as on
#   :doc:`the page on non-scalar outputs </auto_examples/03_vector_jacobian/plot_01_non_scalar_outputs>`.

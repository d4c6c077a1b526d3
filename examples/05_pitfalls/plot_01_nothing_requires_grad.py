"""
``backward()`` when nothing requires gradients
==============================================

Autograd only records operations on tensors that require gradients. If none
of the inputs does, there is no graph to walk, and ``backward()`` fails.
"""

import os

import torch

torch.manual_seed(0)
device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# The mistake
# -----------
# The tensor is created without ``requires_grad=True``, so ``loss`` has no
# ``grad_fn``.

weights = torch.randn(3, 2, device=device)
loss = (weights * weights).sum()
print("loss.grad_fn:", loss.grad_fn)
try:
    loss.backward()
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# The fix
# -------
# Ask for gradients when creating the tensor, or switch them on with
# ``requires_grad_()`` before the computation. The gradient of
# :math:`\sum w_{ij}^2` is :math:`2w`.

weights.requires_grad_()
loss = (weights * weights).sum()
loss.backward()
print("loss.grad_fn:", loss.grad_fn.name())
print("gradient is 2 * weights:", torch.allclose(weights.grad, 2 * weights))

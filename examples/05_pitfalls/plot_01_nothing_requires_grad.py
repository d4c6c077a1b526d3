"""
``backward()`` when nothing requires gradients
==============================================

Autograd only records operations on tensors that require gradients. If none
of the inputs does, there is no graph to walk, and ``backward()`` fails. This
page shows the error message and the one-line fix.
"""

import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# The mistake
# -----------
# The tensor is created without ``requires_grad=True``, so autograd records
# nothing: ``loss`` has no ``grad_fn``, the link to the operation that made it
# in the :term:`computation graph`. ``backward()`` then has no graph to walk.

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
# Ask for gradients when creating the tensor, as on
# :doc:`the page on the first gradient </auto_examples/02_autograd/plot_01_first_gradient>`,
# or switch them on with ``requires_grad_()``. Switching them on does not
# change a loss computed earlier: compute it again. The :term:`gradient` of
# :math:`\sum w_{ij}^2` is :math:`2w`. Now autograd has recorded a graph,
# drawn in the picture: ``backward()`` walks it from ``loss`` through the
# backward functions down to the leaf ``weights``.

weights.requires_grad_()
print("old loss.grad_fn:", loss.grad_fn)
loss = (weights * weights).sum()
loss.backward()
print("loss.grad_fn:", loss.grad_fn.name())
print("gradient is 2 * weights:", torch.allclose(weights.grad, 2 * weights))
# sphinx_gallery_graph = "loss"

# %%
# Key points
# ----------
# - "element 0 of tensors does not require grad" means that no input of the
#   loss required gradients, so no graph was recorded.
# - Set ``requires_grad=True`` (or call ``requires_grad_()``) before the
#   computation; a loss computed earlier must be computed again.

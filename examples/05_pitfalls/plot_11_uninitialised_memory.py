"""
Reading uninitialised memory
============================

:func:`torch.empty` allocates memory without writing to it: its values are
:term:`uninitialised memory`, whatever the memory held before. Results
computed from them change from run to run and may be ``inf`` or ``nan``. This
page makes the problem visible and shows the fix.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# The mistake
# -----------
# Older material computes gradients of :math:`y = 3a + 2b^2 + \log c` with
# inputs made by ``torch.empty(1, requires_grad=True)`` and prints results
# such as ``tensor([inf])``. Those numbers say nothing about the function:
# they come from leftover bytes, and this page cannot even show them, since
# they would differ on every build. The same function appears on
# :doc:`the page on weighting the outputs </auto_examples/03_vector_jacobian/plot_02_weighted_gradients>`
# with defined inputs.
#
# PyTorch can make the problem visible: with deterministic algorithms on,
# ``empty`` fills floating-point tensors with ``nan``, and the ``nan`` spreads
# to everything computed from them. The setting holds for the whole program,
# so the code switches it off again in ``finally``, even if an error occurs.
# The picture of the backward pass shows where the ``nan`` goes: every
# gradient that depends on the value of an input is ``nan``; only the 3 that
# ``a`` receives from :math:`3a` does not depend on ``a`` at all.

torch.use_deterministic_algorithms(True)
try:
    a = torch.empty(1, device=device, requires_grad=True)
    b = torch.empty(1, device=device, requires_grad=True)
    c = torch.empty(1, device=device, requires_grad=True)
    y = 3 * a + 2 * b * b + torch.log(c)
    y.backward()
    print("a:", a.detach(), "| y:", y.detach())
    print("b.grad:", b.grad, "| c.grad:", c.grad)
finally:
    torch.use_deterministic_algorithms(False)
print("deterministic algorithms:", torch.are_deterministic_algorithms_enabled())
# sphinx_gallery_graph = {"of": "y", "backward": True}

# %%
# The fix
# -------
# Give inputs defined values, with :func:`torch.tensor`, :func:`torch.zeros`,
# :func:`torch.full` or a seeded random constructor, as on
# :doc:`the page on creating tensors </auto_examples/01_tensors/plot_01_creating_tensors>`.
# Keep ``empty`` for buffers that are completely overwritten before anyone
# reads them. Here :math:`\partial y / \partial a = 3`,
# :math:`\partial y / \partial b = 4b = 8` and
# :math:`\partial y / \partial c = 1/c = 1`, the values the same picture
# now shows on its arrows.

a = torch.tensor([1.0], device=device, requires_grad=True)
b = torch.full((1,), 2.0, device=device, requires_grad=True)
c = torch.ones(1, device=device, requires_grad=True)
y = 3 * a + 2 * b * b + torch.log(c)
y.backward()
print("a.grad:", a.grad, "| b.grad:", b.grad, "| c.grad:", c.grad)
# sphinx_gallery_graph = {"of": "y", "backward": True}

# %%
# Key points
# ----------
# - ``torch.empty`` returns whatever the memory held: never compute
#   gradients from its values.
# - ``torch.use_deterministic_algorithms(True)`` fills such tensors with
#   ``nan``, which makes the mistake visible; it is global, so restore it.

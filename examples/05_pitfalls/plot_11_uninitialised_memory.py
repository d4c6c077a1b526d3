"""
Reading uninitialised memory
============================

:func:`torch.empty` allocates memory without writing to it. Computing with
its values gives results that depend on what the memory held before: they
change from run to run and may be ``inf`` or ``nan``.
"""

import os

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# The mistake
# -----------
# Older material computes gradients of :math:`y = 3a + 2b^2 + \log c` with
# inputs made by ``torch.empty(1, requires_grad=True)`` and prints results
# such as ``tensor([inf])``. Those numbers say nothing about the function:
# they come from leftover bytes, and this page cannot even show them, since
# they would differ on every build.
#
# PyTorch can make the problem visible: with deterministic algorithms on,
# ``empty`` fills floating-point tensors with ``nan``, and the ``nan`` spreads
# to everything computed from them.

torch.use_deterministic_algorithms(True)
a = torch.empty(1, device=device, requires_grad=True)
b = torch.empty(1, device=device, requires_grad=True)
c = torch.empty(1, device=device, requires_grad=True)
y = 3 * a + 2 * b * b + torch.log(c)
y.backward()
print("a:", a.detach(), "| y:", y.detach())
print("b.grad:", b.grad, "| c.grad:", c.grad)
torch.use_deterministic_algorithms(False)

# %%
# The fix
# -------
# Give inputs defined values, with :func:`torch.tensor`, :func:`torch.zeros`,
# :func:`torch.full` or a seeded random constructor. Keep ``empty`` for
# buffers that are completely overwritten before anyone reads them.

a = torch.tensor([1.0], device=device, requires_grad=True)
b = torch.full((1,), 2.0, device=device, requires_grad=True)
c = torch.ones(1, device=device, requires_grad=True)
y = 3 * a + 2 * b * b + torch.log(c)
y.backward()
print("a.grad:", a.grad, "| b.grad:", b.grad, "| c.grad:", c.grad)

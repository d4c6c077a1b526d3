"""
In-place operations on a leaf that requires gradients
=====================================================

``x += 2`` changes ``x`` in place. An in-place operation that autograd
records gives its tensor a new ``grad_fn``. On a leaf tensor that requires
gradients, that would turn the leaf into a non-leaf whose ``.grad`` is never
filled, so autograd refuses.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# The mistake
# -----------
# The :term:`in-place operation` on ``c``, which does not require gradients,
# is fine; the same on ``x`` raises an error. Older releases worded it "a
# leaf Variable that requires grad has been used in an in-place operation".

x = torch.tensor(3.0, device=device, requires_grad=True)
c = torch.tensor(2.0, device=device)
c += 2.0
try:
    x += 2.0
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# Why: in place replaces ``grad_fn``
# ----------------------------------
# On a tensor computed from ``x``, the same ``+=`` is allowed, and autograd
# records it by giving the tensor a new ``grad_fn``. A :term:`leaf tensor` is
# precisely a tensor without a ``grad_fn``: after ``x += 2``, ``x`` would no
# longer be a leaf, and ``backward()`` would never fill its ``.grad``. The
# picture shows the graph of ``shifted`` after ``+=``: its ``grad_fn`` is the
# ``AddBackward0`` of the in-place addition, stacked on the ``MulBackward0``
# that made it, and ``x`` stays the leaf at the bottom.

shifted = x * 1.0
print("before +=:", shifted.grad_fn.name(), "| is_leaf:", shifted.is_leaf)
shifted += 2.0
print("after +=:", shifted.grad_fn.name(), "| is_leaf:", shifted.is_leaf)
# sphinx_gallery_graph = {"of": "shifted", "highlight": ["x"]}

# %%
# The fix
# -------
# Write the operation out of place, which gives a new, non-leaf tensor and
# leaves ``x`` a leaf. :math:`y = (x + 2) + c`, so :math:`dy/dx = 1`.

shifted = x + 2.0
y = shifted + c
y.backward()
print("y =", y.item(), "| x.grad =", x.grad.item())

# %%
# In place on a non-leaf is often fine
# ------------------------------------
# In-place operations save memory, and on a non-leaf they are fine as long as
# no backward function saved the tensor they change. Here ``h`` comes from a
# subtraction, whose backward function saves nothing, so ``relu_()`` may
# overwrite it, and the gradient equals the one of the out-of-place
# ``relu()``. When a backward function did save the tensor, autograd stops
# with an error instead: see
# :doc:`the page on changing a saved tensor </auto_examples/05_pitfalls/plot_08_modified_saved_tensor>`.

inputs = torch.tensor([-1.0, 1.0, 2.0], device=device, requires_grad=True)
h = 2.0 * inputs - 1.0
h.relu_()
h.sum().backward()
in_place_grad = inputs.grad.clone()
inputs.grad = None
torch.relu(2.0 * inputs - 1.0).sum().backward()
print("gradient with relu_():", in_place_grad)
print("gradient with relu(): ", inputs.grad)

# %%
# When in place is what you mean
# ------------------------------
# Updating a parameter after ``backward()`` is a legitimate in-place change:
# do it inside ``torch.no_grad()``, as optimizers do, so that it is not
# recorded and ``x`` stays a leaf. The
# :doc:`page on no_grad() </auto_examples/04_controlling_the_graph/plot_01_no_grad>`
# explains this mode.

with torch.no_grad():
    x -= 0.5 * x.grad
print("x after the update:", x, "| is_leaf:", x.is_leaf)

# %%
# Key points
# ----------
# - An in-place operation on a leaf that requires gradients is refused,
#   because it would give the leaf a ``grad_fn`` and its ``.grad`` would
#   never be filled.
# - Compute a new tensor instead, or change parameters inside
#   ``torch.no_grad()``.
# - On a non-leaf, in place is fine when no backward function saved the
#   tensor.

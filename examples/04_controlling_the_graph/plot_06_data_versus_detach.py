"""
``.data`` versus ``detach()``
=============================

``.data`` and ``detach()`` both give a tensor that shares memory with the
original and has no history. Only ``detach()`` shares the original's
:term:`version counter`, so autograd notices an in-place change made through
it; through ``.data`` the same change goes unnoticed and the gradient is
silently wrong. The page ends with the modern forms of two old ``.data``
idioms.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Two tensors without history
# ---------------------------
# ``y.data`` and ``y.detach()`` look alike: neither
# :term:`requires gradients`, neither has a ``grad_fn``, and both share
# memory with ``y``, so neither is a copy.

x = torch.tensor([0.0, 1.0], device=device, requires_grad=True)
y = torch.exp(x)
for name, plain in [("y.data", y.data), ("y.detach()", y.detach())]:
    print(f"{name}: requires_grad={plain.requires_grad}, grad_fn={plain.grad_fn}, shares memory={plain.data_ptr() == y.data_ptr()}")

# %%
# The version counter
# -------------------
# The difference is the version counter, which counts the
# :term:`in-place operations <in-place operation>` on a tensor's memory
# (:doc:`the page on changing a saved tensor
# </auto_examples/05_pitfalls/plot_08_modified_saved_tensor>` shows how
# autograd uses it). A detached tensor shares the counter of ``y``, so an
# in-place change through it raises ``y._version`` from 0 to 1. ``.data`` has
# a counter of its own: the same change through it leaves ``y._version`` at
# 1. Multiplying by 1 changes no value here, only the counters.

print("y._version at first:", y._version)
y.detach().mul_(1.0)
print("after y.detach().mul_(1.0):", y._version)
y.data.mul_(1.0)
print("after y.data.mul_(1.0):", y._version)

# %%
# ``detach()``: autograd notices
# ------------------------------
# The backward function of :math:`e^x` keeps its output ``y`` as a
# :term:`saved tensor`, because the derivative of :math:`e^x` is
# :math:`e^x` itself. Clamping ``y`` in place through a detached tensor
# changes the saved values, and ``backward()`` stops with the version error
# instead of using them. The picture shows the tensors each backward function
# saved: the ``result`` of ``ExpBackward0`` is marked ``v0 → v1``, changed in
# place after it was saved.

x = torch.tensor([0.0, 1.0], device=device, requires_grad=True)
y = torch.exp(x)
loss = y.sum()
y.detach().clamp_(max=2.0)
try:
    loss.backward()
except RuntimeError as error:
    print("RuntimeError:", error)
# sphinx_gallery_graph = {"of": "loss", "saved": True}

# %%
# ``.data``: the change goes unnoticed
# ------------------------------------
# The same clamp through ``.data`` leaves the version counter of ``y`` alone.
# ``y._version`` stays 0, and in the picture the ``result`` that
# ``ExpBackward0`` saved is still at version 0 (``v0``), as if nothing had
# changed.

x = torch.tensor([0.0, 1.0], device=device, requires_grad=True)
y = torch.exp(x)
loss = y.sum()
y.data.clamp_(max=2.0)
print("y._version after y.data.clamp_(max=2.0):", y._version)
# sphinx_gallery_graph = {"of": "loss", "saved": True}

# %%
# A silently wrong gradient
# -------------------------
# So ``backward()`` runs without a word and uses the clamped values, as the
# picture of the backward pass shows. The gradient with respect to
# :math:`x_2 = 1` should be :math:`e \approx 2.7183`; it comes out as 2.

loss.backward()
print("x.grad after the change through .data:", x.grad)

x_right = torch.tensor([0.0, 1.0], device=device, requires_grad=True)
torch.exp(x_right).sum().backward()
print("right gradient:                       ", x_right.grad)
# sphinx_gallery_graph = {"of": "loss", "backward": True}

# %%
# Updating parameters without ``.data``
# -------------------------------------
# Old tutorials update a :term:`parameter` with ``p.data -= lr * p.grad``.
# The modern form does the update in place under ``torch.no_grad()``: the
# values are the same, and the update raises the version counter, so
# autograd would notice if a graph still needed the old values.

learning_rate = 0.1
old_style = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
(old_style**2).sum().backward()
old_style.data -= learning_rate * old_style.grad
print("p.data -= ...:      ", old_style.detach(), "| _version:", old_style._version)

modern = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
(modern**2).sum().backward()
with torch.no_grad():
    modern -= learning_rate * modern.grad
print("no_grad(): p -= ...:", modern.detach(), "| _version:", modern._version)

# %%
# Reading values without ``.data``
# --------------------------------
# Old tutorials also read values with ``y.data.norm()``. Reading through
# ``y.detach()`` gives the same number with no history; here the norm is
# taken with :func:`torch.linalg.vector_norm`, the current name for it.

x = torch.tensor([0.0, 1.0], device=device, requires_grad=True)
y = torch.exp(x)
print(f"y.data.norm():                  {y.data.norm().item():.4f}")
norm = torch.linalg.vector_norm(y.detach())
print(f"vector_norm(y.detach()):        {norm.item():.4f} | requires_grad: {norm.requires_grad}")

# %%
# Key points
# ----------
# - ``.data`` and ``detach()`` both give the same memory without history.
# - ``detach()`` shares the version counter, so an in-place change to a
#   tensor that autograd saved makes ``backward()`` fail with an error.
# - Through ``.data`` the same change goes unnoticed and the gradient is
#   wrong without any warning.
# - In new code, update parameters under ``torch.no_grad()`` and read values
#   with ``detach()``, as :doc:`the page on detach()
#   </auto_examples/04_controlling_the_graph/plot_02_detach>` does.

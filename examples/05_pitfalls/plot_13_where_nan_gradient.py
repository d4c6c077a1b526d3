"""
``torch.where`` and masks: ``nan`` from the branch not taken
============================================================

``torch.where(condition, a, b)`` picks each element from ``a`` or ``b``, so a
square root, a logarithm or a division that would fail outside the condition
seems safe. The forward result is fine, but the gradient is ``nan``: autograd
differentiates both branches. This page shows the mistake, the same mistake
with a multiplied :term:`mask`, and two safe patterns.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# The mistake
# -----------
# The code takes :math:`\sqrt{x}` where :math:`x > 0` and 0 elsewhere. The
# forward values are right, yet the :term:`gradient` is ``nan`` at
# :math:`x = -1` and :math:`x = 0`; only :math:`x = 4` gets the expected
# :math:`1 / (2\sqrt{4}) = 0.25`.

x = torch.tensor([-1.0, 0.0, 4.0], device=device, requires_grad=True)
y = torch.where(x > 0, torch.sqrt(x), 0.0)
total = y.sum()
total.backward()
print("y:     ", y)
print("x.grad:", x.grad)
# sphinx_gallery_graph = {"of": "total", "backward": True}

# %%
# Why: both branches are differentiated
# -------------------------------------
# ``torch.sqrt(x)`` is computed for every element, including those that
# ``where`` throws away, and it stays in the :term:`computation graph`. In the
# :term:`backward pass`, ``where`` sends a gradient of 0 to the elements it
# did not take, and the :term:`chain rule` multiplies that 0 by the
# derivative of the square root there: :math:`1/(2\sqrt{0}) = \infty` and
# :math:`1/(2\sqrt{-1})` is ``nan``. Both :math:`0 \times \infty` and
# :math:`0 \times` ``nan`` are ``nan``. The picture of the backward pass
# under the first cell shows it on its arrows: ``WhereBackward0`` sends
# ``[0., 0., 1.]`` to ``SqrtBackward0``, which sends ``nan`` on for the two
# rejected elements.

print("derivative of sqrt at x:", 0.5 / torch.sqrt(x.detach()))
print("0 * inf =", 0.0 * float("inf"))
print("0 * nan =", 0.0 * float("nan"))

# %%
# The same with a logarithm and a division
# ----------------------------------------
# Any branch whose derivative is infinite or undefined at the rejected
# inputs does the same: :math:`\log x` and :math:`1/x` at :math:`x = 0` both
# have an infinite slope there.

for name, branch in (("log", torch.log), ("1/x", torch.reciprocal)):
    x = torch.tensor([0.0, 2.0], device=device, requires_grad=True)
    y = torch.where(x != 0, branch(x), 0.0)
    y.sum().backward()
    print(f"where(x != 0, {name}, 0): y = {y.detach()}, x.grad = {x.grad}")

# %%
# A multiplied mask is no better
# ------------------------------
# Multiplying by a mask of zeros and ones instead of calling
# ``where`` gives the same ``nan`` gradients for the same reason. It is even
# worse in the forward pass: :math:`0 \times` ``nan`` is ``nan``, so the
# value at :math:`x = -1` is not hidden either.

x = torch.tensor([-1.0, 0.0, 4.0], device=device, requires_grad=True)
mask = (x > 0).float()
y = mask * torch.sqrt(x)
y.sum().backward()
print("mask:  ", mask)
print("y:     ", y)
print("x.grad:", x.grad)

# %%
# The fix: make the dangerous branch safe
# ---------------------------------------
# Give the square root only inputs where it is well behaved: an inner
# ``where`` replaces the rejected elements by 1 before ``sqrt`` sees them.
# The outer ``where`` still throws those results away, but now the
# derivative there is finite, 0 times it is 0, and the gradient is right.
# In the picture, ``SqrtBackward0`` now sends finite values, and the inner
# ``WhereBackward0`` passes 0 to the rejected elements of ``x``.

x = torch.tensor([-1.0, 0.0, 4.0], device=device, requires_grad=True)
positive = x > 0
safe_x = torch.where(positive, x, 1.0)
y = torch.where(positive, torch.sqrt(safe_x), 0.0)
total = y.sum()
total.backward()
print("y:     ", y)
print("x.grad:", x.grad)
# sphinx_gallery_graph = {"of": "total", "backward": True}

# %%
# Another fix: compute only on the selected elements
# --------------------------------------------------
# Boolean :term:`indexing` ``x[positive]`` copies out the selected elements,
# so the square root never sees the others. In the backward pass, the
# gradient goes back to the selected positions and the others get 0.

x = torch.tensor([-1.0, 0.0, 4.0], device=device, requires_grad=True)
positive = x > 0
selected = x[positive]
y = torch.sqrt(selected)
y.sum().backward()
print("selected:", selected)
print("y:       ", y)
print("x.grad:  ", x.grad)

# %%
# Key points
# ----------
# - ``torch.where`` and masks choose values, but autograd still
#   differentiates every branch at every element.
# - A gradient of 0 times an infinite or ``nan`` derivative in the branch
#   not taken gives ``nan``.
# - Sanitise the input of the dangerous branch with an inner ``where``, or
#   compute only on the elements selected by boolean indexing.
# - This is the masked form of the ``nan`` from :doc:`the square root at
#   zero </auto_examples/05_pitfalls/plot_06_sqrt_at_zero>`; functions that
#   have no derivative at a point, like ``relu`` or ``abs`` at 0, are
#   covered in :doc:`the page on non-differentiable points
#   </auto_examples/02_autograd/plot_09_non_differentiable_points>`.

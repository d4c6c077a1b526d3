"""
Gradients of intermediate tensors: ``retain_grad()``
====================================================

``backward()`` stores :term:`gradients <gradient>` only in
:term:`leaf tensors <leaf tensor>`. Reading ``.grad`` of an intermediate
tensor gives ``None`` and a warning. This page shows that warning and keeps
intermediate gradients with ``retain_grad()``.
"""

import warnings

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# ``.grad`` of a non-leaf tensor
# ------------------------------
# After ``backward()``, the leaves ``x1`` and ``x2`` have gradients, but the
# intermediate ``y1``, a :term:`non-leaf tensor`, has none. Reading its
# ``.grad`` returns ``None`` and issues a ``UserWarning``; the code keeps
# running. It records the warning to print its message, up to the part that
# names a source file of the PyTorch build.

x1 = torch.tensor(1.0, device=device, requires_grad=True)
x2 = torch.tensor(2.0, device=device, requires_grad=True)
y1 = x1 * x2
z = torch.log(y1) * torch.sin(y1)
z.backward()
print("x1.grad:", x1.grad)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("y1.grad:", y1.grad)
message = str(caught[0].message).split(" (Triggered internally at")[0]
print("UserWarning:", message)

# %%
# ``retain_grad()``
# -----------------
# Calling ``retain_grad()`` on a non-leaf tensor before ``backward()`` asks
# autograd to store its gradient too. ``retains_grad`` tells whether a tensor
# does. The picture shows the backward pass, with the three tensors that
# retain their gradient highlighted: the gradient stored in ``y1.grad`` is the
# sum, up to rounding, of the two gradients that reach its node, one through
# ``LogBackward0`` and one through ``SinBackward0``.

x1 = torch.tensor(1.0, device=device, requires_grad=True)
x2 = torch.tensor(2.0, device=device, requires_grad=True)
y1 = x1 * x2
y2 = torch.log(y1)
y3 = torch.sin(y1)
z = y2 * y3
y1.retain_grad()
y2.retain_grad()
y3.retain_grad()
z.backward()
print(f"x1: is_leaf={x1.is_leaf}, retains_grad={x1.retains_grad}, grad={x1.grad.item():.4f}")
print(f"y1: is_leaf={y1.is_leaf}, retains_grad={y1.retains_grad}, grad={y1.grad.item():.4f}")
print(f"y2: is_leaf={y2.is_leaf}, retains_grad={y2.retains_grad}, grad={y2.grad.item():.4f}")
print(f"y3: is_leaf={y3.is_leaf}, retains_grad={y3.retains_grad}, grad={y3.grad.item():.4f}")
# sphinx_gallery_graph = {"of": "z", "highlight": ["y1", "y2", "y3"], "backward": True}

# %%
# Reading the values
# ------------------
# The gradients match the :doc:`reverse-mode computation by hand
# </auto_examples/02_autograd/plot_05_forward_and_reverse_mode>`: the
# :term:`adjoint` of :math:`y_2` is :math:`y_3 = \sin 2 \approx 0.9093`, that
# of :math:`y_3` is :math:`y_2 = \log 2 \approx 0.6931`, and that of
# :math:`y_1` is :math:`0.1662`. Leaves always keep their gradient, so
# ``retains_grad`` is ``False`` for them: it only concerns non-leaf tensors.

# %%
# Key points
# ----------
# - After ``backward()``, only leaf tensors have a ``.grad``; reading it on a
#   non-leaf tensor gives ``None`` and a warning.
# - ``retain_grad()``, called before ``backward()``, keeps the gradient of a
#   non-leaf tensor.
# - A :term:`hook` reads or changes such a gradient during the backward pass
#   without storing it: see :doc:`the page on gradient hooks
#   </auto_examples/06_putting_it_together/plot_04_gradient_hooks>`.
# - :doc:`The page on gradients of numbers
#   </auto_examples/05_pitfalls/plot_04_grad_of_numbers>` shows where
#   ``.grad`` stays empty by mistake.

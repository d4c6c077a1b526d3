"""
Gradients of numbers and of rebuilt tensors
===========================================

Only tensors that require gradients receive a ``.grad``. A plain Python
number has no ``.grad`` at all, a tensor that does not require gradients
keeps ``None``, and a tensor rebuilt from numbers has lost its history. This
page shows each case and how to combine tensors without losing gradients.
"""

import warnings

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Constants get no gradient
# -------------------------
# In :math:`y = c x + b`, only ``x`` requires gradients. ``c`` is a tensor
# that does not, so its ``.grad`` stays ``None``; ``b`` is a Python float,
# which has no ``.grad`` attribute at all. ``backward()`` fills ``.grad``
# only for :term:`leaf tensors <leaf tensor>` such as ``x``; the result ``y``
# gets one only if you ask with ``retain_grad()``, as on
# :doc:`the page on retain_grad() </auto_examples/04_controlling_the_graph/plot_03_retain_grad>`.
# In the picture of the backward pass, only ``x`` has a node: ``c`` and ``b``
# are not in the graph, so no gradient can reach them; the value of ``c``
# only shows up in the gradient ``MulBackward0`` sends to ``x``.

x = torch.tensor(4.0, device=device, requires_grad=True)
c = torch.tensor(8.0, device=device)
b = 5.0
y = c * x + b
y.retain_grad()
y.backward()
print("y =", y)
print("x.grad:", x.grad)
print("c.grad:", c.grad)
print("y.grad:", y.grad)
try:
    b.grad
except AttributeError as error:
    print("AttributeError:", error)
# sphinx_gallery_graph = {"of": "y", "backward": True}

# %%
# A tensor rebuilt from numbers
# -----------------------------
# ``torch.tensor`` copies *values*. Building a tensor from tensors that
# require gradients converts each one to a number first, with a warning, and
# the result is a new leaf with no history: gradients cannot reach ``x``. The
# page prints the warning's message only; PyTorch adds the place in its own
# source code that raised it, which differs between builds.

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    rebuilt = torch.tensor([x * 2, x * 3], device=device)
message = str(caught[0].message).split(" (Triggered internally at")[0]
print("UserWarning:", message)
print("rebuilt.requires_grad:", rebuilt.requires_grad)

# %%
# The fix
# -------
# Combine tensors with tensor operations, which are recorded.
# :func:`torch.stack` puts tensors of the same shape side by side along a new
# dimension, and :func:`torch.cat` joins them along an existing one. Both
# results have a ``grad_fn``, and the gradient of the sum of ``stacked`` is
# :math:`d(2x + 3x)/dx = 5`.

x.grad = None
stacked = torch.stack([x * 2, x * 3])
joined = torch.cat([stacked, stacked])
print("stacked.shape:", stacked.shape, "| stacked.grad_fn:", stacked.grad_fn.name())
print("joined.shape:", joined.shape, "| joined.grad_fn:", joined.grad_fn.name())
stacked.sum().backward()
print("x.grad:", x.grad)

# %%
# Key points
# ----------
# - Only leaf tensors that require gradients receive ``.grad``; constants
#   keep ``None`` and Python numbers have no ``.grad`` at all.
# - ``torch.tensor([...])`` built from tensors copies their values and cuts
#   the graph; ``torch.stack`` and ``torch.cat`` keep it.

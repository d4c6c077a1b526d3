"""
Gradients of numbers and of rebuilt tensors
===========================================

Only tensors that require gradients receive a ``.grad``. A plain Python
number has no ``.grad`` at all, a tensor that does not require gradients
keeps ``None``, and a tensor rebuilt from numbers has lost its history.
"""

import os
import warnings

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# Constants get no gradient
# -------------------------
# In :math:`y = c x + b`, only ``x`` requires gradients. ``c`` is a tensor
# that does not, so its ``.grad`` stays ``None``; ``b`` is a Python float,
# which has no ``.grad`` attribute at all.

x = torch.tensor(4.0, device=device, requires_grad=True)
c = torch.tensor(8.0, device=device)
b = 5.0
y = c * x + b
y.backward()
print("y =", y)
print("x.grad:", x.grad)
print("c.grad:", c.grad)
try:
    b.grad
except AttributeError as error:
    print("AttributeError:", error)

# %%
# A tensor rebuilt from numbers
# -----------------------------
# ``torch.tensor`` copies *values*. Building a tensor from tensors that
# require gradients converts each one to a number first, with a warning, and
# the result is a new leaf with no history: gradients cannot reach ``x``.

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    rebuilt = torch.tensor([x * 2, x * 3], device=device)
print("UserWarning:", caught[0].message)
print("rebuilt.requires_grad:", rebuilt.requires_grad)

# %%
# The fix
# -------
# Combine tensors with tensor operations such as :func:`torch.stack` or
# :func:`torch.cat`, which are recorded, and give ``requires_grad=True`` to
# every tensor whose gradient you need.

x.grad = None
stacked = torch.stack([x * 2, x * 3])
stacked.sum().backward()
print("stacked.grad_fn:", stacked.grad_fn.name())
print("x.grad:", x.grad)

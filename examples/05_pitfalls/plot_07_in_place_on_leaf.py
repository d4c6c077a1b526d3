"""
In-place operations on a leaf that requires gradients
=====================================================

``x += 2`` changes ``x`` in place. On a leaf tensor that requires gradients,
autograd refuses, because the value it would differentiate with respect to
would no longer exist.
"""

import os

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# The mistake
# -----------
# The in-place addition on ``c``, which does not require gradients, is fine;
# the same on ``x`` raises an error. Older releases worded it "a leaf Variable
# that requires grad has been used in an in-place operation".

x = torch.tensor(3.0, device=device, requires_grad=True)
c = torch.tensor(2.0, device=device)
c += 2.0
try:
    x += 2.0
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# The fix
# -------
# Write the operation out of place, which gives a new, non-leaf tensor.
# :math:`y = (x + 2) + c`, so :math:`dy/dx = 1`.

shifted = x + 2.0
y = shifted + c
y.backward()
print("y =", y.item(), "| x.grad =", x.grad.item())

# %%
# When in place is what you mean
# ------------------------------
# Updating a parameter after ``backward()`` is a legitimate in-place change:
# do it inside ``torch.no_grad()``, as optimizers do, so that it is not
# recorded.

with torch.no_grad():
    x -= 0.5 * x.grad
print("x after the update:", x)

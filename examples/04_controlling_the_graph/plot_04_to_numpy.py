"""
From a tensor that requires gradients to NumPy
==============================================

NumPy knows nothing about autograd, so ``numpy()`` refuses a tensor that
requires gradients. This page shows the error, the idiomatic
``detach().cpu().numpy()``, and when a ``clone()`` is needed as well.
"""

import os

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# The error
# ---------
# A NumPy array made from such a tensor could be changed behind autograd's
# back, so PyTorch raises an error and names the fix.

weight = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
try:
    weight.numpy()
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# ``detach().cpu().numpy()``
# --------------------------
# ``detach()`` leaves the graph, ``cpu()`` copies a GPU tensor to CPU memory
# (and does nothing on the CPU), and ``numpy()`` wraps the memory as an
# array. The order matters little, but detaching first avoids recording the
# copy.

values = weight.detach().cpu().numpy()
print("values:", values, values.dtype)

# %%
# A snapshot needs ``clone()``
# ----------------------------
# On the CPU, the array shares memory with the parameter: when the parameter
# is updated in place, as optimizers do, the array changes too. To keep the
# values as they were, ``clone()`` them first. (On a GPU, ``cpu()`` already
# copies.)

shared = weight.detach().cpu().numpy()
snapshot = weight.detach().cpu().clone().numpy()
with torch.no_grad():
    weight -= 0.5
print("shared after the update:  ", shared)
print("snapshot after the update:", snapshot)

# %%
# A shortcut
# ----------
# ``numpy(force=True)`` does the detaching and the copy to the CPU in one
# call. It is convenient for printing and plotting; the explicit form says
# more clearly what happens.

print("numpy(force=True):", weight.numpy(force=True))

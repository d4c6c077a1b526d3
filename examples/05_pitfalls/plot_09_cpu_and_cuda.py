"""
Mixing CPU and GPU tensors
==========================

An operation runs on one device, so all the tensors it takes must be there.
This page needs a GPU to show the errors; on a site built without one, the
GPU cells show the output recorded on a GPU.
"""

import os

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# One device line
# ---------------
# The simplest protection is the line at the top of every example: choose
# the device once and create every tensor with ``device=device``. Then all
# tensors meet on the same device, whichever it is.

x = torch.tensor([3.0, 1.0], device=device, requires_grad=True)
c = torch.tensor([2.0, 4.0], device=device, requires_grad=True)
(x * c).sum().backward()
print("x.grad:", x.grad, "| c.grad:", c.grad)

# %% [cuda]
# The mistake
# -----------
# Multiplying a GPU tensor by a CPU tensor with several elements fails with
# an error that names both devices.

if torch.cuda.is_available():
    on_gpu = torch.tensor([3.0, 1.0], device="cuda", requires_grad=True)
    on_cpu = torch.tensor([2.0, 4.0], requires_grad=True)
    try:
        on_gpu * on_cpu
    except RuntimeError as error:
        print("RuntimeError:", error)

# %% [cuda]
# ``.cuda()`` makes a non-leaf
# ----------------------------
# ``torch.tensor(3.0, requires_grad=True).cuda()`` first creates a CPU leaf
# and then copies it: the variable holds the copy, which is not a leaf, so its
# ``.grad`` stays empty. A CPU tensor with a single element (zero dimensions)
# is the one exception to the rule above: PyTorch treats it as a number, and
# its gradient comes back to the CPU.

if torch.cuda.is_available():
    copied = torch.tensor(3.0, requires_grad=True).cuda()
    scalar = torch.tensor(2.0, requires_grad=True)
    y = copied * scalar
    y.backward()
    print("y:", y)
    print("copied.is_leaf:", copied.is_leaf)
    print("scalar.grad:", scalar.grad, "on", scalar.grad.device)

# %% [cuda]
# The fix
# -------
# Create tensors directly on their device with ``device=``, so they are
# leaves there, and move every operand to the same device before combining.

if torch.cuda.is_available():
    x = torch.tensor(3.0, device="cuda", requires_grad=True)
    c = torch.tensor([2.0, 4.0], requires_grad=True)
    y = (x * c.to("cuda")).sum()
    y.backward()
    print("x.is_leaf:", x.is_leaf, "| x.grad:", x.grad)
    print("c.grad:", c.grad)

"""
Changing a tensor that the backward pass still needs
====================================================

Many backward functions save tensors from the forward pass. Changing one of
them in place makes the gradient wrong, so autograd checks a *version
counter* and stops with an error. This page triggers the error twice, finds
the culprit with anomaly detection, and fixes it.
"""

import os
import re
import warnings

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# The mistake
# -----------
# The backward function of :math:`e^x` saves its output ``y``. Adding 1 to
# ``y`` in place raises ``y._version`` from 0 to 1, and ``backward()``
# notices.

x = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
y = torch.exp(x)
z = y * 2
y.add_(1.0)
print("y._version:", y._version)
try:
    z.sum().backward()
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# Assigning to elements is in place too
# -------------------------------------
# ``w[0] = ...`` writes into ``w``. Here each assignment uses an element of
# ``w`` itself, which the multiplication saved for the backward pass.

x = torch.tensor([10.0, 20.0, 30.0], device=device, requires_grad=True)
c = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
w = x * 1
w[0] = c[0] * w[0]
w[1] = c[1] * w[1]
try:
    w.sum().backward()
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# Finding the line with anomaly detection
# ---------------------------------------
# The error names the operation but not the line. With anomaly detection on,
# autograd records where each operation was created and, when a backward
# function fails, warns with the traceback of that forward call. It slows
# everything down: use it only to debug.

x = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
with warnings.catch_warnings(record=True) as caught, torch.autograd.set_detect_anomaly(True):
    warnings.simplefilter("always")
    y = torch.exp(x)
    z = y * 2
    y.add_(1.0)
    try:
        z.sum().backward()
    except RuntimeError:
        pass
report = str(caught[0].message).splitlines()
print(report[0])
print("  line", re.search(r"line (\d+)", report[-3])[1], "->", report[-2].strip())

# %%
# The fix
# -------
# Never change a tensor the graph still needs: put the result in a new
# tensor instead. For the element-wise products, fill a separate tensor ``w``
# that does not require gradients; each assignment is then recorded, and
# :math:`\partial / \partial x_i \sum_j c_j x_j = c_i`.

x = torch.tensor([10.0, 20.0, 30.0], device=device, requires_grad=True)
c = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
w = torch.zeros(3, device=device)
for i in range(3):
    w[i] = c[i] * x[i]
y = w.sum()
y.backward()
print("y =", y.item())
print("x.grad:", x.grad)

# %%
# What changed
# ------------
# Older material shows ``x[0] = c[0] * x[0]`` directly on the leaf ``x`` and
# gets the version-counter error only at ``backward()``. PyTorch 2.13 stops at
# the assignment itself, because it writes into a view of a leaf that
# requires gradients:

x = torch.tensor([10.0, 20.0, 30.0], device=device, requires_grad=True)
try:
    x[0] = c[0] * x[0]
except RuntimeError as error:
    print("RuntimeError:", error)

"""
From a tensor that requires gradients to NumPy
==============================================

NumPy knows nothing about autograd, so ``numpy()`` refuses a tensor that
:term:`requires gradients`. This page shows the error, the idiomatic
``detach().cpu().numpy()``, when a ``clone()`` is needed as well, and what
the shortcut ``numpy(force=True)`` shares.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

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
# ``detach()`` leaves the graph (:doc:`the page on detach()
# </auto_examples/04_controlling_the_graph/plot_02_detach>` explains it),
# ``cpu()`` copies a :term:`GPU` tensor to CPU memory (and does nothing on
# the CPU), and ``numpy()`` wraps the memory as an array. The order matters
# little, but detaching first avoids recording the copy.

values = weight.detach().cpu().numpy()
print("values:", values, values.dtype)

# %%
# Plotting a tensor
# -----------------
# Plotting is a common reason to convert: matplotlib works with NumPy arrays.
# Here ``inputs`` requires gradients, and ``backward()`` gives the derivative of
# :math:`\tanh` at each input. ``inputs`` and ``outputs`` are converted with
# ``detach().cpu().numpy()`` before they are drawn; ``inputs.grad`` does not
# require gradients itself, so ``cpu().numpy()`` is enough. The derivative is
# largest at :math:`x = 0`, where it equals 1.

inputs = torch.linspace(-3.0, 3.0, 49, device=device, requires_grad=True)
outputs = torch.tanh(inputs)
outputs.sum().backward()
largest = inputs.grad.argmax()
print("largest derivative:", inputs.grad[largest].item(), "at x =", inputs[largest].item())

fig, ax = plt.subplots()
ax.plot(inputs.detach().cpu().numpy(), outputs.detach().cpu().numpy(), label="tanh(x)")
ax.plot(inputs.detach().cpu().numpy(), inputs.grad.cpu().numpy(), label="derivative from backward()")
ax.set_xlabel("x")
ax.set_ylabel("value")
ax.set_title("The derivative of tanh is largest at x = 0")
ax.legend()
plt.show()

# %%
# A snapshot needs ``clone()``
# ----------------------------
# On the CPU, the array shares memory with the :term:`parameter`, as
# :doc:`the NumPy bridge </auto_examples/01_tensors/plot_04_numpy_bridge>`
# does for any tensor: when the parameter is updated in place, as
# :term:`optimizers <optimizer>` do, the array changes too. To keep the
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
# ``numpy(force=True)`` detaches the tensor and converts it in one call. It
# copies only when the tensor is on a GPU. On the CPU it shares memory like
# ``detach().numpy()``, so it is no snapshot: the array below follows the
# next update of ``weight``, where on a GPU it would keep the old values.

forced = weight.numpy(force=True)
print("numpy(force=True):", forced)
with torch.no_grad():
    weight += 1.0
print("forced after the update:", forced)

# %%
# Key points
# ----------
# - ``numpy()`` refuses a tensor that requires gradients; write
#   ``detach().cpu().numpy()``.
# - On the CPU the array shares memory with the tensor, so an in-place update
#   changes it; ``clone()`` first to keep a snapshot.
# - ``numpy(force=True)`` is a shortcut for the same conversion, and it also
#   shares memory on the CPU.

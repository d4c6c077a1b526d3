"""
Mixing CPU and GPU tensors
==========================

An operation runs on one device, so the tensors it takes must be there. The
cells that combine a GPU tensor with a CPU tensor need a GPU: on a site built
without one, they say that their output has not been recorded yet, and they
show it once a GPU has recorded it. The cells before them show the same rules
on any machine.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# One device line
# ---------------
# The simplest protection is the line at the top of every example: choose
# the :term:`device` once and create every tensor with ``device=device``.
# Then all tensors meet on the same device, whichever it is. The
# :doc:`page on devices </auto_examples/01_tensors/plot_05_devices>` teaches
# how tensors are placed and moved.

x = torch.tensor([3.0, 1.0], device=device, requires_grad=True)
c = torch.tensor([2.0, 4.0], device=device, requires_grad=True)
(x * c).sum().backward()
print("x.grad:", x.grad, "| c.grad:", c.grad)

# %%
# The rule, seen without a GPU
# ----------------------------
# Every PyTorch build has the ``meta`` device, whose tensors have a shape and
# a data type but no values. Combining a meta tensor with a CPU tensor that
# has a dimension fails, even with a single element. A CPU tensor with zero
# dimensions is the one exception: PyTorch treats it like a number, and the
# result stays on the other tensor's device. The message differs from the one
# a GPU gives, but the rule is the same.

on_meta = torch.ones(2, device="meta")
try:
    on_meta * torch.tensor([2.0])
except RuntimeError as error:
    print("shape [1] on the CPU -> RuntimeError:", error)
product = on_meta * torch.tensor(2.0)
print("shape [] on the CPU -> result on", product.device)

# %%
# Moving a leaf makes a non-leaf
# ------------------------------
# ``torch.tensor(3.0, requires_grad=True).cuda()`` first creates a CPU
# :term:`leaf tensor` and then copies it to the GPU. The copy is a recorded
# operation, so the variable holds a non-leaf, and its ``.grad`` is never
# filled. ``.to("meta")`` is the same copy to another device. In the picture,
# ``moved`` is the output of ``ToCopyBackward0``, and the leaf below it has no
# name in the code: it is the CPU tensor, which only the graph holds.

moved = torch.tensor(3.0, requires_grad=True).to("meta")
created = torch.tensor(3.0, device="meta", requires_grad=True)
print("moved: is_leaf =", moved.is_leaf, "| grad_fn =", moved.grad_fn.name())
print("created with device=: is_leaf =", created.is_leaf)
# sphinx_gallery_graph = "moved"

# %% [cuda]
# The mistake on a GPU
# --------------------
# This cell multiplies a GPU tensor by a CPU tensor with two elements, and
# then by a CPU tensor with zero dimensions. Compare the error with the one
# of the ``meta`` device above.

if torch.cuda.is_available():
    on_gpu = torch.tensor([3.0, 1.0], device="cuda", requires_grad=True)
    on_cpu = torch.tensor([2.0, 4.0], requires_grad=True)
    try:
        on_gpu * on_cpu
    except RuntimeError as error:
        print("RuntimeError:", error)
    scalar = torch.tensor(2.0, requires_grad=True)
    (on_gpu * scalar).sum().backward()
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
    print("c.grad:", c.grad, "on", c.grad.device)

# %%
# Key points
# ----------
# - All the tensors of an operation must be on one device; only a CPU tensor
#   with zero dimensions may join tensors on another device.
# - Create tensors on their device with ``device=``: moving a leaf with
#   ``.cuda()`` or ``.to()`` gives a non-leaf copy.

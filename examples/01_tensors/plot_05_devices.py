"""
Devices
=======

Every tensor lives on a device: the CPU or a GPU. This page names devices
with :class:`torch.device`, moves tensors between them, and explains pinned
memory, which makes copies to the GPU faster. The GPU cells show the output
recorded on a GPU when this site is built without one.
"""

import os

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# Choosing a device
# -----------------
# The line at the top of every example picks the GPU when PyTorch finds one
# and the CPU otherwise. :class:`torch.device` turns that name into an object
# with a type and an optional index (``cuda:0`` is the first GPU).

print("device:", device)
print("torch.device('cuda:0').type:", torch.device("cuda:0").type)
print("torch.device('cuda:0').index:", torch.device("cuda:0").index)

# %%
# Creating and moving tensors
# ---------------------------
# Constructors take a ``device`` argument. ``.to(...)`` returns a tensor on
# another device or with another data type; when nothing has to change, it
# returns the very same tensor rather than a copy.

data = torch.arange(3.0, device=device)
print("data.device:", data.device.type)
doubles = data.to(torch.float64)
print("doubles.dtype:", doubles.dtype)
print("same tensor when nothing changes:", data.to(device) is data)

# %%
# Back to the CPU
# ---------------
# NumPy, matplotlib and printing to a file all need the values in CPU memory.
# ``.cpu()``, a short form of ``.to("cpu")``, copies a GPU tensor back; for a
# tensor already on the CPU it changes nothing.

on_cpu = data.cpu()
print("on_cpu.device:", on_cpu.device)
print("as a NumPy array:", on_cpu.numpy())

# %% [cuda]
# Moving a tensor to the GPU
# --------------------------
# ``.to("cuda")`` copies a tensor to the GPU and ``.cpu()`` brings it back.
# Operations on a GPU tensor run on the GPU, and their results stay there.
# ``numpy()`` refuses a GPU tensor until it is back on the CPU.

if torch.cuda.is_available():
    on_gpu = torch.arange(3.0).to("cuda")
    print("on_gpu.device:", on_gpu.device)
    print("(on_gpu * 2).device:", (on_gpu * 2).device)
    try:
        on_gpu.numpy()
    except TypeError as error:
        print("TypeError:", error)
    print("back on the CPU:", on_gpu.cpu().numpy())

# %% [cuda]
# Pinned memory
# -------------
# Ordinary CPU memory can be moved around by the operating system, so a copy
# to the GPU first goes through a temporary page-locked buffer. Pinned memory
# is page-locked from the start: the GPU reads it directly, and a copy with
# ``non_blocking=True`` can overlap with computation. ``DataLoader`` uses it
# with ``pin_memory=True``. Pinning needs a GPU: on a machine without one,
# ``pin_memory()`` raises an error.

if torch.cuda.is_available():
    batch = torch.ones(2, 3).pin_memory()
    print("batch.is_pinned():", batch.is_pinned())
    on_gpu = batch.to("cuda", non_blocking=True)
    torch.cuda.synchronize()
    print("copied:", on_gpu.sum().item())

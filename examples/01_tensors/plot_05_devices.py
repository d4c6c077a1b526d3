"""
Devices
=======

Every tensor lives on a :term:`device`: the CPU or a GPU. This page names
devices with :class:`torch.device`, moves tensors between them, and explains
:term:`pinned memory`, which makes copies to the GPU faster. The cells marked
as needing a GPU run only where PyTorch finds one; on a site built without a
GPU, each of them shows the output recorded on a GPU, or a notice while no
GPU run has recorded it.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

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
# another device, with another data type, or both in one call; when nothing
# has to change, it returns the very same tensor rather than a copy.

data = torch.arange(3.0, device=device)
print("data.device:", data.device.type)
doubles = data.to(torch.float64)
print("doubles.dtype:", doubles.dtype)
on_cpu_doubles = data.to("cpu", torch.float64)
print("to('cpu', torch.float64):", on_cpu_doubles.device, on_cpu_doubles.dtype)
print("same tensor when nothing changes:", data.to(device) is data)

# %%
# What a copy moves
# -----------------
# Moving a tensor to another device copies all of its memory: ``numel()``
# elements of ``element_size()`` bytes each, ``nbytes`` in all. The data type
# sets that size, so a :math:`1000 \times 1000` matrix is a copy of 2 MB in
# ``float16``, 4 MB in ``float32`` and 8 MB in ``float64``, as the bars show.
# Converting to a smaller data type before the move makes the copy smaller,
# at the cost of precision.

matrix = torch.zeros(1000, 1000, device=device)
print("matrix:", tuple(matrix.shape), "=", matrix.numel(), "elements")
names = ["float16", "float32", "float64"]
megabytes = []
for name in names:
    converted = matrix.to(getattr(torch, name))
    print(f"{name}: {converted.element_size()} bytes per element, {converted.nbytes / 1e6:g} MB")
    megabytes.append(converted.nbytes / 1e6)

fig, ax = plt.subplots(figsize=(6, 3.5), layout="constrained")
ax.bar(names, megabytes)
ax.set_xlabel("data type")
ax.set_ylabel("MB copied for 1000 × 1000 elements")
ax.set_title("The data type sets how many bytes a copy moves")
plt.show()

# %%
# Back to the CPU
# ---------------
# NumPy and matplotlib need the values in CPU memory. ``.cpu()``, a short
# form of ``.to("cpu")``, copies a GPU tensor back; for a tensor already on
# the CPU it changes nothing.

on_cpu = data.cpu()
print("on_cpu.device:", on_cpu.device)
print("as a NumPy array:", on_cpu.numpy())

# %% [cuda]
# Moving a tensor to the GPU
# --------------------------
# ``.to("cuda")`` copies a tensor to the GPU and ``.cpu()`` brings it back.
# ``print`` shows a GPU tensor directly, with its device. Operations on a GPU
# tensor run on the GPU, and their results stay there. ``numpy()`` refuses a
# GPU tensor until it is back on the CPU.

if torch.cuda.is_available():
    on_gpu = torch.arange(3.0).to("cuda")
    print("on_gpu:", on_gpu)
    print("(on_gpu * 2).device:", (on_gpu * 2).device)
    try:
        on_gpu.numpy()
    except TypeError as error:
        print("TypeError:", error)
    print("back on the CPU:", on_gpu.cpu().numpy())

# %%
# A shape from one tensor, a device from another
# ----------------------------------------------
# The ``*_like`` functions accept a ``device`` argument too:
# ``torch.ones_like(x, device=device)`` makes a tensor with the shape and data
# type of ``x`` directly on ``device``, wherever ``x`` lives.

ones = torch.ones_like(on_cpu_doubles, device=device)
print("ones:", ones)
print("ones.device:", ones.device.type)

# %%
# Pinned memory
# -------------
# Ordinary CPU memory can be moved around by the operating system, so a copy
# to the GPU first goes through a temporary page-locked buffer. Pinned memory
# is page-locked from the start, so the GPU reads it directly; ``DataLoader``
# uses it with ``pin_memory=True``. Pinning needs an accelerator such as a
# GPU: where PyTorch finds one, ``pin_memory()`` returns a pinned copy, and
# where it finds none, it raises a ``RuntimeError``. The cell prints the case
# of the machine that runs it.

batch = torch.ones(2, 3)
if torch.accelerator.is_available():
    pinned = batch.pin_memory()
    print("pinned.is_pinned():", pinned.is_pinned())
else:
    try:
        batch.pin_memory()
    except RuntimeError as error:
        print("no accelerator, RuntimeError:", error)

# %% [cuda]
# Copying without waiting
# -----------------------
# A copy of pinned memory with ``non_blocking=True`` returns at once and can
# overlap with computation. :func:`torch.cuda.synchronize` waits until the
# copy is done before the result is read.

if torch.cuda.is_available():
    pinned = torch.ones(2, 3).pin_memory()
    on_gpu = pinned.to("cuda", non_blocking=True)
    torch.cuda.synchronize()
    print("copied:", on_gpu.sum().item())

# %%
# Key points
# ----------
# - Choose the device once, create tensors with ``device=device``, and use
#   ``.to()`` to change the device, the data type or both.
# - NumPy and matplotlib need tensors on the CPU: call ``.cpu()`` first.
# - Pinned memory makes copies to a GPU faster, and pinning needs an
#   accelerator.
# - :doc:`The page on mixing CPU and GPU tensors
#   </auto_examples/05_pitfalls/plot_09_cpu_and_cuda>` shows what happens when
#   one operation gets tensors from two devices.

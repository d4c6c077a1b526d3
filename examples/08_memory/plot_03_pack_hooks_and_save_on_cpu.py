"""
Choosing how saved tensors are stored
=====================================

Autograd passes every tensor it saves for the backward pass through a *pack*
hook, and passes what the hook returned through an *unpack* hook when the
backward pass needs the tensor again. This page writes a pair of hooks that
keeps saved tensors in half precision, counts the bytes that spares and the
small change it makes to the gradient, then tries ``save_on_cpu``, the pair
PyTorch provides to keep saved tensors in CPU memory.
"""

from contextlib import nullcontext

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)

# %%
# Two hooks around every saved tensor
# -----------------------------------
# A :term:`backward function` keeps some tensors of the forward pass, its
# :term:`saved tensors <saved tensor>`; :doc:`the page on saved bytes
# </auto_examples/08_memory/plot_01_saved_tensor_bytes>` counts them. Inside
# ``torch.autograd.graph.saved_tensors_hooks(pack, unpack)``, autograd calls
# ``pack`` on each tensor it saves and keeps whatever ``pack`` returns
# instead of the tensor. ``backward()`` later calls ``unpack`` on that
# object and uses the tensor it returns. The two :term:`hooks <hook>` here
# only print what they see: :math:`y = e^x` saves its result, and the
# product :math:`y x` saves both of its factors, so ``pack`` runs three times
# during the forward pass and ``unpack`` three times during the backward
# pass.


def pack(tensor):
    print("pack:  ", tensor.dtype, list(tensor.shape))
    return tensor


def unpack(tensor):
    print("unpack:", tensor.dtype, list(tensor.shape))
    return tensor


x = torch.tensor([0.0, 1.0, 2.0], device=device, requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    y = torch.exp(x)
    loss = (y * x).sum()
print("forward done, calling backward()")
loss.backward()
print("x.grad:      ", x.grad)
print("e^x (1 + x):", torch.exp(x.detach()) * (1 + x.detach()))

# %%
# A small model to measure
# ------------------------
# The rest of the page uses one :term:`layer` and a squared error. The
# function below runs the forward and backward passes inside whichever hooks
# it is given and returns the :term:`gradient` of the weights. A first pair
# of hooks only counts bytes. Saved are the input ``x`` (for the gradient of
# ``x @ weights``), the output of ``tanh`` and the difference
# ``hidden - target``: 16384 bytes in ``float32``.

x = torch.randn(64, 32, device=device)
weights = torch.randn(32, 16, device=device, requires_grad=True)
target = torch.randn(64, 16, device=device)


def weights_gradient(hooks):
    weights.grad = None
    with hooks:
        hidden = torch.tanh(x @ weights)
        loss = ((hidden - target) ** 2).mean()
    loss.backward()
    return weights.grad


kept_float32 = []


def count_bytes(tensor):
    kept_float32.append(tensor.numel() * tensor.element_size())
    return tensor


def keep(tensor):
    return tensor


plain_gradient = weights_gradient(torch.autograd.graph.saved_tensors_hooks(count_bytes, keep))
print("bytes of each saved tensor:", kept_float32, "| total:", sum(kept_float32))

# %%
# Keeping saved tensors in half precision
# ---------------------------------------
# This ``pack`` converts each saved tensor to ``float16``, which takes 2
# bytes per element instead of 4, and returns the converted copy with the
# original :term:`dtype <data type (dtype)>`; ``unpack`` converts it back
# before the backward function uses it. The graph keeps 8192 bytes instead
# of 16384: half, as the plot shows for each saved tensor.

kept_float16 = []


def pack_half(tensor):
    half = tensor.to(torch.float16)
    kept_float16.append(half.numel() * half.element_size())
    return tensor.dtype, half


def unpack_half(packed):
    dtype, half = packed
    return half.to(dtype)


half_gradient = weights_gradient(torch.autograd.graph.saved_tensors_hooks(pack_half, unpack_half))
print("bytes of each saved tensor:", kept_float16, "| total:", sum(kept_float16))

fig, ax = plt.subplots(figsize=(6, 3.5))
positions = torch.arange(3.0)
ax.bar(positions - 0.2, kept_float32, width=0.4, label="float32 (no hooks)")
ax.bar(positions + 0.2, kept_float16, width=0.4, label="float16 (pack hook)")
ax.set_xticks(positions.tolist(), ["x", "tanh(x @ weights)", "hidden - target"])
ax.set_xlabel("saved tensor")
ax.set_ylabel("bytes kept for backward")
ax.set_title("Half precision halves every saved tensor")
ax.legend()
fig.tight_layout()
plt.show()

# %%
# The price: a slightly different gradient
# ----------------------------------------
# ``float16`` keeps about three significant digits, so the backward pass
# computes with rounded copies of the saved values. The gradient is no longer
# exactly the same: its largest change, 1.6e-05, is 0.05 percent of its largest
# element. Training usually tolerates such a change; whether yours does is
# something to check, as here, before relying on it.

difference = (half_gradient - plain_gradient).abs().max()
largest = plain_gradient.abs().max()
print("identical gradients:", torch.equal(half_gradient, plain_gradient))
print(f"largest change: {difference.item():.1e} | largest element: {largest.item():.1e}")
print(f"relative change: {100 * (difference / largest).item():.2f} %")

# %%
# ``save_on_cpu``: the pair PyTorch provides
# ------------------------------------------
# ``torch.autograd.graph.save_on_cpu`` is a ready-made pair: its pack hook
# copies each saved tensor to CPU memory, and its unpack hook copies it back
# to the tensor's device during the backward pass. On a GPU this frees GPU
# memory at the cost of two copies per saved tensor (``pin_memory=True``
# makes those copies faster, see :term:`pinned memory`). On the CPU, where
# this page ran, there is nothing to move: the pack hook returns the very
# same memory, and the gradient is exactly the one without hooks
# (``nullcontext()`` stands for "no hooks").

on_cpu = torch.autograd.graph.save_on_cpu(pin_memory=False)
original_device, stored = on_cpu.pack_hook(x)
print("saved from:", original_device.type, "| stored on:", stored.device.type)
print("same memory as x:", stored.data_ptr() == x.data_ptr())
cpu_gradient = weights_gradient(torch.autograd.graph.save_on_cpu(pin_memory=False))
print("identical gradients:", torch.equal(cpu_gradient, weights_gradient(nullcontext())))

# %%
# Key points
# ----------
# - ``saved_tensors_hooks(pack, unpack)`` lets you decide how each saved
#   tensor is stored between the forward and the backward pass.
# - Storing saved tensors in ``float16`` halves their bytes and changes the
#   gradient slightly, so check the change before using it.
# - ``save_on_cpu`` moves saved tensors from a GPU to CPU memory; on the CPU
#   it changes nothing.

"""
Mixing data types
=================

PyTorch combines tensors of different data types by *type promotion*: the
result takes a type that can hold both. Some combinations are promoted
silently, some fail. This page also corrects a claim of older material,
that ``backward()`` works only with ``float32``.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Silently promoted
# -----------------
# :term:`Element-wise <element-wise>` arithmetic follows
# :term:`type promotion`: ``float32`` with ``float64`` gives ``float64``, and
# an integer tensor with a float tensor or a Python float gives a float
# tensor. Nothing warns you that the precision or the memory changed. How to
# choose a :term:`data type <data type (dtype)>` when creating a tensor is on
# :doc:`the page on creating tensors </auto_examples/01_tensors/plot_01_creating_tensors>`.

singles = torch.ones(2, device=device)
doubles = torch.ones(2, dtype=torch.float64, device=device)
integers = torch.tensor([1, 2], device=device)
print("float32 + float64:", (singles + doubles).dtype)
print("int64 + float32:", (integers + singles).dtype)
print("int64 * 0.5:", (integers * 0.5).dtype)

# %%
# Numbers and 0-dim tensors count less
# ------------------------------------
# Tensors with dimensions decide the type; a tensor with zero dimensions or a
# Python number changes it only when it is of a higher kind (integer, then
# floating point, then complex). A 0-dim ``float64`` tensor therefore leaves a
# ``float32`` vector ``float32``, while two 0-dim tensors follow the first
# rule.

double_number = torch.tensor(2.0, dtype=torch.float64, device=device)
print("float32 vector * 0-dim float64:", (singles * double_number).dtype)
print("0-dim float32 * 0-dim float64:", (torch.tensor(3.0, device=device) * double_number).dtype)

# %%
# What fails
# ----------
# :term:`Matrix products <matrix product>`, taught on
# :doc:`the page on matrix products </auto_examples/01_tensors/plot_06_broadcasting_and_matrix_products>`,
# do not promote: both operands must have the same type. An in-place
# operation cannot change its tensor's type, so adding a float to an integer
# tensor in place fails.

try:
    torch.mm(torch.ones(2, 2, device=device), torch.ones(2, 2, dtype=torch.float64, device=device))
except RuntimeError as error:
    print("RuntimeError:", error)
try:
    integers += 0.5
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# Gradients with mixed types work
# -------------------------------
# Material written for older PyTorch shows ``backward()`` failing on a
# ``float64`` tensor multiplied by a ``float32`` one, and concludes that
# autograd needs ``float32``. Current PyTorch accepts it: both factors have
# zero dimensions, so the product is ``float64``, and each :term:`gradient`
# has the type of its own leaf. The picture of the backward pass shows the
# data type of each tensor under its name; on its arrows, the gradient for
# ``x`` is ``float64``, and the one for ``c`` is ``float32``, the default
# type, which PyTorch does not print.

x = torch.tensor(3.0, dtype=torch.float64, device=device, requires_grad=True)
c = torch.tensor(2.0, device=device, requires_grad=True)
y = x * c
y.backward()
print("y:", y)
print("x.grad:", x.grad, "| c.grad:", c.grad)
# sphinx_gallery_graph = {"of": "y", "backward": True}

# %%
# Converting on purpose
# ---------------------
# Choose the type when you create a tensor, with ``dtype=``, and convert with
# ``.to(dtype)``. Older code writes ``.type(torch.int32)``, the legacy form of
# the same conversion. Converting a float to an integer type drops the
# fractional part.

measured = torch.tensor(3.5, device=device)
print("created as float64:", torch.tensor(3.1514, dtype=torch.float64, device=device))
print(".to(torch.int32):  ", measured.to(torch.int32))
print(".type(torch.int32):", measured.type(torch.int32))

# %%
# Key points
# ----------
# - Element-wise operations promote to a type that holds both operands, but
#   a 0-dim tensor or a Python number only counts when it is of a higher kind.
# - Matrix products and in-place operations do not promote: convert first,
#   with ``.to(dtype)``.
# - Autograd works with mixed types; each gradient has the type of its leaf.

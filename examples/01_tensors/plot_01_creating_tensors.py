"""
Creating tensors
================

A :term:`tensor` is PyTorch's n-dimensional array of numbers. This page
creates tensors from Python data, from a shape and from other tensors, and
reads their :term:`shape` and :term:`data type <data type (dtype)>`.
"""

import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# From Python data
# ----------------
# :func:`torch.tensor` copies nested Python lists into a new tensor. The data
# type is inferred from the values: integers give ``torch.int64``, ``True``
# and ``False`` give ``torch.bool``, and numbers with a decimal point give the
# default floating-point type, :func:`torch.get_default_dtype`, which is
# ``torch.float32`` unless a program changes it.

counts = torch.tensor([[1, 2], [3, 4]], device=device)
flags = torch.tensor([True, False], device=device)
weights = torch.tensor([[0.5, 1.5], [2.5, 3.5]], device=device)
print("counts:", counts, sep="\n")
print("counts.dtype:", counts.dtype)
print("flags.dtype:", flags.dtype)
print("default floating-point type:", torch.get_default_dtype())
print("weights.dtype:", weights.dtype)

# %%
# From a shape
# ------------
# Constructors such as :func:`torch.zeros`, :func:`torch.ones` and
# :func:`torch.rand` take a shape and fill it. The ``dtype`` argument chooses
# the data type; random values come from the generator seeded at the top of
# the page, so they are the same on every run.

zeros = torch.zeros(2, 3, dtype=torch.int32, device=device)
uniform = torch.rand(2, 3, device=device)
print("zeros:", zeros, sep="\n")
print("uniform:", uniform, sep="\n")

# %%
# Uninitialised memory
# --------------------
# :func:`torch.empty` only reserves :term:`uninitialised memory`: the tensor
# holds whatever bytes were there before, which can be zeros, tiny numbers or
# garbage, and changes from run to run. Use it only for a tensor you are
# about to overwrite completely. This page prints its shape, not its values,
# to stay the same on every build; ``fill_`` then gives it defined values.
# :doc:`/auto_examples/05_pitfalls/plot_11_uninitialised_memory` shows what
# goes wrong when such values reach a computation.

scratch = torch.empty(2, 3, device=device)
print("scratch.shape:", scratch.shape)
scratch.fill_(7.0)
print("after fill_(7.0):", scratch, sep="\n")

# %%
# From another tensor
# -------------------
# The ``new_*`` methods build a tensor with a new shape but the data type and
# :term:`device` of an existing one; the ``*_like`` functions copy the shape
# as well. Both accept a ``dtype`` argument that overrides the copied data type.

doubles = torch.zeros(2, 2, dtype=torch.float64, device=device)
ones = doubles.new_ones(3, 2)
noise = torch.randn_like(doubles, dtype=torch.float32)
print("new_ones:", ones, sep="\n")
print("randn_like:", noise, sep="\n")
print("dtypes:", ones.dtype, noise.dtype)

# %%
# Uniform or normal random values
# -------------------------------
# The random constructors differ in how they spread their values.
# :func:`torch.rand` draws uniformly from 0 (included) to 1 (excluded), so
# no value is negative; :func:`torch.randn` draws from the standard normal
# distribution, a bell curve centred on 0 with a standard deviation of 1.
# The histograms of 10000 draws of each show the two shapes, and the printed
# summaries check the range and the centre.

uniform_draws = torch.rand(10000, device=device).cpu()
normal_draws = torch.randn(10000, device=device).cpu()
print("draws of each:", uniform_draws.numel(), normal_draws.numel())
print("rand:  all values in [0, 1):", bool(((uniform_draws >= 0) & (uniform_draws < 1)).all()))
print(f"randn: mean {normal_draws.mean():.2f}, standard deviation {normal_draws.std():.2f}")

fig, ax = plt.subplots(figsize=(6, 3.5), layout="constrained")
ax.hist(uniform_draws, bins=40, range=(-4, 4), alpha=0.6, label="torch.rand")
ax.hist(normal_draws, bins=40, range=(-4, 4), alpha=0.6, label="torch.randn")
ax.set_xlabel("value")
ax.set_ylabel("number of draws")
ax.set_title("rand fills [0, 1) evenly; randn makes a bell curve around 0")
ax.legend()
plt.show()

# %%
# Shape and size
# --------------
# ``shape`` and ``size()`` give the same answer, a :class:`torch.Size`, which
# behaves like a tuple.

print("uniform.shape:", uniform.shape)
print("uniform.size():", uniform.size())
print("rows, columns:", uniform.shape[0], uniform.shape[1])

# %%
# Key points
# ----------
# - :func:`torch.tensor` copies Python data and infers the data type: ``int64``
#   for integers, ``bool`` for truth values, the default ``float32`` for
#   decimals.
# - Constructors take a shape plus ``dtype`` and ``device`` arguments, while
#   ``new_*`` and ``*_like`` take the data type and device of an existing
#   tensor.
# - :func:`torch.empty` leaves the memory as it was, so fill it before reading
#   it.
# - Tensors of two data types in one operation follow rules of their own,
#   taught on :doc:`the page on mixing data types
#   </auto_examples/05_pitfalls/plot_10_mixing_dtypes>`.

"""
The NumPy bridge
================

A tensor on the :term:`CPU` and a NumPy array can share the same memory.
This page converts in both directions, shows a change on one side appearing
on the other, and shows which conversions copy instead. NumPy arrays live in
CPU memory, so this page creates every tensor on the CPU, whatever device
the other pages use.
"""

import matplotlib.pyplot as plt
import numpy as np
import torch

# %%
# From a tensor to an array
# -------------------------
# ``Tensor.numpy()`` returns an array that uses the tensor's memory. Changing
# the tensor in place changes the array too.

tensor = torch.ones(4)
array = tensor.numpy()
print("array:", array)
tensor.add_(1.0)
print("after tensor.add_(1.0):", array)

# %%
# From an array to a tensor
# -------------------------
# :func:`torch.from_numpy` goes the other way and also shares memory. It keeps
# NumPy's data type: NumPy's default ``float64`` becomes ``torch.float64``,
# not PyTorch's default ``float32``.

values = np.zeros(3)
shared = torch.from_numpy(values)
np.add(values, 5.0, out=values)
print("shared after changing the array:", shared)

# %%
# Conversions that copy
# ---------------------
# :func:`torch.tensor` always copies its input, so the new tensor no longer
# follows the array. Use it when you want an independent tensor. The picture
# shows the three side by side after ``values[0] = -1.0``: the change appears
# in the array and in the ``from_numpy`` view, which share one block of
# memory, while the copy still holds 5.

copied = torch.tensor(values)
values[0] = -1.0
print("array:", values)
print("from_numpy view:", shared)
print("torch.tensor copy:", copied)

table = np.stack([values, shared.numpy(), copied.numpy()])
fig, ax = plt.subplots(figsize=(6, 2.8), layout="constrained")
ax.imshow(table != 5.0, cmap="Blues", vmin=0, vmax=2)
for row in range(3):
    for col in range(3):
        ax.text(col, row, f"{table[row, col]:g}", ha="center", va="center")
ax.set_xticks(range(3))
ax.set_yticks(range(3), labels=["array", "from_numpy view", "torch.tensor copy"])
ax.set_xlabel("element")
ax.set_title("values[0] = -1.0 reaches the view, not the copy")
plt.show()

# %%
# Which data types convert
# ------------------------
# Every CPU tensor with a data type that NumPy also has converts, including
# ``int8``: older tutorials said that ``CharTensor`` (``int8``) did not
# convert, which is no longer true. ``bfloat16`` has no NumPy equivalent and
# raises an error.

print(torch.tensor([1, -2], dtype=torch.int8).numpy())
try:
    torch.tensor([1.0], dtype=torch.bfloat16).numpy()
except TypeError as error:
    print("TypeError:", error)

# %%
# Tensors that do not convert directly
# ------------------------------------
# ``numpy()`` also refuses a tensor that :term:`requires gradients`, and names
# the fix in its message; :doc:`the page on converting such tensors
# </auto_examples/04_controlling_the_graph/plot_04_to_numpy>` explains it. A
# tensor on a GPU must first come back to the CPU, as :doc:`the page on
# devices </auto_examples/01_tensors/plot_05_devices>` shows.

weight = torch.ones(2, requires_grad=True)
try:
    weight.numpy()
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# Key points
# ----------
# - ``numpy()`` and :func:`torch.from_numpy` share memory: a change on one
#   side shows on the other.
# - :func:`torch.tensor` always copies; both ways keep NumPy's data type, so
#   ``float64`` stays ``float64``.
# - Only CPU tensors that do not require gradients convert directly, and
#   ``bfloat16`` does not convert at all.

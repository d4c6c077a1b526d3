"""
Integer tensors cannot require gradients
========================================

Gradients are about small changes, and integers cannot change a little. A
tensor built from whole numbers has an integer data type, and asking it to
require gradients fails. This page shows the error and which types can
require gradients.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# The mistake
# -----------
# ``[[1, 2, 3], [4, 5, 6]]`` contains only integers, so the tensor's
# :term:`data type <data type (dtype)>` is ``int64``. The error message of
# current PyTorch names the types that can require gradients; older material
# quotes it as "Only Tensors of floating point dtype can require gradients".

try:
    torch.tensor([[1, 2, 3], [4, 5, 6]], device=device, requires_grad=True)
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# Complex tensors can too
# -----------------------
# As the message says, a complex tensor can require gradients as well as a
# floating-point one.

phases = torch.tensor([1 + 2j, 3 - 1j], device=device, requires_grad=True)
print("phases.dtype:", phases.dtype)
print("phases.requires_grad:", phases.requires_grad)

# %%
# The fix
# -------
# Make the tensor floating point: write one number with a decimal point, or
# better, say so with ``dtype``. Then the :term:`gradient` of the mean is
# :math:`1/6` for every element, as the picture of the backward pass shows on
# its arrows. The
# :doc:`page on the first gradient </auto_examples/02_autograd/plot_01_first_gradient>`
# shows how ``requires_grad=True`` starts the recording.

values = torch.tensor([[1, 2, 3], [4, 5, 6]], dtype=torch.float32, device=device, requires_grad=True)
mean = values.mean()
mean.backward()
print("values.dtype:", values.dtype)
print("values.grad:", values.grad, sep="\n")
# sphinx_gallery_graph = {"of": "mean", "backward": True}

# %%
# Key points
# ----------
# - Only floating-point and complex tensors can require gradients.
# - A tensor written with whole numbers only is ``int64``: pass
#   ``dtype=torch.float32`` when you want to differentiate with respect to it.

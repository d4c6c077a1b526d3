"""
Integer tensors cannot require gradients
========================================

Gradients are about small changes, and integers cannot change a little. A
tensor built from whole numbers has an integer data type, and asking it to
require gradients fails.
"""

import os

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# The mistake
# -----------
# ``[[1, 2, 3], [4, 5, 6]]`` contains only integers, so the tensor is
# ``int64``. The error message of PyTorch 2.13 mentions complex numbers too;
# older material quotes it as "Only Tensors of floating point dtype can
# require gradients".

try:
    torch.tensor([[1, 2, 3], [4, 5, 6]], device=device, requires_grad=True)
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# The fix
# -------
# Make the tensor floating point: write one number with a decimal point, or
# better, say so with ``dtype``. Then the gradient of the mean is
# :math:`1/6` for every element.

values = torch.tensor([[1, 2, 3], [4, 5, 6]], dtype=torch.float32, device=device, requires_grad=True)
values.mean().backward()
print("values.dtype:", values.dtype)
print("values.grad:", values.grad, sep="\n")

r"""
Weighting the outputs
=====================

A question asked about an old PyTorch tutorial: what do the numbers
``[0.1, 1.0, 0.0001]`` passed to ``backward()`` mean? This page answers it on
:math:`y = 3a + 2b^2 + \log c` and corrects two claims that no longer hold.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# An element-wise function
# ------------------------
# Each output :math:`y_i = 3 a_i + 2 b_i^2 + \log c_i` depends only on the
# inputs at the same position, so the :term:`Jacobians <Jacobian matrix>` with
# respect to ``a``, ``b`` and ``c`` are diagonal, with :math:`3`,
# :math:`4 b_i` and :math:`1 / c_i` on the diagonal.

a = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
b = torch.tensor([3.0, 4.0, 5.0], device=device, requires_grad=True)
c = torch.tensor([6.0, 7.0, 8.0], device=device, requires_grad=True)
y = 3 * a + 2 * b * b + torch.log(c)
print("y =", y)

# %%
# The weights scale each output
# -----------------------------
# With a diagonal Jacobian, the :term:`vector-Jacobian product` is an
# element-wise product: the gradient of each input is its own derivative times
# the weight of its output. The weights decide how much each output counts,
# like the coefficients of a weighted :term:`loss`. The checks on the right
# use ``b.detach()`` and ``c.detach()``, the same values cut off from the
# graph (see :doc:`the page on detach() </auto_examples/04_controlling_the_graph/plot_02_detach>`),
# because they are only printed, not differentiated.

weights = torch.tensor([0.1, 1.0, 0.0001], device=device)
y.backward(weights)
print("a.grad =", a.grad, "  3 * weights =", 3 * weights)
print("b.grad =", b.grad, "  4b * weights =", 4 * b.detach() * weights)
print("c.grad =", c.grad, "  weights / c =", weights / c.detach())
# sphinx_gallery_graph = {"of": "y", "backward": True}

# %%
# Scalar inputs need no weights
# -----------------------------
# With one number per input, :math:`y` is a scalar and ``backward()`` needs no
# argument. At :math:`a = 0.1, b = 1, c = 0.1` the gradients are
# :math:`3`, :math:`4b = 4` and :math:`1/c = 10`.

a = torch.tensor(0.1, device=device, requires_grad=True)
b = torch.tensor(1.0, device=device, requires_grad=True)
c = torch.tensor(0.1, device=device, requires_grad=True)
y = 3 * a + 2 * b * b + torch.log(c)
y.backward()
print("gradients:", a.grad.item(), b.grad.item(), round(c.grad.item(), 4))

# %%
# Two claims to correct
# ---------------------
# The original answer builds the weights with ``torch.FloatTensor([...])``, a
# legacy constructor; :func:`torch.tensor` is the current spelling. It also
# shows gradients for inputs made with ``torch.empty(1, requires_grad=True,
# pin_memory=True)`` and suggests that ``pin_memory`` makes the result
# reproducible. It does not: ``empty`` leaves the values uninitialised (see
# :doc:`/auto_examples/01_tensors/plot_01_creating_tensors` and the pitfall
# :doc:`/auto_examples/05_pitfalls/plot_11_uninitialised_memory`), so those
# gradients were computed from whatever was in memory. :term:`Pinned memory
# <pinned memory>` only changes how the memory can be copied to a GPU, and it
# needs a GPU or another accelerator: without one, asking for it raises an
# error.

try:
    torch.empty(1, requires_grad=True, pin_memory=True)
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# Key points
# ----------
# - The argument of ``backward()`` weights each output; each input's gradient
#   is the weighted sum of the derivatives of the outputs.
# - For an element-wise function, the Jacobian is diagonal and the weighted
#   gradient is the derivative times the weight, element by element.
# - ``torch.empty`` gives uninitialised values, so gradients computed from
#   them mean nothing, pinned or not.

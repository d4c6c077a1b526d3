"""
Changing a tensor that the backward pass still needs
====================================================

Many backward functions save tensors from the forward pass. Changing one of
them in place would make the gradient wrong, so autograd checks a *version
counter* and stops with an error. This page triggers the error twice and
fixes it without changing the function that is computed.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# The mistake
# -----------
# The :term:`backward function` of :math:`e^x` saves its output ``y``, a
# :term:`saved tensor` it needs to compute the gradient, as
# :doc:`the page on retain_graph </auto_examples/03_vector_jacobian/plot_04_retain_graph>`
# explains. Every tensor has a :term:`version counter`, ``_version``, that
# each in-place operation raises. Adding 1 to ``y`` in place raises it from 0
# to 1, and ``backward()`` notices that the saved value has changed. The
# picture shows the graph of ``z`` with the tensors its backward functions
# saved: ``ExpBackward0`` saved its result, the tensor ``y``, and that saved
# tensor can no longer be used because it was modified in place. The failed
# ``backward()`` had already run ``MulBackward0``, which then freed what it
# had saved.

x = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
y = torch.exp(x)
z = y * 2
print("y._version before add_():", y._version)
y.add_(1.0)
print("y._version after add_(): ", y._version)
try:
    z.sum().backward()
except RuntimeError as error:
    print("RuntimeError:", error)
# sphinx_gallery_graph = {"of": "z", "saved": True}

# %%
# Assigning to elements is in place too
# -------------------------------------
# ``w[0] = ...`` writes into ``w``. The intended result is
# :math:`w = (c_1 x_1, c_2 x_2, x_3)`, but each product reads an element of
# ``w`` that its own assignment then overwrites, and the multiplication saved
# that element for the backward pass. The message calls the saved tensor
# "output 0 of AsStrided": an element such as ``w[1]`` is a :term:`view` of
# ``w``, and after ``w`` changes in place autograd describes such a view by
# the general ``as_strided`` operation that selects it.

x = torch.tensor([10.0, 20.0, 30.0], device=device, requires_grad=True)
c = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
w = x * 1
w[0] = c[0] * w[0]
w[1] = c[1] * w[1]
print("w._version:", w._version)
try:
    w.sum().backward()
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# Finding the line
# ----------------
# The error names the operation (``Exp``, ``AsStrided``) but not the line of
# code. Its hint points to anomaly detection, which records where each
# operation was created and reports that line when its backward function
# fails: see
# :doc:`the page on anomaly detection </auto_examples/05_pitfalls/plot_12_anomaly_detection>`.

# %%
# The minimal fix: clone what you overwrite
# -----------------------------------------
# ``w[0].clone()`` is a new tensor with the same value. The multiplication
# saves the clone, which nothing changes afterwards, so the assignments may
# write into ``w``. For :math:`s = c_1 x_1 + c_2 x_2 + x_3`, the intended
# gradients are :math:`\partial s / \partial x = (c_1, c_2, 1) = (1, 2, 1)`
# and :math:`\partial s / \partial c = (x_1, x_2, 0) = (10, 20, 0)`.

x = torch.tensor([10.0, 20.0, 30.0], device=device, requires_grad=True)
c = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
w = x * 1
w[0] = c[0] * w[0].clone()
w[1] = c[1] * w[1].clone()
w.sum().backward()
print("w:", w.detach())
print("x.grad:", x.grad, "| c.grad:", c.grad)

# %%
# Better: build the result without writing into it
# ------------------------------------------------
# The same function needs no element assignment at all. :func:`torch.cat`
# joins the products of the first two elements and the untouched third
# element into one tensor, in one recorded operation. The gradients are the
# same as above.

x = torch.tensor([10.0, 20.0, 30.0], device=device, requires_grad=True)
c = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
w = torch.cat([c[:2] * x[:2], x[2:]])
w.sum().backward()
print("w:", w.detach())
print("x.grad:", x.grad, "| c.grad:", c.grad)
print("x.grad is (1, 2, 1):", torch.equal(x.grad, torch.tensor([1.0, 2.0, 1.0], device=device)))
print("c.grad is (10, 20, 0):", torch.equal(c.grad, torch.tensor([10.0, 20.0, 0.0], device=device)))

# %%
# Writing into a leaf is refused at once
# --------------------------------------
# Older material shows ``x[0] = c[0] * x[0]`` directly on the leaf ``x`` and
# gets the version-counter error only at ``backward()``. Current PyTorch
# stops at the assignment itself, because it writes into a view of a leaf
# that requires gradients, which the
# :doc:`page on in-place operations on a leaf </auto_examples/05_pitfalls/plot_07_in_place_on_leaf>`
# explains.

x = torch.tensor([10.0, 20.0, 30.0], device=device, requires_grad=True)
try:
    x[0] = c[0] * x[0]
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# Key points
# ----------
# - A backward function keeps some tensors of the forward pass; changing one
#   in place raises its version counter, and ``backward()`` stops with an
#   error.
# - Assigning to elements, ``w[i] = ...``, is an in-place operation too.
# - Compute a new tensor instead (``torch.cat``, ``torch.stack``, ``c * x``),
#   or ``clone()`` the value that you will overwrite.

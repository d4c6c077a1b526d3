"""
Leaf tensors and ``grad_fn``
============================

Autograd tells apart the tensors you create and the tensors computed from
them. This page switches gradient tracking on after creation, reads
``is_leaf`` and ``grad_fn``, and notes what changed since older PyTorch
releases.
"""

import warnings

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Switching tracking on later
# ---------------------------
# A tensor created without ``requires_grad=True`` can start requiring
# gradients later: ``requires_grad_()`` changes the flag in place and returns
# the tensor, and assigning the attribute does the same.

scale = torch.tensor([2.0, 3.0], device=device)
print("before:", scale.requires_grad)
scale.requires_grad_()
print("after requires_grad_():", scale.requires_grad)
offset = torch.tensor([1.0, 1.0], device=device)
offset.requires_grad = True
print("after assignment:", offset.requires_grad)

# %%
# Leaves and results
# ------------------
# Autograd sorts tensors by a documented rule. A tensor that does not require
# gradients is always a :term:`leaf <leaf tensor>`, even when an operation
# produced it, and it has no ``grad_fn``. A tensor that requires gradients is
# a leaf only if you created it yourself. A result of an operation on a tensor
# that requires gradients is a :term:`non-leaf tensor`: it has a ``grad_fn``,
# the :term:`backward function` that autograd will call for it. In the
# picture of the graph of ``result``, the two leaves, highlighted, sit at the
# bottom behind ``AccumulateGrad`` nodes; ``constant`` does not appear, since
# no gradient will ever flow to it.

result = scale * offset
constant = torch.tensor([4.0, 5.0], device=device) * 2
for name, tensor in [("scale", scale), ("result", result), ("constant", constant)]:
    grad_fn = tensor.grad_fn.name() if tensor.grad_fn else None
    print(f"{name}: is_leaf={tensor.is_leaf}, requires_grad={tensor.requires_grad}, grad_fn={grad_fn}")
# sphinx_gallery_graph = {"of": "result", "highlight": ["scale", "offset"]}

# %%
# Only leaves receive ``.grad``
# -----------------------------
# ``backward()`` stores gradients in the ``.grad`` of the leaves that require
# gradients, here ``scale`` and ``offset``. A non-leaf tensor such as
# ``result`` keeps no gradient: its ``.grad`` is ``None``, and reading it
# gives a warning. The
# :doc:`page on retain_grad() </auto_examples/04_controlling_the_graph/plot_03_retain_grad>`
# shows how to keep such gradients when you need them.

result.sum().backward()
print("scale.grad:", scale.grad)
print("offset.grad:", offset.grad)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("result.grad:", result.grad)
print("warning:", str(caught[0].message).split(". ")[0])

# %%
# The names of backward functions
# -------------------------------
# ``grad_fn.name()`` gives the name of the backward function. The name says
# which operation produced the tensor, and it is stable, unlike the printed
# object, which contains a memory address. ``torch.mm`` below is the
# :term:`matrix product`, taught on the
# :doc:`page on matrix products </auto_examples/01_tensors/plot_06_broadcasting_and_matrix_products>`.

total = (result**2).mean()
product = torch.mm(result.view(1, 2), scale.view(2, 1))
print("result:", result.grad_fn.name())
print("result**2:", (result**2).grad_fn.name())
print("mean:", total.grad_fn.name())
print("mm:", product.grad_fn.name())

# %%
# What changed since older releases
# ---------------------------------
# Material written before PyTorch 1.10 shows names without the trailing
# number (``MmBackward``, ``ExpBackward``) or with other numbers
# (``MeanBackward1`` for a full mean). Current releases print ``MmBackward0``,
# ``ExpBackward0`` and ``MeanBackward0``, as above and below. Older material
# also wraps tensors in ``torch.autograd.Variable``: since PyTorch 0.4,
# ``Variable`` is merged into :class:`torch.Tensor`, and calling it simply
# returns a tensor.

wrapped = torch.autograd.Variable(torch.ones(2, device=device), requires_grad=True)
print("type:", type(wrapped).__name__)
print("exp:", wrapped.exp().grad_fn.name())

# %%
# Key points
# ----------
# - A tensor that does not require gradients is always a leaf; a tensor that
#   requires gradients is a leaf only if you created it, and then has no
#   ``grad_fn``.
# - ``backward()`` fills ``.grad`` for leaves only: giving a variable's name
#   to a computed result loses the leaf, as the
#   :doc:`page on an overwritten leaf </auto_examples/05_pitfalls/plot_05_overwritten_leaf>`
#   shows.
# - ``grad_fn.name()`` names the operation that produced a tensor, such as
#   ``MulBackward0``.

"""
Overwriting the tensor you want to train
========================================

Reusing a variable name for a result replaces the leaf tensor with a non-leaf
one. The gradients then go to the lost leaf, the new tensor's ``.grad`` is
``None``, and an optimizer refuses it. This page shows both symptoms and the
fix.
"""

import warnings

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# The mistake
# -----------
# A :term:`leaf tensor` is one you created yourself, and only leaves receive
# ``.grad``, as :doc:`the page on leaf tensors </auto_examples/02_autograd/plot_02_leaf_tensors>`
# explains. ``x = torch.exp(x)`` and ``c = c * 3`` rebind the names to results
# of operations. After ``backward()``, reading ``.grad`` on them gives
# ``None`` with a warning, because they are no longer leaves. The gradients
# still went somewhere: to the original leaves, which only the graph holds
# now. The ``AccumulateGrad`` node at the end of ``grad_fn.next_functions``
# keeps each one as ``variable``, and its ``.grad`` is filled. The picture of
# the backward pass shows them, highlighted, at the bottom of the graph, under
# the names ``lost_x`` and ``lost_c`` that the code gives them; the names
# ``x`` and ``c`` now label the results of ``ExpBackward0`` and
# ``MulBackward0``.

x = torch.tensor(1.0, device=device, requires_grad=True)
x = torch.exp(x)
c = torch.tensor(1.0, device=device, requires_grad=True)
c = c * 3
y = c * x + 5.0
y.backward()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("x.grad:", x.grad, "| c.grad:", c.grad)
print("warnings:", len(caught), "| x.is_leaf:", x.is_leaf, "| c.is_leaf:", c.is_leaf)
lost_x = x.grad_fn.next_functions[0][0].variable
lost_c = c.grad_fn.next_functions[0][0].variable
print("lost leaves: x.grad:", lost_x.grad, "| c.grad:", lost_c.grad)
# sphinx_gallery_graph = {"of": "y", "backward": True, "highlight": ["lost_x", "lost_c"]}

# %%
# The optimizer refuses
# ---------------------
# An :term:`optimizer` such as ``torch.optim.SGD`` holds the tensors to
# train and, at each step, changes them in place using their ``.grad``; the
# :doc:`page on optimizers </auto_examples/06_putting_it_together/plot_02_gradient_descent_with_optim>`
# teaches it. That only makes sense for leaves, so it refuses the others.

try:
    torch.optim.SGD([x, c], lr=1.0)
except ValueError as error:
    print("ValueError:", error)

# %%
# The fix
# -------
# Keep the parameters under their own names and give results other names.
# For :math:`y = 3c\,e^x + 5` at :math:`x = c = 1`, both derivatives are
# :math:`3e \approx 8.1548`, and the optimizer accepts both tensors.

x = torch.tensor(1.0, device=device, requires_grad=True)
c = torch.tensor(1.0, device=device, requires_grad=True)
y = c * 3 * torch.exp(x) + 5.0
y.backward()
print("x.grad:", x.grad, "| c.grad:", c.grad)
optimizer = torch.optim.SGD([x, c], lr=1.0)
print("the optimizer accepts the leaves:", len(optimizer.param_groups[0]["params"]))

# %%
# Key points
# ----------
# - ``x = f(x)`` replaces a leaf with a non-leaf: its ``.grad`` stays
#   ``None`` and optimizers refuse it.
# - Keep the tensors you train under their own names and give every result a
#   new name.

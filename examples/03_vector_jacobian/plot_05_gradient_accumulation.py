"""
Gradients add up
================

``backward()`` adds to ``.grad``; it never overwrites it. This page shows
gradients accumulating across calls, the ways to reset them, and how
accumulation splits a large batch into pieces, with sum and mean losses.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Two calls, summed gradients
# ---------------------------
# The :term:`computation graph` is a
# :term:`directed acyclic graph <directed acyclic graph (DAG)>`, not a tree:
# one tensor can feed several operations. ``backward()`` walks it from its
# :term:`root`, the output, back to the :term:`leaf tensors <leaf tensor>` (see
# :doc:`the page on the computation graph </auto_examples/02_autograd/plot_03_computation_graph>`).
# At each leaf it adds the new gradient to what ``.grad`` already holds. For
# :math:`y = 3a + 2b^2 + \log c` at :math:`a = b = c = 1`, one backward pass
# gives the gradients :math:`3`, :math:`4` and :math:`1`. Two passes give
# twice as much. The picture shows the second pass: it sends the same 3, 4
# and 1 to the leaves as the first, and each ``AccumulateGrad`` node adds
# them to what ``.grad`` already holds.

a = torch.tensor(1.0, device=device, requires_grad=True)
b = torch.tensor(1.0, device=device, requires_grad=True)
c = torch.tensor(1.0, device=device, requires_grad=True)
y = 3 * a + 2 * b * b + torch.log(c)
y.backward(retain_graph=True)
print("after one call: ", a.grad.item(), b.grad.item(), c.grad.item())
y.backward()
print("after two calls:", a.grad.item(), b.grad.item(), c.grad.item())
# sphinx_gallery_graph = {"of": "y", "backward": True}

# %%
# Resetting by hand
# -----------------
# ``grad.zero_()`` fills the stored gradient with zeros in place; setting
# ``.grad`` to ``None`` drops it, and the next ``backward()`` creates a new
# one.

a.grad.zero_()
b.grad = None
print("a.grad:", a.grad)
print("b.grad:", b.grad)

# %%
# Resetting in a training loop
# ----------------------------
# An :term:`optimizer` such as ``torch.optim.SGD`` holds a list of
# parameters: ``step()`` updates them from their gradients, and
# ``zero_grad()`` resets those gradients (optimizers are taught in
# :doc:`/auto_examples/06_putting_it_together/plot_02_gradient_descent_with_optim`).
# Since PyTorch 2.0, ``zero_grad()`` sets the gradients to ``None`` by default
# (``set_to_none=True``), which saves memory and a pass over the tensors;
# ``set_to_none=False`` fills them with zeros, the old default. The print
# uses ``weight.detach()``, the values without the graph (see
# :doc:`the page on detach() </auto_examples/04_controlling_the_graph/plot_02_detach>`).

weight = torch.tensor([1.0, -2.0], device=device, requires_grad=True)
optimizer = torch.optim.SGD([weight], lr=0.1)
(weight**2).sum().backward()
optimizer.step()
print("weight after one step:", weight.detach())
optimizer.zero_grad()
print("after zero_grad():", weight.grad)
(weight**2).sum().backward()
optimizer.zero_grad(set_to_none=False)
print("after zero_grad(set_to_none=False):", weight.grad)

# %%
# Accumulating on purpose: a sum loss
# -----------------------------------
# Accumulation is useful: the gradient of a sum is the sum of the gradients,
# so a large :term:`batch` can be processed in smaller pieces, each with its
# own ``backward()``, before one optimizer step. With a loss that sums over
# the batch, the pieces' gradients add up to the whole batch's gradient.

data = torch.tensor([1.0, 2.0, 3.0, 4.0], device=device)
weight = torch.tensor(0.5, device=device, requires_grad=True)
((weight * data) ** 2).sum().backward()
whole_batch = weight.grad.clone()
weight.grad = None
for piece in data.split(2):
    ((weight * piece) ** 2).sum().backward()
print("sum loss  | whole batch:", whole_batch.item(), "| two pieces:", weight.grad.item())

# %%
# A mean loss: divide by the number of pieces
# -------------------------------------------
# Most losses are means. The mean over the batch is the average of the means
# over equal pieces, so each piece's loss must be divided by the number of
# pieces before ``backward()``. Without the division, the accumulated
# gradient is as many times too large as there are pieces, here twice.

weight.grad = None
((weight * data) ** 2).mean().backward()
whole_batch = weight.grad.clone()

weight.grad = None
for piece in data.split(2):
    ((weight * piece) ** 2).mean().backward()
print("mean loss | whole batch:", whole_batch.item(), "| two pieces, not divided:", weight.grad.item())

pieces = 2
weight.grad = None
for piece in data.split(2):
    (((weight * piece) ** 2).mean() / pieces).backward()
print("mean loss | whole batch:", whole_batch.item(), "| two pieces, divided by 2:", weight.grad.item())

# %%
# Key points
# ----------
# - ``backward()`` adds to ``.grad``: reset it with ``zero_grad()`` or by
#   setting it to ``None`` before the next step.
# - Accumulating over pieces of a batch gives the whole batch's gradient for a
#   sum loss.
# - For a mean loss, divide each piece's loss by the number of pieces.

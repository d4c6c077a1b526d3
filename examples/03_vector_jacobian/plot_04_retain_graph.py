"""
Backward twice: ``retain_graph``
================================

To compute gradients, autograd keeps some intermediate results of the forward
pass in the graph. ``backward()`` frees them once it is done, so a second
call on the same graph fails if any of its nodes needs one, which is almost
always the case. This page shows the error, how ``retain_graph=True`` avoids
it, and why it is rarely the right fix. Changing a saved tensor in place
breaks the backward pass in another way, shown on :doc:`the page on modified
saved tensors </auto_examples/05_pitfalls/plot_08_modified_saved_tensor>`.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# What ``exp`` saves
# ------------------
# The derivative of :math:`e^x` is :math:`e^x`, so the backward function of
# ``exp`` keeps its result as a :term:`saved tensor`. The picture shows it
# beside ``ExpBackward0``: ``result``, with its shape, its data type and its
# version, ``v0``. The backward function of the sum saves no tensor.

x = torch.tensor([0.0, 1.0], device=device, requires_grad=True)
y = torch.exp(x).sum()
print("y =", y)
# sphinx_gallery_graph = {"of": "y", "saved": True}

# %%
# A second ``backward()`` fails
# -----------------------------
# The first ``backward()`` frees the saved tensor once it has used it: the
# picture now shows ``result`` as freed. The second call needs it, and raises
# an error.

y.backward()
print("x.grad =", x.grad)
try:
    y.backward()
except RuntimeError as error:
    print("RuntimeError:", error)
# sphinx_gallery_graph = {"of": "y", "saved": True}

# %%
# A graph with nothing saved
# --------------------------
# The error comes from the freed tensors, not from walking the graph again.
# The derivative of a sum is 1 for every element, so its backward function
# saves no tensor, and a graph made of a sum alone can be walked twice. Each
# call adds 1 to ``x.grad``. Almost every useful graph saves something, so do
# not rely on this.

x = torch.tensor([0.0, 1.0], device=device, requires_grad=True)
y = x.sum()
y.backward()
y.backward()
print("x.grad after two calls =", x.grad)

# %%
# Keeping the graph
# -----------------
# ``retain_graph=True`` keeps the saved tensors, so the graph can be walked
# again. Each call adds its gradient to ``.grad``: after two calls, ``x.grad``
# holds twice :math:`e^x`. The check uses ``x.detach()``, the values of ``x``
# without the graph (see
# :doc:`the page on detach() </auto_examples/04_controlling_the_graph/plot_02_detach>`).

x = torch.tensor([0.0, 1.0], device=device, requires_grad=True)
y = torch.exp(x).sum()
y.backward(retain_graph=True)
y.backward()
print("x.grad =", x.grad)
print("2 * exp(x) =", 2 * torch.exp(x.detach()))

# %%
# Two losses: add them first
# --------------------------
# Two :term:`losses <loss>` that share part of a graph do not need
# ``retain_graph``. The gradient of a sum is the sum of the gradients, so one
# ``backward()`` on ``first_loss + second_loss`` walks the shared part once
# and gives the same gradient as two passes, here
# :math:`e^x + 2e^{2x}`.

x = torch.tensor([0.0, 1.0], device=device, requires_grad=True)
shared = torch.exp(x)
first_loss = shared.sum()
second_loss = (shared**2).sum()
(first_loss + second_loss).backward()
print("x.grad, one pass on the sum =", x.grad)

x_twice = torch.tensor([0.0, 1.0], device=device, requires_grad=True)
shared = torch.exp(x_twice)
shared.sum().backward(retain_graph=True)
(shared**2).sum().backward()
print("x.grad, two passes          =", x_twice.grad)
print("exp(x) + 2 exp(2x)          =", torch.exp(x.detach()) + 2 * torch.exp(2 * x.detach()))

# %%
# The usual cause: a tensor kept from the last iteration
# ------------------------------------------------------
# In a :term:`training loop`, each iteration builds a new graph, so this
# error usually means that a tensor from the previous iteration is still part
# of the new graph. A classic case is a :term:`hidden state` carried from one
# step to the next: the second ``backward()`` reaches back into the first
# iteration's graph, which is already freed.

weight = torch.tensor(0.5, device=device, requires_grad=True)
hidden = torch.ones(1, device=device)
for step in range(2):
    hidden = torch.tanh(weight * hidden + 1.0)
    try:
        hidden.sum().backward()
        print(f"step {step + 1}: backward works")
    except RuntimeError as error:
        print(f"step {step + 1}: RuntimeError:", str(error).split(".")[0])

# %%
# Detach the carried tensor
# -------------------------
# ``retain_graph=True`` would silence the error, but then each ``backward()``
# also runs back through every earlier iteration: the gradient of step 2
# changes, and the old graphs stay in memory. When each iteration should
# learn from its own step, the fix is to cut the carried tensor off with
# ``detach()`` at the start of the iteration.
# :doc:`/auto_examples/05_pitfalls/plot_14_training_loop_leaks` shows this
# leak and others in detail.

hidden = torch.ones(1, device=device)
for step in range(2):
    weight.grad = None
    hidden = torch.tanh(weight * hidden + 1.0)
    hidden.sum().backward(retain_graph=True)
    print(f"retain_graph=True, step {step + 1}: weight.grad = {weight.grad.item():.4f}")

hidden = torch.ones(1, device=device)
for step in range(2):
    weight.grad = None
    hidden = torch.tanh(weight * hidden.detach() + 1.0)
    hidden.sum().backward()
    print(f"detach(),          step {step + 1}: weight.grad = {weight.grad.item():.4f}")

# %%
# Key points
# ----------
# - ``backward()`` frees the :term:`saved tensors <saved tensor>` of the
#   graph, so a second call fails as soon as one node needed one.
# - For several losses, call ``backward()`` once on their sum instead of
#   retaining the graph.
# - In a training loop, this error usually means a tensor was carried over
#   from the previous iteration: ``detach()`` it rather than adding
#   ``retain_graph=True``.

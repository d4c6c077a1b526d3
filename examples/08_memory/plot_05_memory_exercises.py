"""
Exercises: what autograd keeps in memory
========================================

Three problems on this chapter: counting the bytes a small expression saves,
predicting what gradient checkpointing runs again, and the gradient of a
complex distance. Try each one before opening its solution.
"""

import torch
from torch.utils.checkpoint import checkpoint

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)

# %%
# Exercise 1: count the saved bytes
# ---------------------------------
# ``x`` holds 1000 ``float32`` numbers and requires gradients. How many
# :term:`saved tensors <saved tensor>` does
# :math:`L = \sum_i \sin(x_i)\, e^{x_i}` leave in the graph, and how many
# bytes do they hold? Predict, then check with a pack hook that counts
# bytes, as on :doc:`the page on saved bytes
# </auto_examples/08_memory/plot_01_saved_tensor_bytes>`.

# %% [solution]
# ``sin`` saves its input ``x``, because its derivative is :math:`\cos x`;
# ``exp`` saves its result, because its derivative is :math:`e^x` itself;
# the product saves both of its factors. That makes 4 saved tensors of 4000
# bytes each, 16000 bytes. The result of ``exp`` is counted twice, once by
# ``ExpBackward0`` and once by ``MulBackward0``, though it is stored once:
# the picture shows the four saved tensors under their backward functions.

saved_bytes = []


def count_bytes(tensor):
    saved_bytes.append(tensor.numel() * tensor.element_size())
    return tensor


def keep(tensor):
    return tensor


x = torch.randn(1000, device=device, requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(count_bytes, keep):
    loss = (torch.sin(x) * torch.exp(x)).sum()
print("saved tensors:", len(saved_bytes), "| bytes:", saved_bytes, "| total:", sum(saved_bytes))
# sphinx_gallery_graph = {"of": "loss", "saved": True}

# %%
# Exercise 2: what checkpointing runs again
# -----------------------------------------
# Two blocks of a model each count how often they run. Only the first is
# wrapped in ``checkpoint``, as on :doc:`the page on gradient checkpointing
# </auto_examples/08_memory/plot_02_gradient_checkpointing>`. Predict both
# counts after the forward pass, then after ``backward()``.

weights_1 = torch.randn(8, 8, device=device, requires_grad=True)
weights_2 = torch.randn(8, 8, device=device, requires_grad=True)
runs = {"first block": 0, "second block": 0}


def first_block(inputs):
    runs["first block"] += 1
    return torch.tanh(inputs @ weights_1)


def second_block(inputs):
    runs["second block"] += 1
    return torch.tanh(inputs @ weights_2)


# %% [solution]
# The forward pass runs each block once. The checkpointed block keeps only
# its input; when ``backward()`` reaches it, it runs its forward again to
# rebuild what it did not save, and only then computes its gradients. So
# after the backward pass the first block has run twice and the second once.

inputs = torch.randn(4, 8, device=device)
loss = second_block(checkpoint(first_block, inputs, use_reentrant=False)).sum()
print("after the forward pass:", runs)
loss.backward()
print("after backward():      ", runs)

# %%
# Exercise 3: the gradient of a complex distance
# ----------------------------------------------
# For a complex :math:`z` and a fixed :math:`c = 1 - i`, the loss
# :math:`L = |z - c|^2` is the squared distance from :math:`z` to
# :math:`c`. What is ``z.grad`` at :math:`z = 2 + i`? Which
# :term:`learning rate` brings :math:`z` to :math:`c` in a single step of
# gradient descent? :doc:`The page on complex gradients
# </auto_examples/08_memory/plot_04_complex_gradients>` has what you need.

# %% [solution]
# Write :math:`z - c = a + ib`. Then :math:`L = a^2 + b^2`, and ``z.grad``
# is :math:`2a + 2ib = 2(z - c)`, here :math:`2(1 + 2i) = 2 + 4i`. A step
# with learning rate :math:`\eta` gives :math:`z - 2 \eta (z - c)`, which is
# :math:`c` for :math:`\eta = 0.5`.

c = torch.tensor(1.0 - 1.0j, device=device)
z = torch.tensor(2.0 + 1.0j, device=device, requires_grad=True)
(z - c).abs().pow(2).backward()
print("z.grad:    ", z.grad)
print("2 (z - c): ", 2 * (z.detach() - c))
with torch.no_grad():
    z -= 0.5 * z.grad
print("z after one step with learning rate 0.5:", z.detach())

# %%
# Key points
# ----------
# - Each backward function saves what its derivative needs; counting the
#   saved tensors of an expression is a matter of knowing those derivatives.
# - A checkpointed block runs its forward once more during the backward
#   pass; the other blocks do not.
# - For a real loss of a complex tensor, ``.grad`` points where the loss
#   grows fastest, so gradient descent works as with real numbers.

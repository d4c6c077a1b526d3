"""
Parameters of an ``nn.Module``
==============================

A model built from :mod:`torch.nn` layers keeps its weights in parameters,
which autograd treats like any tensor you create yourself. This page lists
the parameters of a small model, freezes one layer, gives each layer its own
learning rate, and shows why ``model.eval()`` does not switch autograd off.
"""

import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# A parameter is a leaf tensor
# ----------------------------
# A layer such as :class:`torch.nn.Linear` creates its weight and bias as
# :class:`torch.nn.Parameter` objects. A :term:`parameter` is a tensor that
# the layer created, not the result of an operation, so it is a
# :term:`leaf tensor` (see the page on
# :doc:`leaf tensors </auto_examples/02_autograd/plot_02_leaf_tensors>`),
# and it requires gradients from the start.

model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1)).to(device)
first_weight = model[0].weight
print("type:", type(first_weight).__name__)
print("is_leaf:", first_weight.is_leaf, "| requires_grad:", first_weight.requires_grad)
print("grad_fn:", first_weight.grad_fn)

# %%
# Listing the parameters
# ----------------------
# ``named_parameters()`` walks through every layer of the :term:`module` and
# yields each parameter with its name: the position of the layer in the
# ``Sequential``, then ``weight`` or ``bias``. ``ReLU`` has no parameters, so
# position 1 is missing. ``parameters()`` yields the same tensors without the
# names.

for name, parameter in model.named_parameters():
    shape = str(tuple(parameter.shape))
    print(f"{name:9} shape {shape:7} requires_grad={parameter.requires_grad}")
total = sum(parameter.numel() for parameter in model.parameters())
print("values in all parameters:", total)

# %%
# One backward pass fills every ``.grad``
# ---------------------------------------
# The model's output is computed from all its parameters, so one call to
# ``backward()`` on the :term:`loss` gives each parameter a gradient in its
# ``.grad``, with the same shape as the parameter.

inputs = torch.randn(8, 3, device=device)
targets = torch.randn(8, 1, device=device)
loss = ((model(inputs) - targets) ** 2).mean()
loss.backward()
for name, parameter in model.named_parameters():
    print(f"{name:9} grad shape {tuple(parameter.grad.shape)}")

# %%
# Freezing a layer
# ----------------
# To :term:`freeze` a layer, for instance a pretrained one that should keep
# its weights, call ``requires_grad_(False)`` on its parameters. First,
# ``model.zero_grad()`` removes the gradients of the previous cell: it sets
# every ``.grad`` to ``None``. After the next backward pass, the frozen
# parameters still have no gradient, and the graph below no longer contains
# the first layer at all: it ends at the two parameters of the last layer.

model.zero_grad()
print("after zero_grad(), 0.weight.grad is", model[0].weight.grad)
for parameter in model[0].parameters():
    parameter.requires_grad_(False)
last_weight, last_bias = model[2].weight, model[2].bias
loss = ((model(inputs) - targets) ** 2).mean()
loss.backward()
for name, parameter in model.named_parameters():
    grad_shape = None if parameter.grad is None else tuple(parameter.grad.shape)
    print(f"{name:9} requires_grad={str(parameter.requires_grad):5} grad shape {grad_shape}")
trainable = sum(parameter.numel() for parameter in model.parameters() if parameter.requires_grad)
print("trainable values:", trainable, "of", total)
# sphinx_gallery_graph = "loss"

# %%
# Giving the optimizer only the trainable parameters
# --------------------------------------------------
# An :term:`optimizer` updates the parameters it is given with their
# gradients (see :doc:`the page on torch.optim
# </auto_examples/06_putting_it_together/plot_02_gradient_descent_with_optim>`).
# Passing it only the parameters that require gradients makes the intent
# clear: one step changes the last layer and leaves the frozen one as it was.

optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.1)
first_before = model[0].weight.clone()
last_before = model[2].weight.clone()
optimizer.step()
print("first layer changed:", not torch.equal(model[0].weight, first_before))
print("last layer changed:", not torch.equal(model[2].weight, last_before))

# %%
# Two parameter groups
# --------------------
# Instead of freezing the first layer, it can learn more slowly. An
# optimizer accepts a list of dictionaries, each a :term:`parameter group`
# with its own options; a group that does not set the :term:`learning rate`
# takes the one given after the list. Here the first layer steps with
# ``lr=0.01`` and the last with ``lr=0.1``: each change equals its group's
# learning rate times the gradient.

for parameter in model[0].parameters():
    parameter.requires_grad_(True)
optimizer = torch.optim.SGD(
    [{"params": model[0].parameters(), "lr": 0.01}, {"params": model[2].parameters()}],
    lr=0.1,
)
for index, group in enumerate(optimizer.param_groups):
    print(f"group {index}: {len(group['params'])} tensors, lr = {group['lr']}")
optimizer.zero_grad()
loss = ((model(inputs) - targets) ** 2).mean()
loss.backward()
first_before = model[0].weight.clone()
last_before = model[2].weight.clone()
optimizer.step()
first_change = first_before - model[0].weight
last_change = last_before - model[2].weight
first_matches = torch.allclose(first_change, 0.01 * model[0].weight.grad)
last_matches = torch.allclose(last_change, 0.1 * model[2].weight.grad)
print("first layer change == 0.01 * grad:", first_matches)
print("last layer change == 0.1 * grad:", last_matches)

# %%
# ``eval()`` does not stop recording
# ----------------------------------
# ``model.eval()`` puts every layer in :term:`evaluation mode`: it sets their
# ``training`` flag to ``False``. It does not touch the :term:`grad mode`,
# so autograd still records the forward pass: the output still requires
# gradients and has a ``grad_fn``.

model.eval()
output = model(inputs)
print("model.training:", model.training)
print("output.requires_grad:", output.requires_grad, "| grad_fn:", type(output.grad_fn).__name__)

# %%
# What ``eval()`` changes
# -----------------------
# The ``training`` flag matters to layers that behave differently during
# training, such as :class:`torch.nn.Dropout`. In training mode, dropout
# sets each element to zero with probability ``p`` and scales the others by
# :math:`1/(1-p)`, here 2; in evaluation mode it passes the input through
# unchanged.

dropout = nn.Dropout(p=0.5)
ones = torch.ones(8, device=device)
torch.manual_seed(0)
print("training mode:  ", dropout(ones))
dropout.eval()
print("evaluation mode:", dropout(ones))

# %%
# For inference, use both
# -----------------------
# :func:`torch.no_grad` is what stops the recording (see the pages on
# :doc:`no_grad </auto_examples/04_controlling_the_graph/plot_01_no_grad>`
# and on :doc:`grad modes
# </auto_examples/04_controlling_the_graph/plot_05_grad_modes>`). To make
# predictions with a trained model, call ``model.eval()`` for the layers and
# compute inside ``torch.no_grad()`` (or ``torch.inference_mode()``) to
# record nothing.

with torch.no_grad():
    prediction = model(inputs)
print("prediction.requires_grad:", prediction.requires_grad, "| grad_fn:", prediction.grad_fn)

# %%
# Key points
# ----------
# - The weights of an ``nn.Module`` are ``nn.Parameter`` objects: leaf
#   tensors that require gradients, listed by ``named_parameters()``.
# - ``requires_grad_(False)`` freezes a parameter: autograd leaves it out
#   of the graph and its ``.grad`` stays ``None``.
# - Parameter groups give parts of a model their own optimizer options,
#   such as a smaller learning rate.
# - ``model.eval()`` changes how layers like dropout behave, while
#   ``torch.no_grad()`` stops recording; inference needs both.

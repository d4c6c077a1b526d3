r"""
``vmap`` and per-sample gradients
=================================

:func:`torch.func.vmap` runs a function written for one example over a whole
batch. This page shows what ``vmap`` does and how ``in_dims`` chooses the
batched arguments, then combines it with ``grad`` to get the gradient of
each example's loss separately, checked against a loop of ``backward()``
calls.
"""

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.func import functional_call, grad, vmap

torch.manual_seed(0)

# %%
# A function of one example
# -------------------------
# ``squared_norm`` is written for one vector: it sums the squares of all its
# elements. Given a :term:`batch` of 4 vectors, a tensor of :term:`shape`
# ``(4, 3)``, it sums over everything and returns one number, not one per
# vector. ``vmap(squared_norm)`` is the function that runs ``squared_norm``
# on each row, along dimension 0: 4 numbers. This is :term:`vectorization`:
# the batch loop is done by tensor operations, and the Python function runs
# only once, as the call counter shows.

calls = 0


def squared_norm(x):
    global calls
    calls += 1
    return (x**2).sum()


batch = torch.tensor([[1.0, 0.0, 0.0], [1.0, 1.0, 0.0], [1.0, 1.0, 1.0], [2.0, 0.0, 0.0]])
print("batch shape:", tuple(batch.shape))
print("squared_norm(batch) =", squared_norm(batch))
calls = 0
print("vmap(squared_norm)(batch) =", vmap(squared_norm)(batch))
print("calls of squared_norm during vmap:", calls)

# %%
# Which arguments are batched: ``in_dims``
# ----------------------------------------
# A function often takes arguments that are shared by all examples, such as
# weights. ``in_dims`` gives, for each argument, the dimension that holds
# the batch, or ``None`` for an argument that every example uses whole. Here
# ``predict`` takes one weight vector and one example; with
# ``in_dims=(None, 0)`` the weights are shared and the examples are the rows
# of ``batch``. The result is the matrix product ``batch @ weights``.


def predict(weights, x):
    return (weights * x).sum()


weights = torch.tensor([0.5, -1.0, 2.0])
predictions = vmap(predict, in_dims=(None, 0))(weights, batch)
print("predictions:", predictions, "| shape:", tuple(predictions.shape))
print("equal to batch @ weights:", torch.equal(predictions, batch @ weights))

# %%
# A batch gradient mixes the examples
# -----------------------------------
# ``loss.backward()`` on the mean loss of a batch gives the gradient of that
# mean: one gradient per parameter, for the whole batch at once. A
# :term:`per-sample gradient` is the gradient of one example's loss, one per
# example, which some methods need (for example, clipping each example's
# gradient in differentially private training, or measuring how much each
# example pulls on the weights). The model below is small and seeded: 6
# examples with 3 features each.

model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
inputs = torch.randn(6, 3)
targets = torch.randn(6, 1)
loss = ((model(inputs) - targets) ** 2).mean()
loss.backward()
for name, parameter in model.named_parameters():
    print(f"{name:9} batch gradient shape {tuple(parameter.grad.shape)}")
batch_gradients = {name: parameter.grad.clone() for name, parameter in model.named_parameters()}

# %%
# Per-sample gradients with ``vmap(grad(...))``
# ---------------------------------------------
# Write the loss of ONE example as a function of the parameter dictionary
# (:func:`torch.func.functional_call` runs the model with those tensors, see
# :doc:`the previous page
# </auto_examples/07_functional_transforms/plot_01_torch_func_grad>`).
# ``grad`` of it is the gradient for one example; ``vmap`` with
# ``in_dims=(None, 0, 0)`` shares the parameters and runs over the rows of
# ``inputs`` and ``targets``. Every gradient gets a leading dimension of 6,
# one slice per example.

params = {name: parameter.detach() for name, parameter in model.named_parameters()}


def loss_of_one_example(params, x, target):
    prediction = functional_call(model, params, (x,))
    return ((prediction - target) ** 2).mean()


per_sample_gradient_function = vmap(grad(loss_of_one_example), in_dims=(None, 0, 0))
per_sample_gradients = per_sample_gradient_function(params, inputs, targets)
for name, gradient in per_sample_gradients.items():
    print(f"{name:9} per-sample gradient shape {tuple(gradient.shape)}")

# %%
# Checked against a loop of ``backward()`` calls
# ----------------------------------------------
# Without ``vmap``, the same gradients take one forward and one backward
# pass per example, clearing ``.grad`` in between. The two agree:
# ``torch.allclose`` holds, and the largest difference is printed.
# The mean of the per-sample gradients is also the batch gradient of the
# third cell, since the loss of the batch is the mean of the examples'
# losses.

loop_gradients = {name: [] for name in params}
for x, target in zip(inputs, targets):
    model.zero_grad()
    ((model(x) - target) ** 2).mean().backward()
    for name, parameter in model.named_parameters():
        loop_gradients[name].append(parameter.grad.clone())
for name, gradient in per_sample_gradients.items():
    from_loop = torch.stack(loop_gradients[name])
    difference = (gradient - from_loop).abs().max().item()
    close = torch.allclose(gradient, from_loop)
    mean_is_batch = torch.allclose(gradient.mean(dim=0), batch_gradients[name])
    print(f"{name:9} allclose: {close}, largest difference {difference:.1e},", "mean == batch gradient:", mean_is_batch)

# %%
# How hard each example pulls
# ---------------------------
# The :term:`norm` of each example's gradient, over all parameters together,
# says how strongly that example pulls on the weights. The bars differ: the
# batch gradient is an average of pulls of different sizes, which one
# ``backward()`` on the mean loss cannot show.

squares = [(gradient**2).flatten(start_dim=1).sum(dim=1) for gradient in per_sample_gradients.values()]
norms = torch.sqrt(sum(squares))
for index, norm in enumerate(norms):
    print(f"example {index}: gradient norm {norm.item():.3f}")

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.bar(range(len(norms)), norms)
ax.set_xlabel("example")
ax.set_ylabel("norm of its gradient")
ax.set_title("Each example pulls on the weights with its own strength")
plt.show()

# %%
# Key points
# ----------
# - ``vmap(f)`` runs a function written for one example over a batch
#   dimension, calling the Python function once.
# - ``in_dims`` says which dimension of each argument is the batch, and
#   ``None`` marks an argument that all examples share.
# - ``vmap(grad(loss_of_one_example), in_dims=(None, 0, 0))`` gives one
#   gradient per example, equal to a loop of ``backward()`` calls, and their
#   mean is the batch gradient.

"""
Training-loop leaks
===================

Every iteration of a :term:`training loop` builds a new :term:`computation
graph`, and autograd frees it once nothing refers to it any more. Two common
habits keep old graphs alive: adding the loss tensor to a running total, and
carrying a hidden state from one iteration to the next. This page counts the
graph nodes they keep and shows the fixes.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)

# %%
# A tiny model trained by hand
# ----------------------------
# A linear model with ``weights`` and ``bias`` learns from fixed random
# examples.
# ``training_step`` computes the mean squared :term:`loss`, calls
# ``backward()`` and takes one gradient-descent step under
# :doc:`torch.no_grad() </auto_examples/04_controlling_the_graph/plot_01_no_grad>`,
# as in :doc:`the page on gradient descent by hand
# </auto_examples/06_putting_it_together/plot_01_gradient_descent_by_hand>`.
# ``graph_size`` counts the :term:`nodes <node>` of the
# computation graph reachable from a tensor's ``grad_fn`` by
# following ``next_functions``. One loss has a graph of 7 nodes.

inputs = torch.randn(16, 3, device=device)
targets = inputs @ torch.tensor([2.0, -1.0, 0.5], device=device) + 0.3
learning_rate = 0.1


def training_step(weights, bias):
    loss = ((inputs @ weights + bias - targets) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        weights -= learning_rate * weights.grad
        bias -= learning_rate * bias.grad
        weights.grad = None
        bias.grad = None
    return loss


def graph_size(tensor):
    seen = set()
    to_visit = [tensor.grad_fn]
    while to_visit:
        node = to_visit.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        to_visit.extend(next_node for next_node, _ in node.next_functions)
    return len(seen)


weights = torch.zeros(3, device=device, requires_grad=True)
bias = torch.zeros((), device=device, requires_grad=True)
loss = training_step(weights, bias)
print(f"loss = {loss.item():.4f}")
print("nodes in the graph of one loss:", graph_size(loss))

# %%
# The leak: ``total_loss += loss``
# --------------------------------
# Summing the losses to report their total looks harmless. But ``loss`` is a
# tensor that :term:`requires gradients`, so ``total_loss`` becomes one too:
# each ``+=`` adds a node whose inputs are the old total and the new loss.
# ``total_loss`` therefore refers to the graph of every iteration so far,
# and none of them can be freed.

weights = torch.zeros(3, device=device, requires_grad=True)
bias = torch.zeros((), device=device, requires_grad=True)
total_loss = 0.0
for iteration in range(1, 6):
    loss = training_step(weights, bias)
    total_loss += loss
    print(f"iteration {iteration}: total_loss = {total_loss.item():.4f}, "
          f"nodes kept by total_loss: {graph_size(total_loss)}")
print("total_loss.grad_fn:", total_loss.grad_fn.name())

# %%
# The fix: add a number, not a tensor
# -----------------------------------
# ``loss.item()`` returns a Python number, which has no graph. The total is
# the same, and each loss graph is freed when ``loss`` is replaced at the
# next iteration. ``total_loss += loss.detach()`` works too, when the total
# should stay a tensor: :doc:`detach()
# </auto_examples/04_controlling_the_graph/plot_02_detach>` returns a tensor
# that shares the values but has no graph.

weights = torch.zeros(3, device=device, requires_grad=True)
bias = torch.zeros((), device=device, requires_grad=True)
total_loss = 0.0
for iteration in range(1, 6):
    loss = training_step(weights, bias)
    total_loss += loss.item()
print(f"total_loss = {total_loss:.4f}, a {type(total_loss).__name__}")

# %%
# The leak grows with every iteration
# -----------------------------------
# Over 50 iterations, the graph kept by a total of loss tensors grows in a
# straight line, while a total of detached losses keeps no node at all. The
# leak is not bounded by the size of one iteration: it grows with the length
# of the training run.

weights = torch.zeros(3, device=device, requires_grad=True)
bias = torch.zeros((), device=device, requires_grad=True)
total_loss = 0.0
kept_with_loss = []
for iteration in range(50):
    total_loss += training_step(weights, bias)
    kept_with_loss.append(graph_size(total_loss))

weights = torch.zeros(3, device=device, requires_grad=True)
bias = torch.zeros((), device=device, requires_grad=True)
total_loss = 0.0
kept_with_detach = []
for iteration in range(50):
    total_loss += training_step(weights, bias).detach()
    kept_with_detach.append(graph_size(total_loss))

print("nodes kept after 50 iterations, total_loss += loss:         ", kept_with_loss[-1])
print("nodes kept after 50 iterations, total_loss += loss.detach():", kept_with_detach[-1])

fig, ax = plt.subplots()
ax.plot(range(1, 51), kept_with_loss, label="total_loss += loss")
ax.plot(range(1, 51), kept_with_detach, label="total_loss += loss.detach()")
ax.set_xlabel("iteration")
ax.set_ylabel("graph nodes kept by total_loss")
ax.set_title("Adding the loss tensor keeps every iteration's graph alive")
ax.legend()
plt.show()

# %%
# A hidden state carried across iterations
# ----------------------------------------
# A recurrent model updates a :term:`hidden state` at every step,
# :math:`h_t = \tanh(W h_{t-1} + x_t)`, and the state of one iteration is
# the input of the next. Without care, the new state's graph includes every
# earlier step, so it grows at every step. The first ``backward()``
# frees the saved tensors of the first step; the second ``backward()`` has
# to go through that step again and fails.

recurrent_weight = (0.5 * torch.randn(3, 3, device=device)).requires_grad_()
sequence = torch.randn(5, 3, device=device)
h = torch.zeros(3, device=device)
for step, x in enumerate(sequence, start=1):
    h = torch.tanh(recurrent_weight @ h + x)
    loss = (h**2).sum()
    print(f"step {step}: nodes behind h: {graph_size(h)}")
    try:
        loss.backward()
    except RuntimeError as error:
        print("RuntimeError:", error)
        break
    with torch.no_grad():
        recurrent_weight -= learning_rate * recurrent_weight.grad
        recurrent_weight.grad = None

# %%
# ``retain_graph=True`` is not the fix
# ------------------------------------
# The message suggests ``retain_graph=True``, which keeps the saved tensors
# (see :doc:`the page on retain_graph
# </auto_examples/03_vector_jacobian/plot_04_retain_graph>`). Here it only
# hides the leak: the graph still grows, every ``backward()`` walks back
# through all earlier steps, and the third one fails anyway, because the
# in-place update of ``recurrent_weight`` raised the :term:`version counter`
# of a weight that an earlier step saved.

recurrent_weight = (0.5 * torch.randn(3, 3, device=device)).requires_grad_()
h = torch.zeros(3, device=device)
for step, x in enumerate(sequence, start=1):
    h = torch.tanh(recurrent_weight @ h + x)
    loss = (h**2).sum()
    print(f"step {step}: nodes behind h: {graph_size(h)}")
    try:
        loss.backward(retain_graph=True)
    except RuntimeError as error:
        print("RuntimeError:", error)
        break
    with torch.no_grad():
        recurrent_weight -= learning_rate * recurrent_weight.grad
        recurrent_weight.grad = None

# %%
# The fix: detach the hidden state
# --------------------------------
# ``h = h.detach()`` at the start of each iteration keeps the value of the
# state but cuts its graph, so every ``backward()`` goes through one step
# only and the graph stays at 4 nodes. Cutting the graph every :math:`k`
# steps instead of every step lets the gradient reach :math:`k` steps back:
# that is *truncated backpropagation through time*.

recurrent_weight = (0.5 * torch.randn(3, 3, device=device)).requires_grad_()
h = torch.zeros(3, device=device)
for step, x in enumerate(sequence, start=1):
    h = h.detach()
    h = torch.tanh(recurrent_weight @ h + x)
    loss = (h**2).sum()
    loss.backward()
    with torch.no_grad():
        recurrent_weight -= learning_rate * recurrent_weight.grad
        recurrent_weight.grad = None
    print(f"step {step}: loss = {loss.item():.4f}, nodes behind h: {graph_size(h)}")

# %%
# Key points
# ----------
# - Anything that refers to a tensor with a ``grad_fn`` keeps that tensor's
#   whole graph alive.
# - Accumulate losses for reporting with ``loss.item()`` (or
#   ``loss.detach()``), never with the loss tensor itself.
# - Detach a hidden state carried across iterations; ``retain_graph=True``
#   only hides the error while the graph keeps growing.

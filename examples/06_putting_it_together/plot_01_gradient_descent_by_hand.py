"""
Fitting a line with gradient descent
====================================

The core of the previous pages in one small program: fit a line to noisy
points by gradient descent, with plain tensors, ``backward()`` and a
hand-written update.
"""

import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# The data
# --------
# Thirty points near the line :math:`y = 2x + 1`, with some noise.

inputs = torch.linspace(-1.0, 1.0, 30, device=device)
targets = 2.0 * inputs + 1.0 + 0.2 * torch.randn(30, device=device)

# %%
# The model and the loss
# ----------------------
# The model :math:`\hat y = w x + b` has two :term:`parameters <parameter>`,
# :term:`leaf tensors <leaf tensor>` that require gradients. The
# :term:`loss` is the mean squared error.

weight = torch.zeros(1, device=device, requires_grad=True)
bias = torch.zeros(1, device=device, requires_grad=True)


def mean_squared_error(predictions, targets):
    return ((predictions - targets) ** 2).mean()


# %%
# One gradient for thirty points
# ------------------------------
# ``weight`` and ``bias`` have one element, and :term:`broadcasting` repeats
# them over the 30 inputs. Each point therefore contributes to the same
# element, and ``bias.grad`` is the sum of the 30 contributions
# :math:`2(\hat y_i - y_i) / 30`
# (see :doc:`/auto_examples/02_autograd/plot_08_gradients_through_broadcasting`).

loss = mean_squared_error(weight * inputs + bias, targets)
loss.backward()
contributions = 2 * (weight * inputs + bias - targets).detach() / 30
print(f"bias.grad: {bias.grad.item():.4f}")
print(f"sum of the 30 contributions: {contributions.sum().item():.4f}")
weight.grad = None
bias.grad = None

# %%
# The training loop
# -----------------
# Each step computes the loss, calls ``backward()``, and moves each parameter
# against its gradient, scaled by the :term:`learning rate`. The update runs
# inside ``torch.no_grad()``, which stops autograd from recording it (see
# :doc:`/auto_examples/04_controlling_the_graph/plot_01_no_grad`). Then the
# gradients are reset, because ``backward()`` adds to them (see
# :doc:`/auto_examples/03_vector_jacobian/plot_05_gradient_accumulation`).
# Nothing with a graph is kept from one step to the next;
# :doc:`the page on training-loop leaks
# </auto_examples/05_pitfalls/plot_14_training_loop_leaks>` shows what
# happens when something is.

learning_rate = 0.1
losses = []
for step in range(100):
    loss = mean_squared_error(weight * inputs + bias, targets)
    loss.backward()
    with torch.no_grad():
        weight -= learning_rate * weight.grad
        bias -= learning_rate * bias.grad
    weight.grad = None
    bias.grad = None
    losses.append(loss.item())
print(f"weight = {weight.item():.3f}, bias = {bias.item():.3f}")
print(f"loss: first {losses[0]:.3f}, last {losses[-1]:.4f}")

# %%
# The exact answer
# ----------------
# For a line, the best parameters can also be computed directly, by least
# squares. The columns of ``design`` are the inputs and ones, joined by
# :func:`torch.stack`. After 100 steps, gradient descent is within a few
# thousandths of the least-squares values.

design = torch.stack([inputs, torch.ones_like(inputs)], dim=1)
solution = torch.linalg.lstsq(design, targets.unsqueeze(1)).solution
print(f"least squares: weight = {solution[0].item():.3f}, bias = {solution[1].item():.3f}")

# %%
# The fit and the loss curve
# --------------------------
# The fitted line runs through the middle of the points. The loss falls
# quickly, then levels off at the noise that no line can explain.

fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.5))
left.plot(inputs.cpu(), targets.cpu(), "o", label="data")
left.plot(inputs.cpu(), (weight * inputs + bias).detach().cpu(), label="fitted line")
left.set_xlabel("x")
left.set_ylabel("y")
left.legend()
right.plot(losses)
right.set_yscale("log")
right.set_xlabel("step")
right.set_ylabel("loss")
fig.suptitle("The loss levels off at the noise that no line explains")
plt.show()

# %%
# Key points
# ----------
# - Gradient descent repeats four things: compute the loss, ``backward()``,
#   update the parameters inside ``torch.no_grad()``, reset the gradients.
# - A parameter broadcast over a batch gets the sum of the gradients of all
#   the points it was used for.
# - On a problem with an exact answer, such as least squares, you can check
#   that the loop gets close to it.

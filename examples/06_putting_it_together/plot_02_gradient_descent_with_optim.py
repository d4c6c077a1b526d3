"""
The same fit with ``torch.optim``
=================================

:mod:`torch.optim` packages the update and the reset of the previous page.
This page fits the same line with :class:`torch.optim.SGD`, checks step by
step that it follows the hand-written loop up to rounding, and then lets
:class:`torch.optim.Adam` fit a cubic polynomial.
"""

import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

inputs = torch.linspace(-1.0, 1.0, 30, device=device)
targets = 2.0 * inputs + 1.0 + 0.2 * torch.randn(30, device=device)

# %%
# Three lines replace the update
# ------------------------------
# An :term:`optimizer` holds the :term:`parameters <parameter>`.
# ``zero_grad()`` resets their gradients, ``backward()`` computes new ones
# and ``step()`` applies the update. Plain SGD with the same
# :term:`learning rate` performs the update of
# :doc:`the previous page </auto_examples/06_putting_it_together/plot_01_gradient_descent_by_hand>`.
# The optimizer updates the very tensors it was given: :doc:`the page on
# overwritten leaves </auto_examples/05_pitfalls/plot_05_overwritten_leaf>`
# shows what goes wrong when a name is reused for a new tensor.

weight = torch.zeros(1, device=device, requires_grad=True)
bias = torch.zeros(1, device=device, requires_grad=True)
optimizer = torch.optim.SGD([weight, bias], lr=0.1)
for step in range(100):
    optimizer.zero_grad()
    loss = ((weight * inputs + bias - targets) ** 2).mean()
    loss.backward()
    optimizer.step()
print(f"weight = {weight.item():.3f}, bias = {bias.item():.3f}, loss = {loss.item():.4f}")

# %%
# The same steps, up to rounding
# ------------------------------
# To compare the two, this cell runs the hand-written update and SGD side by
# side from the same start and keeps the parameters after every step. SGD
# computes the update in a different order, so a few steps differ in the last
# bit of a ``float32``; no step differs by more than the largest difference
# printed below, and ``torch.allclose`` finds all 100 steps equal within its
# default tolerance.

hand_weight = torch.zeros(1, device=device, requires_grad=True)
hand_bias = torch.zeros(1, device=device, requires_grad=True)
sgd_weight = torch.zeros(1, device=device, requires_grad=True)
sgd_bias = torch.zeros(1, device=device, requires_grad=True)
optimizer = torch.optim.SGD([sgd_weight, sgd_bias], lr=0.1)
hand_steps = []
sgd_steps = []
for step in range(100):
    loss = ((hand_weight * inputs + hand_bias - targets) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        hand_weight -= 0.1 * hand_weight.grad
        hand_bias -= 0.1 * hand_bias.grad
    hand_weight.grad = None
    hand_bias.grad = None
    hand_steps.append(torch.cat([hand_weight, hand_bias]).detach())

    optimizer.zero_grad()
    loss = ((sgd_weight * inputs + sgd_bias - targets) ** 2).mean()
    loss.backward()
    optimizer.step()
    sgd_steps.append(torch.cat([sgd_weight, sgd_bias]).detach())

hand_steps = torch.stack(hand_steps)
sgd_steps = torch.stack(sgd_steps)
print("steps that differ at all:", (hand_steps != sgd_steps).any(dim=1).sum().item(), "of 100")
print(f"largest difference: {(hand_steps - sgd_steps).abs().max().item():.1e}")
print("torch.allclose over all steps:", torch.allclose(hand_steps, sgd_steps))

# %%
# A polynomial with Adam
# ----------------------
# Swapping the model or the optimizer changes nothing else. Here four
# coefficients fit noisy samples of :math:`x^3 - x`, and
# :class:`torch.optim.Adam` adapts how far each coefficient moves. The
# columns of ``powers`` are :math:`1, x, x^2, x^3`, and ``powers @
# coefficients`` is the :term:`matrix product` that evaluates the polynomial
# at every input (see
# :doc:`/auto_examples/01_tensors/plot_06_broadcasting_and_matrix_products`).

curve_targets = inputs**3 - inputs + 0.05 * torch.randn(30, device=device)
coefficients = torch.zeros(4, device=device, requires_grad=True)
powers = torch.stack([inputs**k for k in range(4)], dim=1)
optimizer = torch.optim.Adam([coefficients], lr=0.05)
losses = []
for step in range(500):
    optimizer.zero_grad()
    loss = ((powers @ coefficients - curve_targets) ** 2).mean()
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
print("coefficients (1, x, x², x³):", [round(value, 2) for value in coefficients.tolist()])
print(f"final loss: {losses[-1]:.4f}")

# %%
# The fitted curve
# ----------------
# On the left, the fitted cubic follows the noisy samples; on the right, the
# loss falls over the 500 steps of Adam.

fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.5))
left.plot(inputs.cpu(), curve_targets.cpu(), "o", label="data")
left.plot(inputs.cpu(), (powers @ coefficients).detach().cpu(), label="fitted cubic")
left.set_xlabel("x")
left.set_ylabel("y")
left.legend()
right.plot(losses)
right.set_yscale("log")
right.set_xlabel("step")
right.set_ylabel("loss")
fig.suptitle("Adam fits the four coefficients of the cubic")
plt.show()

# %%
# Key points
# ----------
# - An optimizer replaces the hand-written update: ``zero_grad()``,
#   ``backward()``, ``step()`` in every iteration.
# - Plain SGD takes the same steps as the hand-written loop, up to rounding
#   in the last bit.
# - Changing the optimizer, here to Adam, changes one line and nothing else.

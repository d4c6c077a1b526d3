"""
The same fit with ``torch.optim``
=================================

:mod:`torch.optim` packages the update and the reset of the previous page.
This page fits the same line with :class:`torch.optim.SGD`, checks that it
takes exactly the same steps, and then lets :class:`torch.optim.Adam` fit a
cubic polynomial.
"""

import os

import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

inputs = torch.linspace(-1.0, 1.0, 30, device=device)
targets = 2.0 * inputs + 1.0 + 0.2 * torch.randn(30, device=device)

# %%
# Three lines replace the update
# ------------------------------
# The optimizer holds the parameters. ``zero_grad()`` resets their gradients,
# ``backward()`` computes new ones and ``step()`` applies the update. Plain
# SGD with the same learning rate gives the same result as the hand-written
# loop.

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
# A polynomial with Adam
# ----------------------
# Swapping the model or the optimizer changes nothing else. Here four
# coefficients fit noisy samples of :math:`x^3 - x`, and
# :class:`torch.optim.Adam` adapts the step size of each coefficient.

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

fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.5))
left.plot(inputs.cpu(), curve_targets.cpu(), "o", label="data")
left.plot(inputs.cpu(), (powers @ coefficients).detach().cpu(), label="fitted cubic")
left.set_xlabel("x")
left.legend()
right.plot(losses)
right.set_yscale("log")
right.set_xlabel("step")
right.set_ylabel("loss")
fig.suptitle("Adam fits the four coefficients of the cubic")
plt.show()

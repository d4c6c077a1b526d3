"""
Switching recording off: ``no_grad`` and ``inference_mode``
===========================================================

Recording the graph costs memory and time, and it is wasted when no
``backward()`` will follow, as when a trained model makes predictions. This
page switches recording off with :func:`torch.no_grad` and
:func:`torch.inference_mode`, and shows when to choose which.
"""

import os

import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# ``torch.no_grad()``
# -------------------
# Inside a ``with torch.no_grad():`` block, operations record nothing, even
# on tensors that require gradients: the results have no ``grad_fn`` and do
# not require gradients. The values are the same as with recording on.

x1 = torch.tensor(1.0, device=device, requires_grad=True)
x2 = torch.tensor(2.0, device=device, requires_grad=True)
with torch.no_grad():
    y1 = x1 * x2
    z = torch.log(y1) * torch.sin(y1)
print("z =", z)
print("z.requires_grad:", z.requires_grad, "| z.grad_fn:", z.grad_fn)
print("outside the block:", (x1 * x2).requires_grad)

# %%
# Updating parameters
# -------------------
# A parameter update must not be recorded: it is not part of the function
# being differentiated, and an in-place update of a leaf that requires
# gradients is refused while recording is on. ``no_grad`` also works as a
# decorator.


@torch.no_grad()
def gradient_step(parameter, learning_rate):
    parameter -= learning_rate * parameter.grad


weight = torch.tensor(3.0, device=device, requires_grad=True)
(weight**2).backward()
gradient_step(weight, 0.25)
print("weight after one step:", weight)

# %%
# ``torch.inference_mode()``
# --------------------------
# :func:`torch.inference_mode` goes further: besides recording nothing, it
# skips the bookkeeping that autograd would need later (version counters and
# view tracking), so it is a little faster. The price is that the tensors it
# creates can never enter a recorded computation later.

with torch.inference_mode():
    prediction = x1 * 10
print("prediction.is_inference():", prediction.is_inference())
try:
    (prediction * torch.exp(x2)).backward()
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# Which one to choose
# -------------------
# Use ``inference_mode`` for pure inference, where the results only go to the
# output. Use ``no_grad`` when the results may be used with autograd later,
# such as parameter updates or values that feed a later loss. A ``clone()``
# made outside inference mode turns an inference tensor into a normal one.

usable = prediction.clone()
(usable * torch.exp(x2)).backward()
print("usable.is_inference():", usable.is_inference(), "| x2.grad:", round(x2.grad.item(), 4))

"""
Switching recording off: ``no_grad`` and ``inference_mode``
===========================================================

Recording the :term:`computation graph` costs memory and time, and it is
wasted when no ``backward()`` will follow, as when a trained model makes
predictions. This page switches recording off with :func:`torch.no_grad` and
:func:`torch.inference_mode`, shows the two rules that inference mode really
imposes, and says when to choose which.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# ``torch.no_grad()``
# -------------------
# Inside a ``with torch.no_grad():`` block, operations record nothing, even
# on tensors that :term:`require gradients <requires gradients>`: the results
# have no ``grad_fn`` and do not require gradients. The values are the same
# as with recording on.

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
# A :term:`parameter` update must not be recorded: it is not part of the
# function being differentiated, and an in-place update of a
# :term:`leaf tensor` that requires gradients is refused while recording is
# on (:doc:`the page on in-place operations on a leaf
# </auto_examples/05_pitfalls/plot_07_in_place_on_leaf>` shows the error).
# ``no_grad`` also works as a decorator.


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
# skips bookkeeping that autograd would need later, so it is a little faster.
# It keeps no view tracking and no :term:`version counters <version counter>`:
# the counters with which autograd notices that a tensor it saved was changed
# in place (see :doc:`the page on changing a saved tensor
# </auto_examples/05_pitfalls/plot_08_modified_saved_tensor>`). The tensors
# created inside are *inference tensors*.

with torch.inference_mode():
    prediction = x1 * 10
print("prediction:", prediction)
print("prediction.is_inference():", prediction.is_inference())
print("prediction.requires_grad:", prediction.requires_grad)

# %%
# An inference tensor in a later computation
# ------------------------------------------
# An inference tensor may still enter a computation that autograd records,
# like a constant. Here the sum is recorded, and ``backward()`` gives
# ``x2`` its gradient, 1. This works because the backward function of an
# addition does not need the value of ``prediction``. The picture of the
# backward pass shows the graph that was recorded: ``prediction`` is not in
# it, and the gradient flows to ``x2`` alone.

total = prediction + x2
total.backward()
print("total.grad_fn:", total.grad_fn.name())
print("x2.grad:", x2.grad)
# sphinx_gallery_graph = {"of": "total", "backward": True}

# %%
# Rule 1: it cannot be saved for backward
# ---------------------------------------
# The product :math:`p\, x_2` is different: its gradient with respect to
# :math:`x_2` is :math:`p`, so the backward function of the product must keep
# ``prediction`` as a :term:`saved tensor`. Autograd refuses already in the
# forward pass, when it would save it.

try:
    product = prediction * x2
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# Rule 2: no in-place change outside inference mode
# -------------------------------------------------
# Without a version counter, an inference tensor cannot be changed in place
# outside inference mode. The error comes only after the addition has run,
# though: the value is already 11, so the error does not protect it. Inside
# another ``inference_mode`` block, the same change is allowed, and the value
# becomes 12.

try:
    prediction.add_(1.0)
except RuntimeError as error:
    print("RuntimeError:", error)
print("prediction after the refused add_:", prediction)
with torch.inference_mode():
    prediction.add_(1.0)
print("prediction after add_ in inference mode:", prediction)

# %%
# Which one to choose
# -------------------
# Use ``inference_mode`` for pure inference, where the results only go to the
# output. Use ``no_grad`` when the results may be used with autograd later,
# such as parameter updates or values that feed a later loss. A ``clone()``
# made outside inference mode turns an inference tensor into a normal one,
# which a product may save: after clearing ``x2.grad``, the gradient of
# ``usable * x2`` with respect to ``x2`` is the value of ``usable``. Values
# kept only for a report, such as a running total of the loss, need no graph
# either: :doc:`the page on training-loop leaks
# </auto_examples/05_pitfalls/plot_14_training_loop_leaks>` shows what
# keeping one costs.

usable = prediction.clone()
x2.grad = None
(usable * x2).backward()
print("usable.is_inference():", usable.is_inference(), "| x2.grad:", x2.grad)

# %%
# Key points
# ----------
# - Inside ``no_grad`` nothing is recorded, and the results are ordinary
#   tensors that autograd can use later.
# - ``inference_mode`` also skips version counters and view tracking, and
#   its results are inference tensors.
# - An inference tensor can enter a recorded computation only where no
#   backward function saves it, and it can be changed in place only inside
#   inference mode; ``clone()`` it outside to get a normal tensor.
# - :doc:`The page on grad modes
#   </auto_examples/04_controlling_the_graph/plot_05_grad_modes>` shows the
#   other switches: ``set_grad_enabled``, ``enable_grad`` and the decorators.

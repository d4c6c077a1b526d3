"""
Grad modes: ``set_grad_enabled``, ``enable_grad`` and the decorators
====================================================================

Whether autograd records operations is decided by the :term:`grad mode`, a
switch that holds for all the code that runs while it is set. This page reads
the switch, sets it with a boolean, turns recording back on inside
``no_grad``, and uses the modes as decorators.
"""

import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Reading the mode
# ----------------
# ``torch.is_grad_enabled()`` says whether operations are recorded now, and
# ``torch.is_inference_mode_enabled()`` whether :term:`inference mode` is on.
# By default, recording is on and inference mode is off. ``no_grad`` turns
# only recording off; ``inference_mode`` changes both.

print("default:        grad enabled:", torch.is_grad_enabled(), "| inference mode:", torch.is_inference_mode_enabled())
with torch.no_grad():
    print("no_grad:        grad enabled:", torch.is_grad_enabled(), "| inference mode:", torch.is_inference_mode_enabled())
with torch.inference_mode():
    print("inference_mode: grad enabled:", torch.is_grad_enabled(), "| inference mode:", torch.is_inference_mode_enabled())

# %%
# ``set_grad_enabled`` as a context manager
# -----------------------------------------
# ``torch.set_grad_enabled(mode)`` takes a boolean, so the same code can
# record while training and skip recording while evaluating. With ``False``
# it acts like ``no_grad``, with ``True`` like ``enable_grad``.

weight = torch.tensor(3.0, device=device, requires_grad=True)
for training in (True, False):
    with torch.set_grad_enabled(training):
        loss = (weight * 2.0) ** 2
    print(f"training={training}: loss.requires_grad={loss.requires_grad}")

# %%
# ``set_grad_enabled`` as a function
# ----------------------------------
# Called as a plain function, ``torch.set_grad_enabled(False)`` switches
# recording off for all the code that follows, until it is switched back on.
# Switching it back in a ``finally`` block makes sure that an error does not
# leave recording off.

torch.set_grad_enabled(False)
try:
    print("after set_grad_enabled(False):", torch.is_grad_enabled())
    print("(weight * 2.0).requires_grad:", (weight * 2.0).requires_grad)
finally:
    torch.set_grad_enabled(True)
print("after set_grad_enabled(True):", torch.is_grad_enabled())

# %%
# ``enable_grad`` inside ``no_grad``
# ----------------------------------
# ``torch.enable_grad()`` turns recording back on inside a ``no_grad`` block,
# for instance to take one :term:`gradient` in code that otherwise only
# evaluates. When the inner block ends, the outer mode applies again. The
# gradient of :math:`x^3` at :math:`x = 2` is :math:`3 x^2 = 12`. The picture
# shows the backward pass of ``cube``, the only result of the block with a
# graph: ``before`` and ``after`` have none.

x = torch.tensor(2.0, device=device, requires_grad=True)
with torch.no_grad():
    before = x * 3.0
    with torch.enable_grad():
        cube = x**3
    after = x * 3.0
cube.backward()
print("before:", before.requires_grad, "| inside enable_grad:", cube.requires_grad, "| after:", after.requires_grad)
print("x.grad:", x.grad)
# sphinx_gallery_graph = {"of": "cube", "backward": True}

# %%
# The modes as decorators
# -----------------------
# ``torch.no_grad()``, ``torch.enable_grad()`` and ``torch.inference_mode()``
# also decorate a function (note the parentheses): the mode holds while the
# function runs, and the caller's mode is restored when it returns. A function
# decorated with ``enable_grad`` records even when it is called inside
# ``no_grad``.


@torch.no_grad()
def predict(inputs):
    return inputs * 3.0


@torch.enable_grad()
def cubed(inputs):
    return inputs**3


@torch.inference_mode()
def predict_fast(inputs):
    return inputs * 3.0


print("predict(x).requires_grad:", predict(x).requires_grad)
with torch.no_grad():
    result = cubed(x)
    print("cubed(x) inside no_grad, requires_grad:", result.requires_grad)
    print("grad enabled after the call:", torch.is_grad_enabled())
print("predict_fast(x).is_inference():", predict_fast(x).is_inference())

# %%
# The modes side by side
# ----------------------
# For each mode, the table prints the two switches and what a product with
# ``x`` gives. Only ``inference_mode`` creates inference tensors, which follow
# two rules of their own: they cannot be saved for the backward pass, and they
# can be changed in place only in inference mode, as :doc:`the page on no_grad
# and inference_mode </auto_examples/04_controlling_the_graph/plot_01_no_grad>`
# shows with the errors.


def describe(mode, product):
    print(
        f"{mode:<24} grad enabled: {torch.is_grad_enabled()!s:<5} |"
        f" inference mode: {torch.is_inference_mode_enabled()!s:<5} |"
        f" requires_grad: {product.requires_grad!s:<5} |"
        f" is_inference: {product.is_inference()}"
    )


with torch.enable_grad():
    describe("enable_grad()", x * 3.0)
with torch.no_grad():
    describe("no_grad()", x * 3.0)
with torch.set_grad_enabled(False):
    describe("set_grad_enabled(False)", x * 3.0)
with torch.inference_mode():
    describe("inference_mode()", x * 3.0)

# %%
# ``eval()`` is not a grad mode
# -----------------------------
# A model's ``eval()`` switches layers such as dropout to their
# :term:`evaluation mode`. It leaves the grad mode alone, so the model's
# output is still recorded. :doc:`The page on module parameters
# </auto_examples/06_putting_it_together/plot_05_module_parameters>` explains
# :term:`modules <module>` and ``eval()``; for inference, combine ``eval()``
# with ``no_grad`` or ``inference_mode``.

layer = torch.nn.Linear(2, 1).to(device)
layer.eval()
output = layer(torch.ones(1, 2, device=device))
print("layer.training:", layer.training, "| output.requires_grad:", output.requires_grad)
with torch.no_grad():
    print("with no_grad too, output.requires_grad:", layer(torch.ones(1, 2, device=device)).requires_grad)

# %%
# Key points
# ----------
# - ``torch.is_grad_enabled()`` and ``torch.is_inference_mode_enabled()``
#   tell which mode is in force.
# - ``set_grad_enabled`` chooses the mode with a boolean, and ``enable_grad``
#   turns recording back on inside ``no_grad``.
# - ``no_grad()``, ``enable_grad()`` and ``inference_mode()`` also work as
#   decorators, and the caller's mode comes back when the function returns.
# - ``eval()`` changes layers, not the grad mode: autograd still records.

"""
Your first gradient
===================

Autograd records the operations done on tensors that require gradients and
can then compute derivatives. This page builds a scalar loss from one number,
calls ``backward()`` and checks the gradient against the derivative worked
out by hand, then does the same for a small matrix.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Ask autograd to track a tensor
# ------------------------------
# ``requires_grad=True`` tells :term:`autograd` to record every operation that
# uses this :term:`tensor`: the tensor then :term:`requires gradients`.

x = torch.tensor(3.0, device=device, requires_grad=True)
print("x =", x)
print("x.requires_grad:", x.requires_grad)

# %%
# Which tensors can require gradients
# -----------------------------------
# Floating-point and complex tensors can require gradients. Integer tensors
# cannot: a whole number has no small change to follow, and PyTorch refuses
# with the error below. The
# :doc:`page on integer tensors </auto_examples/05_pitfalls/plot_02_integer_requires_grad>`
# shows where such tensors come from and how to avoid them.

complex_number = torch.tensor(1.0 + 2.0j, device=device, requires_grad=True)
print("complex dtype:", complex_number.dtype, "| requires_grad:", complex_number.requires_grad)
try:
    torch.tensor(3, device=device, requires_grad=True)
except RuntimeError as error:
    print("integer tensor:", error)

# %%
# Compute a scalar loss
# ---------------------
# The :term:`loss` :math:`L = x^2 + 2x + 1` is an ordinary expression. Because
# ``x`` requires gradients, the result remembers the last operation that
# produced it in ``grad_fn``. Behind that operation, autograd recorded all the
# others: the picture under the code is this :term:`computation graph`. To
# draw such pictures on your own machine, see :doc:`/torchviz`.

loss = x**2 + 2 * x + 1
print("loss =", loss)
print("loss.grad_fn:", loss.grad_fn.name())
# sphinx_gallery_graph = "loss"

# %%
# Call ``backward()`` and read ``.grad``
# --------------------------------------
# ``loss.backward()`` computes :math:`dL/dx` and stores it in ``x.grad``. By
# hand, :math:`dL/dx = 2x + 2`, which is 8 at :math:`x = 3`. If no tensor of
# the computation requires gradients, there is no graph and ``backward()``
# fails: see the
# :doc:`page on that error </auto_examples/05_pitfalls/plot_01_nothing_requires_grad>`.
# The picture shows this backward pass: each arrow carries the gradient sent
# along it. The term :math:`x^2` sends :math:`2x = 6` towards ``x``, the term
# :math:`2x` sends 2, and the two add up to the 8 stored in ``x.grad``.

loss.backward()
print("x.grad =", x.grad)
print("2x + 2 =", 2 * x.item() + 2)
# sphinx_gallery_graph = {"of": "loss", "backward": True}

# %%
# The gradient is a slope
# -----------------------
# The :term:`gradient` is the :term:`slope` of the loss at ``x``: the line
# through :math:`(3, L(3))` with slope ``x.grad`` touches the curve there.

xs = torch.linspace(-4.0, 6.0, 200)
slope = x.grad.item()
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(xs, xs**2 + 2 * xs + 1, label="L(x)")
ax.plot(xs, loss.item() + slope * (xs - x.item()), "--", label="tangent at x = 3")
ax.plot([x.item()], [loss.item()], "o", color="black")
ax.set_xlabel("x")
ax.set_ylabel("L(x)")
ax.set_ylim(-10, 50)
ax.set_title("The gradient is the slope of the tangent")
ax.legend()
plt.show()

# %%
# One gradient per element
# ------------------------
# PyTorch's own introductory tutorial uses this example. ``x`` is a
# :math:`2 \times 2` matrix of ones, and the loss is
# :math:`\mathrm{out} = \frac{1}{4} \sum_i 3 (x_i + 2)^2`, the mean of
# :math:`3 (x_i + 2)^2` over the four elements, which is 27 here. Each element
# has its own :term:`partial derivative`
# :math:`\partial\, \mathrm{out} / \partial x_i = \frac{3}{4} \cdot 2 (x_i + 2) = \frac{3}{2} (x_i + 2)`,
# which is 4.5 at :math:`x_i = 1`. ``x.grad`` has the :term:`shape` of ``x``
# and holds these four numbers. The graph shows the operations: one
# addition, two multiplications and the mean.

x = torch.ones(2, 2, device=device, requires_grad=True)
y = x + 2
z = y * y * 3
out = z.mean()
out.backward()
print("out =", out.item())
print("x.grad:", x.grad, sep="\n")
print("(3/2)(1 + 2) =", 3 / 2 * (1 + 2))
# sphinx_gallery_graph = "out"

# %%
# Key points
# ----------
# - A tensor requires gradients when created with ``requires_grad=True``;
#   floating-point and complex tensors can, integer tensors cannot.
# - ``backward()`` on a scalar loss stores its derivative with respect to
#   ``x`` in ``x.grad``, which has the shape of ``x``.
# - The gradient is the slope of the loss; small examples can be checked by
#   hand.

"""
Gradients of complex tensors
============================

A real loss can depend on complex numbers, for example through their
magnitude. This page shows what PyTorch stores in ``.grad`` for a complex
input, why that number is the one gradient descent needs, and checks it
against the same loss written with the real and imaginary parts.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# A real loss of a complex number
# -------------------------------
# Complex tensors can require gradients, as :doc:`the page on the first
# gradient </auto_examples/02_autograd/plot_01_first_gradient>` showed. Take
# :math:`z = a + ib = 1 + 2i` and the real :term:`loss`
# :math:`L = |z|^2 = a^2 + b^2 = 5`. ``backward()`` fills ``z.grad`` with a
# complex number: :math:`2 + 4i`, which is :math:`2z`. The picture shows the
# backward pass: the square sends the real number 4.4721, which is
# :math:`2|z| = 2\sqrt{5}`, to ``abs``, and the backward function of ``abs``
# turns it into the complex gradient :math:`2 + 4i`.

z = torch.tensor(1.0 + 2.0j, device=device, requires_grad=True)
loss = z.abs() ** 2
loss.backward()
print("L =", loss.item())
print("z.grad =", z.grad)
print("2 * z  =", 2 * z.detach())
# sphinx_gallery_graph = {"of": "loss", "backward": True}

# %%
# The conjugate convention
# ------------------------
# ``z.grad`` holds :math:`\partial L / \partial a + i\, \partial L / \partial b`:
# the slope along the real axis as its real part, the slope along the
# imaginary axis as its imaginary part. In the notation of Wirtinger
# derivatives this is :math:`2\, \partial L / \partial \bar z`, a derivative
# with respect to the :term:`complex conjugate` :math:`\bar z = a - ib`; for
# :math:`L = z \bar z` it is :math:`2z`. It is also the conjugate of
# :math:`2\, \partial L / \partial z`, which is why the convention is named
# after the conjugate. The difference shows with :math:`L = \mathrm{Im}(z)`:
# :math:`L` grows straight up the imaginary axis, and ``z.grad`` is
# :math:`i`, while its conjugate :math:`2\, \partial L / \partial z = -i`
# points the other way.

z = torch.tensor(1.0 + 2.0j, device=device, requires_grad=True)
z.imag.backward()
print("z.grad for L = Im(z):", z.grad)
print("its conjugate, 2 dL/dz:", z.grad.conj())

# %%
# A step of gradient descent
# --------------------------
# Because ``z.grad`` points where :math:`L` grows fastest, a step against it
# lowers :math:`L`, exactly as with real :term:`parameters <parameter>`; this
# is why PyTorch's optimizers work on complex parameters unchanged. With a
# :term:`learning rate` of 0.1, one step takes :math:`z` from :math:`1 + 2i`
# to :math:`0.8 + 1.6i` and :math:`L` from 5 to 3.2. The plot follows ten
# such steps on the complex plane: each one crosses the grey circles, on
# which :math:`L` is constant, at a right angle, straight towards the
# minimum at 0.

learning_rate = 0.1
z = torch.tensor(1.0 + 2.0j, device=device, requires_grad=True)
loss = z.abs() ** 2
loss.backward()
with torch.no_grad():
    z -= learning_rate * z.grad
print("L before the step:", round(loss.item(), 4))
print("z after the step:", z.detach(), "| L:", round((z.abs() ** 2).item(), 4))

path = [1.0 + 2.0j, z.item()]
for step in range(9):
    z.grad = None
    (z.abs() ** 2).backward()
    with torch.no_grad():
        z -= learning_rate * z.grad
    path.append(z.item())

grid = torch.linspace(-0.5, 2.5, 121)
real_parts, imaginary_parts = torch.meshgrid(grid, grid, indexing="xy")
fig, ax = plt.subplots(figsize=(5.5, 4.8))
levels = [0.25, 1.0, 2.25, 4.0, 6.25]
ax.contour(real_parts, imaginary_parts, real_parts**2 + imaginary_parts**2, levels=levels, colors="lightgray")
ax.plot([p.real for p in path], [p.imag for p in path], "o-")
ax.plot([0.0], [0.0], "x", color="black", markersize=10, label="minimum of L")
ax.set_xlabel("real part of z")
ax.set_ylabel("imaginary part of z")
ax.set_aspect("equal")
ax.set_title("Steps against z.grad go straight to the minimum")
ax.legend(loc="lower right")
fig.tight_layout()
plt.show()

# %%
# The same gradient from the real view
# ------------------------------------
# The same loss can be written with two real numbers: a real tensor
# ``parts`` holding :math:`(a, b) = (1, 2)`, seen as a complex number by
# :func:`torch.view_as_complex`. Its gradient is
# :math:`(\partial L / \partial a, \partial L / \partial b) = (2, 4)`, and
# :func:`torch.view_as_real` shows ``z.grad`` from the first cell as the same
# pair: the complex gradient is the real gradient with its two parts packed
# into one number.

parts = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
(torch.view_as_complex(parts).abs() ** 2).backward()
z = torch.tensor(1.0 + 2.0j, device=device, requires_grad=True)
(z.abs() ** 2).backward()
print("parts.grad:               ", parts.grad)
print("torch.view_as_real(z.grad):", torch.view_as_real(z.grad))

# %%
# Key points
# ----------
# - For a real loss of a complex tensor, ``.grad`` is
#   :math:`\partial L / \partial a + i\, \partial L / \partial b`, twice the
#   derivative with respect to the conjugate :math:`\bar z`.
# - That gradient points where the loss grows fastest, so gradient descent
#   and the optimizers work on complex parameters as on real ones.
# - Seen as pairs of real numbers with ``torch.view_as_real``, it is the
#   ordinary real gradient.

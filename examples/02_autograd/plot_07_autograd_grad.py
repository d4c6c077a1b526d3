"""
``torch.autograd.grad``
=======================

``backward()`` stores gradients in the ``.grad`` of leaf tensors.
:func:`torch.autograd.grad` is the functional alternative: it returns the
gradients you ask for and stores nothing. This page uses it for gradients
with respect to intermediate values, for second derivatives, and to plot a
function next to its derivative.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Gradients returned, not stored
# ------------------------------
# ``torch.autograd.grad(outputs, inputs)`` returns a tuple with one gradient
# per input. For :math:`y = x^3` at :math:`x = 2`, :math:`dy/dx = 3x^2 = 12`.
# The ``.grad`` of ``x`` stays ``None``.

x = torch.tensor(2.0, device=device, requires_grad=True)
y = x**3
(dy_dx,) = torch.autograd.grad(y, x)
print("dy/dx =", dy_dx)
print("x.grad:", x.grad)

# %%
# Any tensor of the graph as input
# --------------------------------
# The inputs need not be :term:`leaves <leaf tensor>`. Take
# :math:`z = \log(y_1) \sin(y_1)` with :math:`y_1 = x_1 x_2` at
# :math:`x_1 = 1, x_2 = 2`, the function worked out by hand on the
# :doc:`page on forward and reverse mode </auto_examples/02_autograd/plot_05_forward_and_reverse_mode>`,
# and ask for the gradients with respect to ``y1`` and ``x1``. ``backward()``
# would not keep the gradient of the intermediate value ``y1``; the
# :doc:`page on retain_grad() </auto_examples/04_controlling_the_graph/plot_03_retain_grad>`
# shows the other way to get it.

x1 = torch.tensor(1.0, device=device, requires_grad=True)
x2 = torch.tensor(2.0, device=device, requires_grad=True)
y1 = x1 * x2
z = torch.log(y1) * torch.sin(y1)
dz_dy1, dz_dx1 = torch.autograd.grad(z, [y1, x1])
print(f"dz/dy1 = {dz_dy1.item():.6f}")
print(f"dz/dx1 = {dz_dx1.item():.6f}")

# %%
# Second derivatives
# ------------------
# With ``create_graph=True``, autograd records the computation of the
# gradient itself, so the gradient can be differentiated again. For
# :math:`y = x^3` at :math:`x = 2`, the :term:`second derivative` is
# :math:`d^2y/dx^2 = 6x = 12`. The
# :doc:`page on higher-order gradients </auto_examples/06_putting_it_together/plot_03_higher_order_gradients>`
# goes further, to Hessian matrices and Newton's method.

y = x**3
(dy_dx,) = torch.autograd.grad(y, x, create_graph=True)
(d2y_dx2,) = torch.autograd.grad(dy_dx, x)
print("dy/dx =", dy_dx.item())
print("d2y/dx2 =", d2y_dx2.item())

# %%
# A function and its derivative
# -----------------------------
# When each output depends only on the input at the same position, the
# gradient of their sum holds every derivative at once. This draws
# :math:`f(x) = x \sin x` and the derivative autograd finds, which matches
# :math:`\sin x + x \cos x`. ``detach()`` returns a tensor with the same
# values, cut off from the :term:`computation graph`, which is what
# matplotlib needs; the
# :doc:`page on detach() </auto_examples/04_controlling_the_graph/plot_02_detach>`
# explains it.

xs = torch.linspace(-6.0, 6.0, 200, requires_grad=True)
ys = xs * torch.sin(xs)
(slopes,) = torch.autograd.grad(ys.sum(), xs)
by_hand = torch.sin(xs) + xs * torch.cos(xs)
print("matches sin x + x cos x:", torch.allclose(slopes, by_hand))

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(xs.detach(), ys.detach(), label="f(x) = x sin x")
ax.plot(xs.detach(), slopes, "--", label="f'(x) from autograd")
ax.axhline(0.0, color="grey", linewidth=0.5)
ax.set_xlabel("x")
ax.set_title("The derivative is zero where f turns")
ax.legend()
plt.show()

# %%
# Key points
# ----------
# - :func:`torch.autograd.grad` returns the gradients you ask for and leaves
#   ``.grad`` untouched.
# - Its inputs can be any tensors of the graph, not only leaves.
# - With ``create_graph=True`` a gradient can be differentiated again, which
#   gives second derivatives.

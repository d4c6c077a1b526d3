r"""
``nan`` gradients from a square root at zero
============================================

The derivative of :math:`\sqrt{u}` is :math:`1 / (2\sqrt{u})`, which is
infinite at :math:`u = 0`. A Euclidean norm written by hand with ``sqrt``
therefore gives ``nan`` gradients at the zero vector, while
:func:`torch.linalg.vector_norm` does not.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# A norm by hand works away from zero
# -----------------------------------
# For :math:`y = c \sqrt{x_1^2 + x_2^2 + x_3^2}` with :math:`c = 2`, the
# gradient is :math:`c\, x / \lVert x \rVert`.

x = torch.tensor([2.0, 5.0, 3.0], device=device, requires_grad=True)
y = 2.0 * torch.sqrt(torch.sum(x**2))
y.backward()
print("x.grad:", x.grad)
print("c * x / |x|:", 2.0 * x.detach() / torch.linalg.vector_norm(x.detach()))

# %%
# The mistake: the same code at zero
# ----------------------------------
# At :math:`x = 0`, the :term:`chain rule` multiplies the infinite
# derivative of the square root by the zero derivative of :math:`x^2`, and
# :math:`\infty \times 0` is ``nan``. A gradient step then turns the
# parameters themselves into ``nan``. The same ``nan`` can come from a square
# root inside ``torch.where``; see
# :doc:`the page on torch.where </auto_examples/05_pitfalls/plot_13_where_nan_gradient>`.

x = torch.zeros(3, device=device, requires_grad=True)
y = 2.0 * torch.sqrt(torch.sum(x**2))
y.backward()
print("x.grad:", x.grad)
print("x after one step:", x.detach() - 0.1 * x.grad)

# %%
# The fix
# -------
# :func:`torch.linalg.vector_norm` defines the gradient at zero as 0, a valid
# :term:`subgradient` of the norm there. Older code uses :func:`torch.norm`,
# which the PyTorch documentation marks as deprecated: it gives the same
# gradient, but new code should call ``torch.linalg.vector_norm``.

for name, norm in [("torch.linalg.vector_norm", torch.linalg.vector_norm), ("torch.norm (deprecated)", torch.norm)]:
    x = torch.zeros(3, device=device, requires_grad=True)
    (2.0 * norm(x)).backward()
    print(f"{name}: x.grad = {x.grad}")

# %%
# Where the slope blows up
# ------------------------
# The derivative of :math:`\sqrt{u}` grows without bound as :math:`u`
# approaches 0. Other functions do the same: :math:`\log u` and :math:`1/u`
# at 0, :math:`\arcsin u` at :math:`\pm 1`. Keep their inputs away from those
# points, for example with a small ``eps`` added inside the square root.
# Points where a function has no derivative at all, such as the kink of
# ``abs``, are the subject of
# :doc:`the page on non-differentiable points </auto_examples/02_autograd/plot_09_non_differentiable_points>`.

u = torch.linspace(0.001, 1.0, 300, requires_grad=True)
(slope,) = torch.autograd.grad(torch.sqrt(u).sum(), u)
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(u.detach(), torch.sqrt(u.detach()), label="sqrt(u)")
ax.plot(u.detach(), slope, "--", label="derivative from autograd")
ax.set_ylim(0.0, 5.0)
ax.set_xlabel("u")
ax.set_title("The derivative of the square root is infinite at 0")
ax.legend()
plt.show()

# %%
# Key points
# ----------
# - A derivative that is infinite at a point, like that of ``sqrt`` at 0,
#   turns into ``nan`` through the chain rule.
# - Use ``torch.linalg.vector_norm`` for norms; it returns a zero gradient at
#   the zero vector.

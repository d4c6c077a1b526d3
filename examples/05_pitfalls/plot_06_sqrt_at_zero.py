r"""
``nan`` gradients from a square root at zero
============================================

The derivative of :math:`\sqrt{u}` is :math:`1 / (2\sqrt{u})`, which is
infinite at :math:`u = 0`. A Euclidean norm written by hand with ``sqrt``
therefore gives ``nan`` gradients at the zero vector, while
:func:`torch.linalg.vector_norm` does not.
"""

import os

import matplotlib.pyplot as plt
import torch

device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")

# %%
# A norm by hand works away from zero
# -----------------------------------
# For :math:`y = c \sqrt{x_1^2 + x_2^2 + x_3^2}` with :math:`c = 2`, the
# gradient is :math:`c\, x / \lVert x \rVert`.

x = torch.tensor([2.0, 5.0, 3.0], device=device, requires_grad=True)
y = 2.0 * torch.sqrt(torch.sum(x**2))
y.backward()
print("x.grad:", x.grad)
print("c * x / |x|:", 2.0 * x.detach() / x.detach().norm())

# %%
# The mistake: the same code at zero
# ----------------------------------
# At :math:`x = 0`, the chain rule multiplies the infinite derivative of the
# square root by the zero derivative of :math:`x^2`, and
# :math:`\infty \times 0` is ``nan``. One such value is enough to turn every
# parameter into ``nan`` after an update.

x = torch.zeros(3, device=device, requires_grad=True)
y = 2.0 * torch.sqrt(torch.sum(x**2))
y.backward()
print("x.grad:", x.grad)

# %%
# The fix
# -------
# :func:`torch.linalg.vector_norm` (and the older :func:`torch.norm`) define
# the gradient at zero as 0, a valid subgradient of the norm there.

for norm in (torch.linalg.vector_norm, torch.norm):
    x = torch.zeros(3, device=device, requires_grad=True)
    (2.0 * norm(x)).backward()
    print(f"{norm.__name__}: x.grad = {x.grad}")

# %%
# Where the slope blows up
# ------------------------
# The derivative of :math:`\sqrt{u}` grows without bound as :math:`u`
# approaches 0. Other functions do the same: :math:`\log u` and :math:`1/u`
# at 0, :math:`\arcsin u` at :math:`\pm 1`. Keep their inputs away from those
# points, for example with a small ``eps`` added inside the square root.

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

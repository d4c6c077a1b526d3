r"""
Hessian-vector products
=======================

Many methods need the Hessian matrix only through its product with a
vector, :math:`H v`. That product can be computed without ever forming
:math:`H`, by differentiating the gradient along :math:`v`. This page does it
with forward mode over reverse mode, checks it against the full Hessian, and
shows why it matters when the number of inputs grows.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)

# %%
# A scalar function of 6 inputs
# -----------------------------
# The function is :math:`f(x) = \sum_i \tanh\big((W x)_i\big)` with a fixed
# random :math:`4 \times 6` matrix :math:`W`: 6 inputs, one output. Its
# :term:`Hessian matrix` :math:`H_{ij} = \partial^2 f / \partial x_i \partial x_j`
# is :math:`6 \times 6`. :func:`torch.func.hessian` builds it, as on the
# :doc:`page on jacrev and jacfwd </auto_examples/07_functional_transforms/plot_03_jacrev_and_jacfwd>`.

weights = torch.randn(4, 6, device=device)


def f(x):
    return torch.tanh(weights @ x).sum()


x = torch.randn(6, device=device)
v = torch.randn(6, device=device)
H = torch.func.hessian(f)(x)
print("W shape:", tuple(weights.shape))
print("H shape:", tuple(H.shape), "| entries of H:", H.numel())
print("H v from the full Hessian:", H @ v)

# %%
# Forward over reverse
# --------------------
# :func:`torch.func.grad` turns :math:`f` into the function
# :math:`x \mapsto \nabla f(x)`, whose Jacobian is :math:`H`. So the
# :term:`Jacobian-vector product` of the gradient along :math:`v` is
# :math:`H v`, a :term:`Hessian-vector product`: :func:`torch.func.jvp`
# computes it with one forward-mode pass through the reverse-mode gradient,
# and :math:`H` is never built.

_, hvp_forward = torch.func.jvp(torch.func.grad(f), (x,), (v,))
print("H v, forward over reverse:", hvp_forward)
print("same as H @ v:", torch.allclose(hvp_forward, H @ v))

# %%
# Reverse over reverse
# --------------------
# The other way uses reverse mode twice, as on the
# :doc:`page on higher-order gradients </auto_examples/06_putting_it_together/plot_03_higher_order_gradients>`:
# a gradient computed with ``create_graph=True`` can be differentiated again.
# The gradient of :math:`\nabla f(x) \cdot v` with respect to :math:`x` is
# :math:`H v` (:math:`H` is symmetric). This takes two backward passes, and
# the first one must record a graph of its own for the second to walk.

x_leaf = x.clone().requires_grad_(True)
(gradient,) = torch.autograd.grad(f(x_leaf), x_leaf, create_graph=True)
(hvp_reverse,) = torch.autograd.grad(gradient @ v, x_leaf)
print("H v, reverse over reverse:", hvp_reverse)
print("same as H @ v:", torch.allclose(hvp_reverse, H @ v))

# %%
# What the product carries
# ------------------------
# The picture shows the 36 entries of :math:`H`, the vector :math:`v`, and
# their product: 6 numbers. The check above needed :math:`H`, but the
# Hessian-vector product itself only ever stores vectors of the size of
# :math:`x`.

fig, (ax_h, ax_v, ax_hv) = plt.subplots(1, 3, figsize=(7, 3.5), width_ratios=[6, 1, 1])
limit = H.abs().max().item()
ax_h.imshow(H.cpu(), cmap="coolwarm", vmin=-limit, vmax=limit)
ax_h.set_title("H: 36 numbers")
ax_v.imshow(v.cpu()[:, None], cmap="coolwarm", vmin=-3.0, vmax=3.0)
ax_v.set_title("v: 6")
ax_hv.imshow(hvp_forward.cpu()[:, None], cmap="coolwarm", vmin=-limit, vmax=limit)
ax_hv.set_title("H v: 6")
for ax in (ax_h, ax_v, ax_hv):
    ax.set_xticks([])
    ax.set_yticks([])
fig.suptitle("The product is as small as x, the Hessian is its square")
fig.tight_layout()
plt.show()

# %%
# Why it matters
# --------------
# For :math:`n` inputs, :math:`H` has :math:`n^2` entries, while :math:`H v`
# has :math:`n`. With :math:`n = 10000` inputs, the Hessian would hold
# 100000000 numbers, 400000000 bytes in ``float32``; the product holds 10000.
# Methods that use the curvature of a loss with many parameters (Newton-type
# optimizers that solve with conjugate gradients, for example) only need such
# products, so they stay affordable.

n = 10000
big_weights = torch.randn(8, n, device=device) / n**0.5


def big_f(x):
    return torch.tanh(big_weights @ x).sum()


x_big = torch.randn(n, device=device)
v_big = torch.randn(n, device=device)
_, hvp_big = torch.func.jvp(torch.func.grad(big_f), (x_big,), (v_big,))
print("entries of H:", n * n, "| bytes of H in float32:", n * n * 4)
print("entries of H v:", hvp_big.numel(), "| shape:", tuple(hvp_big.shape))

# %%
# Key points
# ----------
# - A Hessian-vector product :math:`H v` is the Jacobian-vector product of the
#   gradient: ``torch.func.jvp(torch.func.grad(f), (x,), (v,))``.
# - Forward over reverse and reverse over reverse both give :math:`H v`
#   without forming :math:`H`, and match ``hessian(f)(x) @ v``.
# - :math:`H` has :math:`n^2` entries and :math:`H v` only :math:`n`, which
#   is what keeps curvature affordable for many inputs.

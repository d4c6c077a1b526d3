r"""
Forward mode with dual numbers
==============================

In forward mode, each value travels with its tangent: the derivative of that
value along one chosen input direction. :mod:`torch.autograd.forward_ad`
lets a tensor carry its tangent through ordinary PyTorch code. This page
computes a Jacobian-vector product that way, and checks it against
:func:`torch.func.jvp` and a finite difference.
"""

import matplotlib.pyplot as plt
import torch
import torch.autograd.forward_ad as fwAD

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# A dual number
# -------------
# A :term:`dual number` is a pair written :math:`a + b\varepsilon`, with the
# rule :math:`\varepsilon^2 = 0`. Multiplying two of them gives
# :math:`(a + b\varepsilon)(c + d\varepsilon) = ac + (ad + bc)\varepsilon`:
# the :math:`\varepsilon` part follows the product rule. So if :math:`b` is
# the derivative of :math:`a`, the result carries the derivative of the
# product. Inside ``fwAD.dual_level()``, ``fwAD.make_dual(value, tangent)``
# builds such a tensor, and ``fwAD.unpack_dual`` returns its two parts. With
# :math:`x = 3` and tangent 1, :math:`x^2` carries :math:`9` and its
# derivative :math:`2x = 6`.

with fwAD.dual_level():
    x = fwAD.make_dual(torch.tensor(3.0, device=device), torch.tensor(1.0, device=device))
    square = x * x
    value, tangent = fwAD.unpack_dual(square)
    print("x * x: value", value.item(), "| tangent", tangent.item())

# %%
# Tangents through a computation
# ------------------------------
# The :doc:`page on forward and reverse mode </auto_examples/02_autograd/plot_05_forward_and_reverse_mode>`
# computed the :term:`tangents <tangent>` of
# :math:`f(x_1, x_2) = \log(x_1 x_2) \sin(x_1 x_2)` at :math:`(1, 2)` by hand,
# one step at a time. With dual numbers, PyTorch does the same: starting from
# the tangent :math:`(1, 0)` on the inputs, every intermediate value carries
# its own tangent, and the output's tangent is
# :math:`\partial z / \partial x_1 = 0.332395`, as on that page.

with fwAD.dual_level():
    x1 = fwAD.make_dual(torch.tensor(1.0, device=device), torch.tensor(1.0, device=device))
    x2 = fwAD.make_dual(torch.tensor(2.0, device=device), torch.tensor(0.0, device=device))
    y1 = x1 * x2
    y2 = torch.log(y1)
    y3 = torch.sin(y1)
    z = y2 * y3
    for name, step in [("y1", y1), ("y2", y2), ("y3", y3), ("z", z)]:
        value, tangent = fwAD.unpack_dual(step)
        print(f"{name}: value {value.item():.6f} | tangent {tangent.item():.6f}")

# %%
# Nothing is kept for later
# -------------------------
# The tangent is computed at the same time as the value, so forward mode
# needs no :term:`backward pass` and records no :term:`computation graph`:
# no input here :term:`requires gradients <requires gradients>`, and the
# output has no ``grad_fn``. This is the difference with reverse mode, which
# keeps intermediate values until ``backward()`` runs.

print("x1 requires grad:", x1.requires_grad)
print("z.grad_fn:", z.grad_fn)

# %%
# A Jacobian-vector product
# -------------------------
# The tangent of the inputs can be any direction :math:`v`; the output's
# tangent is then the :term:`Jacobian-vector product` :math:`J v`. For
# :math:`v = (1, -1)`, it is
# :math:`\partial z / \partial x_1 - \partial z / \partial x_2`. The function
# below is ordinary PyTorch code: only its inputs are dual numbers.
# :func:`torch.func.jvp` does the same thing behind one call, and gives the
# same number.


def f(x1, x2):
    y1 = x1 * x2
    return torch.log(y1) * torch.sin(y1)


point = (torch.tensor(1.0, device=device), torch.tensor(2.0, device=device))
direction = (torch.tensor(1.0, device=device), torch.tensor(-1.0, device=device))

with fwAD.dual_level():
    duals = [fwAD.make_dual(p, d) for p, d in zip(point, direction)]
    _, jvp_dual = fwAD.unpack_dual(f(*duals))
_, jvp_func = torch.func.jvp(f, point, direction)
print(f"dual numbers:   J v = {jvp_dual.item():.6f}")
print(f"torch.func.jvp: J v = {jvp_func.item():.6f}")

# %%
# Checked by a finite difference
# ------------------------------
# :math:`J v` is the slope of :math:`t \mapsto f(x + t v)` at :math:`t = 0`.
# A central :term:`finite difference` with a small :term:`step size`
# :math:`h` estimates that slope from two values of :math:`f`; the
# :doc:`page on finite differences </auto_examples/02_autograd/plot_06_finite_differences>`
# explains its error. In double precision, with :math:`h = 10^{-6}`, it
# differs from the dual numbers' result by only 3.1e-11.

point64 = [p.double() for p in point]
direction64 = [d.double() for d in direction]
h = 1e-6
ahead = f(*[p + h * d for p, d in zip(point64, direction64)])
behind = f(*[p - h * d for p, d in zip(point64, direction64)])
estimate = (ahead - behind) / (2 * h)
with fwAD.dual_level():
    _, exact = fwAD.unpack_dual(f(*[fwAD.make_dual(p, d) for p, d in zip(point64, direction64)]))
print(f"finite difference: {estimate.item():.12f}")
print(f"dual numbers:      {exact.item():.12f}")
print(f"difference: {abs(estimate - exact).item():.1e}")

# %%
# The tangent is a slope
# ----------------------
# The picture draws :math:`f(x + t v)` along the direction :math:`v`, and the
# straight line whose slope is the tangent the dual numbers carried: it
# touches the curve at :math:`t = 0`.

t = torch.linspace(-0.4, 0.4, 81, dtype=torch.float64)
curve = f(point64[0] + t * direction64[0], point64[1] + t * direction64[1])
f0 = f(*point64)
line = f0 + t * exact

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(t, curve, label="f(x + t v)")
ax.plot(t, line, "--", label="value + t × tangent")
ax.plot([0.0], [f0.item()], "o", color="black")
ax.set_xlabel("t")
ax.set_ylabel("f")
ax.set_title("The tangent of a dual number is the slope at t = 0")
ax.legend()
plt.show()

# %%
# Key points
# ----------
# - A dual number carries a value and its tangent; ``fwAD.make_dual`` builds
#   one and ``fwAD.unpack_dual`` reads both parts.
# - Ordinary PyTorch code run on dual numbers returns the Jacobian-vector
#   product :math:`J v` as the output's tangent, with no graph and no
#   backward pass.
# - :func:`torch.func.jvp` gives the same product in one call, and a finite
#   difference confirms it.

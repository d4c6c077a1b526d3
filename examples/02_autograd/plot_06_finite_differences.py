"""
Numerical, symbolic and automatic differentiation
=================================================

A derivative can also be estimated numerically, from the function's values
at nearby points, or derived as a formula. This page compares finite
differences with autograd, shows how their error depends on the step size,
uses :func:`torch.autograd.gradcheck`, which automates the comparison, and
shows why autograd is not symbolic differentiation either.
"""

import matplotlib.pyplot as plt
import torch

# %%
# The exact gradient
# ------------------
# :term:`Autograd <autograd>` gives the :term:`derivative` of
# :math:`f(x_1, x_2) = \log(x_1 x_2) \sin(x_1 x_2)` with respect to
# :math:`x_1`, exact up to rounding. Double precision (``float64``) keeps the
# rounding small, which matters for the comparison below. For that reason,
# this page always runs on the CPU in ``float64``.


def f(x1, x2):
    return torch.log(x1 * x2) * torch.sin(x1 * x2)


x1 = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
x2 = torch.tensor(2.0, dtype=torch.float64)
f(x1, x2).backward()
exact = x1.grad.item()
print(f"autograd: df/dx1 = {exact:.12f}")

# %%
# Finite differences
# ------------------
# :term:`Numerical differentiation <numerical differentiation>` estimates the
# derivative from values of :math:`f`. The forward
# :term:`finite difference` :math:`(f(x + h) - f(x)) / h` has an error
# proportional to :math:`h`; the central difference
# :math:`(f(x + h) - f(x - h)) / 2h` cancels the first error term, and its
# error is proportional to :math:`h^2`. Dividing the step by 10 divides the
# errors by about 10 and 100.

x = torch.tensor(1.0, dtype=torch.float64)
steps = torch.logspace(-1, -13, 13, dtype=torch.float64)
forward_errors = []
central_errors = []
for h in steps:
    forward = (f(x + h, x2) - f(x, x2)) / h
    central = (f(x + h, x2) - f(x - h, x2)) / (2 * h)
    forward_errors.append(abs(forward.item() - exact))
    central_errors.append(abs(central.item() - exact))

for h, forward_error, central_error in list(zip(steps, forward_errors, central_errors))[:3]:
    print(f"h = {h.item():.0e}: forward error {forward_error:.1e}, central error {central_error:.1e}")

# %%
# Too small a step
# ----------------
# The errors do not keep shrinking. For a tiny step, :math:`f(x + h)` and
# :math:`f(x)` agree in almost all their digits, and the subtraction leaves
# mostly rounding error, which the division by :math:`h` then magnifies. The
# figure shows both effects: the truncation error falls with the step, the
# rounding error grows as the step shrinks, and the best step lies in between.

print("central error at h = 1e-13 exceeds the one at 1e-4:", central_errors[12] > central_errors[3])
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.loglog(steps, forward_errors, "o-", label="forward difference")
ax.loglog(steps, central_errors, "s-", label="central difference")
ax.set_xlabel("step h")
ax.set_ylabel("absolute error")
ax.set_title("Finite differences are most accurate at a middle step")
ax.legend()
plt.show()

# %%
# Autograd has no step
# --------------------
# Autograd applies the exact derivative of each step, so it has no
# :term:`truncation error`, and it needs one backward pass instead of one or
# two function evaluations per input. Where a derivative is infinite, exact
# is not what you want: see the
# :doc:`page on a square root at zero </auto_examples/05_pitfalls/plot_06_sqrt_at_zero>`.
# Finite differences remain useful to *test* derivatives:
# :func:`torch.autograd.gradcheck` compares autograd with central differences
# on double-precision inputs and returns ``True`` when they agree. Its main
# use is code that defines its own derivative, a :term:`custom function`; the
# :doc:`page on custom functions </auto_examples/04_controlling_the_graph/plot_07_custom_function>`
# shows ``gradcheck`` catching a wrong one.

point = (
    torch.tensor(1.0, dtype=torch.float64, requires_grad=True),
    torch.tensor(2.0, dtype=torch.float64, requires_grad=True),
)
print("gradcheck(f):", torch.autograd.gradcheck(f, point))

# %%
# Not symbolic differentiation either
# -----------------------------------
# :term:`Symbolic differentiation <symbolic differentiation>`, as in a
# computer algebra system, turns the formula of :math:`f` into a formula for
# its derivative. Autograd never builds a formula. During the forward pass,
# each :term:`node` of the graph records which operation ran and keeps the
# numbers its derivative will need, its :term:`saved tensors <saved tensor>`;
# ``backward()`` then propagates numbers through these nodes. The
# multiplication node of :math:`x_1 x_2` holds the values 1.0 and 2.0, not
# the symbols.

x1 = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
x2 = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
product = x1 * x2
print("node:", product.grad_fn.name())
print("saved values:", product.grad_fn._saved_self.item(), product.grad_fn._saved_other.item())

# %%
# A loop records what ran
# -----------------------
# The function ``g`` below squares its value while it is below 10 and adds 1
# otherwise, three times. Autograd is :term:`define-by-run`: the graph holds
# only the operations that actually ran. From :math:`x = 2`, ``g`` squares
# twice and then adds 1, so the graph is that of :math:`x^4 + 1` and the
# derivative is :math:`4x^3 = 32`. From :math:`x = 5`, it squares once and
# adds 1 twice: the graph is that of :math:`x^2 + 2` and the derivative is
# :math:`2x = 10`. No formula for ``g``, with its branch, ever exists.


def g(x):
    result = x
    for _ in range(3):
        if result < 10:
            result = result * result
        else:
            result = result + 1
    return result


for start in (2.0, 5.0):
    x = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    out = g(x)
    recorded = []
    node = out.grad_fn
    while node is not None:
        recorded.append(type(node).__name__)
        node = node.next_functions[0][0] if node.next_functions else None
    out.backward()
    print(f"x = {start}: g(x) = {out.item()}, dg/dx = {x.grad.item()}")
    print("  recorded, from the output back:", recorded)

# %%
# Key points
# ----------
# - Finite differences estimate a derivative with an error that depends on
#   the step: too large a step leaves truncation error, too small a step
#   leaves rounding error.
# - Autograd has no step: it applies the exact derivative of each operation
#   that ran, and ``gradcheck`` compares it with finite differences.
# - Autograd is not symbolic either: its graph holds numbers and the
#   operations that ran, never a formula.

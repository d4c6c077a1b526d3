"""
Numerical and automatic differentiation
=======================================

A derivative can also be estimated numerically, from the function's values
at nearby points. This page compares finite differences with autograd, shows
how their error depends on the step size, and uses
:func:`torch.autograd.gradcheck`, which automates the comparison.
"""

import matplotlib.pyplot as plt
import torch

# %%
# The exact gradient
# ------------------
# Autograd gives the derivative of
# :math:`f(x_1, x_2) = \log(x_1 x_2) \sin(x_1 x_2)` with respect to
# :math:`x_1`, exact up to rounding. Double precision (``float64``) keeps the
# rounding small, which matters for the comparison below.


def f(x1, x2):
    return torch.log(x1 * x2) * torch.sin(x1 * x2)


x1 = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
x2 = torch.tensor(2.0, dtype=torch.float64)
f(x1, x2).backward()
exact = x1.grad.item()
print(f"autograd: dz/dx1 = {exact:.12f}")

# %%
# Finite differences
# ------------------
# The forward difference :math:`(f(x + h) - f(x)) / h` has an error
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
# Autograd applies the exact derivative of each step, so it has no truncation
# error, and it needs one backward pass instead of one or two function
# evaluations per input. Finite differences remain useful to *test*
# derivatives: :func:`torch.autograd.gradcheck` compares autograd with central
# differences on double-precision inputs and returns ``True`` when they agree.

point = (
    torch.tensor(1.0, dtype=torch.float64, requires_grad=True),
    torch.tensor(2.0, dtype=torch.float64, requires_grad=True),
)
print("gradcheck(f):", torch.autograd.gradcheck(f, point))

# %%
# Catching a wrong derivative
# ---------------------------
# ``gradcheck`` earns its keep on code that defines its own derivative. This
# custom :class:`torch.autograd.Function` computes :math:`\sin x` but returns
# :math:`\sin x` instead of :math:`\cos x` as the derivative; ``gradcheck``
# raises an error that shows both Jacobians.


class WrongSine(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.sin(x)

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * torch.sin(x)


inputs = torch.tensor([0.5, 1.0], dtype=torch.float64, requires_grad=True)
try:
    torch.autograd.gradcheck(WrongSine.apply, (inputs,))
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")

r"""
Writing your own autograd Function
==================================

A subclass of :class:`torch.autograd.Function` is an operation whose
:term:`backward pass` you write yourself. This page builds one for a
numerically stable :math:`\log(e^{a} + e^{b})`, runs it inside a
:term:`computation graph`, checks its gradients with
:func:`torch.autograd.gradcheck`, and shows the mistakes such a check catches.
"""

import warnings

import torch
from torch.autograd.function import once_differentiable

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Why write one
# -------------
# Autograd differentiates every formula it can record, but the formula it is
# given is not always a good one. Written directly,
# :math:`\log(e^{a} + e^{b})` overflows for :math:`a = 100` in ``float32``:
# the value is ``inf`` and the :term:`gradient` ``nan``. A
# :term:`custom function` lets you choose both the forward computation and
# its derivative. It is also the way to differentiate code autograd cannot
# record, such as a call to NumPy, or to give a function a gradient on
# purpose, as the straight-through estimator of
# :doc:`the page on non-differentiable points </auto_examples/02_autograd/plot_09_non_differentiable_points>`
# does.

a = torch.tensor([100.0, 0.5, -3.0], device=device, requires_grad=True)
b = torch.tensor([0.0, 0.5, 2.0], device=device, requires_grad=True)
naive = torch.log(torch.exp(a) + torch.exp(b))
naive.sum().backward()
print("a:", a.detach())
print("naive value:", naive.detach())
print("naive a.grad:", a.grad)

# %%
# ``forward``, ``setup_context`` and ``backward``
# -----------------------------------------------
# The class has three static methods. ``forward`` computes the result from
# the inputs, here as :math:`\max(a, b) + \log(1 + e^{-|a - b|})`, which
# never overflows. ``setup_context`` receives the inputs and the output and
# stores on ``ctx`` what the backward pass will need:
# ``ctx.save_for_backward`` keeps tensors, which ``backward`` reads back from
# ``ctx.saved_tensors``. ``backward`` receives the gradient of the final
# result with respect to the output, ``grad_output``, and returns one gradient
# per input, by the chain rule. Here
# :math:`\partial y / \partial a = \sigma(a - b)` and
# :math:`\partial y / \partial b = \sigma(b - a)`, with :math:`\sigma` the
# sigmoid. ``ctx.needs_input_grad`` says which inputs need a gradient, so that
# ``backward`` computes only those and returns ``None`` for the others.


class LogAddExp(torch.autograd.Function):
    @staticmethod
    def forward(a, b):
        larger = torch.maximum(a, b)
        return larger + torch.log1p(torch.exp(-(a - b).abs()))

    @staticmethod
    def setup_context(ctx, inputs, output):
        a, b = inputs
        ctx.save_for_backward(a, b)

    @staticmethod
    def backward(ctx, grad_output):
        a, b = ctx.saved_tensors
        grad_a = grad_b = None
        if ctx.needs_input_grad[0]:
            grad_a = grad_output * torch.sigmoid(a - b)
        if ctx.needs_input_grad[1]:
            grad_b = grad_output * torch.sigmoid(b - a)
        return grad_a, grad_b


# %%
# Calling it with ``apply``
# -------------------------
# A custom function is called through its ``apply`` method, never by
# creating an instance. The values agree with PyTorch's own
# :func:`torch.logaddexp`, and the gradient for :math:`a = 100` is now 1.

a.grad = None
b.grad = None
y = LogAddExp.apply(a, b)
y.sum().backward()
print("y:", y.detach())
print("torch.logaddexp:", torch.logaddexp(a, b).detach())
print("a.grad:", a.grad)
print("b.grad:", b.grad)

# %%
# The node in the graph
# ---------------------
# ``apply`` adds one :term:`node` to the graph, named after the class with
# ``Backward`` appended. This node is the ``ctx`` object that
# ``setup_context`` filled in, so its attributes can be read from
# ``grad_fn``. The picture shows the backward pass through the new node,
# between the sum and the two :term:`leaf tensors <leaf tensor>`: what flows
# from it to ``a`` and ``b`` is what ``backward`` returned.

y = LogAddExp.apply(a, b)
loss = y.sum()
print("type of y.grad_fn:", type(y.grad_fn).__name__)
print("y.grad_fn.needs_input_grad:", y.grad_fn.needs_input_grad)
a.grad = None
b.grad = None
loss.backward()
# sphinx_gallery_graph = {"of": "loss", "backward": True}

# %%
# Skipping gradients nobody needs
# -------------------------------
# When :math:`b` is a constant, the flags are ``(True, False)``. Calling
# ``backward`` by hand with that node as ``ctx`` shows what it returns to
# autograd: a tensor for :math:`a` and ``None`` for :math:`b`, whose
# gradient is never computed.

constant = torch.tensor([1.0, 2.0, 3.0], device=device)
y = LogAddExp.apply(a, constant)
print("y.grad_fn.needs_input_grad:", y.grad_fn.needs_input_grad)
with torch.no_grad():
    print("backward returns:", LogAddExp.backward(y.grad_fn, torch.ones_like(y)))

# %%
# Checking the derivative with ``gradcheck``
# ------------------------------------------
# :func:`torch.autograd.gradcheck` compares the Jacobian built from
# ``backward`` with one estimated by :term:`finite differences <finite difference>`,
# as on
# :doc:`the page on numerical differentiation </auto_examples/02_autograd/plot_06_finite_differences>`.
# It returns ``True`` when the two agree. It needs ``float64`` inputs: in
# ``float32`` the finite differences are too coarse for its tolerances, and
# even a correct function fails, with a warning that says why
# (``raise_exception=False`` makes it return ``False`` instead of raising an
# error).

a64 = torch.randn(3, dtype=torch.float64, device=device, requires_grad=True)
b64 = torch.randn(3, dtype=torch.float64, device=device, requires_grad=True)
print("gradcheck in float64:", torch.autograd.gradcheck(LogAddExp.apply, (a64, b64)))

a32 = a64.detach().float().requires_grad_()
b32 = b64.detach().float().requires_grad_()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    passed = torch.autograd.gradcheck(LogAddExp.apply, (a32, b32), raise_exception=False)
print("gradcheck in float32:", passed)
print("warning:", str(caught[0].message).strip())

# %%
# A bug that a sum hides
# ----------------------
# The most common mistake in ``backward`` is to forget ``grad_output``. A
# test that calls ``backward()`` on a sum passes ``grad_output`` full of
# ones, so the wrong class below gives exactly the right gradients. Another
# ``grad_output``, here 1 for the first element and 0 for the others, exposes
# the bug.


class ForgetfulLogAddExp(LogAddExp):
    @staticmethod
    def backward(ctx, grad_output):
        a, b = ctx.saved_tensors
        return torch.sigmoid(a - b), torch.sigmoid(b - a)


for function in (LogAddExp, ForgetfulLogAddExp):
    (through_sum,) = torch.autograd.grad(function.apply(a64, b64).sum(), a64)
    first_only = torch.tensor([1.0, 0.0, 0.0], dtype=torch.float64, device=device)
    (through_first,) = torch.autograd.grad(function.apply(a64, b64), a64, first_only)
    print(f"{function.__name__}: through a sum {[round(v, 4) for v in through_sum.tolist()]}")
    print(f"{function.__name__}: first element only {[round(v, 4) for v in through_first.tolist()]}")

# %%
# ``gradcheck`` catches it
# ------------------------
# ``gradcheck`` calls ``backward`` with one such ``grad_output`` per output
# element, so it finds the bug and raises a ``GradcheckError``, a kind of
# ``RuntimeError``. The first line of the message names the output and the
# input whose Jacobian is wrong; the rest of the message prints both
# Jacobians.

try:
    torch.autograd.gradcheck(ForgetfulLogAddExp.apply, (a64, b64))
except RuntimeError as error:
    print(f"{type(error).__name__}: {str(error).splitlines()[0]}")

# %%
# Differentiating twice
# ---------------------
# ``backward`` above is made of ordinary tensor operations, so autograd can
# record it and differentiate it again, for a :term:`second derivative`: the
# result agrees with :func:`torch.logaddexp`. A ``backward`` that cannot be
# recorded, for example because it calls NumPy, should be decorated with
# ``@once_differentiable``. Differentiating through it twice then raises an
# error that says so.


class OnceLogAddExp(LogAddExp):
    @staticmethod
    @once_differentiable
    def backward(ctx, grad_output):
        a, b = ctx.saved_tensors
        return grad_output * torch.sigmoid(a - b), grad_output * torch.sigmoid(b - a)


s = torch.tensor(1.0, device=device, requires_grad=True)
t = torch.tensor(0.0, device=device)
for name, function in (
    ("LogAddExp", LogAddExp.apply),
    ("torch.logaddexp", torch.logaddexp),
    ("OnceLogAddExp", OnceLogAddExp.apply),
):
    s.grad = None
    loss = function(s, t) ** 2
    (slope,) = torch.autograd.grad(loss, s, create_graph=True)
    try:
        slope.backward()
        print(f"{name}: first derivative {slope.item():.4f}, second derivative {s.grad.item():.4f}")
    except RuntimeError as error:
        print(f"{name}: {type(error).__name__}: {error}")

# %%
# Key points
# ----------
# - A custom function defines ``forward``, ``setup_context`` and
#   ``backward`` as static methods and is called with ``apply``.
# - ``backward`` multiplies by ``grad_output`` and returns one gradient per
#   input, ``None`` where ``ctx.needs_input_grad`` is ``False``.
# - Check every hand-written ``backward`` with ``gradcheck`` on ``float64``
#   inputs; a test through a sum can miss a wrong one.
# - Mark a ``backward`` that autograd cannot record with
#   ``@once_differentiable``, so that differentiating it twice fails loudly.

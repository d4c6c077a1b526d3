r"""
``torch.func``: gradients as functions
======================================

:func:`torch.func.grad` takes a Python function and returns a new function
that computes its gradient. This page uses it on plain functions, chooses the
argument to differentiate, returns extra values, takes a gradient of a
gradient, and differentiates a model's loss with respect to a dictionary of
its parameters.
"""

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.func import functional_call, grad

torch.manual_seed(0)

# %%
# A function in, a function out
# -----------------------------
# ``torch.func.grad`` is a :term:`functional transform`: it does not compute
# a number, it turns the function :math:`f(x) = x^3 - 2x` into the function
# :math:`f'(x) = 3x^2 - 2`, which you then call like any other. At
# :math:`x = 2`, :math:`f'(2) = 10`. The input is a plain tensor that does
# not require gradients, and the result has no ``grad_fn``: there is no
# ``backward()`` and no ``.grad`` to read or reset. The function must return
# a :term:`scalar`, as for ``backward()``; for a vector output, the error
# points to ``vjp`` and ``jacrev`` (see :doc:`the page on jacrev and jacfwd
# </auto_examples/07_functional_transforms/plot_03_jacrev_and_jacfwd>`).


def f(x):
    return x**3 - 2 * x


df = grad(f)
x = torch.tensor(2.0)
print("df is callable:", callable(df))
print("x.requires_grad:", x.requires_grad)
print("f(2) =", f(x).item(), "| f'(2) =", df(x).item())
print("df(x).grad_fn:", df(x).grad_fn)
try:
    grad(f)(torch.tensor([1.0, 2.0]))
except RuntimeError as error:
    print("RuntimeError:", error)

# %%
# Choosing the arguments: ``argnums``
# -----------------------------------
# By default, ``grad`` differentiates with respect to the first argument
# only. ``argnums`` picks others: an integer for one argument, a tuple for
# several, and then the result is a tuple of gradients. For
# :math:`h(a, b) = a^2 b` at :math:`a = 3, b = 2`,
# :math:`\partial h / \partial a = 2ab = 12` and
# :math:`\partial h / \partial b = a^2 = 9`.


def h(a, b):
    return a**2 * b


a, b = torch.tensor(3.0), torch.tensor(2.0)
print("grad(h)(a, b)               =", grad(h)(a, b).item())
print("grad(h, argnums=1)(a, b)    =", grad(h, argnums=1)(a, b).item())
dh_da, dh_db = grad(h, argnums=(0, 1))(a, b)
print("grad(h, argnums=(0, 1))(a, b) =", (dh_da.item(), dh_db.item()))

# %%
# Returning more than the loss: ``has_aux``
# -----------------------------------------
# A loss function often computes something else worth keeping, such as the
# prediction. With ``has_aux=True``, the function returns a pair (the scalar
# to differentiate, then anything else), and the transformed function
# returns the gradient and that extra value, untouched. Here the prediction
# :math:`w x` is 6 for :math:`w = 3, x = 2`, and the gradient of
# :math:`(w x - 4)^2` with respect to :math:`w` is :math:`2 (w x - 4) x = 8`.


def squared_error(w, x, target):
    prediction = w * x
    return (prediction - target) ** 2, prediction


gradient, prediction = grad(squared_error, has_aux=True)(
    torch.tensor(3.0), torch.tensor(2.0), torch.tensor(4.0)
)
print("gradient:", gradient.item(), "| prediction:", prediction.item())

# %%
# A gradient of a gradient
# ------------------------
# Since ``grad(f)`` is a function, ``grad`` applies to it again:
# ``grad(grad(f))`` is the :term:`second derivative` :math:`f''(x) = 6x`,
# 12 at :math:`x = 2`, without ``create_graph=True`` (compare with
# :doc:`the page on higher-order gradients
# </auto_examples/06_putting_it_together/plot_03_higher_order_gradients>`).
# The figure evaluates the three functions at 41 points from -2 to 2: the
# slope of each curve is the value of the next one.

d2f = grad(grad(f))
print("f''(2) =", d2f(x).item())
points = torch.linspace(-2.0, 2.0, 41)
f_values = [f(point).item() for point in points]
df_values = [df(point).item() for point in points]
d2f_values = [d2f(point).item() for point in points]
print("points:", len(points), "from", points[0].item(), "to", points[-1].item())

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(points, f_values, label="f")
ax.plot(points, df_values, label="grad(f)")
ax.plot(points, d2f_values, label="grad(grad(f))")
ax.axhline(0.0, color="grey", linewidth=0.5)
ax.set_xlabel("x")
ax.set_ylabel("value")
ax.set_title("grad turns a function into its derivative, again and again")
ax.legend()
plt.show()

# %%
# A model as a function of its parameters
# ---------------------------------------
# A :term:`module` keeps its :term:`parameters <parameter>` inside itself,
# so ``model(inputs)`` is not a function of the parameters that ``grad``
# could differentiate. :func:`torch.func.functional_call` makes it one: it
# runs the model with the tensors of a dictionary in place of its own, the
# keys being the names from ``named_parameters()`` (see :doc:`the page on
# module parameters
# </auto_examples/06_putting_it_together/plot_05_module_parameters>`). With
# a copy of the model's own parameters, it gives the same output.

model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
params = {name: parameter.detach() for name, parameter in model.named_parameters()}
inputs = torch.randn(8, 3)
targets = torch.randn(8, 1)
for name, tensor in params.items():
    print(f"{name:9} shape {tuple(tensor.shape)}")
same = torch.equal(functional_call(model, params, (inputs,)), model(inputs))
print("functional_call(model, params, (inputs,)) == model(inputs):", same)

# %%
# The gradient with respect to a dictionary
# -----------------------------------------
# The :term:`loss` is now a function of ``params``, and ``grad`` of it
# returns a dictionary with the same keys, each gradient with the shape of
# its parameter. The usual way, ``loss.backward()`` on the model, stores the
# same gradients in each parameter's ``.grad``; they agree.


def loss_of(params, inputs, targets):
    predictions = functional_call(model, params, (inputs,))
    return ((predictions - targets) ** 2).mean()


gradients = grad(loss_of)(params, inputs, targets)
loss = ((model(inputs) - targets) ** 2).mean()
loss.backward()
for name, parameter in model.named_parameters():
    difference = (gradients[name] - parameter.grad).abs().max().item()
    print(f"{name:9} grad shape {tuple(gradients[name].shape)}, largest difference {difference:.1e}")

# %%
# Why two functional APIs
# -----------------------
# ``torch.autograd.functional`` (``jacobian``, ``hessian``, ``vjp``, ``jvp``,
# ``hvp``) is the older API: each function computes a value at a point and
# returns tensors. ``torch.func`` is the current one, and its transforms
# return functions, so they compose: ``grad(grad(f))`` above, and on the
# next page ``vmap(grad(...))``. This site uses ``torch.func``, as on
# :doc:`the page on non-scalar outputs
# </auto_examples/03_vector_jacobian/plot_01_non_scalar_outputs>` and
# :doc:`the page on higher-order gradients
# </auto_examples/06_putting_it_together/plot_03_higher_order_gradients>`.
# On the same question, both give the same numbers.

older = torch.autograd.functional.jacobian(f, x)
newer = torch.func.jacrev(f)(x)
print("torch.autograd.functional.jacobian(f, x):", type(older).__name__, older.item())
print("torch.func.jacrev(f):", type(torch.func.jacrev(f)).__name__, "| called on x:", newer.item())

# %%
# Key points
# ----------
# - ``torch.func.grad(f)`` returns a new function that computes the gradient
#   of the scalar function ``f``; no ``requires_grad``, ``backward()`` or
#   ``.grad`` is involved.
# - ``argnums`` chooses the arguments to differentiate, ``has_aux=True``
#   passes extra outputs through, and ``grad(grad(f))`` is the second
#   derivative.
# - ``functional_call`` turns a module into a function of a parameter
#   dictionary, whose gradient matches what ``loss.backward()`` stores in
#   ``.grad``.
# - ``torch.func`` transforms compose; ``torch.autograd.functional`` is the
#   older API that returns values.

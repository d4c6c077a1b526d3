"""
Exercises: controlling the graph
================================

These exercises practise three pages of this chapter: :doc:`detach()
</auto_examples/04_controlling_the_graph/plot_02_detach>`, :doc:`retain_grad()
</auto_examples/04_controlling_the_graph/plot_03_retain_grad>` and
:doc:`custom autograd functions
</auto_examples/04_controlling_the_graph/plot_07_custom_function>`. Try each
:term:`exercise` in your own code before you open its :term:`solution`.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Exercise 1: a square with one factor detached
# ---------------------------------------------
# Take :math:`x = 3` and compute ``z = x * x.detach()``. Its value is
# :math:`x^2 = 9`, but what is the :term:`gradient` ``x.grad`` after
# ``z.backward()``? Compare it with the gradient of ``x * x``.

# %% [solution]
# For autograd, the detached factor is the constant 3: only the path through
# the other factor is in the graph, and the gradient is 3. Without
# ``detach()``, both factors are paths to :math:`x`, their gradients add up,
# and the result is :math:`2x = 6`. The picture shows the backward pass of
# ``z``: one arrow reaches :math:`x`.

x = torch.tensor(3.0, device=device, requires_grad=True)
z = x * x.detach()
z.backward()
print("z:", z.item(), "| x.grad with detach():", x.grad)

x_full = torch.tensor(3.0, device=device, requires_grad=True)
(x_full * x_full).backward()
print("x.grad without detach():", x_full.grad)
# sphinx_gallery_graph = {"of": "z", "backward": True}

# %%
# Exercise 2: the gradient of an intermediate tensor
# --------------------------------------------------
# With :math:`x_1 = 2` and :math:`x_2 = 3`, compute ``h = x1 * x2`` and
# ``z = h ** 2``. Print :math:`\partial z / \partial h`, the gradient of the
# intermediate tensor ``h``, after ``z.backward()``, and check that it is
# :math:`2h = 12`.

# %% [solution]
# ``h`` is not a :term:`leaf tensor`, so ``backward()`` does not store its
# gradient unless ``h.retain_grad()`` was called before. The leaves get the
# gradients :math:`2h\, x_2 = 36` and :math:`2h\, x_1 = 24`. In the picture
# of the backward pass, ``h`` is highlighted: the 12 it keeps is what
# ``PowBackward0`` sends to ``MulBackward0``.

x1 = torch.tensor(2.0, device=device, requires_grad=True)
x2 = torch.tensor(3.0, device=device, requires_grad=True)
h = x1 * x2
h.retain_grad()
z = h**2
z.backward()
print("h.grad:", h.grad)
print("x1.grad:", x1.grad, "| x2.grad:", x2.grad)
# sphinx_gallery_graph = {"of": "z", "highlight": ["h"], "backward": True}

# %%
# Exercise 3: a custom function for the cube
# ------------------------------------------
# Write a subclass of ``torch.autograd.Function`` that computes
# :math:`x^3` and whose ``backward`` returns the gradient by the chain rule.
# Check it with ``torch.autograd.gradcheck`` and compare its gradient at
# :math:`x = (1, 2, -1)` with :math:`3x^2 = (3, 12, 3)`.

# %% [solution]
# ``setup_context`` saves the input, and ``backward`` multiplies
# ``grad_output`` by the local derivative :math:`3x^2`. ``gradcheck`` needs
# ``float64`` inputs, and it returns ``True``. In the picture of the backward
# pass, the node ``CubeBackward`` sends ``backward``'s result to ``x``.


class Cube(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return x**3

    @staticmethod
    def setup_context(ctx, inputs, output):
        ctx.save_for_backward(inputs[0])

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * 3 * x**2


x = torch.tensor([1.0, 2.0, -1.0], dtype=torch.float64, device=device, requires_grad=True)
cube = Cube.apply(x)
loss = cube.sum()
loss.backward()
print("cube.grad_fn:", type(cube.grad_fn).__name__)
print("x.grad:", x.grad)
print("gradcheck:", torch.autograd.gradcheck(Cube.apply, (x,)))
# sphinx_gallery_graph = {"of": "loss", "backward": True}

# %%
# Key points
# ----------
# - A detached factor is a constant for autograd, so only the other paths
#   contribute to the gradient.
# - ``retain_grad()``, called before ``backward()``, keeps the gradient of an
#   intermediate tensor.
# - A custom function's ``backward`` multiplies ``grad_output`` by the local
#   derivative, and ``gradcheck`` on ``float64`` inputs confirms it.

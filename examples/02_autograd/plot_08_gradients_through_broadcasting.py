"""
Gradients through broadcasting and matrix products
==================================================

When :term:`broadcasting` stretches a tensor, each of its elements is used
several times, and its :term:`gradient` adds up the contributions of every
use. This page checks that rule for a bias added to a :term:`batch`, then
works out the gradients of a :term:`matrix product` and checks them against
autograd.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# A bias added to every row
# -------------------------
# A batch of four inputs with three features each has the shape ``(4, 3)``,
# and a bias of shape ``(3,)`` is added to every row, as :doc:`the page on
# broadcasting </auto_examples/01_tensors/plot_06_broadcasting_and_matrix_products>`
# shows. The :term:`loss` multiplies each element of ``out`` by the matching
# element of a fixed tensor ``upstream`` and sums, so the derivative of the
# loss with respect to each element of ``out`` is that element of
# ``upstream``. We call it the upstream gradient.

inputs = torch.arange(12.0, device=device).reshape(4, 3)
upstream = torch.tensor([[1.0, 0.0, 2.0], [0.0, 1.0, 2.0], [1.0, 1.0, 2.0], [3.0, 0.0, 2.0]], device=device)
bias = torch.zeros(3, device=device, requires_grad=True)
out = inputs + bias
loss = (out * upstream).sum()
loss.backward()
print("out.shape:", out.shape, "| bias.shape:", bias.shape)
print("bias.grad:", bias.grad)

# %%
# The gradient is a sum over the batch
# ------------------------------------
# Each element of ``bias`` is added to the four elements of one column of
# ``out``, so its gradient is the sum of their four upstream gradients: the
# column sums of ``upstream``, 5, 2 and 8. Summing over dimension 0, the one
# broadcasting stretched, gives the gradient back the shape of ``bias``. It
# is the rule of :doc:`a tensor used twice
# </auto_examples/02_autograd/plot_03_computation_graph>`, applied to every
# copy.

print("upstream.sum(dim=0):", upstream.sum(dim=0))
print("bias.grad equals it:", torch.equal(bias.grad, upstream.sum(dim=0)))

# %%
# One bias for every element
# --------------------------
# A bias of shape ``(1,)`` is stretched along both dimensions, to all twelve
# elements, so its gradient is the sum of all twelve upstream gradients, 15,
# still with the shape ``(1,)``.

scalar_bias = torch.zeros(1, device=device, requires_grad=True)
(((inputs + scalar_bias) * upstream).sum()).backward()
print("scalar_bias.grad:", scalar_bias.grad)
print("upstream.sum():", upstream.sum())
print("equal:", torch.equal(scalar_bias.grad, upstream.sum().reshape(1)))

# %%
# Keeping the dimension
# ---------------------
# A bias with one value per row has the shape ``(4, 1)`` and is stretched
# along dimension 1. Its gradient sums ``upstream`` along dimension 1 with
# ``keepdim=True``, which keeps the shape ``(4, 1)`` of the parameter.

row_bias = torch.zeros(4, 1, device=device, requires_grad=True)
(((inputs + row_bias) * upstream).sum()).backward()
print("row_bias.grad:", row_bias.grad, sep="\n")
print("equals upstream.sum(dim=1, keepdim=True):", torch.equal(row_bias.grad, upstream.sum(dim=1, keepdim=True)))

# %%
# What the graph records
# ----------------------
# Broadcasting adds no node to the :term:`computation graph`: ``AddBackward0``
# leads straight to the bias's ``AccumulateGrad``, and the addition's
# :term:`backward function` itself sums the gradient down to the bias's
# shape. Stretching the bias by hand with ``expand`` records an
# ``ExpandBackward0`` node, whose backward function does the same sum, and
# the gradient is the same once ``bias.grad = None`` has cleared the
# gradient of the first cell. The picture shows the graph of the broadcast
# addition: the bias, of shape ``(3,)``, feeds the addition directly.

bias.grad = None
broadcast = inputs + bias
expanded = inputs + bias.expand(4, 3)
print("broadcast:", broadcast.grad_fn.name(), "->", type(broadcast.grad_fn.next_functions[1][0]).__name__)
print("expanded: ", expanded.grad_fn.name(), "->", type(expanded.grad_fn.next_functions[1][0]).__name__)
(expanded * upstream).sum().backward()
print("bias.grad through expand:", bias.grad)
# sphinx_gallery_graph = {"of": "broadcast", "highlight": ["bias"]}

# %%
# The gradient of a matrix product
# --------------------------------
# For :math:`y = x W`, with :math:`x` of shape ``(4, 3)`` and :math:`W` of
# shape ``(3, 2)``, each output is :math:`y_{ij} = \sum_k x_{ik} W_{kj}`. With
# the upstream gradient :math:`g_{ij} = \partial L / \partial y_{ij}`, the
# chain rule gives :math:`\partial L / \partial W_{kj} = \sum_i x_{ik} g_{ij}`,
# that is :math:`x^\top g`, and :math:`\partial L / \partial x_{ik} = \sum_j
# g_{ij} W_{kj}`, that is :math:`g W^\top`. Each gradient has the shape of
# its tensor.

x = torch.tensor(
    [[1.0, 0.0, 2.0], [0.0, 1.0, 1.0], [2.0, 1.0, 0.0], [1.0, 1.0, 1.0]], device=device, requires_grad=True
)
W = torch.tensor([[1.0, -1.0], [2.0, 0.0], [0.0, 3.0]], device=device, requires_grad=True)
grad_y = torch.tensor([[1.0, 2.0], [0.0, 1.0], [1.0, 0.0], [2.0, 1.0]], device=device)
y = x @ W
(y * grad_y).sum().backward()
print("W.grad:      ", W.grad.tolist())
print("x.T @ grad_y:", (x.T @ grad_y).tolist())
print("W.grad matches:", torch.allclose(W.grad, x.T @ grad_y), "| shape:", W.grad.shape)
print("x.grad matches grad_y @ W.T:", torch.allclose(x.grad, grad_y @ W.T), "| shape:", x.grad.shape)

# %%
# Back to the line fit
# --------------------
# :doc:`The gradient-descent page
# </auto_examples/06_putting_it_together/plot_01_gradient_descent_by_hand>`
# fits :math:`\hat y = w x + b` to 30 points with ``weight`` and ``bias`` of
# shape ``(1,)``, broadcast to all 30 inputs. Its ``bias.grad`` is therefore
# the sum of the 30 derivatives of the loss with respect to the predictions.
# With both parameters at zero, every prediction is 0, and the derivative of
# the mean squared error with respect to prediction :math:`i` is
# :math:`2(0 - t_i)/30`, where :math:`t_i` is its target.

inputs = torch.linspace(-1.0, 1.0, 30, device=device)
targets = 2.0 * inputs + 1.0
weight = torch.zeros(1, device=device, requires_grad=True)
bias = torch.zeros(1, device=device, requires_grad=True)
loss = ((weight * inputs + bias - targets) ** 2).mean()
loss.backward()
per_point = 2 * (0.0 - targets) / 30
bias_by_hand = per_point.sum()
weight_by_hand = (per_point * inputs).sum()
print("bias.grad:", bias.grad, "| sum over 30 points:", bias_by_hand)
print("weight.grad:", weight.grad, "| sum over 30 points:", weight_by_hand)
print("both match:", torch.allclose(bias.grad, bias_by_hand) and torch.allclose(weight.grad, weight_by_hand))

# %%
# Key points
# ----------
# - A tensor stretched by broadcasting receives the sum of the gradients of
#   all its copies, summed over the stretched dimensions back to its own
#   shape.
# - Broadcasting records no node of its own: the backward function of the
#   operation does the sum.
# - For :math:`y = x W`, :math:`W` gets the gradient :math:`x^\top g` and
#   :math:`x` gets :math:`g W^\top`, where :math:`g` is the upstream gradient.

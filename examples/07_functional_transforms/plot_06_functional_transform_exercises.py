r"""
Exercises: functional transforms
================================

Three short problems on this chapter: per-sample gradients with ``vmap``,
the Jacobian of a softmax, and a Hessian-vector product. Try each one before
opening its solution; every solution prints a check.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)

# %%
# Exercise 1: per-sample gradient norms
# -------------------------------------
# A linear model with weights :math:`w` of size 3 predicts
# :math:`\hat y = x \cdot w`, and the loss of one example is
# :math:`(\hat y - y)^2`. For the batch of 5 examples below, compute the
# norm of each example's :term:`gradient` with respect to :math:`w`, without
# a Python loop, using :func:`torch.func.grad` and :func:`torch.func.vmap` as
# on the :doc:`page on per-sample gradients </auto_examples/07_functional_transforms/plot_02_vmap_per_sample_gradients>`.
# Check the result against one ``backward()`` call per example, and find the
# example with the largest gradient.

weights = torch.randn(3, device=device)
inputs = torch.randn(5, 3, device=device)
targets = torch.randn(5, device=device)

# %% [solution]
# ``grad`` differentiates the loss of one example with respect to its first
# argument; ``vmap`` with ``in_dims=(None, 0, 0)`` shares the weights and
# walks along the first dimension of the inputs and targets. The result holds
# one :term:`per-sample gradient` per row. The loop gives the same numbers,
# with 5 backward passes instead of one vectorized call.


def loss_of_one(w, x, y):
    return (x @ w - y) ** 2


per_sample = torch.func.vmap(torch.func.grad(loss_of_one), in_dims=(None, 0, 0))(weights, inputs, targets)
norms = per_sample.norm(dim=1)
print("per-sample gradients shape:", tuple(per_sample.shape))
print("norms:", norms)

loop_norms = []
for x, y in zip(inputs, targets):
    w = weights.clone().requires_grad_(True)
    loss_of_one(w, x, y).backward()
    loop_norms.append(w.grad.norm())
print("same as the loop:", torch.allclose(norms, torch.stack(loop_norms)))
print("largest gradient: example", norms.argmax().item() + 1)

fig, ax = plt.subplots(figsize=(5, 3))
ax.bar(range(1, 6), norms.cpu())
ax.set_xlabel("example")
ax.set_ylabel("gradient norm")
ax.set_title("One example dominates the batch's gradient")
plt.show()

# %%
# Exercise 2: the Jacobian of a softmax
# -------------------------------------
# The softmax :math:`s_i = e^{z_i} / \sum_k e^{z_k}` maps 4 numbers to 4
# numbers. Compute its Jacobian with ``jacrev`` and with ``jacfwd``, and
# compare both with the formula
# :math:`J_{ij} = s_i (\delta_{ij} - s_j)`, that is
# :math:`J = \operatorname{diag}(s) - s s^\top`. Which transform is cheaper
# here? Why does each row of :math:`J` add up to 0?

logits = torch.tensor([1.0, 2.0, 0.5, -1.0], device=device)

# %% [solution]
# Both transforms and the formula agree. The function has as many outputs as
# inputs, so ``jacrev`` needs 4 vector-Jacobian products and ``jacfwd`` 4
# Jacobian-vector products: neither is cheaper (see the
# :doc:`page on jacrev and jacfwd </auto_examples/07_functional_transforms/plot_03_jacrev_and_jacfwd>`).
# The outputs always add up to 1, so the sum of any row's changes is 0:
# :math:`\sum_j J_{ij} = s_i - s_i \sum_j s_j = 0`.


def softmax(z):
    return torch.softmax(z, dim=0)


s = softmax(logits)
J_rev = torch.func.jacrev(softmax)(logits)
J_fwd = torch.func.jacfwd(softmax)(logits)
J_formula = torch.diag(s) - torch.outer(s, s)
print("J =", J_rev, sep="\n")
print("jacrev matches jacfwd:", torch.allclose(J_rev, J_fwd))
print("jacrev matches the formula:", torch.allclose(J_rev, J_formula))
print("shape (outputs, inputs):", tuple(J_rev.shape))
print("row sums are 0 up to rounding:", torch.allclose(J_rev.sum(dim=1), torch.zeros(4, device=device), atol=1e-6))

# %%
# Exercise 3: a Hessian-vector product by hand and by transform
# -------------------------------------------------------------
# For :math:`g(x_1, x_2) = x_1^2 x_2 + x_2^3`, the
# :doc:`page on higher-order gradients </auto_examples/06_putting_it_together/plot_03_higher_order_gradients>`
# found :math:`H = \begin{pmatrix} 4 & 2 \\ 2 & 12 \end{pmatrix}` at
# :math:`(1, 2)`. Work out :math:`H v` for :math:`v = (1, -1)` by hand, then
# compute it with forward over reverse, without forming :math:`H`, as on the
# :doc:`page on Hessian-vector products </auto_examples/07_functional_transforms/plot_05_hessian_vector_products>`.

# %% [solution]
# By hand, :math:`H v = (4 - 2, 2 - 12) = (2, -10)`. The
# :term:`Hessian-vector product` is the Jacobian-vector product of the
# gradient along :math:`v`, and ``jvp(grad(g), ...)`` returns the same two
# numbers; the full Hessian, printed for the check only, confirms them.


def g(point):
    x1, x2 = point
    return x1**2 * x2 + x2**3


point = torch.tensor([1.0, 2.0], device=device)
v = torch.tensor([1.0, -1.0], device=device)
_, hvp = torch.func.jvp(torch.func.grad(g), (point,), (v,))
H = torch.func.hessian(g)(point)
print("H v =", hvp)
print("H =", H, sep="\n")
print("same as H @ v:", torch.allclose(hvp, H @ v))

# %%
# Key points
# ----------
# - ``vmap(grad(...))`` gives every example's gradient in one call, the same
#   as one backward pass per example.
# - For a square function such as a softmax, ``jacrev`` and ``jacfwd`` need
#   the same number of products.
# - A Hessian-vector product is ``jvp`` of ``grad``, checked against the full
#   Hessian when it is small.

"""
A graph built by a loop
=======================

Autograd records the operations that actually run, so a Python loop whose
length depends on the data builds a graph of that length. This page doubles a
vector until its norm passes 1000, then asks for a weighted gradient.
"""

import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Doubling until the norm passes 1000
# -----------------------------------
# Real models loop too: a recurrent network runs once per word of a sentence,
# and a solver iterates until it is accurate enough. Doubling is the simplest
# such loop, simple enough to check the gradient by hand at the end. The
# number of doublings depends on the random start. Each pass through the loop
# adds one multiplication to the :term:`computation graph`: this is what
# :term:`define-by-run` means.

x = torch.randn(3, device=device, requires_grad=True)
y = x * 2
norms = [y.norm().item()]
while y.norm() < 1000:
    y = y * 2
    norms.append(y.norm().item())
doublings = len(norms)
print("x =", x)
print("doublings:", doublings)
print("y =", y)
# sphinx_gallery_graph = "y"

# %%
# The norm along the way
# ----------------------
# The norm doubles at every step; the loop stops at the first value above
# 1000.

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.semilogy(range(1, doublings + 1), norms, "o-", label="norm of y")
ax.axhline(1000.0, color="grey", linestyle="--", label="1000")
ax.set_xlabel("doublings")
ax.set_ylabel("norm of y")
ax.set_title("The loop stops once the norm passes 1000")
ax.legend()
plt.show()

# %%
# A weighted gradient
# -------------------
# After :math:`k` doublings :math:`y = 2^k x`, so the
# :term:`Jacobian <Jacobian matrix>` is :math:`2^k` times the identity and the
# :term:`vector-Jacobian product` is :math:`2^k v`. The
# gradient does not depend on the values of ``x``, only on how many times the
# loop ran.

v = torch.tensor([0.1, 1.0, 0.0001], device=device)
y.backward(v)
print("x.grad =", x.grad)
print("2**k * v =", 2**doublings * v)

# %%
# Key points
# ----------
# - Autograd records the operations that run, so a loop adds one node to the
#   graph per pass, however many passes the data asks for.
# - Backward walks back through every recorded pass: here the gradient is
#   :math:`2^k v` for :math:`k` doublings.

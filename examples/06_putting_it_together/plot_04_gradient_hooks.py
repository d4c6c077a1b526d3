"""
Inspecting gradients with hooks
===============================

A hook is a function that autograd calls with a tensor's gradient during the
backward pass. This page registers hooks with ``register_hook`` to print
gradients of intermediate tensors, to change a gradient, and removes them.
"""

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# Watching a gradient go by
# -------------------------
# ``register_hook`` works on any tensor that requires gradients, including
# intermediate ones. The :term:`hook` sees the gradient of the output with
# respect to that tensor during the :term:`backward pass`. It is the
# alternative to ``retain_grad()`` (see
# :doc:`/auto_examples/04_controlling_the_graph/plot_03_retain_grad`): nothing
# is stored in ``y1.grad``, the hook just gets the value as it goes by.

x1 = torch.tensor(1.0, device=device, requires_grad=True)
x2 = torch.tensor(2.0, device=device, requires_grad=True)
y1 = x1 * x2
y1.register_hook(lambda grad: print(f"gradient reaching y1: {grad.item():.4f}"))
z = torch.log(y1) * torch.sin(y1)
z.backward()
print(f"x1.grad = {x1.grad.item():.4f}")

# %%
# Changing a gradient
# -------------------
# A hook that returns a tensor replaces the gradient with it. Here the
# gradient of each element is clipped to :math:`[-1, 1]` before it reaches
# the leaf; without the hook, :math:`d(\sum_i 5x_i^2)/dx_i = 10 x_i`, that is
# 0.5, 5 and -20. Clipping element by element like this is one form of
# :term:`gradient clipping`; the usual way to clip a model's gradients is
# shown in :doc:`/auto_examples/06_putting_it_together/plot_06_gradient_clipping`.
# In the picture of the backward pass, the gradient reaches ``AccumulateGrad``
# unclipped, and the hook clips it before it is added to ``weights.grad``.

weights = torch.tensor([0.05, 0.5, -2.0], device=device, requires_grad=True)
handle = weights.register_hook(lambda grad: grad.clamp(-1.0, 1.0))
loss = (5 * weights**2).sum()
loss.backward()
print("clipped:", weights.grad)
# sphinx_gallery_graph = {"of": "loss", "backward": True}

# %%
# Removing a hook
# ---------------
# ``register_hook`` returns a handle; ``handle.remove()`` takes the hook off,
# and the next backward pass sees the real gradient again.

handle.remove()
weights.grad = None
(5 * weights**2).sum().backward()
print("without the hook:", weights.grad)

# %%
# Key points
# ----------
# - ``register_hook`` calls a function with a tensor's gradient during the
#   backward pass, even for an intermediate tensor, without storing it.
# - A hook that returns a tensor replaces the gradient that flows on.
# - Keep the handle that ``register_hook`` returns, and call ``remove()`` when
#   the hook is no longer needed.

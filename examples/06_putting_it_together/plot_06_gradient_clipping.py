"""
Gradient clipping
=================

A single bad batch can produce a huge gradient, and one huge step can undo a
whole training run. This page limits the gradients of a small model with
``clip_grad_norm_`` and ``clip_grad_value_``, places the call in a training
step, and compares it with clipping in a hook.
"""

import matplotlib.pyplot as plt
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# A deliberately large gradient
# -----------------------------
# The model is a linear function with two :term:`parameters <parameter>`,
# ``weight`` and ``bias``, fitted to one sample whose target :math:`t` is far
# from the prediction :math:`p`. The squared error :math:`(p - t)^2` then
# has large :term:`gradients <gradient>`: :math:`2(p - t)\,x` for the
# weight, where :math:`x` is the sample, and :math:`2(p - t)` for the bias.
# The function ``compute_gradients`` runs this backward pass again, so that
# each cell below can start from the same gradients.

weight = torch.tensor([1.0, 1.0], device=device, requires_grad=True)
bias = torch.tensor([0.0], device=device, requires_grad=True)
sample = torch.tensor([2.0, -2.0], device=device)
target = torch.tensor([-10.0], device=device)


def compute_gradients():
    weight.grad = None
    bias.grad = None
    prediction = sample @ weight + bias
    loss = ((prediction - target) ** 2).sum()
    loss.backward()


compute_gradients()
prediction = (sample @ weight + bias).detach()
print("sample x:", sample, "| prediction p:", prediction, "| target t:", target)
print("weight.grad:", weight.grad)
print("bias.grad:  ", bias.grad)

# %%
# The total norm
# --------------
# :term:`Gradient clipping <gradient clipping>` limits the gradients before
# they are used for an update. Clipping by norm looks at all the gradients
# as one long vector, whose norm is the square root of the sum of the
# squares of every element of every gradient. Here it is
# :math:`\sqrt{40^2 + 40^2 + 20^2} = 60`.

total_norm = torch.linalg.vector_norm(torch.cat([weight.grad, bias.grad]))
print(f"total norm: {total_norm.item():.4f}")

# %%
# ``clip_grad_norm_``
# -------------------
# :func:`torch.nn.utils.clip_grad_norm_` computes the total norm, returns it,
# and, if it is larger than ``max_norm``, multiplies every gradient in place
# by the same factor so that the total norm becomes ``max_norm``. With
# ``max_norm=6`` the factor is :math:`6 / 60 = 0.1`: the gradients keep their
# direction and only get shorter.

norm_before = torch.nn.utils.clip_grad_norm_([weight, bias], max_norm=6.0)
print(f"returned (norm before clipping): {norm_before.item():.4f}")
print(f"factor 6 / {norm_before.item():.0f} = {6.0 / norm_before.item():.4f}")
print("weight.grad:", weight.grad)
print("bias.grad:  ", bias.grad)
norm_after = torch.linalg.vector_norm(torch.cat([weight.grad, bias.grad]))
print(f"total norm after clipping: {norm_after.item():.4f}")

# %%
# Below the bound, nothing changes
# --------------------------------
# When the total norm is at most ``max_norm``, ``clip_grad_norm_`` changes
# nothing; it still returns the norm. With ``max_norm=100`` the gradients
# stay as they were.

compute_gradients()
norm_before = torch.nn.utils.clip_grad_norm_([weight, bias], max_norm=100.0)
print(f"returned with max_norm=100: {norm_before.item():.4f}")
print("weight.grad:", weight.grad)
print("bias.grad:  ", bias.grad)

# %%
# ``clip_grad_value_``
# --------------------
# :func:`torch.nn.utils.clip_grad_value_` works element by element: it
# clamps each gradient element to :math:`[-c, c]`, where :math:`c` is
# ``clip_value`` (5 here), whatever the other elements are. All three
# elements become 5 in absolute value, so the bias, whose gradient was half
# as large as each of the weight's, now gets as much: the direction changes.

compute_gradients()
torch.nn.utils.clip_grad_value_([weight, bias], clip_value=5.0)
print("weight.grad:", weight.grad)
print("bias.grad:  ", bias.grad)

# %%
# A clamp in a hook
# -----------------
# The page on
# :doc:`hooks </auto_examples/06_putting_it_together/plot_04_gradient_hooks>`
# clamps a gradient in a :term:`hook`, a function that autograd calls with a
# tensor's gradient as soon as that gradient is computed. A hook that clamps
# each element to :math:`[-5, 5]` gives the same gradients as
# ``clip_grad_value_`` above.

handles = [
    parameter.register_hook(lambda grad: grad.clamp(-5.0, 5.0))
    for parameter in (weight, bias)
]
compute_gradients()
print("weight.grad:", weight.grad)
print("bias.grad:  ", bias.grad)
for handle in handles:
    handle.remove()

# %%
# A norm needs every gradient
# ---------------------------
# A hook sees one gradient at a time, while the total norm needs all of them
# first. The closest a hook can come is to rescale its own tensor's gradient
# to norm 6. That gives different gradients from ``clip_grad_norm_``, and
# a total norm above 6.

handles = [
    parameter.register_hook(lambda grad: grad * min(1.0, 6.0 / grad.norm().item()))
    for parameter in (weight, bias)
]
compute_gradients()
hook_grads = [weight.grad.clone(), bias.grad.clone()]
print("weight.grad:", weight.grad)
print("bias.grad:  ", bias.grad)
print(f"total norm: {torch.linalg.vector_norm(torch.cat(hook_grads)).item():.4f}")
for handle in handles:
    handle.remove()

# %%
# The three results side by side
# ------------------------------
# The bar chart shows the norm of each gradient and the total norm after each
# kind of clipping. Only ``clip_grad_norm_`` brings the total norm down to 6;
# the element clamp and the per-tensor hook leave it above 6. It is also the
# only one that keeps the direction of the gradient: its cosine similarity
# with the original gradient is 1.

compute_gradients()
original = torch.cat([weight.grad, bias.grad])
torch.nn.utils.clip_grad_norm_([weight, bias], max_norm=6.0)
by_norm = [weight.grad.clone(), bias.grad.clone()]
compute_gradients()
torch.nn.utils.clip_grad_value_([weight, bias], clip_value=5.0)
by_value = [weight.grad.clone(), bias.grad.clone()]

results = {
    "clip_grad_norm_": by_norm,
    "clip_grad_value_": by_value,
    "hook, norm 6 per tensor": hook_grads,
}
for name, grads in results.items():
    cosine = torch.nn.functional.cosine_similarity(torch.cat(grads), original, dim=0)
    total = torch.linalg.vector_norm(torch.cat(grads))
    print(f"{name:23} total norm {total.item():.4f}", end=" | ")
    print(f"cosine with the original: {cosine.item():.4f}")

fig, ax = plt.subplots()
labels = ["weight.grad", "bias.grad", "total"]
for position, (name, grads) in enumerate(results.items()):
    norms = [grads[0].norm().item(), grads[1].norm().item(), torch.cat(grads).norm().item()]
    ax.bar([i + 0.27 * (position - 1) for i in range(3)], norms, width=0.27, label=name)
ax.axhline(6.0, color="black", linestyle="--", label="max_norm = 6")
ax.set_xticks(range(3), labels)
ax.set_ylabel("norm after clipping")
ax.set_ylim(0, 12)
ax.set_title("Only clipping by the total norm keeps it within 6")
ax.legend(loc="upper left", ncols=2)
plt.show()

# %%
# Where the call goes in a training step
# --------------------------------------
# Clipping changes the ``.grad`` that the :term:`optimizer` will read, so it
# goes after ``backward()``, which fills ``.grad``, and before
# ``optimizer.step()``, which uses it (see :doc:`the page on torch.optim
# </auto_examples/06_putting_it_together/plot_02_gradient_descent_with_optim>`).
# With a :term:`learning rate` of 0.1, the clipped step moves each weight
# element by :math:`0.1 \cdot 4 = 0.4` instead of :math:`0.1 \cdot 40 = 4`.

optimizer = torch.optim.SGD([weight, bias], lr=0.1)
optimizer.zero_grad()
loss = ((sample @ weight + bias - target) ** 2).sum()
loss.backward()
unclipped_step = 0.1 * weight.grad
torch.nn.utils.clip_grad_norm_([weight, bias], max_norm=6.0)
weight_before = weight.detach().clone()
optimizer.step()
print("step without clipping would be:", unclipped_step)
print("step with clipping:            ", weight_before - weight.detach())
print("weight after the step:         ", weight.detach())

# %%
# Key points
# ----------
# - ``clip_grad_norm_`` scales all gradients by one factor so that their
#   total norm is at most ``max_norm``, and returns the norm before clipping.
# - ``clip_grad_value_`` clamps each element, which can change the direction
#   of the gradient.
# - Clipping goes between ``loss.backward()`` and ``optimizer.step()``.
# - A hook sees one gradient at a time, so it can clamp elements but cannot
#   clip by the total norm of all gradients.

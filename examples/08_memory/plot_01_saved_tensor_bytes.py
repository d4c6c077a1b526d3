"""
What a graph saves for backward
===============================

To compute gradients, the backward functions of a graph keep some tensors of
the forward pass until ``backward()`` uses them. These saved tensors are the
memory that training needs beyond the parameters. This page counts them, byte
by byte, with a saved-tensor hook on a small model, and shows that nothing is
saved when autograd records no graph.
"""

import matplotlib.pyplot as plt
import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# What two operations save
# ------------------------
# A :term:`backward function` keeps the tensors that its derivative needs, as
# :term:`saved tensors <saved tensor>`. The picture shows them for the sum of
# ``torch.tanh(inputs @ weight.T)``. ``TanhBackward0`` keeps its result,
# because the derivative of :math:`\tanh` is :math:`1 - \tanh^2`.
# ``MmBackward0`` keeps ``inputs``, its argument ``self``, which the gradient
# of ``weight`` needs, and nothing else: ``inputs`` does not require
# gradients, so no gradient with respect to it will be computed, and the
# values of ``weight`` are not needed.

inputs = torch.randn(4, 3, device=device)
weight = torch.randn(2, 3, device=device, requires_grad=True)
hidden = torch.tanh(inputs @ weight.T)
loss = hidden.sum()
print("loss =", loss)
# sphinx_gallery_graph = {"of": "loss", "saved": True}

# %%
# A hook that sees every saved tensor
# -----------------------------------
# Inside a ``with torch.autograd.graph.saved_tensors_hooks(pack_hook,
# unpack_hook):`` block, autograd calls ``pack_hook`` with each tensor that a
# backward function saves, and keeps whatever the hook returns. The backward
# pass later calls ``unpack_hook`` to get the tensor back. The pack hook below
# returns the tensor unchanged and only notes it in a list, so the graph
# works as before. A tensor takes ``numel() * element_size()`` bytes: 4 bytes
# per ``float32`` number. The two saved tensors of the picture take 48 and 32
# bytes.

saved = []


def pack_hook(tensor):
    saved.append(tensor)
    return tensor


def unpack_hook(tensor):
    return tensor


with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    hidden = torch.tanh(inputs @ weight.T)
    loss = hidden.sum()
for tensor in saved:
    print(f"saved {tuple(tensor.shape)} {tensor.dtype}: {tensor.numel() * tensor.element_size()} bytes")

# %%
# A small model, layer by layer
# -----------------------------
# The pack hook does not know which operation saves a tensor. To group the
# saved tensors by :term:`layer`, the forward pass below runs the layers of a
# small model one at a time and sets ``current_layer`` to the layer's name
# before each, and the hook stores that name with the tensor. The activation layers keep their
# output. The first ``Linear`` layer keeps only its input, like the matrix
# product above; the other two also keep their weight, because their input
# requires gradients. The :term:`loss` keeps the difference it squares.

model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 1)).to(device)
batch = torch.randn(64, 8, device=device)
targets = torch.randn(64, 1, device=device)

layer_names = ["0 Linear", "1 ReLU", "2 Linear", "3 Tanh", "4 Linear", "loss"]
saved_by_layer = []
current_layer = ""


def pack_hook(tensor):
    saved_by_layer.append((current_layer, tensor))
    return tensor


with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    output = batch
    for layer_name, layer in zip(layer_names, model):
        current_layer = layer_name
        output = layer(output)
    current_layer = "loss"
    loss = ((output - targets) ** 2).mean()

layer_bytes = []
print(f"{'layer':9} {'saved tensors':22} {'bytes':>6}")
for layer_name in layer_names:
    tensors = [tensor for name, tensor in saved_by_layer if name == layer_name]
    shapes = " ".join(str(tuple(tensor.shape)) for tensor in tensors)
    layer_bytes.append(sum(tensor.numel() * tensor.element_size() for tensor in tensors))
    print(f"{layer_name:9} {shapes:22} {layer_bytes[-1]:6}")
print(f"{'total':9} {'':22} {sum(layer_bytes):6}")

# %%
# Activations fill most of the bytes
# ----------------------------------
# A saved weight is not a new tensor: ``Linear`` saves ``weight.T``, a
# :term:`view` of the parameter, which records the tensor it looks into in
# ``_base``. The bars separate those views from the activations, the tensors
# computed from the batch. The saved weights take 4224 bytes of the 39296.

parameters = list(model.parameters())
weight_bytes = []
activation_bytes = []
for layer_name in layer_names:
    tensors = [tensor for name, tensor in saved_by_layer if name == layer_name]
    of_weights = [tensor for tensor in tensors if any(tensor._base is parameter for parameter in parameters)]
    weight_bytes.append(sum(tensor.numel() * tensor.element_size() for tensor in of_weights))
    activation_bytes.append(sum(tensor.numel() * tensor.element_size() for tensor in tensors) - weight_bytes[-1])
print("bytes of saved weights:    ", sum(weight_bytes))
print("bytes of saved activations:", sum(activation_bytes))

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.bar(range(6), activation_bytes, label="activations")
ax.bar(range(6), weight_bytes, bottom=activation_bytes, label="weights (views of parameters)")
ax.set_xticks(range(6), labels=layer_names)
ax.set_xlabel("layer")
ax.set_ylabel("bytes saved for backward")
ax.set_ylim(0, 16000)
ax.set_title("Most saved bytes are activations, not weights")
ax.legend(loc="upper right")
fig.tight_layout()
plt.show()

# %%
# Saved bytes against parameter bytes
# -----------------------------------
# Adding up the table counts some memory twice. The output of ``ReLU`` is
# also the input of the next ``Linear``: both save the same tensor, which
# exists once; the same holds for the output of ``Tanh``. Counting each
# activation tensor once, the graph keeps 18688 bytes, more than three times
# the 5508 bytes of all the parameters. Those activations
# grow with the batch, while the parameters do not: with 256 examples instead
# of 64, the graph keeps four times as many bytes.


def activation_bytes_kept(tensors):
    kept = []
    for tensor in tensors:
        is_weight = any(tensor._base is parameter for parameter in parameters)
        if not is_weight and not any(tensor is other for other in kept):
            kept.append(tensor)
    return sum(tensor.numel() * tensor.element_size() for tensor in kept)


print("activation bytes, each tensor once:", activation_bytes_kept([tensor for name, tensor in saved_by_layer]))
print("parameter bytes:                   ", sum(p.numel() * p.element_size() for p in parameters))

for batch_size in [64, 256]:
    saved_by_layer = []
    with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
        output = model(torch.randn(batch_size, 8, device=device))
        loss = ((output - torch.randn(batch_size, 1, device=device)) ** 2).mean()
    kept = activation_bytes_kept([tensor for name, tensor in saved_by_layer])
    print(f"batch of {batch_size:3}: activation bytes kept {kept}")

# %%
# No graph, nothing saved
# -----------------------
# Under :func:`torch.no_grad`, autograd records no graph (see
# :doc:`the page on no_grad </auto_examples/04_controlling_the_graph/plot_01_no_grad>`),
# so no backward function exists to save anything: the pack hook is never
# called. Evaluating a model without gradients keeps none of these bytes.

saved_by_layer = []
with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook), torch.no_grad():
    output = model(batch)
    loss = ((output - targets) ** 2).mean()
print("tensors saved under no_grad():", len(saved_by_layer))
print("loss.grad_fn:", loss.grad_fn)

# %%
# Backward takes each saved tensor back once
# ------------------------------------------
# ``backward()`` calls the unpack hook once for each saved tensor, here 8
# times, then frees them: the graph no longer holds them, and a second
# ``backward()`` on it fails, as :doc:`the page on retain_graph
# </auto_examples/03_vector_jacobian/plot_04_retain_graph>` explains. A saved
# tensor changed in place before the backward pass is refused when it is
# unpacked: see :doc:`the page on modified saved tensors
# </auto_examples/05_pitfalls/plot_08_modified_saved_tensor>`.

unpacked = []


def counting_unpack_hook(tensor):
    unpacked.append(tensor)
    return tensor


saved_by_layer = []
with torch.autograd.graph.saved_tensors_hooks(pack_hook, counting_unpack_hook):
    loss = ((model(batch) - targets) ** 2).mean()
loss.backward()
print("tensors saved:", len(saved_by_layer), "| unpacked by backward():", len(unpacked))
try:
    loss.backward()
except RuntimeError as error:
    print("second backward(): RuntimeError:", str(error).split(".")[0])

# %%
# Key points
# ----------
# - The backward functions of a graph keep :term:`saved tensors <saved tensor>`
#   until ``backward()`` uses and frees them; ``saved_tensors_hooks`` sees each
#   one as it is saved.
# - A tensor takes ``numel() * element_size()`` bytes; most saved bytes are
#   activations, which grow with the batch, unlike the parameters.
# - Under ``torch.no_grad()`` no graph is recorded and nothing is saved.

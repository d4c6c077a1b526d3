"""
Gradient checkpointing: memory for computation
==============================================

:term:`Gradient checkpointing <gradient checkpointing>` trades computation
for memory. A checkpointed block keeps only its input during the forward
pass, and runs its forward again during the backward pass to rebuild what
its backward functions need. This
page measures both sides on a small stack of blocks: the bytes saved for
backward, counted with a saved-tensor hook, and the forward calls, counted by
the block itself. The gradients do not change.
"""

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# A block that counts its forward calls
# -------------------------------------
# Each block widens its input from 32 to 128 features, applies ``ReLU``,
# narrows back to 32 features and applies ``tanh``. Its ``forward`` adds 1 to ``self.calls`` each
# time it runs. The model is a stack of four such blocks.


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.widen = nn.Linear(32, 128)
        self.narrow = nn.Linear(128, 32)
        self.calls = 0

    def forward(self, hidden):
        self.calls += 1
        return torch.tanh(self.narrow(torch.relu(self.widen(hidden))))


blocks = nn.ModuleList([Block() for _ in range(4)]).to(device)
batch = torch.randn(64, 32, device=device)
print("blocks:", len(blocks), "| parameters per block:", sum(p.numel() for p in blocks[0].parameters()))

# %%
# Counting the bytes kept for backward
# ------------------------------------
# The hook is the one of :doc:`the page on saved tensors
# </auto_examples/08_memory/plot_01_saved_tensor_bytes>`: a
# ``saved_tensors_hooks`` pack hook that notes every :term:`saved tensor`.
# ``bytes_kept`` adds up the bytes of each saved tensor once, leaving out
# the weights, which a ``Linear`` layer saves as a :term:`view` of its
# :term:`parameter` and which take no new memory.

saved = []


def pack_hook(tensor):
    saved.append(tensor)
    return tensor


def unpack_hook(tensor):
    return tensor


def bytes_kept(tensors):
    kept = []
    for tensor in tensors:
        is_weight = any(tensor._base is parameter for parameter in blocks.parameters())
        if not is_weight and not any(tensor is other for other in kept):
            kept.append(tensor)
    return sum(tensor.numel() * tensor.element_size() for tensor in kept)


# %%
# The plain forward pass
# ----------------------
# Without checkpointing, every block keeps its input, the ``ReLU`` output of
# 64 × 128 numbers, and its ``tanh`` output: 172032 bytes in all. The
# backward pass uses them directly, so each block has run once.

with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    hidden = batch
    for block in blocks:
        hidden = block(hidden)
    loss = (hidden**2).mean()
plain_bytes = bytes_kept(saved)
print("bytes kept for backward:", plain_bytes)
print("forward calls after the forward pass: ", [block.calls for block in blocks])
loss.backward()
print("forward calls after the backward pass:", [block.calls for block in blocks])
plain_calls = sum(block.calls for block in blocks)
plain_gradients = [parameter.grad.clone() for parameter in blocks.parameters()]
plain_loss = loss.detach()

# %%
# The checkpointed forward pass
# -----------------------------
# ``checkpoint(block, hidden, use_reentrant=False)`` runs the block without
# keeping what its backward functions save; it keeps the block's input
# instead, which the hook sees too. The documentation of
# :func:`torch.utils.checkpoint.checkpoint` recommends
# ``use_reentrant=False``. The graph now keeps 40960 bytes, the inputs of the
# four blocks and the output that the loss squares.

for block in blocks:
    block.calls = 0
blocks.zero_grad()
saved = []
with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    hidden = batch
    for block in blocks:
        hidden = checkpoint(block, hidden, use_reentrant=False)
    loss = (hidden**2).mean()
checkpointed_bytes = bytes_kept(saved)
print("bytes kept for backward:", checkpointed_bytes)
print("forward calls after the forward pass:", [block.calls for block in blocks])

# %%
# The forward runs again during backward
# --------------------------------------
# When the backward pass reaches a checkpointed block, it runs the block's
# forward again, this time keeping the saved tensors, and uses them at once.
# Every block has now run twice: the memory saved is paid for with a second
# forward pass.

loss.backward()
print("forward calls after the backward pass:", [block.calls for block in blocks])
checkpointed_calls = sum(block.calls for block in blocks)

# %%
# The same gradients
# ------------------
# The second forward computes the same values as the first, so the loss and
# every gradient are equal to those of the plain version, bit for bit.

print("same loss:", torch.equal(loss.detach(), plain_loss))
print(
    "same gradients:",
    all(torch.equal(parameter.grad, gradient) for parameter, gradient in zip(blocks.parameters(), plain_gradients)),
)

# %%
# Memory against computation
# --------------------------
# The figure puts the two sides together: checkpointing keeps about four
# times fewer bytes (172032 against 40960) and runs the forward of the four
# blocks 8 times instead of 4. It pays off when a block keeps much more inside than its input, as
# the wide ``ReLU`` output here. Like any saved tensor, the block's input
# must not be changed in place before the backward pass (see
# :doc:`the page on modified saved tensors
# </auto_examples/05_pitfalls/plot_08_modified_saved_tensor>`).

print(f"bytes kept: plain {plain_bytes}, checkpointed {checkpointed_bytes}")
print(f"ratio: {plain_bytes / checkpointed_bytes:.1f}")
print(f"forward calls: plain {plain_calls}, checkpointed {checkpointed_calls}")

fig, (ax_bytes, ax_calls) = plt.subplots(1, 2, figsize=(7, 3.5))
ax_bytes.bar([0, 1], [plain_bytes, checkpointed_bytes])
ax_bytes.set_xticks([0, 1], labels=["plain", "checkpointed"])
ax_bytes.set_ylabel("bytes kept for backward")
ax_bytes.set_title("Memory")
ax_calls.bar([0, 1], [plain_calls, checkpointed_calls])
ax_calls.set_xticks([0, 1], labels=["plain", "checkpointed"])
ax_calls.set_ylabel("forward calls of the four blocks")
ax_calls.set_title("Computation")
fig.suptitle("Checkpointing keeps fewer bytes and runs the forward twice")
fig.tight_layout()
plt.show()

# %%
# Key points
# ----------
# - Gradient checkpointing keeps only a block's input and runs the
#   block's forward again during the backward pass.
# - It lowers the bytes kept for backward, at the cost of one more forward
#   pass per block; the gradients stay the same.
# - Pass ``use_reentrant=False`` to ``torch.utils.checkpoint.checkpoint``.

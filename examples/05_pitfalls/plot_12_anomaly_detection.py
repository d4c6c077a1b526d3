"""
Finding the failing line with anomaly detection
===============================================

When the :term:`backward pass` fails, the error names an operation but not the line
of your code that created it. Anomaly detection makes autograd remember where
each operation came from and report it. This page shows what it really
prints, how it also catches ``nan`` values, and what it costs.
"""

import os
import re
import warnings

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# %%
# An error without a line
# -----------------------
# ``scaled_exp`` changes ``y`` in place after ``torch.exp`` saved it for the
# backward pass. This :term:`in-place operation` raises the
# :term:`version counter` of the :term:`saved tensor`, and ``backward()``
# refuses to use it, as :doc:`the page on modified saved tensors
# </auto_examples/05_pitfalls/plot_08_modified_saved_tensor>` explains. The
# message says that the output of ``Exp`` changed, but in a large model it
# does not say which of many ``exp`` calls, and its hint suggests anomaly
# detection. The picture shows the graph of ``z`` with the tensors its
# backward functions saved: the result that ``ExpBackward0`` saved was
# modified in place, and ``MulBackward0``, which the failed ``backward()``
# had already run, freed what it had saved.


def scaled_exp(x):
    y = torch.exp(x)
    z = y * 2
    y.add_(1.0)
    return z


x = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
z = scaled_exp(x)
try:
    z.sum().backward()
except RuntimeError as error:
    print("RuntimeError:", error)
# sphinx_gallery_graph = {"of": "z", "saved": True}

# %%
# Turning anomaly detection on
# ----------------------------
# ``torch.autograd.set_detect_anomaly(True)`` switches on
# :term:`anomaly detection`, here as a context manager around the forward
# and backward code. The error is the same, with a new hint: the details are
# in a warning emitted just before it. The code collects that warning with
# ``warnings.catch_warnings(record=True)`` to print it in the next cell.

x = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
with warnings.catch_warnings(record=True) as caught, torch.autograd.set_detect_anomaly(True):
    warnings.simplefilter("always")
    z = scaled_exp(x)
    try:
        z.sum().backward()
    except RuntimeError as error:
        print("RuntimeError:", error)
print("warnings caught:", len(caught))

# %%
# What the warning says
# ---------------------
# The warning names the :term:`backward function` that failed,
# ``ExpBackward0``, followed by the traceback of the forward call that
# created it: the call of ``scaled_exp`` and, inside it, the line
# ``y = torch.exp(x)``. The culprit is that operation's output, changed
# there or later. The full traceback starts with the frames of whatever
# program runs this script (here, the tool that builds this site) and
# depends on where the file lies. The code keeps the frames of this file,
# shortens its path to the file name, and drops the note on where inside
# PyTorch the warning was raised.

report = str(caught[0].message).split(" (Triggered internally at")[0]
headline, _, traceback_text = report.partition("\n")
frame = re.compile(r'  File "(?P<path>[^"]+)", line (?P<line>\d+), in (?P<name>.+)\n +(?P<code>.+)')
this_file = scaled_exp.__code__.co_filename
print(headline)
for match in frame.finditer(traceback_text):
    if match["path"] == this_file:
        print(f'  File "{os.path.basename(match["path"])}", line {match["line"]}, in {match["name"]}')
        print("    " + match["code"])

# %%
# Catching ``nan`` in the backward pass
# -------------------------------------
# ``torch.autograd.detect_anomaly()`` is the same switch as a context manager
# only; it warns when it starts. With ``check_nan=True``, the default, it
# also stops as soon as a backward function returns ``nan``. The norm written
# with ``sqrt`` at the zero vector from :doc:`the page on the square root at
# zero </auto_examples/05_pitfalls/plot_06_sqrt_at_zero>` is such a case: the
# infinite slope of ``sqrt`` times the zero slope of ``x**2`` gives ``nan``
# in ``PowBackward0``, and the error names it.

x = torch.zeros(3, device=device, requires_grad=True)
with warnings.catch_warnings(record=True) as caught, torch.autograd.detect_anomaly(check_nan=True):
    warnings.simplefilter("always")
    norm = torch.sqrt((x**2).sum())
    try:
        norm.backward()
    except RuntimeError as error:
        print("RuntimeError:", error)
for warning in caught:
    print("warning:", str(warning.message).partition("\n")[0])

# %%
# Letting ``nan`` through
# -----------------------
# With ``check_nan=False``, anomaly detection still records tracebacks but
# no longer checks the values, and the ``nan`` reaches ``x.grad`` silently,
# as it does with anomaly detection off. The picture of this backward pass
# shows where it appears: ``SqrtBackward0`` sends ``inf``, and
# ``PowBackward0`` multiplies it by the zero slope of ``x**2``.

x = torch.zeros(3, device=device, requires_grad=True)
with torch.autograd.set_detect_anomaly(True, check_nan=False):
    norm = torch.sqrt((x**2).sum())
    norm.backward()
print("x.grad:", x.grad)
# sphinx_gallery_graph = {"of": "norm", "backward": True}

# %%
# What it costs
# -------------
# To report the line, every operation stores the Python traceback of its
# call in the ``metadata`` of its :term:`node`, the backward function that
# :doc:`the page on the computation graph
# </auto_examples/02_autograd/plot_03_computation_graph>` follows from the
# root to the leaves. Taking and keeping one traceback per
# operation, plus the ``nan`` check after every backward function, slows
# training down, as the warning of ``detect_anomaly()`` above says: switch
# anomaly detection on to find a bug, and off again once it is found.

x = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
with torch.autograd.set_detect_anomaly(True):
    y = torch.exp(x)
print("with anomaly detection:   ", list(y.grad_fn.metadata))
y = torch.exp(x)
print("without anomaly detection:", list(y.grad_fn.metadata))

# %%
# Key points
# ----------
# - Without anomaly detection, a backward error names the failing backward
#   function but not the line that created it.
# - ``torch.autograd.set_detect_anomaly(True)`` makes the error come with a
#   warning holding the traceback of the forward call behind the failing node.
# - With ``check_nan=True`` (the default), it also stops at the first backward
#   function that returns ``nan``.
# - It records a traceback for every operation, so use it only while
#   debugging.

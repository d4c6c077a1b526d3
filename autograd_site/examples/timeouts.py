"""A time limit per example: a hanging example stops the build and names itself.

The limit is ``AUTOGRAD_EXAMPLE_TIMEOUT`` seconds (default 300).  The
doctest wraps each example in :func:`time_limit`; the build arms the same
alarm through sphinx-gallery's ``reset_modules`` hook, which runs before and
after every example.  The error is raised inside the example, so its
traceback points at the line that was running.
"""

from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from pathlib import Path

DEFAULT_SECONDS = 300


class ExampleTimeout(Exception):
    """An example ran longer than its time limit."""


def limit() -> int:
    return int(os.environ.get("AUTOGRAD_EXAMPLE_TIMEOUT", DEFAULT_SECONDS))


def _arm(path: str | Path) -> None:
    seconds = limit()

    def expire(signum, frame):
        raise ExampleTimeout(f"{path} was still running after {seconds} s (AUTOGRAD_EXAMPLE_TIMEOUT={seconds})")

    signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)


def _disarm() -> None:
    signal.alarm(0)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)


@contextmanager
def time_limit(path: str | Path):
    _arm(path)
    try:
        yield
    finally:
        _disarm()


def gallery_hook(gallery_conf, fname, when) -> None:
    """sphinx-gallery ``reset_modules`` entry: arm before each example, disarm after."""
    if fname is None:
        return
    if when == "before":
        _arm(fname)
    else:
        _disarm()

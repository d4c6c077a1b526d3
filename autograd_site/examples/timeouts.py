"""A time limit per example: a hanging example stops the build and names itself.

The limit is ``AUTOGRAD_EXAMPLE_TIMEOUT`` seconds (default 300).  The
doctest wraps each example in :func:`time_limit`; the build arms the same
limit through sphinx-gallery's ``reset_modules`` hook, which runs before and
after every example.  When time is up, a timer thread interrupts the main
thread (``_thread.interrupt_main``: portable, unlike ``SIGALRM``) and the
interruption is raised inside the example as :class:`ExampleTimeout`, so its
traceback points at the line that was running.

Python can only interrupt between bytecodes.  An example stuck inside C code
(a CUDA synchronisation, a blocking call) is ended by outer limits instead:
in the build, ``faulthandler`` prints where it was stuck and exits, and the
build's subprocess has a timeout (:func:`outer_limit`); in the doctest,
pytest-timeout stops the test and prints every thread's stack.
"""

from __future__ import annotations

import _thread
import faulthandler
import os
import signal
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

DEFAULT_SECONDS = 300
# Past the limit, how long an uninterruptible example may go on before the build exits.
HARD_STOP_AFTER = 60
# For a whole run: starting Python, importing torch, and what Sphinx does besides the examples.
OUTER_MARGIN = 600


class ExampleTimeout(Exception):
    """An example ran longer than its time limit."""


def limit() -> int:
    return int(os.environ.get("AUTOGRAD_EXAMPLE_TIMEOUT", DEFAULT_SECONDS))


def outer_limit(examples: int) -> int:
    """Seconds a run of ``examples`` examples may take before it is stopped from outside."""
    return limit() * examples + OUTER_MARGIN


class _Limit:
    """Raise :class:`ExampleTimeout` in the main thread after :func:`limit` seconds.

    The interruption arrives as a SIGINT (the one signal Windows can deliver
    this way); a real Ctrl-C meanwhile still goes to the previous handler.
    """

    def __init__(self, path: str | Path):
        seconds = limit()
        self.message = f"{path} was still running after {seconds} s (AUTOGRAD_EXAMPLE_TIMEOUT={seconds})"
        self.previous = signal.getsignal(signal.SIGINT)
        if self.previous is None:  # set outside Python: restore Python's own
            self.previous = signal.default_int_handler
        self.expired = self.done = False
        self.lock = threading.Lock()
        self.timer = threading.Timer(seconds, self._expire)
        self.timer.daemon = True

    def arm(self) -> None:
        signal.signal(signal.SIGINT, self._interrupted)
        self.timer.start()

    def disarm(self) -> None:
        try:
            with self.lock:
                self.done = True
            # A limit that expired just now is raised here, by our handler,
            # before the previous one comes back.
            self.timer.cancel()
        finally:
            signal.signal(signal.SIGINT, self.previous)

    def _expire(self) -> None:
        with self.lock:  # never after disarm: its interruption would reach the previous handler
            if not self.done:
                self.expired = True
                _thread.interrupt_main(signal.SIGINT)

    def _interrupted(self, signum, frame) -> None:
        if self.expired:
            raise ExampleTimeout(self.message)
        if callable(self.previous):  # a real Ctrl-C
            self.previous(signum, frame)
        elif self.previous != signal.SIG_IGN:
            raise KeyboardInterrupt


@contextmanager
def time_limit(path: str | Path):
    """Run the block under the time limit; must be called from the main thread."""
    current = _Limit(path)
    current.arm()
    try:
        yield
    finally:
        current.disarm()


_running: _Limit | None = None


def gallery_hook(gallery_conf, fname, when) -> None:
    """sphinx-gallery ``reset_modules`` entry: arm before each example, disarm after.

    sphinx-gallery calls "after" once the example's page, notebook and zip
    are written, so those count against the limit too.
    """
    global _running
    if fname is None:
        return
    if _running is not None:  # "after", or a "before" that follows an aborted example
        faulthandler.cancel_dump_traceback_later()
        running, _running = _running, None
        running.disarm()
    if when == "before":
        _running = _Limit(fname)
        _running.arm()
        faulthandler.dump_traceback_later(limit() + HARD_STOP_AFTER, exit=True, file=sys.__stderr__)

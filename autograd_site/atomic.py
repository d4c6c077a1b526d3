"""Write a file so that it always holds either its old content or its new one.

A plain ``path.write_bytes`` truncates first: a Ctrl-C or a crash in the
middle leaves half a file, which for a catalog may be a translator's
uncommitted work.  Here the new content goes to a temporary file in the same
folder (so the rename stays on one file system), then replaces the old one
with ``os.replace``, which is atomic on POSIX and Windows.  Standard library
only: ``autograd_site.examples`` uses it.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(temporary, "xb") as file:  # "x": never reuse someone else's file
            file.write(data)
            file.flush()
            os.fsync(file.fileno())  # on disk before it takes the old file's place
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise

"""One copy of each picture for every language of the site.

Sphinx gives each language its own ``_images`` folder, and most pictures
(computation graphs, thumbnails, plots without text) are the same bytes in
every language: three copies of each.  When a language is published, its
pictures move to the site's ``_images/<digest>/<name>``, named by their
content, and its pages point there.  Identical pictures of two languages land
on the same file; a translated plot has other bytes, so its own folder.

A PNG is stored with a palette of 256 colours when that makes it smaller
(matplotlib's plots and thumbnails: about 60 % smaller, and they look the
same); its folder keeps the digest of the original, so the conversion runs
once per picture.

Content names keep a language that is not rebuilt right: its pages still
point at the pictures they were built with, which publishing carries over
until no page refers to them.
"""

from __future__ import annotations

import hashlib
import io
import os
import posixpath
import re
import shutil
from pathlib import Path

from autograd_site import atomic

SHARED = "_images"
# The attributes of Sphinx's and sphinx-gallery's pages that hold a picture's address.
ADDRESS = re.compile(r'\b(src|href|srcset)="([^"]*)"')
REFERENCE = re.compile(rf"{SHARED}/([0-9a-f]{{16}})/")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def lighten_png(path: Path) -> int:
    """Store the PNG at ``path`` with a palette if that is smaller; return the bytes saved."""
    from PIL import Image

    with Image.open(path) as image:
        image.load()
    if image.mode == "RGBA" and image.getextrema()[3][0] == 255:
        image = image.convert("RGB")  # opaque: median cut, the better palette, needs RGB
    method = Image.Quantize.MEDIANCUT if image.mode == "RGB" else Image.Quantize.FASTOCTREE
    buffer = io.BytesIO()
    image.quantize(256, method=method, dither=Image.Dither.NONE).save(buffer, "PNG", optimize=True)
    before = path.stat().st_size
    if buffer.tell() >= before:
        return 0
    atomic.write_bytes(path, buffer.getvalue())
    return before - buffer.tell()


def share_images(site: Path, language: str) -> int:
    """Move ``<language>/_images`` into the site's shared folder and repoint the pages; return bytes saved."""
    own = site / language / SHARED
    if not own.is_dir():
        return 0
    moved, saved = {}, 0
    for picture in sorted(own.iterdir()):
        if not picture.is_file():
            continue
        target = site / SHARED / digest(picture) / picture.name
        if target.exists():
            saved += picture.stat().st_size
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(picture, target)
            if target.suffix == ".png":
                saved += lighten_png(target)
        moved[picture.name] = target.relative_to(site).as_posix()
    for page in (site / language).rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        repointed = ADDRESS.sub(lambda match: _repoint(match, page, site, language, moved), html)
        if repointed != html:  # a new file: the page may be a link to the current site's
            atomic.write_bytes(page, repointed.encode("utf-8"))
    shutil.rmtree(own)
    return saved


def _repoint(match: re.Match, page: Path, site: Path, language: str, moved: dict[str, str]) -> str:
    attribute, value = match.groups()
    addresses = [part.strip().split(" ", 1) for part in value.split(",")] if attribute == "srcset" else [[value]]
    folder = page.parent.relative_to(site).as_posix()
    for address in addresses:
        url = address[0]
        if "://" in url or url.startswith(("/", "#", "data:")):
            continue
        resolved = posixpath.normpath(posixpath.join(folder, url))
        name = resolved.removeprefix(f"{language}/{SHARED}/")
        if name != resolved and name in moved:
            address[0] = posixpath.relpath(moved[name], folder)
    new = ", ".join(" ".join(address) for address in addresses)
    return f'{attribute}="{new}"'


def carry_over(current: Path, site: Path, link_or_copy) -> None:
    """Bring the current site's shared pictures into the new one (links: a published site never changes)."""
    if (current / SHARED).is_dir() and not (site / SHARED).exists():
        shutil.copytree(current / SHARED, site / SHARED, symlinks=True, copy_function=link_or_copy)


def remove_unused(site: Path) -> None:
    """Remove the shared pictures that no page of the site refers to any more."""
    folder = site / SHARED
    if not folder.is_dir():
        return
    used = set()
    for page in site.rglob("*.html"):
        used.update(REFERENCE.findall(page.read_text(encoding="utf-8")))
    for entry in folder.iterdir():
        if entry.name not in used:
            shutil.rmtree(entry)

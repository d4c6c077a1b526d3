"""One copy of each picture and theme file for every language of the site.

Sphinx gives each language its own ``_images`` and ``_static`` folders, and
most of their files (computation graphs, thumbnails, the theme's styles,
scripts and fonts) are the same bytes in every language: three copies of
each.  When a language is published, those files move to the site's
``_images/<digest>/<name>`` and ``_static/<digest>/<name>``, named by their
content, and the language's pages point there.  Identical files of two
languages land on the same file; a translated plot or a language's own script
has other bytes, so its own folder.  A stylesheet's ``url()`` is repointed
and ``@import`` too, before its digest is taken.

A file that something else names by its old address (the link-preview
picture, a full URL in the page's metadata) also stays where it was.

A picture in PNG is stored with a palette of 256 colours when that makes it smaller
(matplotlib's plots and thumbnails: about 60 % smaller, and they look the
same); its folder keeps the digest of the original, so the conversion runs
once per picture.

Content names keep a language that is not rebuilt right: its pages still
point at the files they were built with, which publishing carries over until
no page refers to them.
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

FOLDERS = ("_images", "_static")
# The attributes of Sphinx's and the theme's pages that hold a file's address.
ADDRESS = re.compile(r'\b(src|href|srcset)="([^"]*)"')
# url(...) and @import "..." in a stylesheet: the quote, then the address.
CSS_URL = re.compile(r"""(?:url\((['"]?)|@import\s+(['"]))([^'")]+)(?:\1\)|\2)""")
REFERENCE = re.compile(r"(_images|_static)/([0-9a-f]{16})/")
TEXT = {".html", ".js", ".css", ".json", ".xml", ".txt"}


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


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


def share(site: Path, language: str) -> int:
    """Move ``<language>/_images`` and ``_static`` into the site's shared folders; return bytes saved."""
    root = site / language
    files = [path for folder in FOLDERS if (root / folder).is_dir()
             for path in sorted((root / folder).rglob("*")) if path.is_file()]
    moved, saved = {}, 0
    for path in _in_dependency_order(root, files):
        relative = path.relative_to(root).as_posix()
        data = path.read_bytes()
        if path.suffix == ".css":
            data = _repoint_css(data.decode("utf-8"), relative, moved).encode("utf-8")
        target = site / relative.split("/", 1)[0] / digest(data) / path.name
        moved[relative] = target.relative_to(site).as_posix()
        if target.exists():
            saved += len(data)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_bytes(target, data)
        if target.suffix == ".png" and relative.startswith("_images/"):  # the theme's are its own business
            saved += lighten_png(target)
    if not moved:
        return 0
    texts = []
    for page in root.rglob("*"):
        if page.suffix not in TEXT or page.relative_to(root).as_posix() in moved or not page.is_file():
            continue
        text = page.read_text(encoding="utf-8")
        if page.suffix == ".html":
            repointed = ADDRESS.sub(lambda match: _repoint(match, page, site, language, moved), text)
            if repointed != text:  # a new file: the page may be a link to the current site's
                atomic.write_bytes(page, repointed.encode("utf-8"))
            text = repointed
        texts.append(text)
    named = "\n".join(texts)
    for relative in moved:
        if relative not in named:
            (root / relative).unlink()
    for folder in FOLDERS:
        for directory in sorted((root / folder).rglob("*"), reverse=True) if (root / folder).is_dir() else ():
            if directory.is_dir() and not any(directory.iterdir()):
                directory.rmdir()
        if (root / folder).is_dir() and not any((root / folder).iterdir()):
            (root / folder).rmdir()
    return saved


def _in_dependency_order(root: Path, files: list[Path]) -> list[Path]:
    """Every file before the stylesheets that name it: a stylesheet's digest includes their new addresses."""
    order = [path for path in files if path.suffix != ".css"]
    waiting = {path: {posixpath.normpath(posixpath.join(posixpath.dirname(path.relative_to(root).as_posix()),
                                                        _split(match[3])[0]))
                      for match in CSS_URL.finditer(path.read_text(encoding="utf-8")) if not _foreign(match[3])}
               for path in files if path.suffix == ".css"}
    while waiting:
        done = {path.relative_to(root).as_posix() for path in order}
        ready = [path for path, names in waiting.items() if not {n for n in names if n.endswith(".css")} - done]
        for path in ready or list(waiting):  # a cycle of imports: as they come
            order.append(path)
            del waiting[path]
    return order


def _repoint_css(css: str, relative: str, moved: dict[str, str]) -> str:
    """A stylesheet's ``url()`` of a moved file, from its own shared folder (``<folder>/<digest>/``)."""
    here = posixpath.dirname(relative)

    def repoint(match: re.Match) -> str:
        url = match[3]
        path, rest = _split(url)
        target = None if _foreign(url) else moved.get(posixpath.normpath(posixpath.join(here, path)))
        if target is None:
            return match[0]
        start, end = match.span(3)
        return match[0][: start - match.start()] + f"../../{target}{rest}" + match[0][end - match.start():]

    return CSS_URL.sub(repoint, css)


def _split(url: str) -> tuple[str, str]:
    """``("path", "?query#fragment")``."""
    cut = min((url.find(mark) for mark in "?#" if mark in url), default=len(url))
    return url[:cut], url[cut:]


def _foreign(url: str) -> bool:
    return "://" in url or url.startswith(("#", "data:", "mailto:"))


def _repoint(match: re.Match, page: Path, site: Path, language: str, moved: dict[str, str]) -> str:
    attribute, value = match.groups()
    addresses = [part.strip().split(" ", 1) for part in value.split(",")] if attribute == "srcset" else [[value]]
    folder = page.parent.relative_to(site).as_posix()
    for address in addresses:
        path, rest = _split(address[0])
        if _foreign(address[0]) or not path:
            continue
        if path.startswith("/"):  # the 404 pages' addresses: /<site path>/<language>/...
            prefix, _, inside = path.partition(f"/{language}/")
            if inside in moved:
                address[0] = f"{prefix}/{moved[inside]}{rest}"
            continue
        inside = posixpath.normpath(posixpath.join(folder, path)).removeprefix(f"{language}/")
        if inside in moved:
            address[0] = posixpath.relpath(moved[inside], folder) + rest
    new = ", ".join(" ".join(address) for address in addresses)
    return f'{attribute}="{new}"'


def carry_over(current: Path, site: Path, link_or_copy) -> None:
    """Bring the current site's shared files into the new one (links: a published site never changes)."""
    for folder in FOLDERS:
        if (current / folder).is_dir() and not (site / folder).exists():
            shutil.copytree(current / folder, site / folder, symlinks=True, copy_function=link_or_copy)


def remove_unused(site: Path) -> None:
    """Remove the shared files that no page or stylesheet of the site refers to any more."""
    used = set()
    for path in site.rglob("*"):
        if path.suffix in {".html", ".css"} and path.is_file():
            used.update(REFERENCE.findall(path.read_text(encoding="utf-8")))
    for folder in FOLDERS:
        for entry in (site / folder).iterdir() if (site / folder).is_dir() else ():
            if (folder, entry.name) not in used:
                shutil.rmtree(entry)

"""What the gallery pages show: verified output, GPU records and device badges.

sphinx-gallery executes the examples and writes one reST file per example,
marking every block with ``.. GENERATED FROM PYTHON SOURCE LINES a-b``.  Those
markers tie each block of the page to a cell of ``autograd_site.examples.cells``, which
lets this module

* check, on every build, that each output the page shows equals the record
  for the device it ran on (:func:`verify_outputs`);
* show the GPU record under each ``# %% [cuda]`` cell, the graph picture
  under each cell that declares one, and the device badge under the title
  (:func:`decorate_page`);
* re-run the examples when torch, the device, the locked dependencies or
  the code that draws graphs and reads records change, which
  sphinx-gallery's source-hash cache cannot see
  (:func:`invalidate_stale_executions`).

Which files are examples is decided by ``autograd_site.examples.list_examples``
alone, here as in the doctest.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from textwrap import dedent, indent

from filelock import FileLock
from sphinx.errors import ExtensionError
from sphinx.util import logging

from autograd_site import flow, graph
from autograd_site.examples import ExampleLayoutError, list_examples, records
from autograd_site.examples.cells import Cell, Example, ExampleError, parse_example
from autograd_site.examples.records import compare, read_record, record_path
from autograd_site.sphinxext import compat, figure_capture, solutions
from autograd_site.sphinxext import graph_figures as graph_pictures
from autograd_site.sphinxext.compat import GENERATED, OUTPUT
from autograd_site.sphinxext.figure_text import figure_texts, gettext_block

logger = logging.getLogger(__name__)

# A docstring line followed by a reST adornment line (any punctuation
# repeated): the page title, however it is underlined, as sphinx-gallery takes it.
TITLE = re.compile(r"^\S.*\n([!-/:-@\[-`{-~])\1*[ \t]*\n", re.M)
FINGERPRINT_FILE = ".execution-fingerprint"
LOCK_FILE = "constraints.txt"
# The code that runs while sphinx-gallery executes the examples, or shapes what
# is stored of a run: changing it must re-run them, like a torch change does.
EXECUTION_MODULES = (flow, graph, graph_pictures, figure_capture, records)

BADGES = {
    "cpu": "Runs on CPU",
    "some-gpu": "Runs on CPU; some cells need a GPU",
    "gpu": "Needs a GPU",
}


def build_device() -> str:
    """The device the examples run on in this build, as each example decides it: the GPU when torch sees one."""
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


class Gallery:
    """Where the examples, their generated pages and their records live."""

    def __init__(self, app):
        conf = app.config.sphinx_gallery_conf
        srcdir = Path(app.srcdir)
        self.examples = (srcdir / conf["examples_dirs"]).resolve()
        self.generated = srcdir / conf["gallery_dirs"]
        self.records = self.examples / "records"
        self.docname_prefix = conf["gallery_dirs"].rstrip("/") + "/"
        self.lock = Path(app.confdir) / LOCK_FILE

    def example_paths(self) -> list[Path]:
        try:
            return list_examples(self.examples)
        except ExampleLayoutError as error:
            raise ExtensionError(str(error)) from None

    def example(self, path: Path) -> Example:
        try:
            return parse_example(path)
        except ExampleError as error:
            raise ExtensionError(str(error)) from None

    def page(self, path: Path) -> Path:
        return (self.generated / path.relative_to(self.examples)).with_suffix(".rst")

    def example_for(self, docname: str) -> Example | None:
        if not docname.startswith(self.docname_prefix):
            return None
        path = self.examples / (docname.removeprefix(self.docname_prefix) + ".py")
        return self.example(path) if path in self.example_paths() else None


def _blocks(rst: str) -> list[tuple[int, int, int]]:
    """``(first source line, start, end)`` of every generated block in ``rst``."""
    marks = list(GENERATED.finditer(rst))
    ends = [m.start() for m in marks[1:]] + [len(rst)]
    return [(int(m[1]), m.end(), end) for m, end in zip(marks, ends)]


def captured_outputs(rst: str, example: Example, images: Path) -> dict[int | str, str]:
    """What sphinx-gallery captured for each code cell of ``example``, and what its backward pictures show."""
    cell_at = {cell.lineno: cell.index for cell in example.cells}
    outputs: dict[int | str, str] = {}
    for line, start, end in _blocks(rst):
        if line in cell_at:
            found = OUTPUT.search(rst, start, end)
            outputs[cell_at[line]] = dedent(found["body"]) if found else ""
    for cell in example.cells:
        text = graph_pictures.backward_text_path(images / graph_pictures.picture_name(example, cell))
        if cell.graph and cell.graph.backward and text.exists():
            outputs[records.backward_key(cell.index)] = text.read_text(encoding="utf-8")
    return outputs


def unchecked_pages(gallery: Gallery, paths: list[Path]) -> list[str]:
    """Pages sphinx-gallery wrote for no example in ``paths``, or examples it wrote no page for."""
    checked = {path.relative_to(gallery.examples) for path in paths}
    ran = sorted(gallery.generated.rglob("*.py.md5")) if gallery.generated.exists() else []
    return [
        f"{md5}: sphinx-gallery ran {gallery.examples / source}, which is not a verified example "
        f"(renamed or deleted? then delete {md5.with_name(source.stem)}.*)"
        for md5, source in ((md5, md5.relative_to(gallery.generated).with_suffix("")) for md5 in ran)
        if source not in checked
    ] + [f"{path}: sphinx-gallery wrote no page for it ({gallery.page(path)})"
         for path in paths if not gallery.page(path).exists()]


def verify_outputs(app) -> None:
    """Fail the build if a page would show output that is not the recorded one."""
    # What sphinx-gallery made of -D plot_gallery=0 (app.config.plot_gallery
    # still holds the string "0", which is true).
    if not app.config.sphinx_gallery_conf.get("plot_gallery"):
        return  # nothing was executed (e.g. message extraction)
    gallery, device = Gallery(app), build_device()
    paths = gallery.example_paths()
    unchecked = unchecked_pages(gallery, paths)
    if unchecked:
        raise ExtensionError("Pages would show output that no record verifies:\n\n" + "\n".join(unchecked))
    problems = []
    for path in paths:
        example = gallery.example(path)
        page = gallery.page(path)
        outputs = captured_outputs(page.read_text(encoding="utf-8"), example, page.parent / "images")
        record = read_record(record_path(gallery.records, example, device))
        problems += compare(example, record, outputs, device)
    if problems:
        raise ExtensionError(
            "The examples printed something other than their records "
            "(update them with `nox -s doctest -- --accept` if the change is intended):\n\n"
            + "\n\n".join(problems)
        )


def _gpu_output_rst(example: Example, index: int, gallery: Gallery) -> str:
    record = read_record(record_path(gallery.records, example, "cuda"))
    if record is None:
        return (
            "\n.. admonition:: Output not yet recorded on a GPU\n"
            "   :class: gpu-output gpu-output-missing\n\n"
            "   This cell needs a GPU. Its output appears here once a GPU runner has\n"
            "   recorded it.\n\n"
        )
    body = f"# recorded with {record.recorded_with}\n\n{record.output(index)}"
    return (
        "\n.. admonition:: Output recorded on a GPU\n"
        "   :class: gpu-output\n\n"
        "   .. code-block:: none\n\n" + indent(body, " " * 6) + "\n\n"
    )


def _additions(app, gallery: Gallery, example: Example, cell: Cell, docname: str) -> str:
    """What the page shows under ``cell`` besides its own output."""
    # A GPU build shows the cell's own output, verified against the CUDA record.
    rst = _gpu_output_rst(example, cell.index, gallery) if cell.needs_gpu and build_device() != "cuda" else ""
    if cell.graph:
        picture = gallery.generated / docname.removeprefix(gallery.docname_prefix)
        picture = picture.parent / "images" / graph_pictures.picture_name(example, cell)
        if not picture.exists():
            if app.config.sphinx_gallery_conf.get("plot_gallery"):
                raise ExtensionError(f"{example.path}:{cell.lineno}: the graph of {cell.graph.of!r} was not drawn")
            picture = None  # messages are being extracted: the caption is enough
        rst += graph_pictures.figure_rst(example, cell, docname, picture)
    return rst


def decorate_page(app, docname: str, source: list[str]) -> None:
    """Add the device badge, GPU records and graph pictures to an example's page."""
    gallery = Gallery(app)
    example = gallery.example_for(docname)
    if example is None:
        return
    rst = source[0]
    cells = {cell.lineno: cell for cell in example.cells}
    blocks = _blocks(rst)
    starts = {line: start for line, start, _ in blocks}
    for line, start, end in reversed(blocks):
        if line in cells:
            cell = cells[line]
            block = rst[start:end] + _additions(app, gallery, example, cell, docname)
            if cell.solution:  # folded with the explanation that opens it
                begin = starts.get(cell.text_lineno, start)
                block, start = solutions.folded(rst[begin:start] + block), begin
            rst = rst[:start] + block + rst[end:]
    # The badge goes after the introduction, which stays the page's first
    # paragraph: link previews and search results show it as the summary.
    intro_end = _intro_end(rst, example)
    badge = f"\n\n.. rst-class:: device-badge device-badge-{example.badge}\n\n{BADGES[example.badge]}\n"
    source[0] = rst[:intro_end] + badge + rst[intro_end:] + gettext_block(figure_texts(example.path))
    # A missing file counts as changed for Sphinx, so a CUDA record is a
    # dependency only once it exists; records_appeared catches its arrival.
    for device in ("cpu", "cuda"):
        record = record_path(gallery.records, example, device)
        if record.exists():
            app.env.note_dependency(str(record))


def _intro_end(rst: str, example: Example) -> int:
    """Where the first paragraph after the page title ends (or the title, without one)."""
    first_block = GENERATED.search(rst)
    docstring_end = first_block.start() if first_block else len(rst)
    title = TITLE.search(rst, 0, docstring_end)
    if title is None:
        raise ExtensionError(f"{example.path}:1: the docstring must open with a title, "
                             "a line underlined with = (or -, ~, ...), as the page title")
    intro = INTRO_END.search(rst, title.end(), docstring_end)
    return intro.end() if intro else title.end()


def execution_fingerprint(gallery: Gallery) -> str:
    import torch

    lock = hashlib.sha256(gallery.lock.read_bytes()).hexdigest() if gallery.lock.exists() else "none"
    code = hashlib.sha256(b"".join(Path(module.__file__).read_bytes() for module in EXECUTION_MODULES))
    return f"torch {torch.__version__}\ndevice {build_device()}\nlock {lock}\ncode {code.hexdigest()}\n"


def forget_removed_examples(gallery: Gallery) -> list[Path]:
    """Delete what sphinx-gallery generated for examples that no longer exist (renamed or deleted).

    sphinx-gallery leaves those pages behind, with outputs nothing verifies;
    they are build products, so removing them loses nothing.
    """
    removed = []
    for md5 in sorted(gallery.generated.rglob("*.py.md5")) if gallery.generated.exists() else []:
        source = gallery.examples / md5.relative_to(gallery.generated).with_suffix("")
        if source.exists():
            continue
        stem, folder = source.stem, md5.parent
        generated = [*folder.glob(f"{stem}.*"), *folder.glob(f"images/sphx_glr_{stem}_*"),  # .pickle, .ja.png too
                     *folder.glob(f"images/thumb/sphx_glr_{stem}_thumb.*")]
        for path in generated:
            path.unlink()
        removed.append(source)
        logger.info(f"autograd_site: {source} is gone; removed the {len(generated)} files generated from it")
    return removed


def invalidate_stale_executions(app) -> None:
    """Forget sphinx-gallery's cached runs if torch, device, lock or drawing code changed."""
    gallery = Gallery(app)
    forget_removed_examples(gallery)
    stamp = gallery.generated / FINGERPRINT_FILE
    current = execution_fingerprint(gallery)
    if stamp.exists() and stamp.read_text() == current:
        return
    stale = list(gallery.generated.rglob("*.py.md5")) if gallery.generated.exists() else []
    for md5 in stale:
        md5.unlink()
    if stale:
        logger.info("autograd_site: torch, device, dependencies or drawing code changed; "
                    "re-running all examples")
    gallery.generated.mkdir(parents=True, exist_ok=True)
    stamp.write_text(current)


INTRO_END = re.compile(r"\n\s*\S.*?(?=\n[ \t]*\n)", re.S)  # the first paragraph after the title


def translate_thumbnails(app, doctree, docname: str) -> None:
    """Give gallery thumbnails the page's own (translated) title and intro.

    sphinx-gallery writes each thumbnail's title and tooltip as raw HTML, in
    English, which no catalog can reach.  The ``:doc:`` link before the title
    already resolves to the translated title; reuse it, and the translated
    first paragraph of the target page as the tooltip.
    """
    from html import escape

    from docutils import nodes

    if not docname.startswith(Gallery(app).docname_prefix):
        return
    opening, title = None, None
    for node in doctree.findall(lambda n: isinstance(n, (nodes.raw, nodes.reference))):
        if isinstance(node, nodes.reference) and opening is not None:
            title, target = node.astext(), node.get("refuri", "")
            intro = _intro(app, docname, target)
            opening.children[0] = nodes.Text(compat.with_tooltip(opening.astext(), escape(intro or title)))
            opening = None
        elif isinstance(node, nodes.raw) and compat.THUMBNAIL_OPENING in node.astext():
            opening = node
        elif isinstance(node, nodes.raw) and title and compat.THUMBNAIL_TITLE_CLASS in node.astext():
            node.children[0] = nodes.Text(compat.with_title(node.astext(), escape(title)))
            title = None


def _intro(app, docname: str, refuri: str) -> str:
    """The first paragraph (after the badge) of the page ``refuri`` points to."""
    from docutils import nodes
    from posixpath import dirname, join, normpath

    target = normpath(join(dirname(docname), refuri.split("#")[0])).removesuffix(".html")
    if target not in app.env.all_docs:
        return ""
    section = next(app.env.get_doctree(target).findall(nodes.section), None)
    for child in section.children if section else ():
        if isinstance(child, nodes.paragraph) and "device-badge" not in child["classes"]:
            return child.astext()
    return ""


def lock_generated_gallery(app) -> None:
    """Hold ``docs/auto_examples`` while sphinx-gallery rewrites it (until env-before-read-docs).

    The translations build in parallel and each one's sphinx-gallery step
    rewrites the shared gallery index; one at a time, the rest runs together.
    """
    gallery = Gallery(app)
    gallery.generated.mkdir(parents=True, exist_ok=True)
    app._autograd_gallery_lock = FileLock(gallery.generated / ".lock")
    app._autograd_gallery_lock.acquire()  # waits for the other builds' sphinx-gallery step


def release_generated_gallery(app) -> None:
    lock = getattr(app, "_autograd_gallery_lock", None)
    if lock is not None:
        lock.release()


def records_appeared(app, env, added, changed, removed) -> list[str]:
    """Example pages whose CUDA record appeared since they were read (``env-get-outdated``)."""
    gallery = Gallery(app)
    outdated = []
    for path in gallery.example_paths():
        docname = gallery.page(path).relative_to(app.srcdir).with_suffix("").as_posix()
        record = record_path(gallery.records, gallery.example(path), "cuda")
        read = compat.read_time_ns(env, docname)
        if read is not None and record.exists() and record.stat().st_mtime_ns > read:
            outdated.append(docname)
    return outdated

"""The words inside matplotlib figures, in the page's language.

The examples draw their figures with plain matplotlib code, in English.  The
words a figure shows (titles, axis labels, legend entries, annotations) are
string literals in that code, so they are read from the source
(:func:`figure_texts`) and put in the page's catalog with the page's other
messages, in a block only the gettext builder sees (:func:`gettext_block`).

The English build keeps sphinx-gallery's pictures.  The Japanese and French
builds redraw each figure from the state the English run kept
(:mod:`autograd_site.sphinxext.figure_capture`), with every text replaced by
its translation, into ``images/sphx_glr_<example>_NNN.<language>.png``, and
show that picture instead (:func:`translate_figures`).  Nothing of the
example runs again.  A word the catalog cannot translate (drawn from an
f-string, say) fails the build, and so does a glyph missing from the fonts:
Japanese is drawn with IPAexGothic, which the ``matplotlib-fontja`` package
ships, so every machine draws the same bytes.
"""

from __future__ import annotations

import ast
import io
import json
import pickle
import re
import warnings
from collections.abc import Callable
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx import addnodes
from sphinx.errors import ExtensionError

from autograd_site.sphinxext.compat import GalleryImage
from autograd_site.sphinxext.figure_capture import figure_state
from autograd_site.sphinxext.locale import page_gettext

# Calls whose argument at this position is a text the figure shows; in any call, these keywords.
TEXT_ARGUMENTS = {
    "set_title": 0, "suptitle": 0, "supxlabel": 0, "supylabel": 0, "set_xlabel": 0, "set_ylabel": 0,
    "title": 0, "xlabel": 0, "ylabel": 0, "annotate": 0, "text": 2, "figtext": 2,
    "set_xticks": 1, "set_yticks": 1, "set_xticklabels": 0, "set_yticklabels": 0,
    "xticks": 1, "yticks": 1, "legend": None,  # legend: every positional argument (labels)
}
TEXT_KEYWORDS = {"label", "labels", "title", "xlabel", "ylabel", "text"}
ITERATING_CALLS = {"enumerate", "zip", "reversed", "sorted", "list", "tuple", "items", "keys"}
MATH = re.compile(r"\$[^$]*\$")
WORD = re.compile(r"[^\W\d_]{2,}")  # two letters in a row: something to translate


# One token of code: a name with a digit, an underscore, a dot or a call in it
# (``float16``, ``torch.rand``, ``tanh(x)``), which no language translates.
CODE = re.compile(r"[^\W\d]\w*(?:\.\w+)*(?:\([^()]*\))?")


def has_words(text: str) -> bool:
    """Whether ``text`` reads as words (not a number, a single letter, a formula or a name from code)."""
    text = text.strip()
    if CODE.fullmatch(text) and any(mark in text for mark in "0123456789_.("):
        return False
    return bool(WORD.search(MATH.sub("", text)))


class _Source:
    """The string literals an example's figures can show, found through names and loops."""

    def __init__(self, tree: ast.Module):
        self.bindings: dict[str, list[ast.expr]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    self._bind(target, node.value)
            elif isinstance(node, ast.For):
                self._bind(node.target, node.iter)

    def _bind(self, target: ast.expr, value: ast.expr) -> None:
        # A name unpacked from a loop or a tuple is bound to the whole value:
        # every string in it is a text the name may hold.
        for name in ast.walk(target):
            if isinstance(name, ast.Name):
                self.bindings.setdefault(name.id, []).append(value)

    def strings(self, node: ast.expr, seen: frozenset[str] = frozenset()) -> list[str]:
        if isinstance(node, ast.Constant):
            return [node.value] if isinstance(node.value, str) else []
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return [s for element in node.elts for s in self.strings(element, seen)]
        if isinstance(node, ast.Dict):  # a dict is iterated by its keys
            return [s for key in node.keys if key is not None for s in self.strings(key, seen)]
        if isinstance(node, ast.Name) and node.id not in seen:
            return [s for value in self.bindings.get(node.id, []) for s in self.strings(value, seen | {node.id})]
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ITERATING_CALLS:
                receiver = [node.func.value] if isinstance(node.func, ast.Attribute) else []
                return [s for arg in receiver + node.args for s in self.strings(arg, seen)]
        return []


def figure_texts(path: Path) -> list[str]:
    """The texts with words that an example's figures show, in source order, each once."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    source = _Source(tree)
    calls = sorted((node for node in ast.walk(tree) if isinstance(node, ast.Call)
                    and isinstance(node.func, (ast.Attribute, ast.Name))),
                   key=lambda node: (node.lineno, node.col_offset))
    texts = []
    for call in calls:
        name = call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
        position = TEXT_ARGUMENTS.get(name, len(call.args))  # other calls: their keywords (plot(label=...))
        shown = call.args if position is None else call.args[position:position + 1]
        shown += [keyword.value for keyword in call.keywords if keyword.arg in TEXT_KEYWORDS]
        texts += [text for node in shown for text in source.strings(node)]
    return [text for text in dict.fromkeys(texts) if has_words(text)]


class figure_texts_node(nodes.General, nodes.Element, addnodes.translatable):
    """The texts of a page's figures, as messages of the page's catalog, verbatim (not reST)."""

    def preserve_original_messages(self) -> None:
        pass  # the texts are never replaced on the node: translate_figures reads the catalog

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        pass

    def extract_original_messages(self) -> list[str]:
        return self["texts"]


class FigureTexts(Directive):
    """``.. figure-texts::`` with one JSON string a line: the messages of a page's figures."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        node = figure_texts_node(texts=[json.loads(line) for line in self.content if line.strip()])
        node.source, node.line = self.state_machine.get_source_and_line(self.lineno)
        return [node]


def gettext_block(texts: list[str]) -> str:
    """reST that puts the texts in the page's catalog and shows them on no page."""
    if not texts:
        return ""
    lines = "".join(f"      {json.dumps(text, ensure_ascii=False)}\n" for text in texts)
    return f"\n\n.. only:: gettext\n\n   .. figure-texts::\n\n{lines}\n"


# -- Redrawing a figure in another language -------------------------------------------------------

# Appended to every text's fonts: letters come from the figure's font, as in
# English; Japanese, which it lacks, from IPAexGothic (matplotlib-fontja).
# (matplotlib falls back along a text's font list, not within "sans-serif".)
FALLBACK_FONT = "IPAexGothic"


def register_japanese_font() -> None:
    """Make IPAexGothic known to matplotlib (the ``matplotlib-fontja`` package ships it)."""
    import matplotlib

    with matplotlib.rc_context():  # importing it also makes it the default font: not here
        try:
            import matplotlib_fontja  # noqa: F401 - registers the font on import
        except ImportError:
            raise ExtensionError(
                "Japanese figures need the font package matplotlib-fontja "
                "(install the docs dependencies: pip install -c constraints.txt -e '.[docs]')"
            ) from None


class MissingGlyph(ExtensionError):
    pass


def _TranslatedFormatter(formatter, translate: Callable[[str], str]):
    """A tick formatter that says what ``formatter`` says, translated (``set_xticks(.., labels)``)."""
    from matplotlib.ticker import Formatter

    class TranslatedFormatter(Formatter):
        translated = True

        def __call__(self, x, pos=None):
            return translate(formatter(x, pos))

        def format_ticks(self, values):
            return [translate(label) for label in formatter.format_ticks(values)]

        def set_axis(self, axis):
            super().set_axis(axis)
            formatter.set_axis(axis)

        def get_offset(self):
            return formatter.get_offset()

        def set_locs(self, locs):
            formatter.set_locs(locs)

    return TranslatedFormatter()


def redraw(state: bytes, translate: Callable[[str], str]) -> tuple[bytes, list[str]]:
    """A pickled figure drawn again with ``translate`` applied to its texts, as PNG bytes.

    Returns the picture and the texts with words that ``translate`` left as
    they were.  Tick labels that matplotlib computes (numbers) have none.
    """
    import matplotlib
    import matplotlib.pyplot as plt
    from matplotlib.text import Text

    register_japanese_font()
    kept = []

    def translated(text: str) -> str:
        if not text.strip():
            return text  # gettext("") is the catalog's header
        new = translate(text)
        if new == text and has_words(text):
            kept.append(text)
        return new

    with matplotlib.rc_context({"font.family": [*matplotlib.rcParams["font.family"], FALLBACK_FONT]}):
        figure = pickle.loads(state)
        try:
            for axes in figure.axes:  # tick labels are made as the figure is drawn
                for axis in (axes.xaxis, axes.yaxis):
                    for get, set_ in ((axis.get_major_formatter, axis.set_major_formatter),
                                      (axis.get_minor_formatter, axis.set_minor_formatter)):
                        if not getattr(get(), "translated", False):  # shared axes share it: once
                            set_(_TranslatedFormatter(get(), translated))
            for text in figure.findobj(Text):  # titles, axis labels, legend entries, annotations, ticks
                text.set_text(translated(text.get_text()))
                text.set_fontfamily([*text.get_fontproperties().get_family(), FALLBACK_FONT])
            picture = io.BytesIO()
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                figure.savefig(picture, format="png", metadata={"Software": None})
        finally:
            plt.close(figure)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    if missing:
        raise MissingGlyph("; ".join(dict.fromkeys(missing)))
    return picture.getvalue(), sorted(set(kept))


def translated_picture(picture: Path, language: str) -> Path:
    return picture.with_suffix(f".{language}.png")


def translate_figures(app, doctree, docname: str) -> None:
    """Show each matplotlib figure of an example page redrawn with the page's translations."""
    if app.config.language == "en" or app.builder.name == "gettext":
        return
    pictures = [node for node in doctree.findall(GalleryImage) if node["uri"].endswith(".png")]
    states = [figure_state(Path(app.srcdir, node["uri"].lstrip("/"))) for node in pictures]
    if not any(state.exists() for state in states):
        return  # no figure drawn by matplotlib here (or nothing executed)
    gettext = page_gettext(app, docname) or (lambda text: text)
    offered = set(_offered_texts(app, docname))
    for node, state in zip(pictures, states):
        if not state.exists():
            raise ExtensionError(f"{docname}: {node['uri']} has no saved figure state ({state.name}) to draw "
                                 f"it in {app.config.language}; delete docs/auto_examples to run the examples again")
        try:
            png, kept = redraw(state.read_bytes(), gettext)
        except MissingGlyph as error:
            raise ExtensionError(f"{docname}: {node['uri']} cannot be drawn in {app.config.language}: {error}") from None
        # A text the catalog has, translated as itself (a code name), is fine; one it cannot have is English left in.
        untranslatable = [text for text in kept if text not in offered]
        if untranslatable:
            raise ExtensionError(
                f"{docname}: the figure {node['uri']} shows {untranslatable}, which no catalog entry can "
                "translate: write each text as a string literal where the figure code sets it "
                "(set_title(\"...\"), label=\"...\", or a list or dict of literals the code loops over)"
            )
        target = translated_picture(state.with_suffix(".png"), app.config.language)
        target.write_bytes(png)  # also when unchanged: its time says it is up to date
        uri = translated_picture(Path(node["uri"]), app.config.language).as_posix()
        node["srcset"] = node["srcset"].replace(node["uri"], uri) if node.get("srcset") else uri
        node["uri"] = uri


def stale_translated_figures(app, env, added, changed, removed) -> list[str]:
    """Example pages whose redrawn figures are older than their state, catalog or this code (``env-get-outdated``).

    Sphinx rewrites a page when its source or catalog changes, not when the
    figure it shows was drawn again or the code that redraws it changed.
    """
    if app.config.language == "en" or app.builder.name == "gettext":
        return []
    from autograd_site.i18n.catalogs import catalog_path
    from autograd_site.sphinxext.compat import compiled_catalog
    from autograd_site.sphinxext.gallery import Gallery
    from autograd_site.sphinxext.locale import locale_dir

    gallery, outdated = Gallery(app), []
    for path in gallery.example_paths():
        docname = gallery.page(path).relative_to(app.srcdir).with_suffix("").as_posix()
        states = sorted((gallery.page(path).parent / "images").glob(f"sphx_glr_{path.stem}_[0-9][0-9][0-9]{figure_state('x').suffix}"))
        catalog = compiled_catalog(catalog_path(locale_dir(app), app.config.language, docname))
        sources = [Path(__file__), *([catalog] if catalog.exists() else [])]
        for state in states:
            target = translated_picture(state.with_suffix(".png"), app.config.language)
            newest = max(source.stat().st_mtime_ns for source in [state, *sources])
            if not target.exists() or target.stat().st_mtime_ns < newest:
                outdated.append(docname)
                break
    return outdated


def _offered_texts(app, docname: str) -> list[str]:
    from autograd_site.sphinxext.gallery import Gallery

    example = Gallery(app).example_for(docname)
    return figure_texts(example.path) if example else []


def setup(app) -> None:
    app.add_directive("figure-texts", FigureTexts)
    app.connect("env-get-outdated", stale_translated_figures)

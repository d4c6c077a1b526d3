"""The words inside matplotlib figures: read from the source, redrawn from the catalog."""

import io
import pickle
import textwrap
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from autograd_site.sphinxext.figure_text import (  # noqa: E402
    FALLBACK_FONT,
    MissingGlyph,
    figure_texts,
    gettext_block,
    has_words,
    redraw,
    register_japanese_font,
)

EXAMPLE = '''
"""A figure
===========
"""

import matplotlib.pyplot as plt

results = {"by norm": [1.0, 2.0], "by value": [2.0, 1.0]}
ticks = ["weight.grad", "in total"]
fig, ax = plt.subplots()
for position, (name, norms) in enumerate(results.items()):
    ax.bar([position, position + 2], norms, label=name)
ax.plot([0, 1], [2, 3], "--", label="a line")
ax.set_xticks(range(2), ticks)
ax.set_xlabel("x")
ax.set_ylabel("norm after clipping")
ax.text(0.5, 1.5, "the middle", ha="center")
ax.annotate("a peak", xy=(1, 3))
ax.legend(title="methods")
ax.twinx().set_ylabel("a second axis")
fig.suptitle("Two ways to clip")
ax.set_title(f"{len(ticks)} tensors")
plt.show()
'''

CATALOG = {
    "by norm": "par la norme", "by value": "par la valeur", "a line": "une droite",
    "weight.grad": "weight.grad", "in total": "au total", "norm after clipping": "norme après écrêtage",
    "the middle": "le milieu", "a peak": "un pic", "methods": "méthodes", "a second axis": "un second axe",
    "Two ways to clip": "Deux façons d'écrêter",
}


@pytest.fixture
def example(tmp_path):
    path = tmp_path / "plot_01_figure.py"
    path.write_text(EXAMPLE, encoding="utf-8")
    return path


def drawn_figure(example) -> bytes:
    """The fixture example's figure, pickled as the capture scraper keeps it."""
    namespace = {"__name__": "__main__"}
    show, plt.show = plt.show, lambda: None
    try:
        exec(compile(example.read_text(), str(example), "exec"), namespace)
    finally:
        plt.show = show
    state = pickle.dumps(plt.gcf())
    plt.close("all")
    return state


def test_the_texts_of_a_figure_are_read_from_the_source_with_names_and_loops(example):
    assert figure_texts(example) == [
        "by norm", "by value",  # label=name, the keys of the dict the loop runs over
        "a line", "in total", "norm after clipping", "the middle", "a peak",
        "methods", "a second axis", "Two ways to clip",
    ]  # not "x" (no word) nor the f-string title (no literal)


def test_the_texts_reach_the_catalog_verbatim_in_a_block_no_page_shows():
    block = gettext_block(["clip_grad_norm_", 'say "hi"'])
    assert block.startswith("\n\n.. only:: gettext\n\n   .. figure-texts::\n\n")
    assert '      "clip_grad_norm_"\n' in block and '      "say \\"hi\\""\n' in block
    assert gettext_block([]) == ""


@pytest.mark.parametrize(("text", "words"), [("x", False), ("1000", False), ("$x^2$", False),
                                             ("$\\mathdefault{10^{-2}}$", False), ("f(x)", False),
                                             ("sin(x)", False), ("float16", False), ("torch.rand", False),
                                             ("value", True), ("勾配", True), ("norm of y", True)])
def test_words_are_told_from_numbers_letters_and_formulas(text, words):
    assert has_words(text) is words


def translate(text: str) -> str:
    """Like gettext: the header for the empty message, the text itself when the catalog lacks it."""
    return CATALOG.get(text, text) if text else "Project-Id-Version: header"


def test_a_redrawn_figure_shows_the_catalog_texts_and_is_the_same_bytes_twice(example):
    state = drawn_figure(example)
    png, kept = redraw(state, translate)
    assert png == redraw(state, translate)[0]
    assert png.startswith(b"\x89PNG") and b"Software" not in png
    assert kept == ["2 tensors"]  # the f-string title; the code name weight.grad is not a text to translate

    figure = pickle.loads(state)  # what redraw draws, inspected: redo its replacement on a copy
    english = {text.get_text() for text in figure.findobj(Text)}
    assert {"a line", "Two ways to clip", "a second axis", "methods"} <= english
    plt.close(figure)
    shown = redrawn_texts(state)
    assert {"une droite", "par la norme", "par la valeur", "norme après écrêtage", "le milieu", "un pic",
            "méthodes", "un second axe", "Deux façons d'écrêter", "au total"} <= shown
    assert not any("Project-Id-Version" in text for text in shown)
    assert not {"a line", "by norm", "Two ways to clip", "a second axis", "methods"} & shown


def redrawn_texts(state: bytes) -> set[str]:
    """The texts of the figure redraw draws, read back from the figure it saved."""
    seen = set()
    original = matplotlib.figure.Figure.savefig

    def savefig(figure, *args, **kwargs):
        result = original(figure, *args, **kwargs)
        seen.update(text.get_text() for text in figure.findobj(Text) if text.get_visible())
        for axes in figure.axes:
            seen.update(label.get_text() for label in axes.get_xticklabels())
        return result

    matplotlib.figure.Figure.savefig = savefig
    try:
        redraw(state, translate)
    finally:
        matplotlib.figure.Figure.savefig = original
    return seen


def test_a_figure_redrawn_in_japanese_has_every_glyph(example):
    png, _ = redraw(drawn_figure(example), lambda text: {"Two ways to clip": "勾配をクリップする二つの方法",
                                                        "a line": "直線"}.get(text, text))
    assert png.startswith(b"\x89PNG")


def test_japanese_text_renders_without_missing_glyph_warnings():
    register_japanese_font()
    with matplotlib.rc_context({"font.family": ["sans-serif", FALLBACK_FONT]}):
        figure, axes = plt.subplots()
        axes.set_title("勾配は計算グラフを逆向きに流れます")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            figure.savefig(io.BytesIO(), format="png")
        plt.close(figure)
    assert not [w for w in caught if "missing from font" in str(w.message)]


def test_a_glyph_no_font_has_fails_the_redraw_instead_of_drawing_a_box(example):
    with pytest.raises(MissingGlyph, match="missing from font"):
        redraw(drawn_figure(example), lambda text: {"a line": "\u0d85\u0d86"}.get(text, text))  # Sinhala


def test_the_example_figure_code_stays_plain_matplotlib():
    """The downloaded scripts draw with matplotlib alone: nothing of ours is in an example."""
    from autograd_site.examples import list_examples
    from helpers import ROOT

    for path in list_examples(ROOT / "examples"):
        source = path.read_text(encoding="utf-8")
        assert "autograd_site" not in source and "figure-texts" not in source, path
        assert not textwrap.dedent(source).count("import pickle"), path

"""Math is MathML written at build time (autograd_site/sphinxext/mathml.py), not MathJax."""

import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET

import pytest

from autograd_site.sphinxext.mathml import MATHML, UnsupportedMath, to_mathml

M = f"{{{MATHML}}}"


def parse(latex: str, display: str = "inline") -> ET.Element:
    root = ET.fromstring(to_mathml(latex, display))
    assert root.tag == M + "math" and root.get("display") == display
    semantics, = root
    assert semantics.tag == M + "semantics"
    row, annotation = semantics
    assert row.tag == M + "mrow"
    assert annotation.tag == M + "annotation" and annotation.get("encoding") == "application/x-tex"
    assert annotation.text == latex.strip()  # what a tool (or a reader's copy) gets back
    return row


def texts(row: ET.Element, tag: str) -> list[str]:
    return [element.text for element in row.iter(M + tag)]


# Each construct the site's pages and their ja/fr translations use, and what it must become.
@pytest.mark.parametrize(("latex", "tag", "text"), [
    (r"J_{ij} = \partial y_i / \partial x_j", "mo", "\u2202"),
    (r"\frac{\partial c}{\partial a_{ij}}", "mfrac", None),
    (r"\tfrac{1}{2} x^2", "mfrac", None),
    (r"v^\top J", "msup", None),
    (r"v^\top J", "mo", "\u22a4"),
    (r"\dot y_1 = x_2 \dot x_1", "mover", None),
    (r"\bar a = \partial L / \partial a", "mover", None),
    (r"\hat y", "mover", None),
    (r"B_{kl} = \sum_m a_{mk} a_{ml}", "mo", "\u2211"),
    (r"\sqrt{x}", "msqrt", None),
    (r"x \in \mathbb{R}^n", "mi", "\u211d"),
    (r"\lVert g \rVert", "mo", "\u2016"),
    (r"\operatorname{sign}(x)", "mo", "sign"),
    (r"\tanh(x) \approx x", "mi", "tanh"),
    (r"f: x \mapsto y", "mo", "\u21a6"),
    (r"\frac{1}{4} \Big( \sum_l a_{il} \Big)", "mo", "("),
    (r"y_1 = x_1 x_2, \qquad y_2 = \log y_1", "mspace", None),
    (r"J u \quad \text{at } x = 1", "mspace", None),
    (r"\cos(y_1)\, \dot y_1", "mspace", None),
    (r"J \quad \text{at } x = (1, 2, 3)", "mtext", "at\u00a0"),
    (r"J \quad \text{en } x = (1, 2, 3)", "mtext", "en\u00a0"),
    (r"J \quad x = (1, 2, 3) \text{ のとき}", "mtext", "\u00a0のとき"),
    (r"J = \begin{pmatrix} x_2 & x_1 \\ 0 & 2 x_2 \end{pmatrix}", "mtable", None),
])
def test_each_construct_the_site_uses_becomes_mathml(latex, tag, text):
    row = parse(latex)
    if text is None:
        assert any(True for _ in row.iter(M + tag)), to_mathml(latex)
    else:
        assert text in texts(row, tag), to_mathml(latex)


def test_upright_letters_stay_upright():
    row = parse(r"\mathrm{out} = 1")
    assert [(mi.text, mi.get("mathvariant")) for mi in row.iter(M + "mi")] == [("o", "normal"), ("u", "normal"), ("t", "normal")]


def test_a_function_name_is_applied_to_its_argument():
    """``\\log y`` is not "logy": U+2061 and TeX's thin space follow the name, no space before a parenthesis."""
    log = parse(r"\log y_1")
    assert [(mo.text, mo.get("rspace")) for mo in log.iter(M + "mo")] == [("\u2061", "0.1667em")]
    cos = parse(r"\cos(y_1) + \max(x, 0)")
    assert [mo.get("rspace") for mo in cos.iter(M + "mo") if mo.text == "\u2061"] == ["0", "0"]
    assert not [mo for mo in parse(r"\mathrm{out} + \text{at } x").iter(M + "mo") if mo.text == "\u2061"]


def test_a_matrix_keeps_its_rows_and_cells():
    row = parse(r"\begin{pmatrix} 2 & 1 & 0 \\ 0 & 4 & 0 \end{pmatrix}", "block")
    table, = row.iter(M + "mtable")
    assert [[cell.findtext(M + "mn") for cell in tr] for tr in table] == [["2", "1", "0"], ["0", "4", "0"]]


@pytest.mark.parametrize(("latex", "reason"), [
    (r"\foo x", r"does not know \\foo$"),  # latex2mathml would write the text "\foo"
    (r"\begin{aligned} a &= b \\ c &= d \end{aligned}", "malformed MathML"),  # its output is not XML
    (r"x^{", "converter fails"),
])
def test_what_the_converter_cannot_render_is_refused(latex, reason):
    with pytest.raises(UnsupportedMath, match=reason):
        to_mathml(latex)


def build(tmp_path, text: str) -> subprocess.CompletedProcess:
    """A one-page Sphinx project with only this extension, built with -W as the site is."""
    (tmp_path / "conf.py").write_text(
        'extensions = ["myst_parser", "autograd_site.sphinxext.mathml"]\n'
        'html_math_renderer = "mathml"\nmyst_enable_extensions = ["dollarmath"]\n')
    (tmp_path / "index.rst").write_text(textwrap.dedent(text))
    (tmp_path / "notes.md").write_text("# Notes\n\nThe adjoint $\\bar a = \\partial L / \\partial a$.\n")
    return subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q",
                           str(tmp_path), str(tmp_path / "out")], capture_output=True, text=True)


PAGE = """\
    Title
    =====

    .. toctree::

       notes

    The loss :math:`L = x^2`, then

    .. math::

       \\frac{\\partial L}{\\partial x} = 2x

       J = \\begin{pmatrix} 1 & 0 \\\\ 0 & 1 \\end{pmatrix}

    The end.
    """


def test_a_page_gets_mathml_and_no_script(tmp_path):
    result = build(tmp_path, PAGE)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert html.count('<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">') == 1
    assert html.count('display="block">') == 2  # one per equation of the block
    assert "mathjax" not in html.lower() and "\\(" not in html
    notes = (tmp_path / "out" / "notes.html").read_text(encoding="utf-8")
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">' in notes  # MyST's $...$


def test_a_formula_the_converter_cannot_render_fails_the_build_at_its_file_and_line(tmp_path):
    result = build(tmp_path, PAGE.replace("then", "then :math:`\\foo y`").replace("= 2x", "= 2x \\unknown"))
    assert result.returncode != 0
    assert f"{tmp_path / 'index.rst'}:8: WARNING: math cannot be rendered to MathML: the converter does not know \\foo: \\foo y" \
        in result.stderr, result.stderr
    assert f"{tmp_path / 'index.rst'}:10: WARNING: math cannot be rendered" in result.stderr, result.stderr

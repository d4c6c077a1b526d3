"""Math rendered at build time to MathML: no MathJax, no script, nothing to download.

Sphinx's ``:math:`` roles, ``.. math::`` blocks and MyST's ``$...$`` all
become ``nodes.math`` / ``nodes.math_block``; this module is the HTML math
renderer for them (``html_math_renderer = "mathml"`` in conf.py).  Each
formula is converted by latex2mathml into one ``<math display="inline|block">``
element, which current Chromium, Firefox and Safari render and screen readers
read as math.  The LaTeX source rides along in
``<annotation encoding="application/x-tex">`` (not displayed) for tools that
want it.

latex2mathml does not refuse what it does not know: an unknown command comes
out as the text ``\\foo`` and some environments as malformed XML.  So every
result is parsed, and a formula whose MathML is malformed or still holds a
backslash command is reported as a warning at the page's file and line, which
fails the build (``-W``) instead of putting raw LaTeX on a page.
"""

import functools
import hashlib
import importlib.metadata
import xml.etree.ElementTree as ET
from pathlib import Path

from docutils import nodes
from latex2mathml.converter import convert
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number

logger = logging.getLogger(__name__)

MATHML = "http://www.w3.org/1998/Math/MathML"
ET.register_namespace("", MATHML)
# Elements whose text is what the reader sees; a backslash there is LaTeX
# the converter passed through instead of converting.
M = f"{{{MATHML}}}"
TOKENS = {M + name for name in ("mi", "mn", "mo", "mtext", "ms")}


class UnsupportedMath(ValueError):
    """A formula latex2mathml cannot render faithfully."""


@functools.lru_cache(maxsize=None)
def to_mathml(latex: str, display: str = "inline") -> str:
    """``latex`` as one ``<math>`` element, its source in an annotation; raise UnsupportedMath."""
    latex = latex.strip()
    try:
        converted = convert(latex, display=display)
    except Exception as error:  # latex2mathml's own exceptions share no base class
        raise UnsupportedMath(f"the converter fails on it ({type(error).__name__}{': ' if str(error) else ''}{error})") from error
    try:
        root = ET.fromstring(converted)
    except ET.ParseError as error:
        raise UnsupportedMath(f"the converter makes malformed MathML of it ({error})") from error
    for element in root.iter():
        if element.tag in TOKENS and element.text and "\\" in element.text:
            raise UnsupportedMath(f"the converter does not know {element.text.strip()}")
        if element.tag in TOKENS and element.text == "&":
            raise UnsupportedMath("the converter does not know '&' here (use a pmatrix, cases or array)")
    apply_functions(root)
    children = list(root)
    if len(children) == 1 and children[0].tag == f"{{{MATHML}}}mrow":
        row = children[0]
    else:
        row = ET.Element(f"{{{MATHML}}}mrow")
        row.extend(children)
    semantics = ET.Element(f"{{{MATHML}}}semantics")
    semantics.append(row)
    annotation = ET.SubElement(semantics, f"{{{MATHML}}}annotation", encoding="application/x-tex")
    annotation.text = latex
    root[:] = [semantics]
    return ET.tostring(root, encoding="unicode", short_empty_elements=True)


def apply_functions(root: ET.Element) -> None:
    """After a function name (log, sin, tanh, max...), the invisible function application U+2061.

    latex2mathml writes ``\\log y`` as ``<mi>log</mi><mi>y</mi>``: a browser
    sets them touching ("logy") and a screen reader does not say "log of".
    TeX's thin space after the name rides on the ``<mo>``, except before a
    parenthesis, as TeX does.
    """
    for parent in list(root.iter()):
        children = list(parent)
        for index, (name, following) in reversed(list(enumerate(zip(children, children[1:])))):
            if name.tag not in {M + "mi", M + "mo"} or not (name.text or "").isalpha() or len(name.text) < 2:
                continue
            if name.get("mathvariant"):
                continue
            apply = ET.Element(M + "mo", lspace="0", rspace="0" if following.text == "(" else "0.1667em")
            apply.text = "\u2061"
            parent.insert(index + 1, apply)


def render(translator, node: nodes.Element, latex: str, display: str) -> str:
    """The MathML of ``latex``; on failure a warning at the node's file and line, and the escaped source."""
    try:
        return to_mathml(latex, display)
    except UnsupportedMath as error:
        config = translator.builder.config
        where = ""
        if config.language != "en":
            where = f" (translated in locale/{config.language}/LC_MESSAGES/{translator.builder.current_docname}.po)"
        logger.warning("math cannot be rendered to MathML: %s: %s%s", error, latex.strip(), where,
                       location=node, type="autograd", subtype="math")
        return f'<span class="math-error">{translator.encode(latex)}</span>'


def visit_math(translator, node: nodes.math) -> None:
    translator.body.append(render(translator, node, node.astext(), "inline"))
    raise nodes.SkipNode


def visit_math_block(translator, node: nodes.math_block) -> None:
    translator.body.append(translator.starttag(node, "div", CLASS="math"))
    if node.get("number"):
        translator.body.append(f'<span class="eqno">({get_node_equation_number(translator, node)})')
        translator.add_permalink_ref(node, _("Link to this equation"))
        translator.body.append("</span>")
    # As Sphinx's renderers do: equations separated by a blank line are displayed one under the other.
    for part in (part for part in node.astext().split("\n\n") if part.strip()):
        translator.body.append(render(translator, node, part, "block"))
    translator.body.append("</div>\n")
    raise nodes.SkipNode


def version() -> str:
    """This module's code and latex2mathml's version: an ``html`` setting, so a change rewrites every page."""
    source = Path(__file__).read_text(encoding="utf-8") + importlib.metadata.version("latex2mathml")
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def setup(app):
    app.add_html_math_renderer("mathml", (visit_math, None), (visit_math_block, None))
    app.add_config_value("autograd_mathml", version(), "html", types=[str])
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""The site's own math font (autograd_site/build/math_font.py): it draws every formula, and its licence ships with it.

How it draws a matrix, and that a reader with a system math font does not
fetch it, is test_browser's.
"""

import re
from urllib.parse import urlsplit

import pytest
from fontTools.ttLib import TTFont

from autograd_site.build import math_font
from autograd_site.build.math_font import (CSS, FAMILY, FONT, LICENSE, REGENERATE, cmap, css_unicode_range,
                                           drawn_characters, formula_characters, missing, unicode_range,
                                           with_unicode_range)
from helpers import LANGUAGES, SITE, built_pages

MATH = ('<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"><semantics><mrow>{}</mrow>'
        '<annotation encoding="application/x-tex">\\unshown</annotation></semantics></math>')


def test_the_characters_are_those_the_browser_draws():
    """A one-letter <mi> is drawn in mathematical italic; the radical comes from the font; the annotation is not drawn."""
    math = MATH.format('<mi>x</mi><mo>=</mo><msqrt><mi mathvariant="normal">y</mi></msqrt><mo>+</mo><mi>h</mi>'
                       '<mi>log</mi><mi>δ</mi><mtext> のとき</mtext>')
    assert drawn_characters(math) == {"\U0001d465", "=", "y", "\u221a", "+", "\u210e", "l", "o", "g", "\U0001d6ff"}


def test_a_mathvariant_outside_mathml_core_is_refused():
    with pytest.raises(ValueError, match="mathvariant='bold'"):
        drawn_characters(MATH.format('<mi mathvariant="bold">x</mi>'))


def test_a_character_the_font_lacks_is_named_with_its_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>" + MATH.format("<mi>x</mi><mo>⊗</mo><mi>y</mi>") + "</p>", encoding="utf-8")
    message = missing(FONT, formula_characters([page]))
    assert "U+2297 '⊗'" in message and str(page) in message and "𝑥" not in message

    page.write_text("<p>" + MATH.format("<mi>x</mi><mo>+</mo><mi>y</mi>") + "</p>", encoding="utf-8")
    assert missing(FONT, formula_characters([page])) == ""


def test_every_character_of_the_formulas_is_in_the_font():
    pages = [page for language in LANGUAGES for page in built_pages(language)]
    needed = formula_characters(pages)
    assert len(needed) > 50, "the site has no formulas?"
    lacking = missing(FONT, needed)
    assert not lacking, f"{lacking}\nRegenerate the font: {REGENERATE}"


def test_the_stylesheet_fetches_the_font_for_its_characters_only():
    """unicode-range: a page whose formulas need nothing else (Japanese text, say) never makes a browser fetch it."""
    css = CSS.read_text(encoding="utf-8")
    assert css_unicode_range(css) == unicode_range(cmap(FONT)), f"Regenerate the font: {REGENERATE}"
    face = math_font.FONT_FACE.search(css)[0]
    assert "src: url(fonts/autograd-math.woff)" in face and "font-display: swap" in face
    families = [name.strip().strip('"') for name in re.search(r"\bmath \{\s*font-family:([^;]*);", css)[1].split(",")]
    assert families[-2:] == [FAMILY, "math"], "the site's font comes after the system's and before the browser's"
    assert "STIX Two Math" in families[:-2] and "DejaVu Math TeX Gyre" in families[:-2]


def test_the_range_is_written_in_runs():
    assert unicode_range("abcz\u2212\U0001d465") == "U+61-63, U+7A, U+2212, U+1D465"
    css = f'@font-face {{\n  font-family: "{FAMILY}";\n  unicode-range: U+20;\n}}\nmath {{ unicode-range: x; }}'
    assert with_unicode_range(css, "U+61-63") == css.replace("U+20", "U+61-63")


def test_the_font_is_renamed_keeps_its_math_table_and_its_licence():
    """The OFL: a modified version under another name, its copyright and licence with it."""
    font = TTFont(FONT)
    assert font.flavor == "woff" and "MATH" in font and "GSUB" in font
    names = font["name"]
    assert names.getDebugName(1) == FAMILY and "STIX" not in names.getDebugName(6)
    assert names.getDebugName(0).startswith("Copyright 2001-2021 The STIX Fonts Project Authors")
    assert "SIL Open Font License" in names.getDebugName(13)
    licence = LICENSE.read_text(encoding="utf-8")
    assert LICENSE.parent == FONT.parent
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "The STIX Fonts Project Authors" in licence
    assert math_font.PACKAGE in licence
    assert FONT.stat().st_size < 30_000


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_built_site_publishes_the_licence_with_the_font(language):
    """The page's stylesheet names both (the licence in a comment), wherever publishing puts them."""
    page = SITE / language / "index.html"
    [link] = re.findall(r'href="([^"?]*autograd-site\.css)', page.read_text(encoding="utf-8"))
    css = (page.parent / link).resolve()
    urls = {urlsplit(url).path for url in re.findall(r"url\(['\"]?([^'\")]+)", css.read_text(encoding="utf-8"))}
    font = [url for url in urls if url.endswith(FONT.name)]
    licence = [url for url in urls if url.endswith(LICENSE.name)]
    assert font and licence, f"{css} names {sorted(urls)}"
    assert (css.parent / font[0]).read_bytes() == FONT.read_bytes()
    assert (css.parent / licence[0]).read_text(encoding="utf-8") == LICENSE.read_text(encoding="utf-8")

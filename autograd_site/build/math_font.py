"""The site's own math font, for readers whose system has none: a subset of STIX Two Math.

    python -m autograd_site.build.math_font      # after building every language (python -m autograd_site.build)

A browser needs a font with an OpenType MATH table to stretch the brackets
around a matrix or size a big operator.  macOS and Windows have one; Android
and many Linux desktops do not.  autograd-site.css lists the system math
fonts first and this font after them, so a reader whose system has one
downloads nothing: a browser fetches a web font only for a character that no
font before it in the list draws, and only one within its ``unicode-range``.

The font is STIX Two Math (SIL Open Font License 1.1) from the npm package
``@fontsource/stix-two-math``, which ``npm pack`` fetches and this module
checks against its recorded integrity.  It keeps the characters of every
formula of the built site, in every language (read from the pages'
``<math>`` elements, as the browser will draw them), the radical sign, and
what stretching needs (the MATH table keeps its size variants and assembly
parts).  Its family is renamed "Autograd Math", so that it never stands in
for a reader's full STIX Two Math.  It writes:

- ``_static/fonts/autograd-math.woff`` (WOFF, zlib: no extra package);
- ``_static/fonts/autograd-math.LICENSE.txt``, where it came from and the licence;
- the ``unicode-range`` of its ``@font-face`` in ``_static/autograd-site.css``.

Characters of East Asian scripts in a formula's text (``\\text{ のとき}``) are
left to the reader's text fonts: no math font has them.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from autograd_site.languages import ALL as LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
FONT = ROOT / "_static" / "fonts" / "autograd-math.woff"
LICENSE = FONT.with_name("autograd-math.LICENSE.txt")
CSS = ROOT / "_static" / "autograd-site.css"
FAMILY = "Autograd Math"
REGENERATE = "python -m autograd_site.build.math_font (after building every language)"

PACKAGE = "@fontsource/stix-two-math@5.3.0"
INTEGRITY = "sha512-negoeozw6VSXjZMozwKRSm/dhCQT62csZcuea9I8KYqPaZq/8KbbBBrA02ZHF7AyuR5mVML/p+q0bwFuSIf2GQ=="
PACKAGE_FONT = "package/files/stix-two-math-latin-400-normal.woff"
PACKAGE_LICENSE = "package/LICENSE"
ORIGIN = "STIX Two Math 2.12 (https://github.com/stipub/stixfonts)"

MATHML = "{http://www.w3.org/1998/Math/MathML}"
TOKENS = {MATHML + name for name in ("mi", "mn", "mo", "mtext", "ms")}
UNSHOWN = {MATHML + "annotation", MATHML + "annotation-xml"}
# Drawn by the browser from the font without being in the page's text.
RADICAL = "\u221a"
MATH_ELEMENT = re.compile(r"<math\b.*?</math>", re.S)


def italic(char: str) -> str:
    """What a browser draws for a one-character ``<mi>``: MathML Core's ``text-transform: math-auto``."""
    code = ord(char)
    if "a" <= char <= "z":
        return "\u210e" if char == "h" else chr(0x1D44E + code - ord("a"))
    if "A" <= char <= "Z":
        return chr(0x1D434 + code - ord("A"))
    if 0x391 <= code <= 0x3A9 and code != 0x3A2:
        return chr(0x1D6E2 + code - 0x391)
    if 0x3B1 <= code <= 0x3C9:
        return chr(0x1D6FC + code - 0x3B1)
    others = {"\u0131": 0x1D6A4, "\u0237": 0x1D6A5, "\u03f4": 0x1D6F3, "\u2207": 0x1D6FB, "\u2202": 0x1D715,
              "\u03f5": 0x1D716, "\u03d1": 0x1D717, "\u03f0": 0x1D718, "\u03d5": 0x1D719, "\u03f1": 0x1D71A,
              "\u03d6": 0x1D71B}
    return chr(others[char]) if char in others else char


def drawn_by_text_fonts(char: str) -> bool:
    """East Asian scripts and their punctuation, full-width forms: the reader's text fonts draw them."""
    code = ord(char)
    return 0x2E80 <= code <= 0xD7FF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF


def drawn_characters(math: str) -> set[str]:
    """The characters a browser draws with the math font for one ``<math>`` element (its annotation aside)."""
    root = ET.fromstring(math)
    found = set()

    def walk(element: ET.Element) -> None:
        if element.tag in UNSHOWN:
            return
        if element.tag in {MATHML + "msqrt", MATHML + "mroot"}:
            found.add(RADICAL)
        if element.tag in TOKENS and element.text:
            text = element.text.strip()
            variant = element.get("mathvariant")
            if element.tag == MATHML + "mi" and len(text) == 1 and variant is None:
                text = italic(text)
            elif variant not in {None, "normal"}:
                raise ValueError(f"mathvariant={variant!r} is not handled here (only MathML Core's): {math}")
            found.update(text)
        for child in element:
            walk(child)

    walk(root)
    return {char for char in found if not drawn_by_text_fonts(char)}


def formula_characters(pages: Iterable[Path]) -> dict[str, str]:
    """Each character the formulas of ``pages`` need from the math font, with the first page that needs it."""
    needed: dict[str, str] = {}
    for page in pages:
        for math in MATH_ELEMENT.findall(page.read_text(encoding="utf-8")):
            for char in drawn_characters(math):
                needed.setdefault(char, str(page))
    return needed


def site_pages(site: Path) -> list[Path]:
    pages = []
    for language in LANGUAGES:
        found = sorted((site / language).rglob("*.html"))
        if not found:
            raise SystemExit(f"{site / language} has no pages: build every language first (python -m autograd_site.build)")
        pages += found
    return pages


def cmap(font) -> set[str]:
    """The characters a font (a path or a fontTools TTFont) has a glyph for."""
    from fontTools.ttLib import TTFont

    if not isinstance(font, TTFont):
        font = TTFont(font, lazy=True)
    return {chr(code) for code in font.getBestCmap()}


def missing(font, needed: dict[str, str]) -> str:
    """A message naming each needed character the font lacks and a page that needs it; "" if none."""
    lacking = sorted(set(needed) - cmap(font))
    if not lacking:
        return ""
    lines = [f"  U+{ord(char):04X} {char!r} (first in {needed[char]})" for char in lacking]
    return f"{len(lacking)} character(s) of the formulas are not in {FAMILY}:\n" + "\n".join(lines)


def unicode_range(chars: Iterable[str]) -> str:
    """A CSS ``unicode-range`` value covering exactly ``chars``, in runs."""
    codes = sorted({ord(char) for char in chars})
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return ", ".join(f"U+{start:X}" if start == end else f"U+{start:X}-{end:X}" for start, end in runs)


FONT_FACE = re.compile(r"@font-face\s*\{[^}]*?font-family:\s*\"" + re.escape(FAMILY) + r"\"[^}]*\}")
UNICODE_RANGE = re.compile(r"(unicode-range:\s*)[^;]*(;)")


def css_unicode_range(css: str) -> str:
    """The ``unicode-range`` of the font's ``@font-face`` in the stylesheet."""
    face = FONT_FACE.search(css)
    if not face:
        raise ValueError(f'no @font-face for "{FAMILY}" in the stylesheet')
    value = UNICODE_RANGE.search(face[0])
    if not value:
        raise ValueError(f'the @font-face of "{FAMILY}" has no unicode-range')
    return re.sub(r"\s+", " ", value[0].split(":", 1)[1].rstrip(";")).strip()


def with_unicode_range(css: str, value: str) -> str:
    face = FONT_FACE.search(css)
    if not face:
        raise ValueError(f'no @font-face for "{FAMILY}" in the stylesheet')
    return css[:face.start()] + UNICODE_RANGE.sub(lambda m: m[1] + value + m[2], face[0]) + css[face.end():]


def fetch_package(folder: Path) -> tuple[bytes, str]:
    """The original font and its licence, from the npm package, checked against its integrity."""
    result = subprocess.run(["npm", "pack", PACKAGE, "--json", "--pack-destination", str(folder)],
                            check=True, capture_output=True, text=True)
    tarball = folder / json.loads(result.stdout)[0]["filename"]
    data = tarball.read_bytes()
    integrity = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if integrity != INTEGRITY:
        raise SystemExit(f"{PACKAGE} is not the package this module was written for ({integrity})")
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        return (archive.extractfile(PACKAGE_FONT).read(),
                archive.extractfile(PACKAGE_LICENSE).read().decode("utf-8"))


def subset(original: bytes, chars: Iterable[str]) -> bytes:
    """The WOFF of ``original`` cut to ``chars``, its MATH table (variants, assemblies) and features kept."""
    from fontTools import subset as fontsubset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(original), recalcTimestamp=False)
    options = fontsubset.Options()
    options.layout_features = ["*"]  # ssty (script-size variants), dtls, flac...
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.notdef_outline = True
    options.flavor = "woff"
    subsetter = fontsubset.Subsetter(options)
    subsetter.populate(unicodes=[ord(char) for char in chars])
    subsetter.subset(font)
    rename(font)
    output = io.BytesIO()
    font.save(output, reorderTables=True)
    return output.getvalue()


def rename(font) -> None:
    """The subset's own names (a modified version takes another name), its origin and licence."""
    name = font["name"]
    version = name.getDebugName(5) or ""
    name.names = [record for record in name.names if record.nameID in {0}]
    names = {
        1: FAMILY,
        2: "Regular",
        3: f"{FAMILY.replace(' ', '')}-Regular;{version}",
        4: f"{FAMILY} Regular",
        5: f"{version}; a subset of STIX Two Math",
        6: f"{FAMILY.replace(' ', '')}-Regular",
        10: f"A subset of {ORIGIN} with the characters of the formulas of PyTorch Autograd by Example, "
            "made by autograd_site/build/math_font.py.",
        13: "This Font Software is licensed under the SIL Open Font License, Version 1.1 "
            "(autograd-math.LICENSE.txt beside this file).",
        14: "https://openfontlicense.org",
    }
    for name_id, text in names.items():
        name.setName(text, name_id, 3, 1, 0x409)


def licence_text(package_licence: str) -> str:
    return (
        f"{FONT.name}: the font of this site's formulas for readers whose system has no math font.\n\n"
        f"It is a subset of {ORIGIN}, taken from the npm package\n"
        f"{PACKAGE} and cut down to the characters of the site's formulas by\n"
        "autograd_site/build/math_font.py, with its family renamed to \"Autograd Math\". Like the\n"
        "original, it is licensed under the SIL Open Font License, Version 1.1, below.\n\n"
        + package_licence.strip() + "\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html", help="the built site (every language)")
    arguments = parser.parse_args(argv)
    needed = formula_characters(site_pages(arguments.site))
    needed_set = set(needed) | {" "}
    with tempfile.TemporaryDirectory() as folder:
        original, package_licence = fetch_package(Path(folder))
    lacking = missing(io.BytesIO(original), needed)
    if lacking:
        raise SystemExit(lacking.replace(FAMILY, "STIX Two Math") + "\nChoose another font, or write these formulas otherwise.")
    data = subset(original, needed_set)
    FONT.parent.mkdir(parents=True, exist_ok=True)
    FONT.write_bytes(data)
    LICENSE.write_text(licence_text(package_licence), encoding="utf-8")
    value = unicode_range(cmap(FONT))
    CSS.write_text(with_unicode_range(CSS.read_text(encoding="utf-8"), value), encoding="utf-8")
    print(f"{FONT.relative_to(ROOT)}: {len(data):,} bytes, {len(needed_set)} characters; "
          f"unicode-range in {CSS.relative_to(ROOT)}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

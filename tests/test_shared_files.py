"""One copy of each picture and theme file for every language (build/shared_files.py), on small fake sites."""

import io
import os
import random
import re

from PIL import Image

from autograd_site.build import publish as publishing
from autograd_site.build.publish import publish
from autograd_site.build.shared_files import lighten_png
from autograd_site.languages import ALL as LANGUAGES

PAGE = '<link rel="canonical" href="https://example.org/{language}/{path}" /><img src="{up}_images/{name}" srcset="{up}_images/{name} 2x, {up}_images/{name} 1x"><a href="{up}index.html">home</a>'


def stage(root, pictures, languages=LANGUAGES):
    """Each language: an index page, an example page one folder down, and ``pictures`` {name: bytes or {language: bytes}}."""
    for language in languages:
        folder = root / "_build" / "staging" / language
        (folder / "_images").mkdir(parents=True, exist_ok=True)
        (folder / "chapter").mkdir(exist_ok=True)
        for name, content in pictures.items():
            (folder / "_images" / name).write_bytes(content[language] if isinstance(content, dict) else content)
        name = next(iter(pictures))
        (folder / "index.html").write_text(PAGE.format(language=language, path="index.html", up="", name=name))
        (folder / "chapter" / "page.html").write_text(
            PAGE.format(language=language, path="chapter/page.html", up="../", name=name))


def pictures_shown(site, language, page):
    """The files that a page's <img src> and srcset point to, resolved."""
    html = (site / language / page).read_text()
    src = html.split('src="', 1)[1].split('"', 1)[0]
    srcset = [part.split()[0] for part in html.split('srcset="', 1)[1].split('"', 1)[0].split(",")]
    return [((site / language / page).parent / address).resolve() for address in [src, *srcset]]


def test_identical_pictures_of_every_language_are_one_file(tmp_path):
    stage(tmp_path, {"graph.svg": b"<svg>graph</svg>"})
    site = publish(tmp_path, LANGUAGES).resolve()
    assert not any((site / language / "_images").exists() for language in LANGUAGES)
    shown = {path for language in LANGUAGES for page in ("index.html", "chapter/page.html")
             for path in pictures_shown(site, language, page)}
    assert len(shown) == 1 and next(iter(shown)).read_bytes() == b"<svg>graph</svg>"
    assert [path.name for path in (site / "_images").rglob("*") if path.is_file()] == ["graph.svg"]
    assert 'href="../index.html"' in (site / "ja" / "chapter" / "page.html").read_text()  # other links untouched


def test_a_translated_picture_keeps_its_own_bytes(tmp_path):
    stage(tmp_path, {"plot.svg": {language: f"<svg>{language}</svg>".encode() for language in LANGUAGES}})
    site = publish(tmp_path, LANGUAGES).resolve()
    for language in LANGUAGES:
        assert {path.read_bytes() for path in pictures_shown(site, language, "chapter/page.html")} == {
            f"<svg>{language}</svg>".encode()}


def test_a_language_not_rebuilt_keeps_its_pictures_and_unused_ones_go(tmp_path):
    stage(tmp_path, {"plot.svg": b"<svg>v1</svg>"})
    publish(tmp_path, LANGUAGES)
    stage(tmp_path, {"plot.svg": b"<svg>v2</svg>"}, ("en",))
    site = publish(tmp_path, ("en",)).resolve()
    assert {p.read_bytes() for p in pictures_shown(site, "en", "index.html")} == {b"<svg>v2</svg>"}
    assert {p.read_bytes() for p in pictures_shown(site, "ja", "index.html")} == {b"<svg>v1</svg>"}
    stage(tmp_path, {"plot.svg": b"<svg>v2</svg>"}, ("ja", "fr"))
    site = publish(tmp_path, ("ja", "fr")).resolve()
    assert [p.read_bytes() for p in (site / "_images").rglob("*.svg")] == [b"<svg>v2</svg>"]  # v1: no page shows it


def test_publishing_leaves_the_previous_site_as_it_was(tmp_path, monkeypatch):
    """The new site shares the kept languages' files with the previous one (links): none is changed in place.

    The previous site is one published before pictures were shared, so the
    kept languages' pages are rewritten in the new one.
    """
    stage(tmp_path, {"plot.svg": b"<svg>v1</svg>"})
    with monkeypatch.context() as before_sharing:
        before_sharing.setattr(publishing, "share", lambda site, language: 0)
        first = publish(tmp_path, LANGUAGES).resolve()
    assert (first / "ja" / "_images" / "plot.svg").exists()
    held = {}
    for number, path in enumerate(p for p in first.rglob("*") if p.is_file()):
        os.link(path, tmp_path / f"held-{number}")  # the same file, whatever publishing does to the folder
        held[tmp_path / f"held-{number}"] = path.read_bytes()
    stage(tmp_path, {"plot.svg": b"<svg>v2</svg>"}, ("en",))
    site = publish(tmp_path, ("en",)).resolve()
    assert {path: path.read_bytes() for path in held} == held
    assert {p.read_bytes() for p in pictures_shown(site, "ja", "chapter/page.html")} == {b"<svg>v1</svg>"}


def png(image):
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_a_plot_is_stored_with_a_palette_and_looks_the_same(tmp_path):
    rng = random.Random(0)
    plot = Image.new("RGBA", (200, 120), "white")
    for _ in range(400):  # many shades of few colours, as antialiased lines give
        x, y, shade = rng.randrange(200), rng.randrange(120), rng.randrange(256)
        plot.putpixel((x, y), (shade, 100, 255 - shade, 255))
    path = tmp_path / "plot.png"
    path.write_bytes(png(plot))
    assert lighten_png(path) > 0
    with Image.open(path) as lighter:
        assert lighter.mode == "P" and lighter.size == plot.size
        assert lighter.convert("RGB").getpixel((0, 0)) == (255, 255, 255)


def test_a_png_that_a_palette_would_not_shrink_is_left_as_it_is(tmp_path):
    path = tmp_path / "dot.png"
    original = png(Image.new("P", (1, 1)))
    path.write_bytes(original)
    assert lighten_png(path) == 0 and path.read_bytes() == original


def stage_theme(root):
    """Each language: the theme's stylesheet and font (the same bytes), its own options script, a 404 page."""
    for language in LANGUAGES:
        folder = root / "_build" / "staging" / language
        (folder / "_static" / "styles").mkdir(parents=True, exist_ok=True)
        (folder / "_static" / "fonts").mkdir(exist_ok=True)
        (folder / "_static" / "styles" / "theme.css").write_text(
            '@import "../basic.css";\n@font-face { src: url(../fonts/icons.woff2); }')
        (folder / "_static" / "basic.css").write_text("p { margin: 0; }")
        (folder / "_static" / "fonts" / "icons.woff2").write_bytes(b"font")
        (folder / "_static" / "options.js").write_text(f"const LANGUAGE = '{language}';")
        (folder / "_static" / "card.png").write_bytes(b"card")
        head = ('<link rel="canonical" href="https://example.org/{l}/{p}" />'
                '<meta property="og:image" content="https://example.org/{l}/_static/card.png" />')
        (folder / "index.html").write_text(
            head.format(l=language, p="index.html")
            + '<link href="_static/styles/theme.css?digest=1" rel="stylesheet"><script src="_static/options.js?v=2"></script>')
        (folder / "404.html").write_text(
            head.format(l=language, p="404.html") + f'<a href="/site/{language}/index.html">home</a>'
            f'<link href="/site/{language}/_static/styles/theme.css?digest=1" rel="stylesheet">')


def test_theme_files_are_shared_and_stylesheets_still_find_their_fonts(tmp_path):
    stage_theme(tmp_path)
    site = publish(tmp_path, LANGUAGES).resolve()
    stylesheets = set()
    for language in LANGUAGES:
        index = (site / language / "index.html").read_text()
        css = re.search(r'href="([^"?]+)\?digest=1"', index)[1]
        stylesheets.add((site / language / css).resolve())
        script = re.search(r'src="([^"?]+)\?v=2"', index)[1]
        assert (site / language / script).read_text() == f"const LANGUAGE = '{language}';"
        assert re.search(r'href="/site/_static/[0-9a-f]{16}/theme.css\?digest=1"', (site / language / "404.html").read_text())
        assert 'href="/site/' + language + '/index.html"' in (site / language / "404.html").read_text()
    [stylesheet] = stylesheets
    font = re.search(r"url\(([^)]+)\)", stylesheet.read_text())[1]
    assert (stylesheet.parent / font).resolve().read_bytes() == b"font"
    imported = re.search(r'@import "([^"]+)"', stylesheet.read_text())[1]
    assert (stylesheet.parent / imported).resolve().read_text() == "p { margin: 0; }"
    assert len(list((site / "_static").rglob("*.js"))) == len(LANGUAGES)


def test_a_file_named_by_its_full_address_stays_where_it_was(tmp_path):
    stage_theme(tmp_path)
    site = publish(tmp_path, LANGUAGES).resolve()
    assert [p.relative_to(site / "ja").as_posix() for p in (site / "ja").rglob("*") if p.is_file() and "_static" in p.parts] == [
        "_static/card.png"]

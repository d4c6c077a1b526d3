"""The page-weight and site-size figures that nox -s bench prints (build/weight.py), on a tiny site."""

import gzip

import pytest

from autograd_site.build.weight import densest_math_page, search_index_bytes, site_size, transfers

PAGE = """<!DOCTYPE html><html lang="en"><head><title>t</title><link rel="stylesheet" href="../style.css">
<style>@font-face {{ font-family: Shown; src: url(../font.woff2); }} body {{ font-family: Shown; }}</style>
</head><body><p>{text}</p><img src="../plot.png" alt="a plot">{math}</body></html>"""


@pytest.fixture
def tiny_site(tmp_path):
    site = tmp_path / "site"
    for language in ("en", "ja"):
        folder = site / language / "auto_examples"
        folder.mkdir(parents=True)
        (folder / "plot_01_few.html").write_text(PAGE.format(text="x " * 500, math="<math></math>"))
        (folder / "plot_02_many.html").write_text(PAGE.format(text="y " * 500, math="<math></math>" * 3))
    (site / "en" / "style.css").write_text("p { color: black; }\n" * 200)
    (site / "en" / "font.woff2").write_bytes(bytes(range(256)) * 8)  # not a font: the browser still fetches it
    (site / "en" / "plot.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(3000))
    return site


def test_the_densest_page_and_the_size_are_counted_from_the_files(tiny_site):
    assert densest_math_page(tiny_site) == "auto_examples/plot_02_many.html"
    assert site_size(tiny_site) == sum(p.stat().st_size for p in tiny_site.rglob("*") if p.is_file())


@pytest.mark.browser
def test_text_counts_compressed_fonts_as_they_are_and_images_apart(tiny_site):
    [transfer] = transfers(tiny_site, ["en/auto_examples/plot_02_many.html"])
    page = (tiny_site / "en" / "auto_examples" / "plot_02_many.html").read_bytes()
    css = (tiny_site / "en" / "style.css").read_bytes()
    assert transfer.text == len(gzip.compress(page, 6)) + len(gzip.compress(css, 6))
    assert transfer.fonts == 2048 and transfer.images == 3008
    assert transfer.before_images == transfer.text + 2048
    assert transfer.uncompressed == len(page) + len(css) + 2048
    assert search_index_bytes(transfer) == 0

"""How the pages teach, read from the example sources: what to remember, links between pages, glossary terms.

These checks need no build: they read each example's text cells as
sphinx-gallery splits them.  The build (``-W``) then fails on any link or
term that does not resolve.
"""

import re
from pathlib import Path

import pytest
from sphinx_gallery.py_source_parser import split_code_and_text_blocks

from autograd_site.examples import list_examples
from autograd_site.examples.cells import parse_example
from autograd_site.i18n.glossary import read_glossary

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PITFALLS = "05_pitfalls"
DOC_LINK = re.compile(r":doc:`(?:[^`<]*<)?(?P<target>[^`>]+)>?`")
TERM = re.compile(r":term:`(?:[^`<]*<)?(?P<target>[^`>]+)>?`")
BULLET = re.compile(r"^- ", re.M)


def page_name(path: Path) -> str:
    """The page's Sphinx name: ``auto_examples/<chapter>/<stem>``."""
    return f"auto_examples/{path.parent.name}/{path.stem}"


def text_of(path: Path) -> list[str]:
    """The docstring and every text cell, as sphinx-gallery reads them."""
    _, blocks = split_code_and_text_blocks(str(path))
    return [block.content for block in blocks if block.type == "text"]


def target(match: re.Match) -> str:
    """A role's target as Sphinx reads it: a line break inside it is a space."""
    return " ".join(match["target"].split())


def links_of(path: Path) -> set[str]:
    """The pages a page links to, as absolute page names."""
    targets = {target(match) for text in text_of(path) for match in DOC_LINK.finditer(text)}
    return {t.lstrip("/") if t.startswith("/") else f"auto_examples/{path.parent.name}/{t}" for t in targets}


EXAMPLE_PATHS = list_examples(EXAMPLES)
PAGES = {page_name(path): path for path in EXAMPLE_PATHS}


@pytest.mark.parametrize("path", EXAMPLE_PATHS, ids=lambda path: path.name)
def test_every_example_ends_with_its_key_points(path):
    _, blocks = split_code_and_text_blocks(str(path))
    last = blocks[-1]
    assert last.type == "text" and last.content.startswith("Key points\n----------\n"), (
        f"{path}:{last.lineno}: an example ends with a text cell headed 'Key points'")
    bullets = len(BULLET.findall(last.content))
    assert 2 <= bullets <= 4, f"{path}:{last.lineno}: 'Key points' lists {bullets} points; give two to four"


def test_every_link_between_examples_names_an_example():
    broken = [f"{PAGES[page]}: :doc: link to {target}, which is no example"
              for page in PAGES for target in links_of(PAGES[page])
              if target.startswith("auto_examples/") and target not in PAGES]
    assert not broken, "\n".join(broken)


def is_exercises(path: Path) -> bool:
    """A page of exercises (its solutions are folded cells), not a lesson."""
    return any(cell.solution for cell in parse_example(path).cells)


@pytest.mark.parametrize("page", [page for page in PAGES if f"/{PITFALLS}/" in page and not is_exercises(PAGES[page])])
def test_a_pitfall_and_the_concepts_it_breaks_link_to_each_other(page):
    concepts = {target for target in links_of(PAGES[page])
                if target in PAGES and f"/{PITFALLS}/" not in target and not is_exercises(PAGES[target])}
    assert concepts, f"{PAGES[page]}: a pitfall page links to the concept page it breaks"
    one_way = [concept for concept in sorted(concepts) if page not in links_of(PAGES[concept])]
    assert not one_way, f"{PAGES[page]}: these concept pages do not link back to it: " + ", ".join(one_way)


def test_glossary_terms_are_linked_by_their_english_name():
    terms = {row["en"].strip() for row in read_glossary(ROOT / "locale" / "glossary.csv")}
    unknown = [f"{path}: :term:`{target(match)}` is not in locale/glossary.csv"
               for path in EXAMPLE_PATHS for text in text_of(path) for match in TERM.finditer(text)
               if target(match) not in terms]
    assert not unknown, "\n".join(unknown)


@pytest.mark.parametrize("path", EXAMPLE_PATHS, ids=lambda path: path.name)
def test_every_example_links_its_key_terms_to_the_glossary(path):
    assert any(TERM.search(text) for text in text_of(path)), (
        f"{path}: link the page's key terms to the glossary (:term:`gradient`) at their first use")

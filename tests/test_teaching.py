"""How the pages teach, read from the example sources: what to remember, links between pages, glossary terms.

These checks need no build: they read each example's text cells as
sphinx-gallery splits them.  The build (``-W``) then fails on any link or
term that does not resolve.
"""

import ast
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


# -- The device line: the idiom a reader would write -----------------------------

DEVICE_IDIOM = 'device = "cuda" if torch.cuda.is_available() else "cpu"'
ENVIRONMENT_READS = {"environ", "environb", "getenv", "getenvb"}


def device_problems(source: str, name: str) -> list[str]:
    """What keeps an example's device line from being the one a reader would write.

    No example reads an environment variable (the doctest chooses the device
    from outside, by hiding the GPU); an example that uses ``device`` assigns
    it once, at the top level, with exactly ``DEVICE_IDIOM``.
    """
    tree = ast.parse(source)
    lines = source.splitlines()
    problems = []
    for node in ast.walk(tree):
        read = (isinstance(node, ast.Attribute) and node.attr in ENVIRONMENT_READS
                or isinstance(node, ast.Name) and node.id in ENVIRONMENT_READS
                or isinstance(node, ast.ImportFrom) and node.module == "os"
                and any(alias.name in ENVIRONMENT_READS for alias in node.names))
        if read:
            problems.append(f"{name}:{node.lineno}: reads an environment variable; an example picks its "
                            f"device itself ({DEVICE_IDIOM})")
    assignments = [node for node in ast.walk(tree) if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign))
                   and any(isinstance(t, ast.Name) and t.id == "device"
                           for t in (node.targets if isinstance(node, ast.Assign) else [node.target]))]
    used = any(isinstance(node, ast.Name) and node.id == "device" for node in ast.walk(tree))
    if used and not assignments:
        problems.append(f"{name}: uses `device` without the line `{DEVICE_IDIOM}`")
    for node in assignments:
        line = lines[node.lineno - 1]
        if node not in tree.body or line != DEVICE_IDIOM or node.end_lineno != node.lineno:
            problems.append(f"{name}:{node.lineno}: `{line.strip()}`; the device is chosen once, "
                            f"at the top, with exactly `{DEVICE_IDIOM}`")
    if len(assignments) > 1:
        problems.append(f"{name}: assigns `device` {len(assignments)} times; once, with `{DEVICE_IDIOM}`")
    return problems


@pytest.mark.parametrize("path", EXAMPLE_PATHS, ids=lambda path: path.name)
def test_every_example_picks_its_device_with_the_readers_idiom(path):
    problems = device_problems(path.read_text(encoding="utf-8"), str(path))
    assert not problems, "\n".join(problems)


HEADER = "import torch\n\n"


@pytest.mark.parametrize("source", [
    HEADER + DEVICE_IDIOM + "\nx = torch.ones(2, device=device)\n",
    HEADER + "x = torch.ones(2)\n",  # a page that uses no device
    "import os\n" + HEADER + DEVICE_IDIOM + "\nprint(os.path.basename(__file__), device)\n",
])
def test_the_device_check_accepts_the_idiom(source):
    assert device_problems(source, "plot_x.py") == []


@pytest.mark.parametrize(("source", "expected"), [
    ("import os\n" + HEADER + 'device = os.environ.get("AUTOGRAD_DEVICE", "cuda" if torch.cuda.is_available() '
     'else "cpu")\nx = torch.ones(2, device=device)\n',
     ["plot_x.py:4: reads an environment variable", "plot_x.py:4: `device = os.environ.get("]),
    ("import os\n" + HEADER + DEVICE_IDIOM + '\nseed = os.getenv("SEED")\n', ["plot_x.py:5: reads an environment"]),
    ("from os import environ\n" + HEADER + DEVICE_IDIOM + "\n", ["plot_x.py:1: reads an environment"]),
    (HEADER + "x = torch.ones(2, device=device)\n", ["plot_x.py: uses `device` without the line"]),
    (HEADER + 'device = "cpu"\n', ['plot_x.py:3: `device = "cpu"`']),
    (HEADER + "device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')\n", ["plot_x.py:3: `device = torch"]),
    (HEADER + DEVICE_IDIOM + '\ndef f():\n    device = "cpu"\n    return device\n',
     ['plot_x.py:5: `device = "cpu"`', "plot_x.py: assigns `device` 2 times"]),
])
def test_the_device_check_flags_other_lines(source, expected):
    problems = device_problems(source, "plot_x.py")
    assert len(problems) == len(expected), problems
    for problem, start in zip(problems, expected):
        assert problem.startswith(start), problems

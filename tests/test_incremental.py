"""Rebuilds write only what changed, and execute nothing that did not (README, "How the build performs")."""

import shutil

import pytest

from autograd_site.build.bench import edit, executions, snapshot, written_pages
from helpers import LANGUAGES, ROOT, copy_project, run

# Sphinx writes its index and search pages on every build.
ALWAYS = {"genindex.html", "search.html"}
PAGE = "auto_examples/02_autograd/plot_01_first_gradient"


def build(project) -> None:
    result = run("-m", "autograd_site.build", cwd=project)
    assert result.returncode == 0, result.stdout


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A project copy built once in every language."""
    project = copy_project(tmp_path_factory.mktemp("incremental") / "project")
    build(project)
    return project


@pytest.mark.slow
def test_a_rebuild_with_nothing_changed_writes_only_index_and_search(project):
    pages, runs = snapshot(project / "_build" / "staging"), snapshot(project / "docs" / "auto_examples")
    build(project)
    assert written_pages(project, pages) == {language: ALWAYS for language in LANGUAGES}
    assert executions(project, runs) == 0


@pytest.mark.slow
def test_editing_one_french_msgstr_rewrites_only_that_page_in_french(project):
    edit(project / "locale" / "fr" / "LC_MESSAGES" / f"{PAGE}.po",
         "``x.grad`` passant par", "``x.grad`` qui passe par")
    pages, runs = snapshot(project / "_build" / "staging"), snapshot(project / "docs" / "auto_examples")
    build(project)
    # Sphinx also rewrites the pages whose table of contents lists the page:
    # here its chapter's gallery, whose thumbnail shows the page's title and introduction.
    chapter = PAGE.rsplit("/", 1)[0] + "/index.html"
    french = ALWAYS | {f"{PAGE}.html", chapter}
    assert written_pages(project, pages) == {language: ALWAYS for language in LANGUAGES} | {"fr": french}
    page = project / "_build" / "staging" / "fr" / f"{PAGE}.html"
    assert "qui passe par" in page.read_text(encoding="utf-8")
    assert executions(project, runs) == 0


def test_the_bench_edits_a_text_cell_of_its_example_whatever_the_text_says(tmp_path):
    """nox -s bench times a rebuild after this edit: it must keep working when the example's prose changes."""
    from autograd_site.build.bench import edit_text_cell
    from autograd_site.examples.cells import parse_example

    example = tmp_path / "plot_01_first_gradient.py"
    shutil.copy(ROOT / "examples" / "02_autograd" / "plot_01_first_gradient.py", example)
    before = example.read_text(encoding="utf-8")
    edit_text_cell(example)
    assert example.read_text(encoding="utf-8") != before
    assert [c.code for c in parse_example(example).cells] == [
        c.code for c in parse_example(ROOT / "examples" / "02_autograd" / "plot_01_first_gradient.py").cells]

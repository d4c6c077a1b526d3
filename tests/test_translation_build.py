"""Incomplete translations: refused by a published build, flagged in a preview.

Each test works on a temporary copy of the project.
"""

import polib
import pytest

from helpers import copy_project, run

pytestmark = pytest.mark.slow

PAGE = "auto_examples/02_autograd/plot_01_first_gradient"


@pytest.fixture
def project_with_a_gap(tmp_path):
    """A copy whose Japanese catalog of one page lost one translation."""
    project = copy_project(tmp_path / "project")
    catalog_path = project / "locale" / "ja" / "LC_MESSAGES" / f"{PAGE}.po"
    catalog = polib.pofile(str(catalog_path))
    catalog.translated_entries()[3].msgstr = ""
    catalog.save()
    return project


def test_published_build_refuses_an_incomplete_translation(project_with_a_gap):
    result = run("-m", "autograd_site.build", "--language", "ja", cwd=project_with_a_gap)
    assert result.returncode == 1
    assert f"locale/ja/LC_MESSAGES/{PAGE}.po (1 of " in result.stdout
    assert "nox -s docs -- --preview" in result.stdout


def test_preview_build_flags_the_incomplete_page_in_its_language(project_with_a_gap):
    result = run("-m", "autograd_site.build", "--language", "ja", "--preview", cwd=project_with_a_gap)
    assert result.returncode == 0, result.stdout
    site = project_with_a_gap / "_build" / "html" / "ja"
    page = (site / f"{PAGE}.html").read_text(encoding="utf-8")
    assert "このページはまだ翻訳が完了していません。" in page
    assert '<a href="../../../en/auto_examples/02_autograd/plot_01_first_gradient.html" hreflang="en">' in page
    assert 'href="../../translating.html"' in page
    complete = (site / "auto_examples/02_autograd/plot_02_leaf_tensors.html").read_text(encoding="utf-8")
    assert "autograd-incomplete-translation" not in complete
    catalog = polib.pofile(str(project_with_a_gap / "locale" / "ja" / "LC_MESSAGES" / f"{PAGE}.po"))
    percent = 100 * len(catalog.translated_entries()) // len([e for e in catalog if not e.obsolete])
    status = (site / "translation-status.html").read_text(encoding="utf-8")
    row = status[status.index("plot_01_first_gradient.html"):]
    assert f"<p>{percent} %</p>" in row[: row.index("</tr>")], "the status page does not show the gap"

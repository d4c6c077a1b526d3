"""Adding a language is one line in languages.py and one command; the site then previews it."""

import polib
import pytest

from helpers import copy_project, run

SPANISH = '    Language("es", "Español", "es_ES"),\n'


@pytest.mark.slow
def test_a_fourth_language_is_one_line_and_one_command(tmp_path):
    project = copy_project(tmp_path / "project")
    languages = project / "autograd_site" / "languages.py"
    listed = languages.read_text(encoding="utf-8")
    last = '    Language("fr", "Français", "fr_FR"),\n'
    assert last in listed
    languages.write_text(listed.replace(last, last + SPANISH), encoding="utf-8")
    french_before = (project / "locale" / "fr" / "LC_MESSAGES" / "install.po").read_bytes()

    added = run("-m", "autograd_site.i18n", "update", "--add", "es", cwd=project)
    assert added.returncode == 0, added.stdout
    catalogs = project / "locale" / "es" / "LC_MESSAGES"
    for page in ("index", "install", "auto_examples/02_autograd/plot_01_first_gradient", "sphinx"):
        catalog = polib.pofile(str(catalogs / f"{page}.po"))
        assert catalog.metadata["Language"] == "es" and catalog.percent_translated() == 0, page
    assert (project / "locale" / "fr" / "LC_MESSAGES" / "install.po").read_bytes() == french_before

    refused = run("-m", "autograd_site.build", "--language", "es", cwd=project)
    assert refused.returncode == 1 and "translation is incomplete" in refused.stdout, refused.stdout
    preview = run("-m", "autograd_site.build", "--language", "es", "--preview", cwd=project)
    assert preview.returncode == 0, preview.stdout
    page = (project / "_build" / "html" / "es" / "install.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in page
    assert "autograd-incomplete-translation" in page
    assert 'hreflang="es"' in page and "Español" in page


def test_adding_an_unlisted_language_is_refused_and_creates_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    refused = run("-m", "autograd_site.i18n", "update", "--add", "es", cwd=project)
    assert refused.returncode == 1
    assert "not a translation listed in autograd_site/languages.py" in refused.stdout
    assert not (project / "locale" / "es").exists()

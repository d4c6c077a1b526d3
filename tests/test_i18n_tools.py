"""The translator's command line: fuzzy entries keep the previous English, catalogs keep the English order,
an editor's re-wrap is flagged, the check and the update print what a translator can scan, and the
sessions share one environment."""

import json
import re
import shutil
import textwrap
import types
from pathlib import Path

import polib
import pytest

from autograd_site.build.site import incomplete_pages
from autograd_site.i18n import cli as i18n

from helpers import ROOT, load_noxfile

HEADER = textwrap.dedent(
    """\
    msgid ""
    msgstr ""
    "Content-Type: text/plain; charset=utf-8\\n"

    """
)
PAGE = "auto_examples/02_autograd/plot_01_first_gradient"


def pot(folder: Path, name: str, *english: str) -> Path:
    path = folder / f"{name}.pot"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + "".join(f'msgid "{text}"\nmsgstr ""\n\n' for text in english), encoding="utf-8")
    return path


def po(catalogs: Path, name: str, *entries: tuple[str, str]) -> Path:
    path = catalogs / f"{name}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER.replace("charset=utf-8\\n", "charset=utf-8\\n\"\n\"Language: fr\\n")
                    + "".join(f'msgid "{en}"\nmsgstr "{fr}"\n\n' for en, fr in entries), encoding="utf-8")
    return path


def update(tmp_path: Path, *english: str) -> dict[str, int]:
    """``i18n update`` of the French catalogs in tmp_path/fr against a page whose English is ``english``."""
    templates = {"page": pot(tmp_path / "pot", "page", *english)}
    return i18n.update_language(tmp_path / "fr", "fr", templates)


# (1) Fuzzy entries keep the previous English ----------------------------------------------------------

OLD = "The line with slope x.grad touches the curve there."
NEW = "The line whose slope is x.grad touches the curve at that point."


def test_changed_english_becomes_fuzzy_with_the_previous_english_until_translated_again(tmp_path):
    page = po(tmp_path / "fr", "page", ("Intro.", "Intro."), (OLD, "La droite de pente x.grad touche la courbe."))
    update(tmp_path, "Intro.", NEW)
    text = page.read_text(encoding="utf-8")
    assert f'#, fuzzy\n#| msgid "{OLD}"\nmsgid "{NEW}"' in text.replace('"\n"', ""), text
    assert text.count("#|") == 1

    update(tmp_path, "Intro.", NEW)  # still fuzzy: the English of the translation stays shown
    assert f'#| msgid "{OLD}"' in page.read_text(encoding="utf-8").replace('"\n"', "")

    catalog = polib.pofile(str(page))  # the translator updates the translation and clears the flag
    entry = catalog.find(NEW)
    entry.msgstr, entry.flags = "La droite de pente x.grad touche la courbe en ce point.", []
    catalog.save()
    update(tmp_path, "Intro.", NEW)
    text = page.read_text(encoding="utf-8")
    assert "#|" not in text and "fuzzy" not in text, text


def test_a_long_previous_english_is_written_as_msgmerge_does_and_read_back(tmp_path):
    long_old, long_new = " ".join([OLD] * 4), " ".join([NEW] * 4)
    page = po(tmp_path / "fr", "page", (long_old, "La droite de pente x.grad touche la courbe."))
    update(tmp_path, long_new)
    text = page.read_text(encoding="utf-8")
    assert '#, fuzzy\n#| msgid ""\n#| "The line with slope' in text, text
    assert all(line.startswith(('#| msgid ""', '#| "')) for line in text.splitlines() if line.startswith("#|"))
    assert polib.pofile(str(page)).find(long_new).previous_msgid == long_old
    assert update(tmp_path, long_new)["unchanged"] == 1  # read back as written
    assert i18n.layout_problem(page, tmp_path / "pot" / "page.pot") is None


def test_english_changed_twice_keeps_the_english_the_translation_was_made_from(tmp_path):
    page = po(tmp_path / "fr", "page", (OLD, "La droite de pente x.grad touche la courbe."))
    update(tmp_path, NEW)
    update(tmp_path, NEW + " Again.")
    entry = polib.pofile(str(page)).find(NEW + " Again.")
    assert entry.fuzzy and entry.previous_msgid == OLD


# (2) The English order ---------------------------------------------------------------------------------

def test_update_writes_the_entries_in_the_order_of_the_english(tmp_path):
    page = po(tmp_path / "fr", "page", ("Third.", "Troisième."), ("First.", "Premier."), ("Second.", "Deuxième."))
    assert update(tmp_path, "First.", "Second.", "Third.") == {"created": 0, "updated": 1, "unchanged": 0}
    assert [entry.msgid for entry in polib.pofile(str(page))] == ["First.", "Second.", "Third."]
    assert [entry.msgstr for entry in polib.pofile(str(page))] == ["Premier.", "Deuxième.", "Troisième."]
    assert update(tmp_path, "First.", "Second.", "Third.") == {"created": 0, "updated": 0, "unchanged": 1}


def test_update_creates_catalogs_and_counts_them(tmp_path):
    (tmp_path / "fr").mkdir()
    assert update(tmp_path, "First.") == {"created": 1, "updated": 0, "unchanged": 0}
    assert i18n.update_summary("fr", {"created": 0, "updated": 3, "unchanged": 48}) == \
        "fr: 3 catalogs updated, 48 unchanged"
    assert i18n.update_summary("es", {"created": 1, "updated": 0, "unchanged": 50}) == \
        "es: 1 catalog created, 0 updated, 50 unchanged"


def test_update_prints_a_summary_not_a_line_per_unchanged_catalog(tmp_path, monkeypatch, capsys):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "locale", project / "locale")

    def extract(root, potdir):  # the committed catalogs' own English, in their order: nothing to change
        for path in (project / "locale" / "fr" / "LC_MESSAGES").rglob("*.po"):
            name = path.relative_to(project / "locale" / "fr" / "LC_MESSAGES").with_suffix(".pot")
            if name.stem != "sphinx":
                catalog = polib.pofile(str(path))
                (potdir / name).parent.mkdir(parents=True, exist_ok=True)
                template = polib.POFile()
                for entry in catalog:
                    template.append(polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt))
                template.save(str(potdir / name))

    monkeypatch.setattr(i18n, "extract", extract)
    i18n.update(project)
    lines = capsys.readouterr().out.splitlines()
    assert [line for line in lines if "Not Changed" in line] == []
    summaries = [line for line in lines if line.startswith(("ja: ", "fr: "))]
    assert [line.split(":")[0] for line in summaries] == ["ja", "fr"], lines
    assert all(" catalogs " in line and "unchanged" in line for line in summaries), summaries


# (3) An editor's re-wrap -------------------------------------------------------------------------------

LONG = ("The gradient of the loss with respect to the parameters is accumulated into the grad attribute "
        "of every leaf tensor that requires it.")


def normal_catalog(tmp_path: Path, *english: str) -> tuple[Path, Path]:
    template = pot(tmp_path / "pot", "page", *english)
    page = po(tmp_path / "fr", "page", *[(text, text.replace("The", "Le")) for text in english])
    i18n.update_language(tmp_path / "fr", "fr", {"page": template})
    return page, template


def test_a_catalog_as_update_writes_it_passes(tmp_path):
    page, template = normal_catalog(tmp_path, "First.", LONG)
    assert i18n.layout_problem(page, template) is None
    interface = tmp_path / "fr" / "sphinx.po"  # no English page: its own order is kept
    shutil.copy(ROOT / "locale" / "fr" / "LC_MESSAGES" / "sphinx.po", interface)
    assert i18n.layout_problem(interface, None) is None


def test_an_editors_79_column_wrap_and_header_are_flagged_on_line_1(tmp_path):
    page, template = normal_catalog(tmp_path, "First.", LONG)
    catalog = polib.pofile(str(page), wrapwidth=79)  # what Poedit writes
    catalog.metadata["X-Generator"] = "Poedit 3.4"
    catalog.save(str(page))
    assert i18n.layout_problem(page, template) == f"{page}:1: {i18n.EDITED}"


def test_a_reordered_catalog_is_flagged(tmp_path):
    page, template = normal_catalog(tmp_path, "First.", "Second.")
    text = page.read_text(encoding="utf-8")
    first, second = 'msgid "First."\nmsgstr "First."\n\n', 'msgid "Second."\nmsgstr "Second."\n'
    page.write_text(text.replace(first + second, second + "\n" + first.rstrip("\n") + "\n"), encoding="utf-8")
    assert [entry.msgid for entry in polib.pofile(str(page))] == ["Second.", "First."]
    assert i18n.layout_problem(page, template) == f"{page}:1: {i18n.EDITED}"


# (5) The check's output --------------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path, monkeypatch):
    """The committed catalogs and glossary, checked against their own English (no Sphinx run)."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "locale", project / "locale")
    for name in (".textlintrc.js", "package-lock.json"):  # textlint, which the check runs on Japanese catalogs
        shutil.copy(ROOT / name, project / name)
    if (ROOT / "node_modules").is_dir():
        (project / "node_modules").symlink_to(ROOT / "node_modules")
    for language in ("ja", "fr"):
        for path in (project / "locale" / language / "LC_MESSAGES").rglob("*.po"):
            if not path.match(f"*/{PAGE}.po") and path.stem != "sphinx":
                path.unlink()  # two pages are enough: the page and the interface strings
    fr_page = project / "locale" / "fr" / "LC_MESSAGES" / f"{PAGE}.po"

    def extract(root, potdir):
        template = polib.POFile()
        for entry in polib.pofile(str(fr_page)):
            template.append(polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt))
        (potdir / PAGE).parent.mkdir(parents=True, exist_ok=True)
        template.save(str((potdir / PAGE).with_suffix(".pot")))

    monkeypatch.setattr(i18n, "extract", extract)
    monkeypatch.setattr(i18n, "layout_problem", lambda po_path, pot_path: None)  # tested above
    return project


def make_fuzzy(path: Path) -> polib.POEntry:
    catalog = polib.pofile(str(path))
    entry = next(entry for entry in catalog if entry.msgid and entry.translated())
    entry.flags.append("fuzzy")
    catalog.save()
    return entry


def test_check_prints_problems_first_then_one_summary_line_per_language(project, capsys):
    make_fuzzy(project / "locale" / "ja" / "LC_MESSAGES" / f"{PAGE}.po")
    assert i18n.check(project) == 1
    out = capsys.readouterr().out.splitlines()
    lines = [line for line in out if line]
    assert "fuzzy:" in lines[0] and f"ja/LC_MESSAGES/{PAGE}.po:" in lines[0], lines
    assert lines[1].startswith("ja: ") and lines[2].startswith("fr: "), lines
    assert ", 1 fuzzy, 0 untranslated, 0 problems" in lines[1], lines
    assert ", 0 fuzzy, 0 untranslated, 0 problems" in lines[2], lines
    assert not any("TOTAL" in line or "translated fuzzy untranslated obsolete" in line for line in out)


def test_check_prints_the_table_only_on_request(project, capsys):
    assert i18n.check(project, table=True) == 0
    out = capsys.readouterr().out
    assert "TOTAL" in out and PAGE in out
    assert out.rstrip().endswith("All catalogs are complete and up to date.")


def test_check_limits_to_one_language_and_a_page_fragment(project, capsys):
    make_fuzzy(project / "locale" / "fr" / "LC_MESSAGES" / f"{PAGE}.po")
    assert i18n.check(project, "ja", "plot_01_first_gradient") == 0  # the fr problem is not looked at
    out = capsys.readouterr().out
    assert "fr: " not in out and "fuzzy:" not in out
    assert "(1 catalog matching 'plot_01_first_gradient')" in out
    assert i18n.check(project, "fr", "02_autograd/plot_01") == 1
    assert "fuzzy:" in capsys.readouterr().out
    assert i18n.check(project, "ja", "plot_99_nothing") == 1
    assert "no catalog path contains 'plot_99_nothing'" in capsys.readouterr().out
    assert i18n.check(project, "xx") == 2


def test_check_fails_on_a_stale_committed_notebook_naming_it(project, capsys):
    """The notebooks Colab opens are generated: a stale one fails the check, with the command that fixes it."""
    from autograd_site.notebooks import write_notebooks

    for name in ("examples/README.rst", "examples/02_autograd/README.rst", "examples/02_autograd/plot_01_first_gradient.py"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, project / name)
    write_notebooks(project)
    assert i18n.check(project) == 0  # valid: up to date
    capsys.readouterr()
    stale = project / "notebooks" / "ja" / "02_autograd" / "plot_01_first_gradient.ipynb"
    stale.write_bytes(stale.read_bytes().replace(b'"collapsed": false', b'"collapsed": true', 1))
    assert i18n.check(project) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("notebooks/ja/02_autograd/plot_01_first_gradient.ipynb: out of date"), out
    assert "run `nox -s i18n`" in out[0] and ", 1 problem" in next(line for line in out if line.startswith("ja: "))
    assert i18n.check(project, "fr") == 0  # another language's notebook is not looked at
    i18n.update(project)  # nox -s i18n
    assert "notebooks: 1 written, 2 unchanged" in capsys.readouterr().out
    assert i18n.check(project) == 0


def test_the_command_line_takes_language_page_and_table(project, monkeypatch):
    seen = []
    monkeypatch.setattr(i18n, "check", lambda *args: seen.append(args) or 0)
    i18n.main(["check", "ja", "plot_01", "--table", "--root", str(project)])
    assert seen == [(project.resolve(), "ja", "plot_01", True)]


def test_the_build_calls_fuzzy_entries_fuzzy_and_missing_ones_untranslated(tmp_path):
    path = tmp_path / "locale" / "ja" / "LC_MESSAGES" / "page.po"
    path.parent.mkdir(parents=True)
    path.write_text(HEADER + '#, fuzzy\nmsgid "A"\nmsgstr "あ"\n\nmsgid "B"\nmsgstr ""\n\n'
                    'msgid "C"\nmsgstr "し"\n', encoding="utf-8")
    (message,) = incomplete_pages(tmp_path, "ja", ["page"])
    assert message == "locale/ja/LC_MESSAGES/page.po (1 fuzzy, 1 untranslated, of 3 entries)"
    assert "missing" not in message


# (4) One environment -----------------------------------------------------------------------------------

SHARED_SESSIONS = ("docs", "docs_live", "i18n", "i18n_check", "tests", "doctest", "bench")




def fake_session(posargs=()):
    ran = []

    def run(*args, env=None, **kwargs):
        ran.append((args, env))
        if args[1:3] == ("-m", "venv"):
            (Path(args[3]) / "bin").mkdir(parents=True)
            (Path(args[3]) / "bin" / "python").touch()

    return types.SimpleNamespace(posargs=list(posargs), log=lambda *args: None, ran=ran, run=run)


def test_the_sessions_share_one_environment(tmp_path, monkeypatch):
    for name in ("constraints.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    noxfile = load_noxfile()
    environments = set()
    created = []
    for name in SHARED_SESSIONS:
        function = getattr(noxfile, name)
        assert function.nox_options.get("venv_backend") == "none", name  # not one of nox's own
        session = fake_session(["ja"] if name == "docs_live" else [])
        function(session)
        environments |= {env["VIRTUAL_ENV"] for _, env in session.ran if env}
        created += [args for args, _ in session.ran if args[1:3] == ("-m", "venv")]
        assert all(env["PATH"].startswith(env["VIRTUAL_ENV"]) for _, env in session.ran if env), name
    assert environments == {str(tmp_path / ".nox" / "site")}
    assert len(created) == 1  # by the first session; the others find it (and pip ran once: the stamp)


def test_an_environment_holding_the_extras_is_not_reinstalled(tmp_path, monkeypatch):
    for name in ("constraints.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    noxfile = load_noxfile()
    (tmp_path / ".nox" / "site" / "bin").mkdir(parents=True)
    (tmp_path / ".nox" / "site" / "bin" / "python").touch()

    def pip_runs(*extras):
        session = fake_session()
        noxfile.install(session, *extras)
        return [args for args, _ in session.ran if "pip" in args]

    assert len(pip_runs("docs")) == 1
    assert pip_runs("docs") == []
    (install,) = pip_runs("docs", "test")  # more extras: installed once, with those already there
    assert install[-1] == ".[docs,test]"
    assert pip_runs("docs") == [] and pip_runs("test") == []
    assert json.loads((tmp_path / ".nox" / "site" / ".installed").read_text())["extras"] == ["docs", "test"]
    (tmp_path / "constraints.txt").write_text("changed lock\n")
    assert len(pip_runs("docs")) == 1


@pytest.mark.slow
def test_an_english_edit_in_a_project_copy_gives_a_fuzzy_entry_with_its_previous_english(tmp_path):
    from helpers import copy_project, run

    project = copy_project(tmp_path / "project")
    guide = project / "docs" / "translating.md"
    old, new = "Bring the catalogs up to date with the English source:", "Bring the catalogs up to date with the English text:"
    guide.write_text(guide.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    result = run("-m", "autograd_site.i18n", "update", cwd=project)
    assert result.returncode == 0, result.stdout
    assert "Not Changed" not in result.stdout
    summaries = [line for line in result.stdout.splitlines() if line.startswith(("ja: ", "fr: "))]
    assert [re.fullmatch(r"(ja|fr): \d+ catalogs? updated, \d+ unchanged", line) is not None
            for line in summaries] == [True, True], result.stdout
    catalog = project / "locale" / "ja" / "LC_MESSAGES" / "translating.po"
    assert f'#, fuzzy\n#| msgid "{old}"\nmsgid "{new}"' in catalog.read_text(encoding="utf-8")
    entries = polib.pofile(str(catalog))
    entries.find(new).flags.remove("fuzzy")
    entries.save()
    result = run("-m", "autograd_site.i18n", "update", cwd=project)
    assert result.returncode == 0, result.stdout
    assert [line for line in catalog.read_text(encoding="utf-8").splitlines() if line.startswith("#|")] == []

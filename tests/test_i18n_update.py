"""Updating catalogs keeps every translation: idempotent, reuses moved text, drops only the obsolete."""

import polib
import pytest

from autograd_site.i18n import cli as i18n
from helpers import copy_project, run

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n"Language: fr\\n"\n\n'


def catalog(path, entries: list[tuple[str, str]], obsolete: list[tuple[str, str]] = ()) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f'msgid "{english}"\nmsgstr "{french}"\n\n' for english, french in entries)
    body += "".join(f'#~ msgid "{english}"\n#~ msgstr "{french}"\n\n' for english, french in obsolete)
    path.write_text(HEADER + body, encoding="utf-8")


def translations(path) -> dict[str, str]:
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if not entry.obsolete}


def test_text_moved_to_another_page_keeps_its_translation(tmp_path):
    catalog(tmp_path / "old_page.po", [], obsolete=[("The gradient", "Le gradient")])
    catalog(tmp_path / "new_page.po", [("The gradient", ""), ("New text", "")])
    i18n.reuse_translations(tmp_path)
    assert translations(tmp_path / "new_page.po") == {"The gradient": "Le gradient", "New text": ""}


def test_drop_obsolete_removes_the_obsolete_entries_and_nothing_else(tmp_path):
    catalog(tmp_path / "page.po", [("Kept", "Gardé"), ("Untranslated", "")], obsolete=[("Gone", "Parti")])
    i18n.reuse_translations(tmp_path, drop_obsolete=True)
    entries = polib.pofile(str(tmp_path / "page.po"))
    assert [entry.msgid for entry in entries.obsolete_entries()] == []
    assert translations(tmp_path / "page.po") == {"Kept": "Gardé", "Untranslated": ""}


@pytest.mark.slow
def test_updating_up_to_date_catalogs_changes_no_byte(tmp_path):
    project = copy_project(tmp_path / "project")
    before = {path: path.read_bytes() for path in (project / "locale").rglob("*.po")}
    result = run("-m", "autograd_site.i18n", "update", cwd=project)
    assert result.returncode == 0, result.stdout
    after = {path: path.read_bytes() for path in (project / "locale").rglob("*.po")}
    assert sorted(after) == sorted(before)
    assert [str(path.relative_to(project)) for path in before if after[path] != before[path]] == []

"""Publishing and atomic writes: a stop at any moment loses nothing.

Unit tests on small fake sites (no Sphinx): a "staged" language is a folder
with two pages whose text says which version it is.
"""

import os
import shutil
from pathlib import Path

import pytest

from autograd_site import atomic
from autograd_site.build.publish import publish, recover
from autograd_site.languages import ALL as LANGUAGES


def stage(root: Path, version: str, languages=LANGUAGES) -> None:
    for language in languages:
        folder = root / "_build" / "staging" / language
        folder.mkdir(parents=True, exist_ok=True)
        for page in ("index.html", "404.html"):
            (folder / page).write_text(
                f'<link rel="canonical" href="https://example.org/{language}/{page}" />{version}', encoding="utf-8"
            )


def published(root: Path) -> dict[str, str]:
    """``{language: version}`` of the site in ``_build/html``."""
    html = root / "_build" / "html"
    return {
        language: (html / language / "index.html").read_text(encoding="utf-8").rsplit("/>", 1)[1]
        for language in LANGUAGES if (html / language).is_dir()
    }


def leftovers(root: Path) -> list[str]:
    """What publishing left in ``_build`` besides staging, html and the site html links to."""
    html = root / "_build" / "html"
    current = os.readlink(html) if html.is_symlink() else None
    return sorted(p.name for p in (root / "_build").iterdir() if p.name not in {"staging", "html", current})


@pytest.fixture
def no_links(monkeypatch):
    """A platform where symbolic links cannot be made (Windows without developer mode)."""
    def refuse(*args, **kwargs):
        raise OSError("symbolic links are not allowed here")

    monkeypatch.setattr(os, "symlink", refuse)


def test_publish_puts_every_language_in_html(tmp_path):
    stage(tmp_path, "v1")
    html = publish(tmp_path, LANGUAGES)
    assert html == tmp_path / "_build" / "html" and html.is_symlink()
    assert published(tmp_path) == {language: "v1" for language in LANGUAGES}
    assert all(f'href="{language}/index.html"' in (html / "index.html").read_text() for language in LANGUAGES)
    assert leftovers(tmp_path) == []


def test_publishing_one_language_keeps_the_others(tmp_path):
    stage(tmp_path, "v1")
    publish(tmp_path, LANGUAGES)
    stage(tmp_path, "v2", ("ja",))
    publish(tmp_path, ("ja",))
    assert published(tmp_path) == {"en": "v1", "ja": "v2", "fr": "v1"}
    assert leftovers(tmp_path) == []  # the previous site folder is gone


def test_publishing_every_language_copies_nothing_from_the_current_site(tmp_path, monkeypatch):
    stage(tmp_path, "v1")
    publish(tmp_path, LANGUAGES)
    sources = []
    copytree = shutil.copytree
    monkeypatch.setattr(shutil, "copytree", lambda source, *args, **kw: sources.append(Path(source).parent.name)
                        or copytree(source, *args, **kw))
    stage(tmp_path, "v2")
    publish(tmp_path, LANGUAGES)
    assert sources == ["staging"] * len(LANGUAGES)
    assert published(tmp_path) == {language: "v2" for language in LANGUAGES}


def test_root_page_sitemap_and_404_list_only_the_published_languages(tmp_path):
    stage(tmp_path, "v1", ("ja",))
    html = publish(tmp_path, ("ja",))
    root_page = (html / "index.html").read_text()
    assert 'href="ja/index.html"' in root_page and 'var available = ["ja"]' in root_page
    assert 'replace("ja/index.html")' in root_page  # no English to fall back on
    assert "en/" not in root_page and "fr/" not in root_page
    sitemap = (html / "sitemap.xml").read_text()
    assert "/ja/index.html" in sitemap and "/en/" not in sitemap and "/fr/" not in sitemap
    assert (html / "404.html").is_file()


def test_an_older_html_folder_is_taken_over_without_losing_it(tmp_path):
    """``_build/html`` as a real folder (the layout before links): its languages are kept."""
    stage(tmp_path, "v1")
    publish(tmp_path, LANGUAGES)
    html = tmp_path / "_build" / "html"
    shutil.copytree(html, tmp_path / "real")
    html.unlink()
    (tmp_path / "real").rename(html)
    stage(tmp_path, "v2", ("fr",))
    publish(tmp_path, ("fr",))
    assert html.is_symlink() and published(tmp_path) == {"en": "v1", "ja": "v1", "fr": "v2"}
    assert leftovers(tmp_path) == []


def test_without_links_publishing_still_keeps_the_other_languages(tmp_path, no_links):
    stage(tmp_path, "v1")
    publish(tmp_path, LANGUAGES)
    stage(tmp_path, "v2", ("en",))
    html = publish(tmp_path, ("en",))
    assert not html.is_symlink() and published(tmp_path) == {"en": "v2", "ja": "v1", "fr": "v1"}
    assert leftovers(tmp_path) == []


# Every call that changes the file system during publishing; each one is a step.
STEPS = [(os, "replace"), (os, "rename"), (os, "symlink"), (os, "unlink"), (os, "link"), (os, "mkdir"),
         (os, "rmdir"), (shutil, "copytree"), (shutil, "rmtree"), (shutil, "copy2")]


class Stop:
    """Raise KeyboardInterrupt (a Ctrl-C) at the ``at``-th step, counting from 1."""

    def __init__(self, monkeypatch, at: int):
        self.count, self.at, self.reached = 0, at, False
        for module, name in STEPS:
            monkeypatch.setattr(module, name, self.wrap(getattr(module, name)))

    def wrap(self, function):
        def step(*args, **kwargs):
            self.count += 1
            if self.count == self.at:
                self.reached = True
                raise KeyboardInterrupt
            return function(*args, **kwargs)
        return step


def previous_site(root: Path, layout: str) -> None:
    """A complete site at v1 in ``layout``, and Japanese v2 staged."""
    stage(root, "v1")
    publish(root, LANGUAGES)
    if layout == "older folder":
        html = root / "_build" / "html"
        target = html.resolve()
        html.unlink()
        target.rename(html)
    stage(root, "v2", ("ja",))


OLD = {"en": "v1", "ja": "v1", "fr": "v1"}
NEW = {"en": "v1", "ja": "v2", "fr": "v1"}


@pytest.mark.parametrize("layout", ["links", "older folder", "no links"])
def test_a_stop_at_any_step_of_publishing_loses_nothing(tmp_path, monkeypatch, request, layout):
    if layout == "no links":
        request.getfixturevalue("no_links")
    step = 0
    while True:
        step += 1
        root = tmp_path / str(step)
        previous_site(root, layout)
        with monkeypatch.context() as patch:
            stop = Stop(patch, step)
            try:
                publish(root, ("ja",))
            except KeyboardInterrupt:
                pass
        if not stop.reached:
            break  # every step has been interrupted once
        html = root / "_build" / "html"
        if layout == "links":  # one atomic replace: html is complete at every instant
            assert published(root) in (OLD, NEW), f"step {step}"
        recover(root / "_build")  # what the next build does first
        assert published(root) in (OLD, NEW), f"step {step}"
        assert (html / "index.html").is_file() and (html / "sitemap.xml").is_file(), f"step {step}"
        publish(root, ("ja",))
        assert published(root) == NEW, f"step {step}"
        assert leftovers(root) == [], f"step {step}"
    assert step > 20  # the steps really were counted


def test_an_interrupted_write_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    target = tmp_path / "install.po"
    target.write_bytes(b"the translator's work\n")

    class HalfWrite:
        """A file whose write stops (Ctrl-C) after half the data."""

        def __init__(self, *args):
            self.file = open(*args)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

        def write(self, data):
            self.file.write(data[: len(data) // 2])
            self.file.flush()
            raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "open", HalfWrite, raising=False)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_bytes(target, b"new content " * 1000)
    assert target.read_bytes() == b"the translator's work\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["install.po"]  # no temporary file left


def interrupt_the_replace(monkeypatch):
    def stop(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", stop)


def test_catalogs_are_written_atomically(tmp_path, monkeypatch):
    from sphinx_intl.catalog import load_po

    from autograd_site.i18n.cli import _write_if_changed

    catalog_file = tmp_path / "install.po"
    shutil.copy(Path(__file__).parents[1] / "locale" / "ja" / "LC_MESSAGES" / "install.po", catalog_file)
    before = catalog_file.read_bytes()
    catalog = load_po(str(catalog_file))
    next(m for m in catalog if m.id and m.string).string = "書き換え"
    with monkeypatch.context() as patch:
        interrupt_the_replace(patch)
        with pytest.raises(KeyboardInterrupt):
            _write_if_changed(catalog_file, catalog)
    assert catalog_file.read_bytes() == before
    _write_if_changed(catalog_file, catalog)
    assert "書き換え" in catalog_file.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["install.po"]


def test_records_are_written_atomically(tmp_path, monkeypatch):
    from autograd_site.examples.cells import parse_example
    from autograd_site.examples.records import read_record, write_record

    example = parse_example(Path(__file__).parents[1] / "examples" / "01_tensors" / "plot_01_creating_tensors.py")
    record_file = tmp_path / "plot_01_creating_tensors.cpu.txt"
    write_record(record_file, example, "cpu", {0: "before"}, "torch test")
    before = record_file.read_bytes()
    with monkeypatch.context() as patch:
        interrupt_the_replace(patch)
        with pytest.raises(KeyboardInterrupt):
            write_record(record_file, example, "cpu", {0: "after"}, "torch test")
    assert record_file.read_bytes() == before
    write_record(record_file, example, "cpu", {0: "after"}, "torch test")
    assert read_record(record_file).output(0) == "after"
    assert sorted(p.name for p in tmp_path.iterdir()) == [record_file.name]

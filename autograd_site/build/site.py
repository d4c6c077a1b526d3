"""Build the site in every language, then publish it (``build/publish.py``).

English builds first and executes the examples; Japanese and French reuse the
executed pages (sphinx-gallery's cache in ``docs/auto_examples``) and build in
parallel.  Each build's sphinx-gallery step rewrites the shared gallery
index, so that step holds a lock on ``docs/auto_examples`` (see
``gallery.lock_generated_gallery``).  Everything is built into ``_build/staging``; only when every
language succeeded is ``_build/html`` replaced, so a failed build never
touches the last good site; languages not built this time stay as they were.

A language whose catalogs are incomplete is not published; ``--preview``
publishes it anyway, with a notice on every incomplete page.

    python -m autograd_site.build              # en, ja, fr -> _build/html
    python -m autograd_site.build --language ja
    python -m autograd_site.build --preview    # allow incomplete translations
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from autograd_site.build.publish import publish, recover
from autograd_site.examples import list_examples, timeouts
from autograd_site.i18n.catalogs import catalog_dir, catalog_path, page_status
from autograd_site.i18n.lint import MalformedCatalog, ensure_readable, page_breaking_problems
from autograd_site.languages import ALL as LANGUAGES
from autograd_site.languages import NAMES, SOURCE

# A line of a traceback (or of faulthandler's dump); one in an example names the culprit of a failed build.
TRACEBACK_LINE = re.compile(r'File "(?P<file>[^"]+\.py)", line (?P<line>\d+)')


class BuildFailed(RuntimeError):
    pass


def sphinx_command(root: Path, language: str, builder: str, outdir: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "sphinx", "-b", builder, "-W", "--keep-going", "-q",
        "-c", str(root), "-d", str(doctrees(root, builder, language)),
        "-D", f"language={language}", *extra, str(root / "docs"), str(outdir),
    ]


def doctrees(root: Path, builder: str, language: str) -> Path:
    """Where Sphinx keeps the environment of one builder and language between builds."""
    return root / "_build" / "doctrees" / builder / language


def build_language(root: Path, language: str, preview: bool = False) -> float:
    """Build one language into ``_build/staging/<language>``; return seconds.

    Sphinx's messages are passed on as they come (prefixed with the
    language, as two builds run at once), so a log shows a hang as it
    happens.  A build still running after :func:`timeouts.outer_limit` is
    stopped: something is stuck where the per-example limit cannot reach.
    """
    started = time.perf_counter()
    outdir = root / "_build" / "staging" / language
    command = sphinx_command(root, language, "html", outdir, *(["-D", "autograd_preview=1"] if preview else []))
    seconds = timeouts.outer_limit(len(list_examples(root / "examples")))
    culprit, timed_out = "", threading.Event()
    with subprocess.Popen(command, cwd=root, text=True, errors="replace",
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT) as process:

        def stop() -> None:
            timed_out.set()
            process.kill()

        timer = threading.Timer(seconds, stop)
        timer.start()
        try:
            for line in process.stdout:
                print(f"[{language}] {line}", end="", flush=True)
                where = TRACEBACK_LINE.search(line)
                if where and Path(where["file"]).is_relative_to(root / "examples"):  # the last: innermost
                    culprit = f" in {os.path.relpath(where['file'], root)}:{where['line']}"
        except BaseException:  # stopped here (Ctrl-C): do not leave Sphinx running
            process.kill()
            raise
        finally:
            timer.cancel()
    if timed_out.is_set():
        raise BuildFailed(f"the {NAMES[language]} build was still running after {seconds} s and was stopped{culprit}")
    if process.returncode != 0:
        # Sphinx saved the environment of the failed build: pages read with
        # warnings would not be read again, and the next build would pass.
        shutil.rmtree(doctrees(root, "html", language), ignore_errors=True)
        raise BuildFailed(f"the {NAMES[language]} build failed{culprit} (see the messages above)")
    return time.perf_counter() - started


def incomplete_pages(root: Path, language: str, pagenames: list[str]) -> list[str]:
    """The English pages whose ``language`` catalog is missing or not fully translated."""
    incomplete = []
    for pagename in pagenames:
        status = page_status(catalog_path(root / "locale", language, pagename))
        if status is None or status.percent < 100:
            done = ("no catalog" if status is None else
                    f"{status.fuzzy} fuzzy, {status.untranslated} untranslated, of {status.total} entries")
            incomplete.append(f"locale/{language}/LC_MESSAGES/{pagename}.po ({done})")
    return incomplete


def english_pagenames(root: Path) -> list[str]:
    """The pages of the English source, the gallery's generated ones included."""
    docs = root / "docs"
    return sorted(p.relative_to(docs).with_suffix("").as_posix() for p in docs.rglob("*") if p.suffix in {".md", ".rst"})


def check_catalogs(root: Path, language: str) -> None:
    """Refuse catalogs that are missing, unreadable, or would break or inject into a page."""
    catalogs = catalog_dir(root / "locale", language)
    if not catalogs.is_dir():
        raise BuildFailed(f"locale/{language}/LC_MESSAGES is missing: the {NAMES[language]} translation has no catalogs")
    try:
        ensure_readable(catalogs)
    except MalformedCatalog as error:
        raise BuildFailed(f"a {NAMES[language]} catalog cannot be read: {error}") from error
    problems = page_breaking_problems(catalogs)
    if problems:
        raise BuildFailed(f"{NAMES[language]} catalogs would break pages:\n  " + "\n  ".join(problems))


def build(root: Path, languages: tuple[str, ...], preview: bool = False) -> dict[str, float]:
    """Build ``languages`` (English first, as it executes the examples, then the others together) and publish."""
    recover(root / "_build")  # a site left aside by an interrupted publish comes back first
    times = {}
    translations = [language for language in languages if language != SOURCE]
    for language in translations:  # a broken catalog fails at once, not after the English build
        check_catalogs(root, language)
    if SOURCE in languages:
        times[SOURCE] = build_language(root, SOURCE, preview)
    for language in translations:  # the generated example pages exist once English has run
        if not preview:
            missing = incomplete_pages(root, language, english_pagenames(root))
            if missing:
                raise BuildFailed(
                    f"the {NAMES[language]} translation is incomplete:\n  " + "\n  ".join(missing)
                    + "\nRun `nox -s i18n-check` for the entries, or build a preview: `nox -s docs -- --preview`"
                )
    with ThreadPoolExecutor(max_workers=max(1, len(translations))) as pool:
        for language, seconds in zip(translations, pool.map(lambda lang: build_language(root, lang, preview), translations)):
            times[language] = seconds
    publish(root, languages)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", action="append", choices=LANGUAGES, help="build only these")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")
    parser.add_argument("--preview", action="store_true",
                        help="publish incomplete translations, with a notice on their pages")
    args = parser.parse_args(argv)
    languages = tuple(args.language or LANGUAGES)
    root = args.root.resolve()
    started = time.perf_counter()
    try:
        times = build(root, languages, args.preview)
    except BuildFailed as error:
        print(f"\nBuild failed: {error}.\nThe previous site in _build/html is unchanged.", file=sys.stderr)
        return 1
    for language, seconds in times.items():
        print(f"{NAMES[language]:>9} ({language}): {seconds:6.1f} s")
    print(f"    total: {time.perf_counter() - started:6.1f} s -> {root / '_build' / 'html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Build the site in every language, then publish it in one step.

English builds first and executes the examples; Japanese and French reuse the
executed pages (sphinx-gallery's cache in ``docs/auto_examples``).  They build
one after the other: each build's sphinx-gallery step rewrites the shared
``docs/auto_examples``, so two at once race on its files.  Everything is built into ``_build/staging``; only when every
language succeeded is ``_build/html`` replaced, so a failed build never
touches the last good site.

    python -m autograd_site.build              # en, ja, fr -> _build/html
    python -m autograd_site.build --language ja
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from autograd_site.languages import NAMES
from autograd_site.root_page import write_root_page

LANGUAGES = ("en", "ja", "fr")
EXAMPLE_LINE = re.compile(r'File "(?P<file>[^"]*/examples/[^"]+\.py)", line (?P<line>\d+)')


class BuildFailed(RuntimeError):
    pass


def sphinx_command(root: Path, language: str, builder: str, outdir: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "sphinx", "-b", builder, "-W", "--keep-going", "-q",
        "-c", str(root), "-d", str(root / "_build" / "doctrees" / builder / language),
        "-D", f"language={language}", *extra, str(root / "docs"), str(outdir),
    ]


def build_language(root: Path, language: str) -> float:
    """Build one language into ``_build/staging/<language>``; return seconds."""
    started = time.perf_counter()
    outdir = root / "_build" / "staging" / language
    result = subprocess.run(
        sphinx_command(root, language, "html", outdir),
        cwd=root, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    sys.stdout.write(result.stdout)
    if result.returncode != 0:
        where = EXAMPLE_LINE.findall(result.stdout)
        culprit = f" in {os.path.relpath(where[-1][0], root)}:{where[-1][1]}" if where else ""
        raise BuildFailed(f"the {NAMES[language]} build failed{culprit} (see the messages above)")
    return time.perf_counter() - started


def publish(root: Path, languages: tuple[str, ...]) -> Path:
    """Swap the staged languages into ``_build/html`` in one rename."""
    staging, html = root / "_build" / "staging", root / "_build" / "html"
    fresh, old = root / "_build" / "html.new", root / "_build" / "html.old"
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    if html.exists():
        shutil.copytree(html, fresh, symlinks=True)  # keep languages not rebuilt now
    fresh.mkdir(parents=True, exist_ok=True)
    for language in languages:
        shutil.rmtree(fresh / language, ignore_errors=True)
        shutil.copytree(staging / language, fresh / language)
    write_root_page(fresh / "index.html", LANGUAGES)
    if html.exists():
        html.rename(old)
    fresh.rename(html)
    shutil.rmtree(old, ignore_errors=True)
    return html


def build(root: Path, languages: tuple[str, ...]) -> dict[str, float]:
    """Build ``languages`` (English first, as it executes the examples) and publish."""
    ordered = sorted(languages, key=lambda language: language != "en")
    times = {language: build_language(root, language) for language in ordered}
    publish(root, languages)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", action="append", choices=LANGUAGES, help="build only these")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")
    args = parser.parse_args(argv)
    languages = tuple(args.language or LANGUAGES)
    root = args.root.resolve()
    started = time.perf_counter()
    try:
        times = build(root, languages)
    except BuildFailed as error:
        print(f"\nBuild failed: {error}.\nThe previous site in _build/html is unchanged.", file=sys.stderr)
        return 1
    for language, seconds in times.items():
        print(f"{NAMES[language]:>9} ({language}): {seconds:6.1f} s")
    print(f"    total: {time.perf_counter() - started:6.1f} s -> {root / '_build' / 'html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

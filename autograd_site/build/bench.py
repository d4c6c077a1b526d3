"""Measure the build: clean, incremental, per language, and the doctest.

    python -m autograd_site.build.bench      # prints a report; nox -s bench

Everything runs in one go on a temporary copy of the project, so the numbers
of one report compare with each other (ratios), not with another machine.
Nothing here asserts a time: the tests check behaviour, this prints figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from autograd_site.build import weight
from autograd_site.examples import list_examples
from autograd_site.languages import ALL as LANGUAGES
from autograd_site.examples.runner import run_example

NOT_COPIED = {".venv", ".nox", ".git", "_build", "test-artifacts", "__pycache__"}


def not_copied(folder: str, names: list[str]) -> set[str]:
    """Environments, build output and the executed gallery: the copy starts clean."""
    generated = {"auto_examples"} if Path(folder).name == "docs" else set()
    return (NOT_COPIED | generated) & set(names)


def timed(*command: str, cwd: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, *command], cwd=cwd, text=True, capture_output=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - started


def build(project: Path, *languages: str) -> float:
    return timed("-m", "autograd_site.build", *[arg for lang in languages for arg in ("--language", lang)], cwd=project)


def snapshot(folder: Path) -> dict[Path, int]:
    """Modification times of the files under ``folder``."""
    return {path: path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()} if folder.exists() else {}


def changed(before: dict[Path, int], after: dict[Path, int], pattern: str) -> int:
    return sum(1 for path, mtime in after.items() if re.search(pattern, path.name) and before.get(path) != mtime)


def executions(project: Path, before: dict[Path, int]) -> int:
    """Examples re-executed since ``before`` (sphinx-gallery rewrites their .md5)."""
    return changed(before, snapshot(project / "docs" / "auto_examples"), r"\.py\.md5$")


def written_pages(project: Path, before: dict[Path, int]) -> dict[str, set[str]]:
    """The HTML pages each language's build wrote since ``before`` (a snapshot of ``_build/staging``)."""
    staging = project / "_build" / "staging"
    written = {language: set() for language in LANGUAGES}
    for path, mtime in snapshot(staging).items():
        language = path.relative_to(staging).parts[0]
        if path.suffix == ".html" and language in written and before.get(path) != mtime:
            written[language].add(path.relative_to(staging / language).as_posix())
    return written


def pages_written(project: Path, before: dict[Path, int]) -> dict[str, int]:
    """How many HTML pages each language's build wrote since ``before``."""
    return {language: len(pages) for language, pages in written_pages(project, before).items()}


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must be there) by ``new`` in ``path``."""
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise ValueError(f"{path}: {old!r} not found, nothing to edit")
    path.write_text(text.replace(old, new), encoding="utf-8")


def edit_text_cell(path: Path) -> None:
    """Add a word to the first sentence of an example's first text cell after its title (whatever it says)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("# %%")
    underline = next(n for n in range(start, len(lines)) if re.fullmatch(r"# ([-=~^])\1{2,}", lines[n]))
    prose = next(n for n in range(underline + 1, len(lines)) if lines[n].startswith("# ") and len(lines[n]) > 3)
    lines[prose] += " Edited."
    path.write_text("\n".join(lines), encoding="utf-8")


def rebuild(project: Path, label: str) -> None:
    """Rebuild every language; print the time, the examples re-executed and the pages written."""
    before, staged = snapshot(project / "docs" / "auto_examples"), snapshot(project / "_build" / "staging")
    seconds = build(project)
    print(f"{label}: {seconds:6.1f} s, examples re-executed: {executions(project, before)}, "
          f"pages rewritten: {pages_written(project, staged)}")


def example_run_times(project: Path) -> list[tuple[str, float]]:
    times = []
    for path in list_examples(project / "examples"):
        started = time.perf_counter()
        run_example(path, "cpu")
        times.append((path.name, time.perf_counter() - started))
    return times


def report(root: Path) -> None:
    print(f"Machine: {platform.platform()}, Python {platform.python_version()}, {platform.processor() or 'cpu'}")
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(root, project, ignore=not_copied)

        english = build(project, "en")
        shutil.rmtree(project / "_build")
        shutil.rmtree(project / "docs" / "auto_examples")
        full = build(project)
        print(f"\nClean builds\n  English only:        {english:6.1f} s\n  en + ja + fr:        {full:6.1f} s"
              f"\n  ratio:               {full / english:6.2f} (target <= 1.3)")

        runs = example_run_times(project)
        executing = sum(seconds for _, seconds in runs)
        print(f"\nExamples: {len(runs)}, their own run time {executing:.1f} s in total "
              f"(slowest {max(runs, key=lambda r: r[1])[0]}: {max(s for _, s in runs):.1f} s)")
        print(f"  share of the clean trilingual build spent executing them: {100 * executing / full:.0f} %")

        print()
        rebuild(project, "Rebuild with nothing changed")
        edit(project / "locale" / "fr" / "LC_MESSAGES" / "auto_examples" / "02_autograd" / "plot_01_first_gradient.po",
             'msgstr "Votre premier gradient"', 'msgstr "Votre tout premier gradient"')
        rebuild(project, "After editing one French msgstr")
        edit_text_cell(project / "examples" / "02_autograd" / "plot_01_first_gradient.py")
        rebuild(project, "After editing one example's text cell")

        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pytest", "tests/test_examples.py", "-q", "-n", "auto",
                        "-p", "no:cacheprovider"], cwd=project, capture_output=True, check=True)
        doctest = time.perf_counter() - started
        print(f"\nDoctest (pytest -n auto): {doctest:6.1f} s; the examples alone: {executing:.1f} s, "
              f"slowest {max(s for _, s in runs):.1f} s")

        print()
        weight.report(project / "_build" / "html")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    # The figures are the CPU build's, as CI's: the examples pick the GPU when
    # torch sees one, so hide it from them, the builds and the doctest.
    os.environ.update(AUTOGRAD_DEVICE="cpu", CUDA_VISIBLE_DEVICES="")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    report(parser.parse_args(argv).root.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())

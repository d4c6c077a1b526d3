"""Sessions for building, translating and testing the site (``nox -l`` lists them)."""

import hashlib
from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["tests"]

PYTHON = "3.11"


def install(session, *extras):
    """The project with ``extras``, at the versions locked in constraints.txt.

    A reused environment that already holds exactly these skips pip (about
    half a minute per session): the stamp changes with the lock, the
    project's metadata and the extras.
    """
    stamp = Path(session.virtualenv.location) / ".installed"
    wanted = hashlib.sha256(b"".join(Path(f).read_bytes() for f in ("constraints.txt", "pyproject.toml"))
                            + ",".join(extras).encode()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        session.log("dependencies unchanged since the last install: not reinstalling")
        return
    session.install("-c", "constraints.txt", "-e", f".[{','.join(extras)}]")
    stamp.write_text(wanted)


@nox.session(python=PYTHON)
def docs(session):
    """Build the site in English, Japanese and French into _build/html (-- --preview)."""
    install(session, "docs")
    session.run("python", "-m", "autograd_site.build", *session.posargs)


@nox.session(name="docs-live", python=PYTHON)
def docs_live(session):
    """Preview one language while editing: nox -s docs-live -- ja"""
    install(session, "docs")
    language = session.posargs[0] if session.posargs else "en"
    session.run(
        "sphinx-autobuild", "-c", ".", "-D", f"language={language}",
        "-d", f"_build/doctrees/live/{language}",
        "--watch", "examples", "--watch", "locale", "--watch", "autograd_site",
        "--re-ignore", r"auto_examples/.*", "docs", f"_build/live/{language}",
    )


@nox.session(python=PYTHON)
def doctest(session):
    """Run every example on CPU and compare its output with examples/records/."""
    install(session, "test")
    session.run("pytest", "tests/test_examples.py", "-n", "auto", *session.posargs,
                env={"AUTOGRAD_DEVICE": "cpu"})


@nox.session(name="doctest-gpu", venv_backend="none")
def doctest_gpu(session):
    """Run every example on CUDA with the current interpreter (needs torch, pytest, matplotlib)."""
    session.run("python", "-m", "pytest", "tests/test_examples.py", "-p", "no:cacheprovider",
                *session.posargs, env={"AUTOGRAD_DEVICE": "cuda"})


@nox.session(python=PYTHON)
def i18n(session):
    """Update locale/ja and locale/fr from the English (-- --drop-obsolete to prune)."""
    install(session, "docs")
    session.run("python", "-m", "autograd_site.i18n", "update", *session.posargs)


@nox.session(name="i18n-check", python=PYTHON)
def i18n_check(session):
    """Fail on untranslated, fuzzy, obsolete, stale or broken catalogs; print statistics."""
    install(session, "docs")
    session.run("python", "-m", "autograd_site.i18n", "check")


@nox.session(python=PYTHON)
def tests(session):
    """Everything CI checks: doctest, catalogs, the three-language build, and the site's behaviour."""
    install(session, "docs", "test")
    session.run("pytest", "tests/test_examples.py", "-n", "auto", env={"AUTOGRAD_DEVICE": "cpu"})
    session.run("python", "-m", "autograd_site.i18n", "check")
    session.run("python", "-m", "autograd_site.build")
    session.run("pytest", "tests", "--ignore", "tests/test_examples.py", "-n", "auto", *session.posargs)


@nox.session(python=PYTHON)
def bench(session):
    """Time clean and incremental builds, per language, and the doctest; print the figures."""
    install(session, "docs", "test")
    session.run("python", "-m", "autograd_site.build.bench", *session.posargs)


@nox.session(python=PYTHON)
def lock(session):
    """Re-resolve the dependencies and rewrite constraints.txt."""
    session.install("-e", ".[docs,test]")
    frozen = session.run("pip", "freeze", "--exclude-editable", silent=True)
    lines = [line for line in frozen.splitlines() if not line.startswith("autograd")]
    with open("constraints.txt", "w") as lock_file:
        lock_file.write("# Locked versions of everything nox installs (pip constraints). Update with:\n")
        lock_file.write("#   nox -s lock\n" + "\n".join(lines) + "\n")

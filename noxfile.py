"""Sessions for building, translating and testing the site (``nox -l`` lists them).

Sessions run with the Python that runs nox (3.11 to 3.14), in environments
installed from ``constraints.txt``, the lock.
"""

import hashlib
from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["tests"]

LOCK = "constraints.txt"
# The lock is resolved as the package index stood on this date, so that
# `nox -s lock` reproduces the committed file; move the date to upgrade.
LOCK_DATE = "2026-12-01T00:00:00Z"


def install(session, *extras):
    """The project with ``extras``, at the versions locked in constraints.txt.

    A reused environment that already holds exactly these skips pip (about
    half a minute per session): the stamp changes with the lock, the
    project's metadata and the extras.
    """
    stamp = Path(session.virtualenv.location) / ".installed"
    wanted = hashlib.sha256(b"".join(Path(f).read_bytes() for f in (LOCK, "pyproject.toml"))
                            + ",".join(extras).encode()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        session.log("dependencies unchanged since the last install: not reinstalling")
        return
    session.install("-c", LOCK, "-e", f".[{','.join(extras)}]")
    stamp.write_text(wanted)


def npm_ci(session):
    """textlint, which the catalog check runs on the Japanese catalogs, as package-lock.json locks it.

    ``npm ci`` (a clean install, some seconds) only when node_modules is
    missing or older than the lock.
    """
    installed = Path("node_modules", ".package-lock.json")
    if not installed.exists() or installed.stat().st_mtime < Path("package-lock.json").stat().st_mtime:
        session.run("npm", "ci", "--no-audit", "--no-fund", external=True)


def doctest_command(*args):
    return ("pytest", "tests/test_examples.py", "-n", "auto", *args)


CHECK_CATALOGS = ("python", "-m", "autograd_site.i18n", "check")
# The CPU suite hides any GPU, so that it passes, against the CPU records, on a machine that has one.
CPU_ONLY = {"AUTOGRAD_DEVICE": "cpu", "CUDA_VISIBLE_DEVICES": ""}


@nox.session
def docs(session):
    """Build the site in every language into _build/html (-- --preview, -- --language ja)."""
    install(session, "docs")
    session.run("python", "-m", "autograd_site.build", *session.posargs)


@nox.session(name="docs-live")
def docs_live(session):
    """Preview one language while editing: nox -s docs-live -- ja"""
    install(session, "docs")
    language = session.posargs[0] if session.posargs else "en"
    session.run(*live_command(language))


# What the preview does not watch: the gallery that each build writes into
# docs/auto_examples (watching it would rebuild forever).  Only that folder:
# the catalogs of example pages, locale/<lang>/LC_MESSAGES/auto_examples/,
# must trigger a rebuild.  sphinx-autobuild searches the absolute path.
LIVE_IGNORE = r"(^|/)docs/auto_examples/"


def live_command(language):
    """The sphinx-autobuild command of ``nox -s docs-live -- <language>``; it prints the preview's address."""
    return (
        "sphinx-autobuild", "-c", ".", "-D", f"language={language}",
        "-d", f"_build/doctrees/live/{language}",
        "--watch", "examples", "--watch", "locale", "--watch", "autograd_site",
        "--re-ignore", LIVE_IGNORE, "docs", f"_build/live/{language}",
    )


@nox.session
def doctest(session):
    """Run every example on CPU and compare its output with examples/records/."""
    install(session, "test")
    session.run(*doctest_command(*session.posargs), env=CPU_ONLY)


@nox.session(name="doctest-gpu", venv_backend="none")
def doctest_gpu(session):
    """Run every example on CUDA with the current interpreter (see the README's GPU runner)."""
    session.run("python", "-m", "pytest", "tests/test_examples.py", "-p", "no:cacheprovider",
                *session.posargs, env={"AUTOGRAD_DEVICE": "cuda"})


@nox.session
def i18n(session):
    """Update the translations' catalogs from the English (-- --drop-obsolete, -- --add LANG)."""
    install(session, "docs")
    session.run("python", "-m", "autograd_site.i18n", "update", *session.posargs)


@nox.session(name="i18n-check")
def i18n_check(session):
    """Fail on untranslated, fuzzy, obsolete, stale or broken catalogs; print statistics."""
    install(session, "docs")
    npm_ci(session)
    session.run(*CHECK_CATALOGS)


@nox.session
def tests(session):
    """Everything CI checks: doctest, catalogs, the site build, and the site's behaviour."""
    install(session, "docs", "test")
    npm_ci(session)
    session.run(*doctest_command(), env=CPU_ONLY)
    session.run(*CHECK_CATALOGS)
    session.run("python", "-m", "autograd_site.build", env=CPU_ONLY)
    session.run("pytest", "tests", "--ignore", "tests/test_examples.py", "-n", "auto", *session.posargs, env=CPU_ONLY)


@nox.session
def bench(session):
    """Time clean and incremental builds, per language, and the doctest; print the figures."""
    install(session, "docs", "test")
    session.run("python", "-m", "autograd_site.build.bench", *session.posargs)


@nox.session
def lock(session):
    """Re-resolve every dependency, nox included, for every platform into constraints.txt."""
    session.install("-c", LOCK, "uv")
    session.run(
        "uv", "pip", "compile", "pyproject.toml", "--extra", "docs", "--extra", "test", "--extra", "tools",
        "--universal", "--python-version", "3.11", "--exclude-newer", LOCK_DATE,
        "--no-config", "--no-annotate", "--custom-compile-command", "nox -s lock", "--quiet", "--output-file", LOCK,
    )

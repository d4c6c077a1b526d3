"""Sessions for building, translating and testing the site (``nox -l`` lists them).

Sessions run with the Python that runs nox (3.11 to 3.14), in environments
installed from ``constraints.txt``, the lock.
"""

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["tests"]

LOCK = "constraints.txt"
# The lock is resolved as the package index stood on this date, so that
# `nox -s lock` reproduces the committed file; move the date to upgrade.
LOCK_DATE = "2026-12-01T00:00:00Z"


# One environment for every session that builds, translates or tests the
# site: they need the same packages (about 1.2 GB, installed once).  nox gives
# each session its own, so these sessions run without one of nox's
# (venv_backend="none") and in this folder instead.
SHARED_ENV = Path(".nox") / "site"
SHARED = {"venv_backend": "none"}


def install(session, *extras):
    """The shared environment with the project and ``extras``, at the versions locked in constraints.txt.

    Returns the variables that run a command in it.  An environment that
    already holds these extras (or more) at this lock skips pip (about half a
    minute per session): the stamp changes with the lock and the project's
    metadata, and records the extras installed.
    """
    location = SHARED_ENV.resolve()
    bindir = location / ("Scripts" if os.name == "nt" else "bin")
    env = {"VIRTUAL_ENV": str(location), "PATH": os.pathsep.join((str(bindir), os.environ.get("PATH", "")))}
    if not (bindir / "python").exists() and not (bindir / "python.exe").exists():
        session.run(sys.executable, "-m", "venv", str(location))
    stamp = location / ".installed"
    lock = hashlib.sha256(b"".join(Path(f).read_bytes() for f in (LOCK, "pyproject.toml"))).hexdigest()
    installed = json.loads(stamp.read_text()) if stamp.exists() else {}
    if installed.get("lock") == lock and set(extras) <= set(installed.get("extras", ())):
        session.log(f"dependencies unchanged since the last install into {SHARED_ENV}: not reinstalling")
        return env
    wanted = sorted(set(extras) | set(installed.get("extras", ()) if installed.get("lock") == lock else ()))
    run(session, env, "python", "-m", "pip", "install", "--quiet", "-c", LOCK, "-e", f".[{','.join(wanted)}]")
    stamp.write_text(json.dumps({"lock": lock, "extras": wanted}))
    return env


def run(session, env, *args, **extra_env):
    """``session.run`` in the shared environment ``env`` (from install()), plus ``extra_env``.

    The program is looked up in the environment first: without an environment
    of its own, nox would look it up on nox's PATH.
    """
    program = shutil.which(args[0], path=env["PATH"]) or args[0]
    session.run(program, *args[1:], env={**env, **extra_env})


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
# The CPU suite hides any GPU, so that it passes, against the CPU records, on a machine that has one:
# the examples pick the GPU whenever torch sees one.  AUTOGRAD_DEVICE says which records to compare with.
CPU_ONLY = {"AUTOGRAD_DEVICE": "cpu", "CUDA_VISIBLE_DEVICES": ""}


@nox.session(**SHARED)
def docs(session):
    """Build the site in every language into _build/html (-- --preview, -- --language ja)."""
    env = install(session, "docs")
    run(session, env, "python", "-m", "autograd_site.build", *session.posargs)


@nox.session(name="docs-live", **SHARED)
def docs_live(session):
    """Preview one language while editing: nox -s docs-live -- ja"""
    env = install(session, "docs")
    language = session.posargs[0] if session.posargs else "en"
    run(session, env, *live_command(language))


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


@nox.session(**SHARED)
def doctest(session):
    """Run every example on CPU and compare its output with examples/records/."""
    env = install(session, "test")
    run(session, env, *doctest_command(*session.posargs), **CPU_ONLY)


@nox.session(name="doctest-gpu", venv_backend="none")
def doctest_gpu(session):
    """Run every example on CUDA with the current interpreter (see the README's GPU runner)."""
    session.run("python", "-m", "pytest", "tests/test_examples.py", "-p", "no:cacheprovider",
                *session.posargs, env={"AUTOGRAD_DEVICE": "cuda"})


@nox.session(**SHARED)
def i18n(session):
    """Update the translations' catalogs from the English (-- --drop-obsolete, -- --add LANG)."""
    env = install(session, "docs")
    run(session, env, "python", "-m", "autograd_site.i18n", "update", *session.posargs)


@nox.session(name="i18n-check", **SHARED)
def i18n_check(session):
    """Fail on untranslated, fuzzy, obsolete, stale or broken catalogs (-- ja [page] [--table])."""
    env = install(session, "docs")
    npm_ci(session)
    run(session, env, *CHECK_CATALOGS, *session.posargs)


@nox.session(**SHARED)
def tests(session):
    """Everything CI checks: doctest, catalogs, the site build, and the site's behaviour."""
    env = install(session, "docs", "test")
    npm_ci(session)
    run(session, env, *doctest_command(), **CPU_ONLY)
    run(session, env, *CHECK_CATALOGS)
    run(session, env, "python", "-m", "autograd_site.build", **CPU_ONLY)
    run(session, env, "pytest", "tests", "--ignore", "tests/test_examples.py", "-n", "auto", *session.posargs, **CPU_ONLY)


@nox.session(**SHARED)
def bench(session):
    """Time clean and incremental builds, per language, and the doctest; print the figures."""
    env = install(session, "docs", "test")
    run(session, env, "python", "-m", "autograd_site.build.bench", *session.posargs)


@nox.session
def lock(session):
    """Re-resolve every dependency, nox included, for every platform into constraints.txt."""
    session.install("-c", LOCK, "uv")
    session.run(
        "uv", "pip", "compile", "pyproject.toml", "--extra", "docs", "--extra", "test", "--extra", "tools",
        "--universal", "--python-version", "3.11", "--exclude-newer", LOCK_DATE,
        "--no-config", "--no-annotate", "--custom-compile-command", "nox -s lock", "--quiet", "--output-file", LOCK,
    )

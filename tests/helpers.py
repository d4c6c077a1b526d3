"""Shared helpers for tests that work on the built site or on a project copy."""

import importlib.util
import runpy
import shutil
import subprocess
import sys
import types
from pathlib import Path
from urllib.parse import urlsplit

from autograd_site.languages import ALL as LANGUAGES  # noqa: F401 - for the tests

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
# The address the site is built for: conf.py reads AUTOGRAD_SITE_URL, as the build does.
CONF = runpy.run_path(str(ROOT / "conf.py"))
SITE_URL = CONF["site_url"].rstrip("/") + "/"
SITE_PATH = urlsplit(SITE_URL).path  # "/" or "/<repository>/" on GitHub Pages
# The repository the pages' "improve this translation" links point to.
REPOSITORY = CONF["repository_url"].rstrip("/")
# Left out of project copies: environments, history and build output.  The
# executed gallery (docs/auto_examples) is kept so a copy does not re-run
# every example.
NOT_COPIED = {".venv", ".nox", ".git", "_build", "__pycache__", "test-artifacts"}


def copy_project(destination: Path) -> Path:
    shutil.copytree(ROOT, destination, ignore=lambda folder, names: NOT_COPIED & set(names))
    return destination


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )


def built_pages(language: str, site: Path = SITE) -> list[Path]:
    """The pages of one language (not the theme's files under _static and the like)."""
    root = site / language
    pages = sorted(p for p in root.rglob("*.html") if not p.relative_to(root).parts[0].startswith("_"))
    assert pages, f"{root} has no pages: run `python -m autograd_site.build` first"
    return pages


def load_noxfile():
    """noxfile.py with a stand-in for nox that records each session's options."""
    fake = types.ModuleType("nox")
    fake.options = types.SimpleNamespace()

    def session(*args, **kwargs):
        def decorate(function):
            function.nox_options = kwargs
            return function
        return args[0] if args and callable(args[0]) else decorate

    fake.session = session
    spec = importlib.util.spec_from_file_location("project_noxfile", ROOT / "noxfile.py")
    module = importlib.util.module_from_spec(spec)
    saved, sys.modules["nox"] = sys.modules.get("nox"), fake
    try:
        spec.loader.exec_module(module)
    finally:
        if saved is None:
            del sys.modules["nox"]
        else:
            sys.modules["nox"] = saved
    return module

"""What the build does when something goes wrong; each test on a temporary copy.

Disk write failures (a full disk, a read-only folder) are out of scope.
"""

import os
import re
import signal
import subprocess
import sys
import time

import polib
import pytest

from autograd_site.build import site
from autograd_site.examples import timeouts
from autograd_site.examples.timeouts import ExampleTimeout, gallery_hook, time_limit
from helpers import copy_project, run

HANGS = '"""\nHangs\n=====\n\nNever finishes.\n"""\n\nwhile True:\n    pass\n'


@pytest.fixture
def project(tmp_path):
    project = copy_project(tmp_path / "project")
    previous = project / "_build" / "html" / "en" / "index.html"
    previous.parent.mkdir(parents=True)
    previous.write_text("the last good site")
    return project


def last_good_site_untouched(project) -> bool:
    return (project / "_build" / "html" / "en" / "index.html").read_text() == "the last good site"


@pytest.mark.slow
def test_hanging_example_is_stopped_and_named(project, monkeypatch):
    monkeypatch.setenv("AUTOGRAD_EXAMPLE_TIMEOUT", "3")
    (project / "examples" / "02_autograd" / "plot_98_hangs.py").write_text(HANGS)
    result = run("-m", "autograd_site.build", "--language", "en", cwd=project)
    assert result.returncode == 1
    assert "plot_98_hangs.py was still running after 3 s" in result.stdout
    assert re.search(r"examples/02_autograd/plot_98_hangs.py:[89]\b", result.stdout), result.stdout
    assert last_good_site_untouched(project)
    doctest = run("-m", "pytest", "tests/test_examples.py", "-p", "no:cacheprovider", "-k", "hangs", cwd=project)
    assert doctest.returncode == 1 and "plot_98_hangs.py was still running after 3 s" in doctest.stdout


@pytest.mark.slow
def test_malformed_catalog_stops_the_build_and_is_left_as_it_was(project):
    catalog = project / "locale" / "ja" / "LC_MESSAGES" / "install.po"
    catalog.write_text(catalog.read_text(encoding="utf-8") + '\nmsgid "unterminated\n', encoding="utf-8")
    before = catalog.read_bytes()
    result = run("-m", "autograd_site.build", "--language", "ja", cwd=project)
    assert result.returncode == 1
    assert "locale/ja/LC_MESSAGES/install.po" in result.stdout and "line" in result.stdout
    assert catalog.read_bytes() == before
    assert last_good_site_untouched(project)


@pytest.mark.slow
def test_catalog_that_would_break_the_page_stops_the_build_with_file_and_line(project):
    catalog = project / "locale" / "fr" / "LC_MESSAGES" / "install.po"
    entries = polib.pofile(str(catalog))
    entries.translated_entries()[2].msgstr += " <script>alert(1)</script>"
    entries.save()
    result = run("-m", "autograd_site.build", "--language", "fr", cwd=project)
    assert result.returncode == 1
    assert "locale/fr/LC_MESSAGES/install.po:" in result.stdout and "raw HTML" in result.stdout
    assert last_good_site_untouched(project)


@pytest.mark.slow
def test_missing_language_folder_is_named(project):
    subprocess.run(["mv", str(project / "locale" / "fr"), str(project / "fr-elsewhere")], check=True)
    result = run("-m", "autograd_site.build", "--language", "fr", cwd=project)
    assert result.returncode == 1
    assert "locale/fr" in result.stdout and "missing" in result.stdout
    assert last_good_site_untouched(project)


@pytest.mark.slow
def test_interrupted_build_leaves_the_last_good_site_and_the_next_build_succeeds(project):
    # Its own process group, killed whole, as a Ctrl-C or a cancelled CI job does.
    build = subprocess.Popen([sys.executable, "-m", "autograd_site.build"], cwd=project,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while not (project / "_build" / "staging" / "en").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert (project / "_build" / "staging" / "en").exists(), "the build never started writing: nothing was interrupted"
    time.sleep(1.0)
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    assert last_good_site_untouched(project)
    result = run("-m", "autograd_site.build", "--language", "en", cwd=project)
    assert result.returncode == 0, result.stdout
    assert not last_good_site_untouched(project)


# The per-example limit itself, in this process (what both the build and the doctest use).

def test_time_limit_stops_a_loop_inside_it_and_names_the_example(monkeypatch):
    monkeypatch.setenv("AUTOGRAD_EXAMPLE_TIMEOUT", "1")
    with pytest.raises(ExampleTimeout, match=r"plot_x\.py was still running after 1 s") as stopped:
        with time_limit("plot_x.py"):
            while True:
                pass
    # Raised inside the running code, so its traceback shows the line that was running.
    assert stopped.traceback[-2].name == "test_time_limit_stops_a_loop_inside_it_and_names_the_example"


def own_handler(signum, frame):
    raise LookupError("the previous SIGINT handler ran")


@pytest.mark.parametrize("hook", [False, True], ids=["time_limit", "gallery_hook"])
def test_the_limit_is_disarmed_after_the_example_and_the_previous_handler_restored(monkeypatch, hook):
    monkeypatch.setenv("AUTOGRAD_EXAMPLE_TIMEOUT", "1")
    previous = signal.signal(signal.SIGINT, own_handler)
    try:
        if hook:
            gallery_hook({}, "plot_x.py", "before")
            gallery_hook({}, "plot_x.py", "after")
        else:
            with time_limit("plot_x.py"):
                pass
        assert signal.getsignal(signal.SIGINT) is own_handler
        deadline = time.monotonic() + 1.5  # past the limit: a timer left armed would interrupt now
        while time.monotonic() < deadline:
            pass
        with pytest.raises(LookupError):  # while a Ctrl-C still reaches the previous handler
            signal.raise_signal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGINT, previous)


def test_a_real_ctrl_c_inside_the_limit_still_interrupts():
    # Python's own Ctrl-C handler, whatever the test runner set (xdist workers ignore SIGINT).
    runner_handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            with time_limit("plot_x.py"):
                signal.raise_signal(signal.SIGINT)
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, runner_handler)


# The build's outer limit, on a stand-in for Sphinx that prints a traceback line and hangs.
STUCK = 'print(\'  File "{file}", line 7, in <module>\', flush=True); import time; time.sleep(600)'


def test_a_build_stuck_beyond_interrupting_is_stopped_and_names_the_example(tmp_path, monkeypatch, capsys):
    example = tmp_path / "examples" / "01_tensors" / "plot_01_stuck.py"
    monkeypatch.setattr(timeouts, "outer_limit", lambda examples: 2)
    monkeypatch.setattr(site, "sphinx_command", lambda *args, **kwargs: [sys.executable, "-c", STUCK.format(file=example)])
    with pytest.raises(site.BuildFailed) as failed:
        site.build_language(tmp_path, "en")
    assert str(failed.value) == (
        "the English build was still running after 2 s and was stopped in examples/01_tensors/plot_01_stuck.py:7"
    )
    assert f'[en]   File "{example}", line 7' in capsys.readouterr().out  # passed on, marked with its language

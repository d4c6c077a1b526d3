"""Incremental rebuilds despite extensions that change configuration values.

sphinx-gallery, pydata-sphinx-theme and sphinx-mathjax-offline fill in
configuration values while they set up (``sphinx_gallery_conf``,
``html_theme_options``, ``html_static_path``, ...).  Sphinx stores the
filled values with its environment and compares them, on the next run, with
the values read from conf.py: they always differ, so every run re-reads
every page.  Here the environment is stored with the configuration as it
was when Sphinx compares it (right after ``config-inited``), so a rebuild
only re-reads what changed.  A real change in conf.py is still detected.
"""

from __future__ import annotations

import pickle

from sphinx.environment import BuildEnvironment

_store_environment = BuildEnvironment.__getstate__


def _with_compared_config(env: BuildEnvironment) -> dict:
    state = _store_environment(env)
    compared = getattr(env, "_autograd_compared_config", None)
    state.pop("_autograd_compared_config", None)
    if compared is not None:
        state["config"] = pickle.loads(compared)
    return state


def remember_compared_config(app, config) -> None:
    """``config-inited``, last: the values the next run's comparison will see."""
    app._autograd_compared_config = pickle.dumps(config)


def attach_to_environment(app, env, docnames, *rest) -> None:
    env._autograd_compared_config = getattr(app, "_autograd_compared_config", None)


def setup(app) -> None:
    BuildEnvironment.__getstate__ = _with_compared_config
    app.connect("config-inited", remember_compared_config, priority=900)
    app.connect("env-before-read-docs", attach_to_environment)

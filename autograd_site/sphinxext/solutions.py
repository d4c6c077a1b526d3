"""Folded solutions: an exercise's ``# %% [solution]`` cell opens on demand.

The page wraps the cell's code, output and pictures in a ``solution``
directive, which becomes an HTML ``<details>`` element: browsers fold and
open it themselves, without JavaScript.  Its summary ("Solution") is a
message of the page's catalog like any other.
"""

from __future__ import annotations

from textwrap import indent

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

SUMMARY = "Solution"


class solution(nodes.General, nodes.Element):
    """A folded block: ``<details>``."""


class solution_summary(nodes.TextElement):
    """What the folded block shows while closed: ``<summary>``; translatable."""


def folded(rst: str) -> str:
    """``rst`` (a generated cell: code, output, pictures) inside a ``solution`` directive."""
    return f"\n.. solution::\n\n{indent(rst, '   ')}\n"


class SolutionDirective(SphinxDirective):
    has_content = True

    def run(self) -> list[nodes.Node]:
        summary = solution_summary(SUMMARY, SUMMARY)
        summary.source, summary.line = self.get_source_info()
        node = solution("", summary, classes=["solution"])
        node += self.parse_content_to_nodes()
        return [node]


def visit_solution(translator, node) -> None:
    translator.body.append('<details class="solution">\n')


def depart_solution(translator, node) -> None:
    translator.body.append("</details>\n")


def visit_summary(translator, node) -> None:
    translator.body.append("<summary>")


def depart_summary(translator, node) -> None:
    translator.body.append("</summary>\n")


def setup(app) -> None:
    app.add_node(solution, html=(visit_solution, depart_solution))
    app.add_node(solution_summary, html=(visit_summary, depart_summary))
    app.add_directive("solution", SolutionDirective)

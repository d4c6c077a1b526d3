"""Translation catalogs as data: locating, updating, linting and checking them.

Nothing here imports Sphinx or docutils; the build and the Sphinx extension
use these modules, not the other way round.
"""

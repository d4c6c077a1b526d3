"""Build, doctest and translation tooling for PyTorch Autograd by Example.

The examples themselves never import this package: they run with torch,
numpy and matplotlib alone.
"""

"""The examples and their verified outputs: what the doctest and a GPU runner need.

Everything in this package imports only the standard library, torch and
matplotlib, so that a GPU runner without the docs toolchain can use it.
"""

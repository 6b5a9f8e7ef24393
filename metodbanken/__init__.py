"""Metodbanken: load, validate and render the bank's content, independent of any site generator."""

__version__ = "0.1.0"

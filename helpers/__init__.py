"""Sanctuary Notebooks helpers: load the corpus, annotate it offline, draw its charts.

Import the modules you need, e.g. ``from helpers import corpus, annotate, charts``.
Importing reads no file and changes no global setting.
"""

__version__ = "0.1.0"

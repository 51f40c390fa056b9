"""Rejoinder: draft a delegation's comments on other parties' submissions.

The version is written here, not read from the installed metadata:
``importlib.metadata`` costs 30–40 ms, a third of ``rejoinder --version``'s
budget, and a frozen bundle has no metadata unless it is copied in.
pyproject.toml says the same (a test checks that they agree).
"""

__version__ = "0.1.0"

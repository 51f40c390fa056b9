"""Rejoinder: draft a delegation's comments on other parties' submissions."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("rejoinder")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

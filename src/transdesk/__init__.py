"""transdesk: a self-hosted AI translation desk for Korean news in English."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("transdesk")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+source"

__all__ = ["__version__"]

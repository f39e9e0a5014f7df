"""The bundled corpus: the default input of ``policykg build``."""

from importlib.resources import files
from pathlib import Path


def bundled_corpus() -> Path:
    """The folder holding the bundled documents (inside the installed package)."""
    return Path(str(files(__name__)))

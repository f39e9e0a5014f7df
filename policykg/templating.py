"""How the HTML pages are made: jinja2 templates that escape everything they are given.

Every page shows text from the documents (titles, names, quotes); autoescape makes that text data
wherever it lands, and StrictUndefined makes a misspelt name in a template an error, not a blank.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape


def environment(folder: Path) -> Environment:
    """The templates of ``folder``: autoescaped (strings too), strict, block tags on lines of their own,
    and a page ending in a newline as its template does."""
    return Environment(
        loader=FileSystemLoader(folder),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

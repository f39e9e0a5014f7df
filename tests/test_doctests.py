"""The examples in docstrings run (through the installed package, not the bare folders)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import policykg

MODULES = sorted(
    name
    for package in ("policykg", "policykg.graph", "policykg.ontology", "policykg.queries", "policykg.viz")
    for name in [package]
    + [f"{package}.{m.name}" for m in pkgutil.iter_modules(importlib.import_module(package).__path__)]
    if not name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_some_modules_have_examples():
    assert policykg.__name__ in MODULES
    counts = {n: doctest.testmod(importlib.import_module(n)).attempted for n in MODULES}
    assert counts["policykg.graph.numbering"] >= 5

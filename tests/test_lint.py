"""The code passes the pinned linter and formatter (configuration in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

FOLDERS = ["policykg", "graph", "queries", "viz", "ontology", "corpus", "tests", "bench"]


def test_ruff_check():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", *FOLDERS], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_ruff_format():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", *FOLDERS], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout

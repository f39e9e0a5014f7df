"""The code passes the pinned linter, formatter and type checker (configuration in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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


def typecheck(project: Path) -> list[str]:
    """The error lines of tests/typecheck.py on a project (a crash of the checker fails the test)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "typecheck.py"), str(project)], capture_output=True, text=True
    )
    assert result.returncode in (0, 1) and not result.stderr, result.stderr
    return [line for line in result.stdout.splitlines() if ": error:" in line]


@pytest.mark.slow
def test_mypy():
    """The package is clean under mypy, each module checked against the others it imports."""
    errors = typecheck(ROOT)
    assert not errors, "\n".join(errors)


@pytest.mark.slow
def test_typecheck_names_modules_as_installed(tmp_path):
    """A folder mapped to a subpackage (as graph/ is to policykg.graph) is checked under that name:
    a call into it from another module is checked against its signature."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.setuptools]\npackage-dir = { "app" = "app", "app.tools" = "tools" }\npackages = ["app", "app.tools"]\n'
        f'[tool.mypy]\ncache_dir = "{tmp_path / "cache"}"\n',
        encoding="utf-8",
    )
    for folder in ("app", "tools"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "tools" / "count.py").write_text("def twice(n: int) -> int:\n    return 2 * n\n", encoding="utf-8")
    (tmp_path / "app" / "use.py").write_text("from app.tools.count import twice\n\ntwice('2')\n", encoding="utf-8")
    assert typecheck(tmp_path) == [
        'app/use.py:3: error: Argument 1 to "twice" has incompatible type "str"; expected "int"  [arg-type]'
    ]

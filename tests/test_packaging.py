"""The wheel carries every module and data file; imports run one way."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

# Folder -> package, as pyproject.toml's package-dir maps them.
PACKAGES = {
    "policykg": "policykg",
    "graph": "policykg.graph",
    "ontology": "policykg.ontology",
    "queries": "policykg.queries",
    "viz": "policykg.viz",
    "corpus": "policykg.corpus",
}
DATA = ("*.py", "*.ttl", "*.rq", "*.txt", "*.html", "*.js", "*.css")
# ontology <- graph <- queries <- viz <- cli: a module may import only from its left.
ORDER = ["policykg.ontology", "policykg.corpus", "policykg.graph", "policykg.queries", "policykg.viz"]


def expected_files() -> set[str]:
    found = set()
    for folder, package in PACKAGES.items():
        for pattern in DATA:
            for path in (ROOT / folder).rglob(pattern):
                if "__pycache__" not in path.parts:
                    rel = path.relative_to(ROOT / folder).as_posix()
                    found.add(f"{package.replace('.', '/')}/{rel}")
    return found


@pytest.mark.slow
def test_wheel_holds_every_module_and_data_file(tmp_path):
    source = tmp_path / "src"  # build from a copy: setuptools writes build/ beside the sources
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", "build", ".git", "__pycache__", ".*cache*"))
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = expected_files() - names
    assert not missing, f"not in the wheel: {sorted(missing)}"
    assert not any(n.startswith(("graph/", "queries/", "viz/", "ontology/")) for n in names)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_imports_run_one_way():
    for folder, package in PACKAGES.items():
        if package not in ORDER:
            continue
        rank = ORDER.index(package)
        for path in (ROOT / folder).rglob("*.py"):
            for module in _imports(path):
                for later in ORDER[rank + 1 :]:
                    assert not module.startswith(later), f"{path.relative_to(ROOT)} imports {module}"
                assert module.split(".")[0] not in ("graph", "queries", "viz", "ontology"), (
                    f"{path.relative_to(ROOT)} imports the bare folder name {module}"
                )

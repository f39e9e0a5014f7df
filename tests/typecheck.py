"""mypy on the package under its installed module names: `python tests/typecheck.py [project folder]`.

pyproject.toml maps folders to subpackages (graph/ is policykg.graph) and the editable install
exposes them through setuptools' import hook, which mypy cannot follow: run on the folders, mypy
names their modules graph.annex and cannot resolve `from policykg.graph import annex`, so no call
from one module to another is checked. (Setuptools' other editable modes do not help: compat puts
the project folder on the path, where there is no policykg/graph; strict links the files one by one
under build/, the demo's output folder, and misses a module added since.) Here every module of the
package is handed to mypy under the name it is imported by, read from the same package-dir table
setuptools uses; the options are mypy's own, from [tool.mypy] in pyproject.toml. Prints mypy's
messages, paths relative to the project folder; exits 1 when there is an error.
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

from mypy.build import build
from mypy.errors import CompileError
from mypy.main import process_options
from mypy.modulefinder import BuildSource

ROOT = Path(__file__).resolve().parent.parent


def package_sources(root: Path = ROOT) -> list[BuildSource]:
    """Every .py file of every listed package, named as setuptools installs it."""
    setuptools = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    folders: dict[str, str] = setuptools["package-dir"]
    sources = []
    for package in setuptools["packages"]:
        mapped = max((name for name in folders if package == name or package.startswith(name + ".")), key=len)
        folder = root / folders[mapped] / package[len(mapped) :].lstrip(".").replace(".", "/")
        for path in sorted(folder.glob("*.py")):
            module = package if path.stem == "__init__" else f"{package}.{path.stem}"
            sources.append(BuildSource(str(path), module))
    return sources


def check(root: Path = ROOT) -> list[str]:
    """mypy's messages for the package, one line each ("graph/annex.py:12: error: ..."), with paths
    relative to the current folder."""
    _, options = process_options(["--config-file", str(root / "pyproject.toml")], require_targets=False)
    try:
        return build(package_sources(root), options).errors
    except CompileError as error:  # a blocking error (a syntax error) stops the check
        return error.messages


if __name__ == "__main__":
    project = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT
    os.chdir(project)  # mypy's cache and the paths it prints are relative to it
    messages = check(project)
    print("\n".join(messages))
    sys.exit(1 if any(": error:" in message for message in messages) else 0)

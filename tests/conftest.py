"""Shared fixtures: the bundled corpus and its golden files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.graph.parts import graph_parts

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DEV_CORPUS = ROOT / "tests" / "documents"  # real documents of other places and layouts
GOLDEN = Path(__file__).resolve().parent / "golden"
# The five industrial-policy documents read in full (outline golden files too).
DOCUMENTS = sorted(p.stem for p in CORPUS.glob("*.txt") if (GOLDEN / f"{p.stem}.outline.json").exists())
# Documents of other places and layouts: the development corpus and the bundled chains.
OTHER_DOCUMENTS = sorted(
    p.stem for folder in (CORPUS, DEV_CORPUS) for p in folder.glob("*.txt") if p.stem not in DOCUMENTS
)
# Those a golden file was written for.
DEV_DOCUMENTS = [s for s in OTHER_DOCUMENTS if (GOLDEN / f"{s}.targets.json").exists()]


def graph_bytes(build: Path) -> bytes:
    """The graph of a build as one N-Triples file holds it: its parts (kg/*.nt), in order."""
    return b"".join(part.read_bytes() for part in graph_parts(build))


def document(stem: str) -> Path:
    """A bundled or development document by its stem."""
    path = CORPUS / f"{stem}.txt"
    return path if path.exists() else DEV_CORPUS / f"{stem}.txt"


def golden(stem: str, kind: str) -> dict:
    return json.loads((GOLDEN / f"{stem}.{kind}.json").read_text(encoding="utf-8"))


def fold(text: str | None) -> str | None:
    """Compare text as the golden files promise: widths folded, spaces dropped."""
    if text is None:
        return None
    folded = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)
    return "".join(folded.split())


@pytest.fixture(params=DOCUMENTS)
def stem(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def five(tmp_path_factory) -> Path:
    """A corpus folder of the five industrial-policy documents alone (links to corpus/), whose every
    answer the golden files state."""
    folder = tmp_path_factory.mktemp("five") / "corpus"
    folder.mkdir()
    for stem in DOCUMENTS:
        (folder / f"{stem}.txt").symlink_to(CORPUS / f"{stem}.txt")
    return folder


@pytest.fixture(scope="session")
def built(tmp_path_factory, five):
    """The five built once for the session, with every graph file: (build folder, summary)."""
    from policykg.graph.build import build
    from policykg.graph.store import FORMATS

    out = tmp_path_factory.mktemp("kg") / "build"
    return out, build(five, out, formats=tuple(FORMATS))


@pytest.fixture(scope="session")
def bundled(tmp_path_factory):
    """The whole bundled corpus (the five and the two chains), as `make demo` builds it."""
    from policykg.graph.build import build
    from policykg.graph.store import FORMATS

    out = tmp_path_factory.mktemp("bundled") / "build"
    return out, build(CORPUS, out, formats=tuple(FORMATS))


@pytest.fixture(scope="module")
def network(store):
    """The responsibility network of the module's ``store`` (the analysis tests define which)."""
    from policykg.queries.network import responsibility_network

    return responsibility_network(store)


@pytest.fixture(scope="module")
def found(store):
    """Every finding of the auditor's report on the module's ``store``."""
    from policykg.queries.report import findings

    return findings(store)


def of_kind(found: list, kind: str) -> list:
    return [f for f in found if f.kind == kind]


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium, driven by Playwright (installed by `make test`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def guarded_tab(browser, allowed: str, **context_options):
    """A new tab that lets through only URLs starting with ``allowed`` and records, in the returned
    list, every other request, console error, page error and failed request."""
    context = browser.new_context(**context_options)
    problems: list[str] = []

    def guard(route):
        if route.request.url.startswith(allowed):
            route.continue_()
        else:
            problems.append(f"request {route.request.url}")
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    tab.on("console", lambda m: problems.append(f"console {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(f"error {e}"))
    tab.on("requestfailed", lambda r: problems.append(f"failed {r.url}"))
    return tab, problems

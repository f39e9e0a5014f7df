"""`make bench` end to end on a tiny corpus: every stage runs and the report states the goals."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_the_benchmark_runs_and_reports(tmp_path):
    report = tmp_path / "RESULTS.md"
    command = [sys.executable, "-m", "bench.run", "--sizes", "6", "--full", "6", "--rdflib", "0", "--views", "0"]
    command += ["--overlaps", "1000,2000", "--repeat", "1", "--write", str(report)]
    env = {**os.environ, "POLICYKG_BENCH_WORK": str(tmp_path / "work")}
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=900)
    text = report.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| 6 |"))
    assert len(row.split("|")) == 18 and "—" not in row  # every column filled: full build, Oxigraph's own load
    assert "| measures_text_search |" not in text and "| measure_text_search |" in text
    assert "- growth 2,000/1,000 measures" in text
    assert text.count("- met") + text.count("- **missed**") == 6
    assert "default build within 2× of Oxigraph's own load at 6 documents" in text


@pytest.mark.slow
def test_picked_parameters_find_answers(bundled):
    """The benchmark times each question on parameters picked from the graph; each pick must find
    something on the bundled build, or the timing would be of an empty answer."""
    from bench.params import USES, pick
    from policykg.queries import catalogue

    required = {(q.name, p.name) for q in catalogue.load().values() for p in q.params if p.default is None}
    assert {(q, p) for q, uses in USES.items() for p in uses} == required  # every one is picked
    store = catalogue.store_at(bundled[0])
    values = pick(store)
    assert set(values) == set(USES)
    for name, params in values.items():
        assert catalogue.run(store, catalogue.load()[name], params), (name, params)

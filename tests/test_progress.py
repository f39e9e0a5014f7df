"""Progress of long work (policykg/progress.py): a bar with counts, rate and time left on a terminal,
a line per stage with its time elsewhere, nothing when quiet; and the benchmark's steps said with
their size."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT
from policykg.progress import Progress

DONE = re.compile(r"(.+): (.+) done in \d+\.\d s")


def count_then_write(progress: Progress, things: int) -> None:
    with progress.stage("counting"):
        bar = progress.bar(things, "things", "thing")
        for _ in range(things):
            bar.update()
        bar.close()
    with progress.stage("writing"):
        pass


def test_off_a_terminal_each_stage_is_a_line_with_its_time(capsys):
    count_then_write(Progress("policykg test"), 3)
    said = capsys.readouterr().err.splitlines()
    assert [DONE.fullmatch(line).groups() for line in said] == [  # type: ignore[union-attr]
        ("policykg test", "counting"),
        ("policykg test", "writing"),
    ]


def test_on_a_terminal_a_bar_shows_counts_rate_and_time_left_and_no_lines(capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    count_then_write(Progress("policykg test"), 3)
    shown = capsys.readouterr().err
    assert re.search(r"things: 100%\|.*\| 3/3 \[\d\d:\d\d<\d\d:\d\d, +[\d.]+thing/s\]", shown), shown
    assert "done in" not in shown


def test_quiet_says_nothing_on_a_terminal_or_off_it(capsys, monkeypatch):
    count_then_write(Progress("policykg test", quiet=True), 3)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    count_then_write(Progress("policykg test", quiet=True), 3)
    assert capsys.readouterr().err == ""


def test_a_stage_that_fails_is_not_said_to_be_done(capsys):
    progress = Progress("policykg test")
    with pytest.raises(ValueError), progress.stage("failing"):
        raise ValueError("broken")
    assert capsys.readouterr().err == ""


def test_a_bar_of_stages_names_the_stage_under_way_and_counts_it(capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    progress = Progress("bench")
    steps = progress.bar(2, "6 documents", "step")
    with progress.stage("core build", steps):
        assert steps.n == 0 and "core build" in str(steps)
    with progress.stage("views", steps):
        pass
    steps.close()
    assert steps.n == 2 and "2/2" in capsys.readouterr().err


@pytest.mark.slow
def test_the_benchmark_says_each_step_with_its_size(tmp_path):
    command = [sys.executable, "-m", "bench.run", "--sizes", "6", "--full", "0", "--rdflib", "0", "--views", "6"]
    command += ["--overlaps", "1000", "--repeat", "1"]
    env = {**os.environ, "POLICYKG_BENCH_WORK": str(tmp_path / "work")}
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr
    said = [DONE.fullmatch(line) for line in run.stderr.splitlines()]
    assert [m.groups() for m in said if m] == [
        ("bench 6 documents", "corpus"),
        ("bench 6 documents", "floor"),
        ("bench 6 documents", "core build"),
        ("bench 6 documents", "oxigraph load"),
        ("bench 6 documents", "queries"),
        ("bench 6 documents", "views"),
        ("bench 6 documents", "add to core build"),
        ("bench", "overlaps on 1000 measures"),
    ]

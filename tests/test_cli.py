"""The command line: outline as a tree and as JSON; the build writes and swaps its output; the build and
the views say how far they have got."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import CORPUS

DOC = CORPUS / "puyang-2023-manufacturing-doubling.txt"


def policykg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policykg", *args], capture_output=True, text=True, encoding="utf-8")


def test_outline_tree_shows_metadata_counts_and_items():
    out = policykg("outline", str(DOC))
    assert out.returncode == 0, out.stderr
    assert "number:  濮办〔2023〕6号" in out.stdout
    assert "items:   level 1: 3 · level 2: 9 · level 3: 14 · total 26" in out.stdout
    assert "\n    11  培植良好产业生态\n" in out.stdout  # 二/（四）/11, indented two levels


def test_outline_json_nests_items_with_spans_into_the_original():
    data = json.loads(policykg("outline", "--json", str(DOC)).stdout)
    original = DOC.read_text(encoding="utf-8")
    second = data["items"][1]
    assert second["path"] == "二" and second["title"] == "重点任务"
    measure = second["children"][3]["children"][1]
    assert measure["path"] == "二/（四）/10" and measure["title"] == "聚力提升开发区能级"
    start, end = measure["span"]
    assert original[start:end].startswith("10. 聚力提升开发区能级。")
    assert original[start:end].endswith("市商务局）")


@pytest.mark.slow
def test_build_writes_outlines_and_replaces_the_previous_build(tmp_path):
    out = tmp_path / "build"
    (out / "outlines").mkdir(parents=True)
    (out / "stale.txt").write_text("from an earlier build")
    (out / ".policykg").write_text("0")  # the mark every build folder carries
    result = policykg("build", "--corpus", str(CORPUS), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert f"from {len(list(CORPUS.glob('*.txt')))} documents" in result.stdout
    assert sorted(p.name for p in (out / "outlines").iterdir()) == sorted(
        f"{p.stem}.json" for p in CORPUS.glob("*.txt")
    )
    assert not (out / "stale.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["build", out.resolve().name])  # nothing else


@pytest.mark.slow
def test_build_writes_only_the_graph_files_asked_for(tmp_path):
    out = tmp_path / "build"
    result = policykg("build", "--out", str(out), "--no-reasoner", "--no-shacl", "--formats", "nt")
    assert result.returncode == 0, result.stderr
    # build.json, records.jsonl and documents/ are what `build --add` reads
    add = {"build.json", "records.jsonl", "documents"}
    assert {p.name for p in out.iterdir()} == {".policykg", "kg", "outlines", "store", *add}
    wrong = policykg("build", "--out", str(out), "--formats", "nt,rdfxml")
    assert wrong.returncode == 2 and "unknown format rdfxml (choose from nt, ttl, jsonld)" in wrong.stderr


@pytest.mark.slow
def test_build_says_each_stage_in_a_line_off_a_terminal_and_nothing_when_quiet(tmp_path):
    args = ("build", "--out", str(tmp_path / "build"), "--no-reasoner", "--formats", "nt")
    said = policykg(*args).stderr.splitlines()
    stages = [line.split()[2] for line in said if line.startswith("policykg build: ")]
    assert stages == ["documents", "store", "summaries", "checks", "files"]
    assert all(line.endswith(" s") for line in said if line.startswith("policykg build: "))
    quiet = policykg(*args, "--quiet")
    assert quiet.returncode == 0 and "policykg build:" not in quiet.stderr


@pytest.mark.slow
def test_viz_says_each_stage_in_a_line_off_a_terminal_counts_its_pages_on_one_and_nothing_when_quiet(
    built, tmp_path, capsys, monkeypatch
):
    from policykg.cli import main

    out = tmp_path / "viz"
    args = ["viz", "--build", str(built[0]), "--out", str(out)]
    assert main(args) == 0
    said = capsys.readouterr().err.splitlines()
    assert [line.split(" done in ")[0] for line in said] == [
        "policykg viz: reading the store",
        "policykg viz: writing the pages",
    ]
    assert all(re.fullmatch(r".* done in \d+\.\d s", line) for line in said)
    assert main([*args, "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(args) == 0
    shown = capsys.readouterr().err
    pages = len(list(out.rglob("*.html")))
    assert re.search(rf"pages: 100%\|.*\| {pages}/{pages} \[", shown), shown  # every page written is counted
    assert re.search(r"reading the store: 100%\|.*\| (\d+)/\1 \[", shown), shown
    assert "done in" not in shown

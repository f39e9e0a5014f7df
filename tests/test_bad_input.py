"""Bad input gets a clear message naming the file and the place, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import CORPUS
from policykg.graph.outline import read_outline

POLICYKG = [sys.executable, "-m", "policykg"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*POLICYKG, *args], capture_output=True, text=True, encoding="utf-8")


def test_gbk_document_reads_like_its_utf8_original(tmp_path):
    source = CORPUS / "zhumadian-2021-industrial-quality-plan.txt"
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(source.read_text(encoding="utf-8").encode("gbk"))
    a, b = read_outline(source), read_outline(gbk)
    assert [(i.path, i.title) for i in a.walk()] == [(i.path, i.title) for i in b.walk()]
    assert a.metadata.document_number == b.metadata.document_number == "驻政办〔2021〕10号"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty file"),
        (b"\x00\x01\x02PK\x03\x04" * 100, "binary file"),
        (b"\xe5\x8f\x91\x80\x80\x80" * 10, "neither UTF-8 nor GB18030"),
    ],
    ids=["empty", "binary", "undecodable"],
)
def test_unreadable_file_is_a_usage_error_with_a_message(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("outline", str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith("policykg: bad.txt")
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_text_without_numbering_is_read_as_one_block_with_a_warning(tmp_path):
    doc = tmp_path / "plain.txt"
    doc.write_text("关于做好工业经济工作的通知\n\n各县区要切实加强组织领导，确保完成全年目标任务。\n", encoding="utf-8")
    outline = read_outline(doc)
    assert list(outline.walk()) == []
    assert outline.metadata.title == "关于做好工业经济工作的通知"
    assert [str(p) for p in outline.problems] == [
        "plain.txt: warning: no numbered items (一、 / (一) / 1.) found: the document is read as one block"
    ]
    result = run("outline", "--strict", str(doc))
    assert result.returncode == 1 and "plain.txt: warning: no numbered items" in result.stderr


def test_truncated_annex_row_is_reported_with_its_line(tmp_path):
    text = (CORPUS / "zhumadian-2019-industrial-clusters-plan.txt").read_text(encoding="utf-8")
    cut = text.index("市发改委、科技局、工信局、财政局") - 2  # after "配套实行差别化政策"
    doc = tmp_path / "cut.txt"
    doc.write_text(text[:cut], encoding="utf-8")
    outline = read_outline(doc)
    rows = outline.annexes[0].rows
    assert rows[-1].cells == ("2", "配套实行差别化政策")
    line = text[:cut].count("\n") - 1  # the row's first cell
    assert [str(p) for p in outline.problems] == [
        f"cut.txt:{line}: warning: 附件: row 2 has 2 of 4 cells (truncated table?)"
    ]


def test_repeated_number_is_reported(tmp_path):
    doc = tmp_path / "repeat.txt"
    doc.write_text("工作方案\n一、总体要求\n（一）指导思想。坚持。\n（一）主要目标。到2025年。\n", encoding="utf-8")
    outline = read_outline(doc)
    assert [i.path for i in outline.walk()] == ["一", "一/（一）", "一/（一）"]
    assert [str(p) for p in outline.problems] == ["repeat.txt:4: warning: numbering jumps to （一） (expected 2)"]

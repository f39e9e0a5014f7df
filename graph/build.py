"""The build: every document of a corpus into ``build/``, written to a temporary folder and
swapped in only when everything succeeded, so a failed build leaves the previous one intact."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from policykg.corpus import bundled_corpus
from policykg.errors import CorpusError, PolicyKGError, Problem
from policykg.graph.outline import Outline, outline_to_dict, read_outline


@dataclass
class Summary:
    out: Path
    outlines: list[Outline] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    def report(self) -> str:
        items = sum(len(list(o.walk())) for o in self.outlines)
        rows = sum(len(a.rows) for o in self.outlines for a in o.annexes)
        lines = [
            f"built {self.out}/ from {len(self.outlines)} documents: {items} numbered items, {rows} annex rows",
            *(f"  wrote {p}" for p in self.written),
        ]
        if self.problems:
            lines.append(f"{len(self.problems)} problems:")
            lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)


def corpus_files(corpus: Path) -> list[Path]:
    """The documents of a corpus folder, in a stable order."""
    if not corpus.is_dir():
        raise PolicyKGError(f"{corpus}: not a folder")
    files = sorted(p for p in corpus.iterdir() if p.suffix == ".txt" and p.is_file())
    if not files:
        raise PolicyKGError(f"{corpus}: no .txt documents")
    return files


def build(corpus: Path | None, out: Path) -> Summary:
    corpus = corpus or bundled_corpus()
    summary = Summary(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        (staging / "outlines").mkdir()
        for path in corpus_files(corpus):
            try:
                outline = read_outline(path)
            except CorpusError as err:
                summary.problems.append(Problem(err.file, err.line, "error", err.message))
                continue
            summary.outlines.append(outline)
            summary.problems += outline.problems
            target = staging / "outlines" / f"{path.stem}.json"
            target.write_text(
                json.dumps(outline_to_dict(outline), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            summary.written.append(out / "outlines" / target.name)
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return summary


def _swap(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` with renames only (each atomic on one file system)."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-old-{os.getpid()}")
        out.rename(old)
    staging.rename(out)
    if old:
        shutil.rmtree(old)

"""The command line's table: one line a row, whatever the values hold (run in-process)."""

from __future__ import annotations

import gc

from pyoxigraph import Store

from policykg.cli import CELL_WIDTH, _width, main

QUOTE = "推进标准地出让。\n  （责任单位：市发改委、\r\n市财政局）\t另起"
LONG = "实行工业用地标准地出让" * 12


def test_multi_line_and_long_cells_keep_each_row_on_one_line(tmp_path, capsys):
    Store(str(tmp_path / "store")).flush()  # an empty store: the values come from the query itself
    gc.collect()  # the writer's lock goes with it
    query = f'SELECT ?path ?quote WHERE {{ VALUES (?path ?quote) {{ ("二/（一）" """{QUOTE}""") ("1" "{LONG}") }} }}'
    assert main(["sparql", query, "--build", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    header, first, second = out.splitlines()
    assert header.split() == ["path", "quote"] and "(2 rows)" in err
    assert first.split(None, 1) == ["二/（一）", "推进标准地出让。 （责任单位：市发改委、 市财政局） 另起"]
    cut = second.split(None, 1)[1]
    assert cut.endswith("…") and LONG.startswith(cut[:-1]) and _width(cut) <= CELL_WIDTH
    starts = {_width(line[: line.index(cell)]) for line, cell in ((header, "quote"), (first, "推进"), (second, cut))}
    assert len(starts) == 1  # the second column starts in the same screen column on every line

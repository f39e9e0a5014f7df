"""The auditor's report: every finding of the analyses, as one HTML page, a CSV table and a workbook.

The analyses each answer one question; an auditor wants one list, ordered by how much it matters
(errors first), with the documents, paths, agencies and quoted sentences to check each finding
against the texts. The HTML page is one self-contained file (inline CSS, no script, no external
asset), written from a template that escapes everything that comes from the data.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet
from pyoxigraph import Store

from policykg.publish import write_atomically, write_text
from policykg.queries.catalogue import store_at
from policykg.queries.export import write_csv
from policykg.queries.findings import SEVERITIES, Finding
from policykg.queries.flow_audit import flow_findings
from policykg.queries.near_duplicates import THRESHOLD, overlap_findings, topics
from policykg.queries.responsibility_flags import lead_conflicts, responsibility_flags
from policykg.queries.store_rows import rows, stem
from policykg.queries.target_checks import target_findings
from policykg.templating import environment

COLUMNS = ("kind", "severity", "message", "documents", "paths", "agencies", "quotes")
KINDS = {
    "tier-count": "the body's count of zones per tier or star against the annex table, year by year",
    "threshold-count": "a count of things above an amount against the annex amounts of that year",
    "sum": "amounts of zones or clusters added up against the city-wide target",
    "growth-path": "yearly growth rates compounded against the doubling (倍增) they must reach",
    "indicator-trend": "one indicator's targets across the city's documents: raised, lowered or repeated",
    "conflict": "the same task given different lead agencies by documents of one city",
    "diffused": "a measure with several lead agencies",
    "gap": "a task or a measure with targets that no agency is made accountable for",
    "overlap": f"measures that say nearly the same (clause bigrams, Jaccard ≥ {THRESHOLD})",
    "weakened-target": "a lower document's target weaker than the upper one for the task it carries out",
    "not-taken-up": "a task of an upper document that no document based on it carries out (by the alignment)",
    "lead-moved": "a task carried out lower down by another type of body than its upper lead",
}
SEP = " | "


def findings(store: Store) -> list[Finding]:
    """Every finding on the store: target consistency, overlaps and conflicts, diffused leads and gaps,
    and the flow from upper to lower documents.

    Ordered by severity (error, warning, info), then kind, documents, paths and message.
    """
    found_topics = topics(store)
    found = target_findings(store) + overlap_findings(found_topics) + lead_conflicts(found_topics)
    found += responsibility_flags(store) + flow_findings(store)
    return sorted(found, key=Finding.sort_key)


def _cells(f: Finding) -> dict[str, str]:
    return {
        "kind": f.kind,
        "severity": f.severity,
        "message": f.message,
        "documents": SEP.join(f.documents),
        "paths": SEP.join(f.paths),
        "agencies": SEP.join(f.agencies),
        "quotes": SEP.join(f.quotes),
    }


def counts(found: list[Finding]) -> dict[str, dict[str, int]]:
    """Findings by kind and severity, every kind and severity present (zeros included).

    >>> counts([Finding("gap", "warning", "m", ("d",), ("一",))])["gap"]
    {'error': 0, 'warning': 1, 'info': 0}
    """
    tally = Counter((f.kind, f.severity) for f in found)
    kinds = list(KINDS) + sorted({f.kind for f in found} - set(KINDS))
    return {k: {s: tally[(k, s)] for s in SEVERITIES} for k in kinds}


def render_html(found: list[Finding], documents: Sequence[tuple[str, str, str]] = (), title: str = "") -> str:
    """The report as one self-contained HTML page, from templates/report.html (which escapes everything).

    ``documents`` are (file stem, number, title) of the documents audited.
    """
    table = counts(found)
    groups = [(kind, group) for kind in table if (group := [f for f in found if f.kind == kind])]
    template = environment(Path(__file__).parent / "templates").get_template("report.html")
    return template.render(
        title=title or "Policy documents: audit findings",
        documents=documents,
        severities=SEVERITIES,
        kinds=KINDS,
        counts=table,
        found=found,
        groups=groups,
    )


def render_csv(found: list[Finding]) -> str:
    """The findings as CSV: one row each, lists joined by `` | ``."""
    buffer = io.StringIO()
    write_csv(buffer, COLUMNS, (_cells(f) for f in found))
    return buffer.getvalue()


def _workbook(found: list[Finding]) -> Workbook:
    """The findings as a sheet of text cells; characters a worksheet cannot hold (a page break's
    form feed kept in a quote) are dropped rather than failing the report."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook opens on its one worksheet
    sheet.title = "findings"
    sheet.append(COLUMNS)
    for f in found:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", _cells(f)[c]) for c in COLUMNS])
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"  # text, never a formula: a quote may start with "="
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFG", (16, 9, 80, 36, 30, 40, 60)):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    summary = book.create_sheet("summary")
    summary.append(["kind", *SEVERITIES, "total"])
    for kind, by_severity in counts(found).items():
        summary.append([kind, *(by_severity[s] for s in SEVERITIES), sum(by_severity.values())])
    return book


def write_findings(
    found: list[Finding], out_dir: Path | str, documents: Sequence[tuple[str, str, str]] = ()
) -> list[Path]:
    """Write report.html, findings.csv and findings.xlsx into ``out_dir``; return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    page, table = render_html(found, documents), render_csv(found)
    return [
        write_text(out / "report.html", page),
        write_text(out / "findings.csv", table),
        write_atomically(out / "findings.xlsx", lambda p: _workbook(found).save(p)),
    ]


def write_report(build_dir: Path | str, out_dir: Path | str) -> list[Path]:
    """The report of a build (a folder written by ``policykg build``): report.html, findings.csv, findings.xlsx."""
    store = store_at(Path(build_dir))
    documents = [
        (stem(d["source_file"]), d["number"], d["title"]) for d in rows(store, "documents") if d["source_file"]
    ]
    return write_findings(findings(store), out_dir, sorted(documents))

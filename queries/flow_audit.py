"""What the auditor finds in the flow of policy from an upper document to the documents based on it:
a task no lower document takes up, a target a lower document sets weaker than the upper one, and a
task whose lower version is led by another type of body than the upper lead.

Each finding rests on the alignment of measures (graph/flow.py), which is lexical: a task reported
as not taken up may be carried out in words the alignment does not see, so those are information
to check, not errors. The findings come from the catalogue's flow questions, asked for every upper
document of the corpus.
"""

from __future__ import annotations

from collections import defaultdict

from pyoxigraph import Store

from policykg.queries.catalogue import load, run
from policykg.queries.findings import Finding
from policykg.queries.store_rows import rows, stem


def _upper_documents(store: Store) -> list[str]:
    """The source files of the documents some corpus document is based on or mirrors."""
    files = {r["document"]: r["source_file"] for r in rows(store, "documents") if r["source_file"]}
    cited = {r["cited"] for r in rows(store, "citations") if r["relation"] in ("based_on", "mirrors")}
    return sorted(files[d] for d in cited if d in files)


def flow_findings(store: Store) -> list[Finding]:
    """``not-taken-up``, ``weakened-target`` and ``lead-moved`` findings for every chain of the corpus."""
    questions = load()
    out = []
    lowered = (r for r in run(store, questions["targets_across_levels"]) if r["comparison"] == "lowered")
    for r in lowered:
        upper, lower = stem(r["upper_source_file"]), stem(r["lower_source_file"])
        out.append(
            Finding(
                "weakened-target",
                "warning",
                f"{lower} {_where(r['lower_path'])} sets {r['lower_indicator']} {r['lower_value']}{r['lower_unit']}"
                f"{_due(r['lower_year'])}, weaker than {upper} {_where(r['upper_path'])}: "
                f"{r['upper_indicator']} {r['upper_value']}{r['upper_unit']}{_due(r['upper_year'])}",
                (upper, lower),
                (f"{upper} {_where(r['upper_path'])}", f"{lower} {_where(r['lower_path'])}"),
            )
        )
    for source_file in _upper_documents(store):
        document = stem(source_file)
        for r in run(store, questions["measures_not_taken_up"], {"document": source_file}):
            out.append(
                Finding(
                    "not-taken-up",
                    "info",
                    f"{r['path']} «{r['title'] or r['text'][:30]}» of {document} is carried out by no measure "
                    "of the documents based on it",
                    (document,),
                    (r["path"],),
                    (),
                    (r["text"],),
                )
            )
        out.extend(_leads_moved(document, run(store, questions["lead_types_across_levels"], {"document": source_file})))
    return out


def _due(year: str) -> str:
    return f" by {year}" if year else ""


def _where(path: str) -> str:
    """A measure's path, or the preamble for a document's own goal (of no measure)."""
    return path or "preamble"


# Upper leads that hand a task to the lower governments as a whole (各区人民政府, 各级人民政府, the
# government itself): whichever body of the lower government leads it there, the task has not moved.
_WHOLE_GOVERNMENTS = {"CollectiveBody", "GovernmentOffice"}


def _leads_moved(document: str, leads: list[dict[str, str]]) -> list[Finding]:
    """An aligned pair of measures none of whose lower leads has a functional type of the upper leads,
    when an upper lead is a body with a function of its own (a department, not a government)."""
    pairs: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for r in leads:
        pairs[(r["upper_path"], stem(r["lower_source_file"]), r["lower_path"])].append(r)
    out = []
    for (upper_path, lower, lower_path), rs in sorted(pairs.items()):
        functional = [r for r in rs if r["upper_type"] and r["upper_kind"] not in _WHOLE_GOVERNMENTS]
        if any(r["same_type"] == "true" for r in rs) or not functional:
            continue
        uppers = tuple(dict.fromkeys(f"{r['upper_agency']} ({r['upper_type']})" for r in functional))
        lowers = tuple(dict.fromkeys(f"{r['lower_agency']} ({r['lower_type'] or 'no known type'})" for r in rs))
        out.append(
            Finding(
                "lead-moved",
                "info",
                f"{document} {upper_path} is led by {'、'.join(uppers)}; {lower} {lower_path}, which carries it "
                f"out, by {'、'.join(lowers)}",
                (document, lower),
                (f"{document} {upper_path}", f"{lower} {lower_path}"),
                tuple(dict.fromkeys([r["upper_agency"] for r in rs] + [r["lower_agency"] for r in rs])),
            )
        )
    return out

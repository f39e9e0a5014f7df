"""The responsibility flags an auditor raises: a task given different leads by documents of one
city, a measure with several leads, and a task nobody is made accountable for.

Plans of one city repeat each other; when two documents give the same task (a topic of
:mod:`policykg.queries.near_duplicates`) to different leads, they conflict.
"""

from __future__ import annotations

import re
from collections import defaultdict

from pyoxigraph import Store

from policykg.queries.findings import Finding
from policykg.queries.near_duplicates import BOILERPLATE, Topic, TopicMeasure
from policykg.queries.store_rows import annex_row_node, rows, stem

ACCOUNTABLE = ("lead", "responsible", "implementer")
TASK_SECTION = re.compile(r"任务|措施")
GOAL = re.compile(r"目标")


def _leads(m: TopicMeasure) -> tuple[tuple[str, ...], bool]:
    """The leads of a measure, and whether they are written as such (else: the first-named responsible agency)."""
    written = m.agencies.get("lead", ())
    return (written, True) if written else (m.agencies.get("responsible", ())[:1], False)


def lead_conflicts(found: list[Topic]) -> list[Finding]:
    """A ``conflict`` where documents of one city give a topic's task different leads."""
    out = []
    for t in found:
        by_city: dict[str, list[TopicMeasure]] = defaultdict(list)
        for m in (m for m in t.measures if _leads(m)[0]):
            by_city[m.city].append(m)
        for city, members in sorted(by_city.items()):
            leads = [_leads(m) for m in members]
            if len({m.document for m in members}) < 2 or len({names for names, _ in leads}) < 2:
                continue
            disjoint = not set.intersection(*(set(names) for names, _ in leads))
            said = "; ".join(
                f"{m.where}: {'、'.join(names)}{'' if written else ' (first-named responsible)'}"
                for m, (names, written) in zip(members, leads)
            )
            out.append(
                Finding(
                    "conflict",
                    "warning" if disjoint and all(w for _, w in leads) else "info",
                    f"«{t.label}»: documents of {city} give this task different leads — {said}",
                    tuple(sorted({m.document for m in members})),
                    tuple(m.where for m in members),
                    tuple(dict.fromkeys(a for names, _ in leads for a in names)),
                    t.quotes,
                )
            )
    return out


def responsibility_flags(store: Store) -> list[Finding]:
    """``diffused``: a measure with several leads; ``gap``: a measure with nobody accountable for it.

    A gap is a leaf measure that sets targets or sits in a 任务 or 措施 section, to which no agency is
    assigned as lead, responsible or implementer: a warning when nobody at all is named, info when the
    item states goals (目标) or names only a coordinator or supporting agencies.
    """
    items = {i["item"]: i for i in rows(store, "items")}
    assigned: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows(store, "responsibilities"):
        assigned[r["measure"] or annex_row_node(r)].append(r)
    stated: dict[str, list[str]] = defaultdict(list)
    for t in rows(store, "targets"):
        stated[t["item"]].append(t["quote"])
    out = []
    for node, rs in sorted(assigned.items()):
        leads = [r for r in sorted(rs, key=lambda r: int(r["rank"])) if r["role"] == "lead"]
        if len({r["agency"] for r in leads}) > 1:
            item = items.get(node, {"path": "", "title": "an annex row that matches no item"})
            how = "written as sharing the lead (按职责分工负责)" if all(r["joint"] == "true" for r in leads) else ""
            names = tuple(dict.fromkeys(r["agency_zh"] for r in leads))
            out.append(
                Finding(
                    "diffused",
                    "warning",
                    f"{item['path']} «{item['title']}» has {len(names)} lead agencies, "
                    f"{how or 'listed side by side'}: {'、'.join(names)}",
                    (stem(rs[0]["source_file"]),),
                    (item["path"],) if item["path"] else (),
                    names,
                    tuple(dict.fromkeys(r["quote"] for r in leads)),
                )
            )
    parents = {i["parent"] for i in items.values()}
    for node, item in sorted(items.items(), key=lambda x: (x[1]["source_file"], int(x[1]["order"]))):
        chain = [item]
        while chain[-1]["parent"]:
            chain.append(items[chain[-1]["parent"]])
        named = assigned.get(node, [])
        if (
            item["is_measure"] != "true" or node in parents or item["title"] in BOILERPLATE
            or not (stated.get(node) or any(TASK_SECTION.search(i["title"]) for i in chain[1:]))
            or {r["role"] for r in named} & set(ACCOUNTABLE)
        ):  # fmt: skip
            continue
        n = len(stated.get(node, []))
        out.append(
            Finding(
                "gap",
                "info" if named or any(GOAL.search(i["title"]) for i in chain[:2]) else "warning",
                f"{item['path']} «{item['title']}»: no agency is made lead, responsible or implementer"
                + ("; only " + "、".join(f"{r['agency_zh']} ({r['role']})" for r in named) if named else "")
                + (f"; it sets {n} target{'s' if n > 1 else ''}" if n else ""),
                (stem(item["source_file"]),),
                (item["path"],),
                tuple(r["agency_zh"] for r in named),
                tuple(dict.fromkeys([r["quote"] for r in named] + stated.get(node, []))) or (_opening(item),),
            )
        )
    return out


def _opening(item: dict[str, str]) -> str:
    """The item's text up to its first full stop after the title (what the item is about).

    >>> _opening({"title": "强化要素保障", "text": "强化要素保障。降低成本。其他"})
    '强化要素保障。降低成本。'
    """
    stop = item["text"].find("。", len(item["title"]) + 1 if item["text"].startswith(item["title"]) else 0)
    return item["text"] if stop < 0 else item["text"][: stop + 1]

"""The benchmark's figures as Markdown: ratios first, the goals checked, then the detail.

``python -m bench.report [--results JSON] [--write FILE]`` renders a run again (bench/work/results-*.json)."""

from __future__ import annotations

import statistics

from bench.run import GOALS, Size

MB, GIB = 1e6, 2**30


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.1f}×" if b else "—"


def _goal(ok: bool, text: str) -> str:
    return f"- {'met' if ok else '**missed**'}: {text}"


def render(sizes: list[Size], overlaps: dict[int, float], machine: str, options: str) -> str:
    out = ["# Benchmark results", "", f"Machine: {machine}.", f"Command: `python -m bench.run {options}`.", ""]
    out += [
        "## The build against the floor",
        "",
        "The floor is a plain pass over the same files: read, decode, one regex. *core* is the build",
        "without SHACL and the reasoner (extraction, triples, store, files); *full* is `policykg build`.",
        "",
        "*oxigraph load* is Oxigraph's own bulk load of the same kg.nt into a new store (`oxigraph load`):",
        "what storing the graph costs at all.",
        "",
        "| documents | MB | floor s | core s | core ÷ floor | docs/s | MB/s | triples | peak RSS | store | kg.nt |"
        " oxigraph load s | full s | full ÷ core | full ÷ oxigraph load | full peak RSS |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in sizes:
        c, f = s.core, s.full
        load = s.load_seconds
        full = (
            [
                f"{f['seconds']:.1f}",
                _ratio(f["seconds"], c["seconds"]),
                _ratio(f["seconds"], load) if load else "—",
                f"{f['peak_rss'] / GIB:.2f} GiB",
            ]
            if f
            else ["—"] * 4
        )
        out.append(
            "| "
            + " | ".join(
                [
                    f"{s.documents:,}",
                    f"{s.megabytes:.0f}",
                    f"{s.floor_seconds:.2f}",
                    f"{c['seconds']:.1f}",
                    _ratio(c["seconds"], s.floor_seconds),
                    f"{s.documents / c['seconds']:.1f}",
                    f"{s.megabytes / c['seconds']:.2f}",
                    f"{c['triples']:,}",
                    f"{c['peak_rss'] / GIB:.2f} GiB",
                    f"{c['store_bytes'] / MB:.0f} MB",
                    f"{c['nt_bytes'] / MB:.0f} MB",
                    f"{load:.1f}" if load else "—",
                    *full,
                ]
            )
            + " |"
        )
    out += ["", "Phases of the build (wall seconds):", ""]
    for s in sizes:
        for kind, run in (("core", s.core), ("full", s.full)):
            if run and run.get("phases"):
                phases = ", ".join(f"{k} {v:.0f}" for k, v in run["phases"].items())
                out.append(f"- {s.documents:,} documents, {kind}: {phases}")
    out += ["", "Where the time goes (seconds summed over the worker processes):", ""]
    out += [
        "| documents | build | " + " | ".join(_stage_names(sizes)) + " |",
        "|---|---|" + "---:|" * len(_stage_names(sizes)),
    ]
    for s in sizes:
        for kind, run in (("core", s.core), ("full", s.full)):
            if run:
                out.append(
                    f"| {s.documents:,} | {kind} | "
                    + " | ".join(f"{run['stages'].get(k, 0):.1f}" for k in _stage_names(sizes))
                    + " |"
                )

    out += _added(sizes)
    timed = [s for s in sizes if s.queries]
    names = sorted(timed[0].queries) if timed else []
    out += ["", "## Catalogue questions", ""] if timed else []
    header = " | ".join(f"{s.documents:,} docs: first page ms | all rows ms" for s in timed)
    compared = [s for s in sizes if s.rdflib]
    extra = " | ".join(f"rdflib {s.documents:,} ms | rdflib ÷ Oxigraph" for s in compared)
    if timed:
        out += [
            f"| question | {header} | rows (largest) | {extra} |".replace("|  |", "|"),
            "|---|" + "---:|" * (2 * len(timed) + 1 + 2 * len(compared)),
        ]
    for name in names:
        cells = [f"{s.queries[name].get(k, float('nan')):.1f}" for s in timed for k in ("first_page_ms", "ms")]
        cells.append(str(timed[-1].queries[name]["rows"]))
        for s in compared:
            ms = s.rdflib[name]
            cells += ["did not finish", "—"] if ms is None else [f"{ms:.0f}", _ratio(ms, s.queries[name]["ms"])]
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    for s in timed:
        picked = {n: v["params"] for n, v in sorted(s.queries.items()) if v.get("params")}
        if picked:
            listed = "; ".join(f"{n} ({', '.join(f'{k} {v}' for k, v in p.items())})" for n, p in picked.items())
            out += ["", f"Parameters picked from the {s.documents:,}-document graph (bench/params.py): {listed}."]

    out += ["", "## Overlap detection and views", ""]
    counts = sorted(overlaps)
    for n in counts:
        out.append(f"- {n:,} measures: {overlaps[n]:.1f} s")
    if len(counts) >= 2:
        a, b = counts[0], counts[-1]
        out.append(f"- growth {b:,}/{a:,} measures: time × {overlaps[b] / overlaps[a]:.1f} for × {b // a} measures")
    for s in sizes:
        if s.views_seconds is not None:
            out.append(f"- views of the {s.documents:,}-document build: {s.views_seconds:.1f} s")

    out += ["", "## Goals", ""]
    largest = sizes[-1]
    # the goals are the default build's: measured, else the core build's stands in
    build, kind = (largest.full, "default") if largest.full else (largest.core, "core")
    per_doc = build["seconds"] / largest.documents
    out.append(
        _goal(
            largest.documents >= 10_000 and build["seconds"] < GOALS["build_seconds_10k"],
            f"10,000 documents in under 5 minutes: {kind} build of {largest.documents:,} took "
            f"{build['seconds']:.0f} s ({per_doc * 10_000:.0f} s per 10,000 at this rate)",
        )
    )
    peak, kind = max(((s.full or s.core)["peak_rss"], "default" if s.full else "core") for s in sizes)
    memory = f"peak memory under 4 GiB: {kind} build, {peak / GIB:.2f} GiB"
    out.append(_goal(peak / GIB < GOALS["build_rss_gib"], memory))
    validated = [s for s in sizes if s.full and s.load_seconds]
    if validated:
        v = validated[-1]
        ratio = v.full["seconds"] / v.load_seconds
        out.append(
            _goal(
                ratio <= GOALS["load_multiple"],
                f"default build within 2× of Oxigraph's own load at {v.documents:,} documents: {ratio:.1f}×",
            )
        )
    multiple = largest.core["seconds"] / largest.floor_seconds
    out.append(_goal(multiple < GOALS["floor_multiple"], f"within 10× of the floor: {multiple:.0f}×"))
    if timed:
        first = {n: v.get("first_page_ms", v["ms"]) for n, v in timed[-1].queries.items()}
        slow = {n: ms for n, ms in first.items() if ms >= GOALS["query_ms"]}
        out.append(
            _goal(
                not slow,
                f"every question's first page under 200 ms at {timed[-1].documents:,} documents: "
                f"{len(slow)} of {len(names)} "
                "are not: " + (", ".join(f"{n} {ms:.0f} ms" for n, ms in sorted(slow.items())) or "none"),
            )
        )
    for s in compared:
        finished = [n for n in names if s.rdflib[n] is not None]
        ratios = [s.rdflib[n] / max(s.queries[n]["ms"], 1e-3) for n in finished]
        below = [n for n, r in zip(finished, ratios) if r < GOALS["rdflib_ratio"]]
        out.append(
            _goal(
                not below,
                f"10× faster than rdflib at {s.documents:,} documents: median ratio {statistics.median(ratios):.0f}× "
                f"over the {len(finished)} questions rdflib finished ({len(names) - len(finished)} did not finish "
                "within the budget)" + (f"; below 10× for {', '.join(below)}" if below else ""),
            )
        )
    if len(counts) >= 2:
        growth = overlaps[counts[-1]] / overlaps[counts[0]]
        out.append(_goal(growth < 15, f"overlap detection 100k/10k ratio under 15: {growth:.1f}"))
    return "\n".join(out) + "\n"


def _added(sizes: list[Size]) -> list[str]:
    """New documents without a rebuild: ``policykg build --add`` of 10 documents beside the build."""
    rows = [s for s in sizes if s.added]
    out = ["", "New documents without a rebuild: 10 documents put into the build by `policykg build --add`", ""]
    out += ["| documents | core build s | add 10 s | build ÷ add | full build s | add 10 s | build ÷ add |"]
    out += ["|---:|---:|---:|---:|---:|---:|---:|"]
    for s in rows:
        cells = [f"{s.documents:,}"]
        for kind, run in (("core", s.core), ("full", s.full)):
            seconds = s.added.get(kind)
            cells += (
                [f"{run['seconds']:.1f}", f"{seconds:.1f}", _ratio(run["seconds"], seconds)] if seconds else ["—"] * 3
            )
        out.append("| " + " | ".join(cells) + " |")
    return out if rows else []


def _stage_names(sizes: list[Size]) -> list[str]:
    return sorted({k for s in sizes for run in (s.core, s.full) if run for k in run["stages"]})


def main() -> None:
    import argparse
    import json

    from bench.run import WORK, machine

    parser = argparse.ArgumentParser(prog="python -m bench.report")
    parser.add_argument("--results", default=str(WORK / "results-100-1000.json"), help="the run's results")
    parser.add_argument("--write", help="write the report here instead of printing it")
    args = parser.parse_args()
    data = json.loads(open(args.results, encoding="utf-8").read())
    sizes = [Size(**s) for s in data["sizes"]]
    text = render(sizes, {int(k): v for k, v in data["overlaps"].items()}, machine(), data.get("options", ""))
    if args.write:
        open(args.write, "w", encoding="utf-8").write(text)
    else:
        print(text)


if __name__ == "__main__":
    main()

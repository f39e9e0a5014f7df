"""The scale benchmark (``make bench``): how the build, the queries, the analyses and the views
behave as the corpus grows, measured against floors taken in the same run.

For each size it generates a synthetic corpus (``bench/generate.py``, cached under bench/work/),
then measures: a plain pass that reads every file and runs one regex (the floor); the build, as a
child process whose whole process tree's memory is sampled; the store on disk; every catalogue
question on the Oxigraph store and, where it loads, on rdflib's in-memory engine; the views. It
also times overlap detection on 10k and 100k synthetic measures. Timings are medians of several
runs; the report leads with ratios, which hold on a noisy machine where absolute times do not.

    python -m bench.run [--sizes 100,1000] [--full 100] [--rdflib 100] [--repeat 3] [--write bench/RESULTS.md] [--quiet]

On a terminal a bar per size counts its steps; elsewhere each step is a line with its time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

from policykg.graph.parts import graph_parts
from policykg.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(os.environ.get("POLICYKG_BENCH_WORK", ROOT / "bench" / "work"))  # corpora and builds
FLOOR_PATTERN = re.compile(r"责任单位[：:]([^）)]*)")
ADDED = 10  # documents put into each build with ``policykg build --add``, timed against the whole build
GOALS = {
    "build_seconds_10k": 300,
    "build_rss_gib": 4,
    "floor_multiple": 10,
    "load_multiple": 2,  # the default build against Oxigraph's own load of the same triples
    "query_ms": 200,
    "rdflib_ratio": 10,
}


def median_time(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def corpus(n: int, seed: int = 0) -> Path:
    """The generated corpus of ``n`` documents, made once and kept (generation is not measured)."""
    from bench.generate import VERSION, generate

    folder = WORK / f"corpus-{n}-s{seed}-v{VERSION}"
    if not (folder / "manifest.json").exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(n, folder, seed=seed)
    return folder


def extra_documents(n: int, seed: int = 0) -> list[Path]:
    """The ADDED generated documents that follow the first ``n`` (each depends only on the seed and
    its number, so corpus + these is the corpus of n + ADDED documents)."""
    from bench.generate import VERSION, document

    folder = WORK / f"extra-{n}-s{seed}-v{VERSION}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n, n + ADDED):
        text, planted = document(i, seed)
        paths.append(folder / planted["file"])
        paths[-1].write_bytes(text.encode("utf-8"))
    return paths


def run_add(build: Path, files: list[Path]) -> float:
    """Wall seconds of ``policykg build --add FILES`` into ``build``, in a child process."""
    command = [sys.executable, "-m", "policykg", "build", "--out", str(build), "--quiet", "--add", *map(str, files)]
    start = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"adding to {build} failed:\n{run.stderr[-2000:]}")
    return time.perf_counter() - start


def floor(folder: Path) -> int:
    """The plain pass: read and decode every document, run one regex over it."""
    found = 0
    for path in sorted(folder.glob("*.txt")):
        found += len(FLOOR_PATTERN.findall(path.read_bytes().decode("utf-8")))
    return found


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def run_build(folder: Path, out: Path, full: bool) -> dict:
    """``policykg build`` in a child process; its wall time, the peak memory of its process tree
    (Java included) sampled every 50 ms, and the figures it prints."""
    command = [sys.executable, "-m", "policykg", "build", "--corpus", str(folder), "--out", str(out)]
    if not full:
        command += ["--no-shacl", "--no-reasoner"]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, done = 0, threading.Event()

    def sample():
        nonlocal peak
        process = psutil.Process(child.pid)
        while not done.is_set():
            try:
                peak = max(peak, tree_rss(process))
            except psutil.NoSuchProcess:
                return
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    stdout, stderr = child.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if child.returncode != 0:
        raise SystemExit(f"build of {folder} failed:\n{stderr[-2000:]}")
    triples = int(re.search(r"triples (\d+)", stdout).group(1))
    stages = dict(re.findall(r"(\w+) ([\d.]+)s", stdout.split("by stage", 1)[-1].splitlines()[0]))
    phases = dict(re.findall(r"([\w+]+) ([\d.]+)s", re.search(r"^  time (.*)$", stdout, re.MULTILINE).group(1)))
    problems = int(re.search(r"^(\d+) problems", stdout, re.MULTILINE).group(1))
    return {
        "seconds": seconds,
        "peak_rss": peak,
        "triples": triples,
        "stages": {k: float(v) for k, v in stages.items()},
        "phases": {k: float(v) for k, v in phases.items()},
        "problems": problems,
        "store_bytes": sum(p.stat().st_size for p in (out / "store").rglob("*") if p.is_file()),
        "nt_bytes": sum(part.stat().st_size for part in graph_parts(out)),
    }


def oxigraph_load(build: Path) -> None:
    """Oxigraph's command-line bulk load of the build's graph into a new store: what storing the
    graph costs at all, against which the build (extraction, checks, reasoning, store) is measured.
    Its parts are given as one stream, as a single file was (given as files, they load in parallel)."""
    with tempfile.TemporaryDirectory(dir=WORK) as location:
        command = [str(Path(sys.executable).with_name("oxigraph")), "load", "--location", location, "--format", "nt"]
        with subprocess.Popen(["cat", *map(str, graph_parts(build))], stdout=subprocess.PIPE) as parts:
            subprocess.run(command, stdin=parts.stdout, check=True, capture_output=True)


def query_latencies(build: Path, repeat: int) -> dict[str, dict]:
    """Median latency (ms) of the first page and of the whole answer, and the row count, of every
    catalogue question on the Oxigraph store, with parameters picked from the graph itself
    (bench/params.py)."""
    from bench.params import pick
    from policykg.queries import catalogue

    store = catalogue.store_at(build)
    values = pick(store)
    out = {}
    for name, query in catalogue.load().items():
        params = values.get(name)
        timed = {}
        for key, page in (("first_page_ms", 1), ("ms", None)):
            run = lambda q=query, p=params, page=page: catalogue.run(store, q, p, page)  # noqa: E731
            start = time.perf_counter()
            rows = run()  # warm-up; a question slower than 5 s is not run again
            first = time.perf_counter() - start
            timed[key] = 1000 * (first if first > 5 else median_time(run, repeat))
        out[name] = {**timed, "rows": len(rows), "params": params or {}}
    return out


def rdflib_latencies(build: Path, repeat: int, budget: float) -> dict[str, float | None]:
    """The same questions on rdflib's in-memory engine over the same quads (parameters bound by a
    VALUES block). rdflib cannot be interrupted, so the questions run in a child process that the
    parent kills when one runs past ``budget`` seconds (its latency is then None: did not finish)."""
    from policykg.queries import catalogue

    names = list(catalogue.load())
    out: dict[str, float | None] = {}
    while len(out) < len(names):
        todo = names[len(out) :]
        child = subprocess.Popen(
            [sys.executable, "-m", "bench.rdflib_child", str(build), str(repeat), *todo],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        lines: list[str] = []
        reader = threading.Thread(target=lines.extend, args=(child.stdout,))
        reader.start()
        last, seen = time.perf_counter(), 0
        while child.poll() is None:
            if len(lines) > seen:
                last, seen = time.perf_counter(), len(lines)
            elif seen and time.perf_counter() - last > budget:  # the first line: the data loaded
                child.kill()
            time.sleep(0.2)
        reader.join()
        results = [json.loads(line) for line in lines[1:]]
        out.update({r["name"]: r["ms"] for r in results})
        if len(out) < len(names) and len(results) < len(todo):
            out[todo[len(results)]] = None
    return out


def overlap_times(sizes: tuple[int, ...], repeat: int, progress: Progress) -> dict[int, float]:
    from bench.measures import synthetic
    from policykg.queries.near_duplicates import find_topics

    out = {}
    steps = progress.bar(len(sizes), "overlaps", "size")
    for n in sizes:
        with progress.stage(f"overlaps on {n} measures", steps):
            measures, _ = synthetic(n)
            out[n] = median_time(lambda m=measures: find_topics(m), repeat)
    steps.close()
    return out


def view_seconds(build: Path, repeat: int) -> float:
    command = [sys.executable, "-m", "policykg", "viz", "--build", str(build)]
    return median_time(lambda: subprocess.run(command, check=True, capture_output=True), repeat)


@dataclass
class Size:
    documents: int
    megabytes: float
    floor_seconds: float
    core: dict = field(default_factory=dict)
    full: dict = field(default_factory=dict)
    queries: dict = field(default_factory=dict)
    rdflib: dict = field(default_factory=dict)
    views_seconds: float | None = None
    added: dict = field(default_factory=dict)  # "core"/"full": seconds to add ADDED documents to that build
    load_seconds: float | None = None  # Oxigraph's own bulk load of the build's kg.nt: the validated build's floor


def measure(n: int, args) -> Size:
    progress = Progress(f"bench {n} documents", args.quiet)
    optional = (n <= args.queries) + (n <= args.rdflib) + 2 * (n <= args.full) + (n <= args.views)
    steps = progress.bar(5 + optional, f"{n} documents", "step")
    with progress.stage("corpus", steps):
        folder = corpus(n)
    size = Size(n, sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6, 0.0)
    with progress.stage("floor", steps):
        size.floor_seconds = median_time(lambda: floor(folder), args.repeat)
    out = WORK / f"build-{n}"
    with progress.stage("core build", steps):
        size.core = run_build(folder, out, full=False)
    with progress.stage("oxigraph load", steps):
        size.load_seconds = median_time(lambda: oxigraph_load(out), 1 if n > 100 else args.repeat)
    if n <= args.queries:
        with progress.stage("queries", steps):
            size.queries = query_latencies(out, args.repeat)
    if n <= args.rdflib:
        with progress.stage("rdflib", steps):
            size.rdflib = rdflib_latencies(out, args.repeat, budget=20)
    if n <= args.full:
        with progress.stage("full build", steps):
            size.full = run_build(folder, WORK / f"build-{n}-full", full=True)
    if n <= args.views:
        with progress.stage("views", steps):
            size.views_seconds = view_seconds(out, args.repeat if n <= 100 else 1)
    with progress.stage("add to core build", steps):  # last: the builds then hold n + ADDED documents
        extra = extra_documents(n)
        size.added["core"] = run_add(out, extra)
    if size.full:
        with progress.stage("add to full build", steps):
            size.added["full"] = run_add(WORK / f"build-{n}-full", extra)
    steps.close()
    return size


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "")
    memory = psutil.virtual_memory().total / 2**30
    import pyoxigraph
    import pyshacl
    import rdflib

    return (
        f"{cpu or platform.processor()}, {os.cpu_count()} cores, {memory:.0f} GiB RAM; Linux {platform.release()}; "
        f"Python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}, "
        f"pySHACL {pyshacl.__version__}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes (default 100,1000; add 10000)")
    parser.add_argument("--full", type=int, default=100, help="also build with SHACL and the reasoner up to this size")
    parser.add_argument("--rdflib", type=int, default=100, help="compare with rdflib up to this size")
    parser.add_argument("--views", type=int, default=100, help="time the views up to this size")
    parser.add_argument("--queries", type=int, default=10**9, help="time the catalogue up to this size")
    parser.add_argument("--overlaps", default="10000,100000", help="measure counts for overlap detection ('' for none)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (the median is kept)")
    parser.add_argument("--write", type=Path, help="write the report (Markdown) here, e.g. bench/RESULTS.md")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr (the report is still printed)")
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    options = " ".join(argv if argv is not None else sys.argv[1:]) or "(defaults)"
    results = WORK / f"results-{args.sizes.replace(',', '-')}.json"
    sizes: list[Size] = []
    for n in args.sizes.split(","):  # each size on record as soon as it is measured: a large one takes an hour
        sizes.append(measure(int(n), args))
        results.write_text(json.dumps({"sizes": [asdict(s) for s in sizes], "options": options}, indent=2), "utf-8")
    overlaps = overlap_times(
        tuple(int(n) for n in args.overlaps.split(",") if n), args.repeat, Progress("bench", args.quiet)
    )
    results.write_text(
        json.dumps({"sizes": [asdict(s) for s in sizes], "overlaps": overlaps, "options": options}, indent=2),
        encoding="utf-8",
    )
    from bench.report import render

    text = render(sizes, overlaps, machine(), options)
    print(text)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

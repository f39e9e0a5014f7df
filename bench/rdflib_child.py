"""Run catalogue questions on rdflib's in-memory engine; one JSON line per question (after a first
line once the data is loaded), so that the benchmark can stop a question that runs too long."""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from pyoxigraph import RdfFormat
from rdflib import Dataset

from bench.params import pick
from policykg.queries import catalogue


def main(build: str, repeat: str, *names: str) -> None:
    store = catalogue.store_at(Path(build))
    values = pick(store)  # the same parameters as on Oxigraph
    dataset = Dataset()
    dataset.parse(data=store.dump(format=RdfFormat.N_QUADS), format="nquads")
    print(json.dumps({"loaded": len(dataset)}), flush=True)
    queries = catalogue.load()
    for name in names:
        text = catalogue.with_values(queries[name].text, catalogue.bindings(queries[name], values.get(name)))
        times = []
        for _ in range(int(repeat)):
            start = time.perf_counter()
            list(dataset.query(text))
            times.append(time.perf_counter() - start)
        print(json.dumps({"name": name, "ms": 1000 * statistics.median(times)}), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])

"""A throwaway Virtuoso (open source, Debian's virtuoso-opensource) on a temporary database folder
and free ports: started, bulk-loaded with a build's graph, asked over its SPARQL endpoint, stopped.

Used by tests/test_second_store.py and bench/scale.py. Virtuoso has no default graph of its own: a
query without FROM reads every graph. So the asserted triples go to a graph of their own
(ASSERTED_GRAPH, the bulk loader's target for lines without a graph) and each query names it as
the dataset's default graph (``default-graph-uri``), as Oxigraph's default graph holds them; the
inferences keep their named graph in both stores (``named-graph-uri``).
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

from policykg.errors import PolicyKGError
from policykg.graph.store import INFERRED_GRAPH

SERVER = "virtuoso-t"
ISQL = "isql-vt"
ASSERTED_GRAPH = "https://w3id.org/policykg/graph/asserted"
START_SECONDS = 60

INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = {data}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {db}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 0
"""


def available() -> bool:
    return shutil.which(SERVER) is not None and shutil.which(ISQL) is not None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    """One server process; a context manager that always stops it. ``data`` is the folder the bulk
    loader may read (Virtuoso refuses files outside ``DirsAllowed``)."""

    def __init__(self, folder: Path, data: Path, memory_gb: float = 1.0):
        self.folder, self.data = folder, data
        self.sql_port, self.http_port = free_port(), free_port()
        buffers = int(memory_gb * 1024**3 / 8192 * 0.66)  # 8 KB pages, two thirds of the memory (Virtuoso's rule)
        (folder / "virtuoso.ini").write_text(
            INI.format(
                db=folder,
                data=data,
                sql_port=self.sql_port,
                http_port=self.http_port,
                buffers=buffers,
                dirty=buffers * 3 // 4,
            ),
            encoding="utf-8",
        )
        self.process: subprocess.Popen | None = None

    @property
    def endpoint(self) -> str:
        """The SPARQL endpoint with Oxigraph's dataset: the asserted graph as the default graph, the
        inferences as the named graph (SPARQL protocol parameters)."""
        dataset = {"default-graph-uri": ASSERTED_GRAPH, "named-graph-uri": INFERRED_GRAPH.value}
        return f"http://127.0.0.1:{self.http_port}/sparql?" + urllib.parse.urlencode(dataset)

    def __enter__(self) -> Virtuoso:
        self.process = subprocess.Popen(
            [SERVER, "+foreground", "+configfile", str(self.folder / "virtuoso.ini")],
            cwd=self.folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + START_SECONDS
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.__exit__(None, None, None)
                log = (self.folder / "virtuoso.log").read_text(errors="replace")[-2000:]
                raise PolicyKGError(f"virtuoso did not start on port {self.sql_port}:\n{log}")
            time.sleep(0.3)
        return self

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.http_port), timeout=1):
                return True
        except OSError:
            return False

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def _isql(self, statements: str) -> list[str]:
        return [ISQL, f"127.0.0.1:{self.sql_port}", "dba", "dba", "VERBOSE=OFF", "BANNER=OFF", f"EXEC={statements}"]

    def sql(self, statements: str) -> str:
        """Run SQL statements through isql; an error of any is an error here."""
        done = subprocess.run(self._isql(statements), capture_output=True, text=True, timeout=3600)
        _check(statements, done.returncode, done.stdout + done.stderr)
        return done.stdout

    def bulk_load(self, pattern: str, loaders: int = 1) -> int:
        """Load the files of ``data`` that match ``pattern`` (N-Triples, N-Quads, gzipped or not) with
        the bulk loader, ``loaders`` sessions in parallel (Virtuoso's own way to use several cores);
        triples without a graph go to ASSERTED_GRAPH. Returns the number of quads in the store."""
        self.sql(f"ld_dir('{self.data}', '{pattern}', '{ASSERTED_GRAPH}')")
        runs = [
            subprocess.Popen(
                self._isql("rdf_loader_run()"), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            )
            for _ in range(loaders)
        ]
        for run in runs:
            output, _ = run.communicate(timeout=3600)
            _check("rdf_loader_run()", run.returncode, output)
        self.sql("checkpoint")
        failed = self.sql("SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL")
        if "ll_file" in failed and "0 Rows" not in failed:
            raise PolicyKGError(f"virtuoso's bulk loader failed: {failed}")
        count = self.sql("SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(line for line in count.split() if line.isdigit()))


def _check(statements: str, returncode: int, output: str) -> None:
    if returncode != 0 or "*** Error" in output:
        raise PolicyKGError(f"virtuoso: {statements}: {output.strip()}")


BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def select(endpoint: str, text: str, timeout: float = 120) -> list[dict[str, str]]:
    """A SELECT's rows as plain strings, each value in its canonical form: Virtuoso writes a stored
    xsd:boolean as 0 or 1 (valid lexical forms of false and true), Oxigraph as false or true."""
    request = urllib.request.Request(
        endpoint,
        data=urllib.parse.urlencode({"query": text}).encode(),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        data = json.load(response)

    def value(term: dict) -> str:
        if term.get("datatype") == BOOLEAN:
            return {"0": "false", "1": "true"}.get(term["value"], term["value"])
        return term["value"]

    columns = data["head"]["vars"]
    return [{c: value(row[c]) if c in row else "" for c in columns} for row in data["results"]["bindings"]]

"""The SPARQL endpoint: the Oxigraph server, read-only, behind a small gateway.

``oxigraph serve-read-only`` answers SPARQL on a private loopback port; the gateway in front of it
serves an offline query page listing the catalogue, passes ``/query`` through, binds catalogue
parameters safely (``/catalogue/NAME``), and refuses everything else (updates, Graph Store writes).
The gateway is aiohttp, server and keep-alive client on one event loop: it takes as many concurrent
clients as Oxigraph does, answers 413 to an oversized body, and on SIGTERM or SIGINT stops the
servers it started. Oxigraph's own ``--timeout-s`` does not stop a running aggregation and killing
the server is the only way to, so a query that runs over the time limit is answered 503, a fresh
server takes the next queries, and the old one is killed as soon as the other queries it was
answering are done: one client's runaway query fails no one else's. ``push`` loads a build, local
or from a cluster, into any store through the Graph Store Protocol.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import shutil
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from subprocess import DEVNULL

from aiohttp import ClientConnectionError, ClientError, ClientSession, TCPConnector, web
from pyoxigraph import DefaultGraph, RdfFormat, Store, Triple, parse

from policykg.errors import PolicyKGError
from policykg.graph.parts import graph_parts
from policykg.graph.store import INFERRED_GRAPH, as_ntriples
from policykg.queries.catalogue import PAGE_ROWS, QueryError, bindings, load, paged, with_values
from policykg.templating import environment

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_command(store: Path, port: int, timeout: int) -> list[str]:
    exe = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    return [
        exe,
        "serve-read-only",
        "--location",
        str(store),
        "--bind",
        f"127.0.0.1:{port}",
        "--timeout-s",
        str(timeout),
    ]


def catalogue_page() -> bytes:
    """The query page, with the catalogue embedded (no network needed)."""
    entries = [
        {"name": q.name, "summary": q.summary, "returns": list(q.returns), "text": q.text,
         "params": [{"name": p.name, "type": p.type, "default": p.default, "example": p.example}
                    for p in q.params]}
        for q in load().values()
    ]  # fmt: skip
    page = environment(Path(str(files("policykg.queries") / "templates"))).get_template("query.html")
    return page.render(catalogue=entries, page_rows=PAGE_ROWS).encode("utf-8")


MAX_BODY = 1 << 20  # bytes: a SPARQL query or a question's parameters, with room for a large VALUES block
JSON_RESULTS = "application/sparql-results+json"
FORM = "application/x-www-form-urlencoded"


@dataclass(eq=False)
class Backend:
    """One Oxigraph server process and the number of queries it is answering."""

    process: asyncio.subprocess.Process
    url: str
    busy: int = 0
    retired: bool = False

    def end(self) -> None:
        if self.process.returncode is None:
            self.process.kill()  # reaped by asyncio's child watcher


class Backends:
    """The Oxigraph server that takes new queries, and those retired after a query overran."""

    def __init__(self, store: Path, timeout: int):
        self.store, self.timeout = store, timeout
        self.live: list[Backend] = []  # the last one takes new queries
        self.replacing = False

    async def serving(self, app: web.Application) -> AsyncIterator[None]:
        """Oxigraph answering while the gateway runs, every server stopped after (a cleanup context)."""
        async with ClientSession(connector=TCPConnector(limit=0)) as self.session:
            try:
                self.live.append(await self._launch())
                yield
            finally:
                for backend in self.live:
                    backend.end()
                    await backend.process.wait()

    async def _launch(self) -> Backend:
        port = free_port()
        process = await asyncio.create_subprocess_exec(
            *oxigraph_command(self.store, port, self.timeout), stdout=DEVNULL, stderr=DEVNULL
        )
        backend = Backend(process, f"http://127.0.0.1:{port}")
        try:
            await self._answering(backend)
        except BaseException:  # not answering, or the gateway stopping meanwhile: nothing left behind
            backend.end()
            raise
        return backend

    async def _answering(self, backend: Backend) -> None:
        for _ in range(400):  # 20 s
            if backend.process.returncode is not None:
                raise PolicyKGError(f"the Oxigraph server stopped at start (exit {backend.process.returncode})")
            try:
                async with self.session.get(backend.url + "/"):
                    return
            except ClientConnectionError:
                await asyncio.sleep(0.05)
        raise PolicyKGError(f"the Oxigraph server did not answer at {backend.url}")

    async def ask(self, method: str, query_string: str, body: bytes, headers: dict[str, str]) -> web.Response:
        """Oxigraph's answer to one query, or 503 once it has run over the time limit."""
        backend = self.live[-1]
        backend.busy += 1
        try:
            async with asyncio.timeout(self.timeout):
                url = f"{backend.url}/query?{query_string}"
                async with self.session.request(method, url, data=body, headers=headers) as answer:
                    kind = answer.headers.get("Content-Type", "text/plain")
                    return web.Response(status=answer.status, body=await answer.read(), headers={"Content-Type": kind})
        except TimeoutError:
            await self._replace(backend)
            return _text(503, f"the query ran over {self.timeout} s and was stopped")
        except ClientError as err:
            if backend.process.returncode is not None:  # the server died: the next queries need another
                await self._replace(backend)
            return _text(502, f"the Oxigraph server failed: {err}")
        finally:
            backend.busy -= 1
            self._end_if_done(backend)

    async def _replace(self, backend: Backend) -> None:
        if backend is not self.live[-1] or self.replacing:
            return
        self.replacing = True
        try:
            self.live.append(await self._launch())
        finally:
            self.replacing = False
        backend.retired = True

    def _end_if_done(self, backend: Backend) -> None:
        if backend.retired and backend.busy == 0:
            backend.end()
            self.live.remove(backend)


def _text(status: int, message: str) -> web.Response:
    return web.Response(status=status, text=message + "\n", content_type="text/plain")


def application(backends: Backends) -> web.Application:
    """The gateway: the query page, /query, the catalogue's questions; everything else refused."""
    page = catalogue_page()
    catalogue = load()

    async def index(request: web.Request) -> web.Response:
        return web.Response(body=page, content_type="text/html", charset="utf-8")

    async def query(request: web.Request) -> web.Response:
        headers = {"Accept": request.headers.get("Accept", JSON_RESULTS)}
        if request.method == "POST":
            headers["Content-Type"] = request.headers.get("Content-Type", FORM)
        elif not request.query.get("query"):
            return _text(400, "no query")  # Oxigraph answers a bare GET with data, not an error
        return await backends.ask(request.method, request.query_string, await request.read(), headers)

    async def question(request: web.Request) -> web.Response:
        q = catalogue.get(request.match_info["name"])
        if q is None:
            return await refuse(request)
        try:
            values = json.loads(await request.read() or b"{}")
            text = with_values(q.text, bindings(q, {k: str(v) for k, v in values.items()}))
            if request.query.get("page") != "all":
                text = paged(text, int(request.query.get("page", "1")))
        except (QueryError, ValueError, AttributeError) as err:
            return _text(400, str(err))
        headers = {"Accept": request.headers.get("Accept", JSON_RESULTS), "Content-Type": FORM}
        return await backends.ask("POST", "", urllib.parse.urlencode({"query": text}).encode(), headers)

    async def refuse(request: web.Request) -> web.Response:
        return _text(403, "read-only endpoint: only SPARQL queries are answered")

    app = web.Application(client_max_size=MAX_BODY)
    app.router.add_get("/", index)
    app.router.add_get("/index.html", index)
    app.router.add_route("GET", "/query", query)
    app.router.add_post("/query", query)
    app.router.add_post("/catalogue/{name}", question)
    app.router.add_route("*", "/{anything:.*}", refuse)
    app.cleanup_ctx.append(backends.serving)  # Oxigraph answers before the gateway listens
    return app


def serve(
    build: Path, host: str = "127.0.0.1", port: int = 7878, timeout: int = 30, allow_remote: bool = False
) -> None:
    """Serve the built store until SIGTERM or SIGINT; queries under way get their time limit to finish."""
    store = build / "store"
    if not store.is_dir():
        raise PolicyKGError(f"{build}: no built store here (run 'policykg build' first)")
    if host not in LOOPBACK:
        if not allow_remote:
            raise PolicyKGError(f"binding to {host} would expose the graph beyond this machine; add --allow-remote")
        print(f"warning: serving on {host}: anyone who can reach this address can query the graph", file=sys.stderr)
    message = f"serving {build}/store at http://{host}:{port}/ (SPARQL endpoint: /query)"
    try:
        web.run_app(
            application(Backends(store, timeout)), host=host, port=port, backlog=1024, access_log=None,
            shutdown_timeout=timeout, max_line_size=MAX_BODY,
            print=lambda _: print(message, flush=True),
        )  # fmt: skip
    except OSError as err:  # the port taken, the oxigraph command missing…
        raise PolicyKGError(f"cannot serve at {host}:{port}: {err.strerror or err}") from err


def push(build: Path, endpoint: str) -> int:
    """Load a build into another store through the Graph Store Protocol: the asserted triples into
    its default graph, the inferences into their named graph (as in the build's store), read from
    the graph's parts (kg/*.nt) and the store of a local build or from the shards of a cluster build (kg/part-*.nq.gz).
    Returns the number of triples sent. For a small graph: a big one goes to the server's bulk
    loader (docs/SCALE.md)."""
    sent = 0
    for graph, ntriples in _graphs(build):
        url = _graph_url(endpoint, graph)
        request = urllib.request.Request(
            url, data=ntriples, method="POST", headers={"Content-Type": "application/n-triples"}
        )
        try:
            urllib.request.urlopen(request).close()
        except (urllib.error.URLError, OSError) as err:
            raise PolicyKGError(f"{url}: {getattr(err, 'reason', err)}") from err
        sent += ntriples.count(b"\n")
    return sent


def _graphs(build: Path) -> Iterator[tuple[str | None, bytes]]:
    """(graph IRI or None for the default graph, its triples as N-Triples), part by part."""
    parts, shards = graph_parts(build), sorted(build.glob("kg/part-*.nq.gz"))
    if parts:
        for part in parts:
            if ntriples := part.read_bytes():
                yield None, ntriples
        if (build / "store").is_dir():
            inferred = Store.read_only(str(build / "store")).dump(format=RdfFormat.N_TRIPLES, from_graph=INFERRED_GRAPH)
            if inferred:
                yield INFERRED_GRAPH.value, inferred
        return
    if not shards:
        raise PolicyKGError(f"{build}: no graph here, neither kg/*.nt nor kg/part-*.nq.gz (run 'policykg build' first)")
    for shard in shards:
        by_graph: dict[str | None, list[Triple]] = defaultdict(list)
        for quad in parse(gzip.decompress(shard.read_bytes()), format=RdfFormat.N_QUADS):
            graph = None if isinstance(quad.graph_name, DefaultGraph) else quad.graph_name.value
            by_graph[graph].append(quad.triple)
        for graph, triples in by_graph.items():
            yield graph, as_ntriples(triples)


def _graph_url(endpoint: str, graph: str | None) -> str:
    """A graph's address at a Graph Store (``?default``, ``?graph=IRI``); an endpoint given with a
    query string is taken as it is for the default graph."""
    if graph is None:
        return endpoint if "?" in endpoint else f"{endpoint}?default"
    return f"{endpoint.split('?', 1)[0]}?graph={urllib.parse.quote(graph, safe='')}"

"""The SPARQL endpoint: the Oxigraph server, read-only, behind a small gateway on loopback.

``oxigraph serve-read-only`` answers SPARQL on a private loopback port; the gateway in front of it
serves an offline query page listing the catalogue, passes ``/query`` through, binds catalogue
parameters safely (``/catalogue/NAME``), and refuses everything else (updates, Graph Store writes).
Oxigraph's own ``--timeout-s`` does not stop a running aggregation, so the gateway keeps the time
limit itself: a query that runs over it is answered 503 and the server is restarted, which is the
only way to stop the computation. ``push`` loads the built graph into any endpoint through the
Graph Store Protocol.
"""

from __future__ import annotations

import http.server
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from importlib.resources import files
from pathlib import Path

from policykg.errors import PolicyKGError
from policykg.queries.catalogue import QueryError, bindings, load, with_values

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


def _wait(url: str, process: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise PolicyKGError(f"the Oxigraph server stopped at start (exit {process.returncode})")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise PolicyKGError(f"the Oxigraph server did not answer at {url}")


def catalogue_page() -> bytes:
    """The query page, with the catalogue embedded as JSON (no network needed)."""
    entries = [
        {"name": q.name, "summary": q.summary, "returns": list(q.returns), "text": q.text,
         "params": [{"name": p.name, "type": p.type, "default": p.default, "example": p.example}
                    for p in q.params]}
        for q in load().values()
    ]  # fmt: skip
    page = (files("policykg.queries") / "templates" / "query.html").read_text(encoding="utf-8")
    data = json.dumps(entries, ensure_ascii=False).replace("</", "<\\/")  # no way out of the <script>
    return page.replace("/*CATALOGUE*/[]", data).encode("utf-8")


class Upstream:
    """The Oxigraph server process on a private loopback port, restartable."""

    def __init__(self, store: Path, timeout: int):
        self.store, self.timeout, self.port = store, timeout, free_port()
        self.url = f"http://127.0.0.1:{self.port}/query"
        self.lock = threading.Lock()
        self.process = self._start()

    def _start(self) -> subprocess.Popen:
        process = subprocess.Popen(
            oxigraph_command(self.store, self.port, self.timeout), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _wait(f"http://127.0.0.1:{self.port}/", process)
        return process

    def restart(self) -> None:
        with self.lock:
            self.stop()
            self.process = self._start()

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)


def gateway(upstream: Upstream) -> type[http.server.BaseHTTPRequestHandler]:
    page = catalogue_page()
    catalogue = load()

    class Gateway(http.server.BaseHTTPRequestHandler):
        server_version = "policykg"

        def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _refuse(self) -> None:
            self._send(403, b"read-only endpoint: only SPARQL queries are answered\n", "text/plain; charset=utf-8")

        def _forward(self, query: str) -> None:
            accept = self.headers.get("Accept") or "application/sparql-results+json"
            request = urllib.request.Request(
                upstream.url, data=urllib.parse.urlencode({"query": query}).encode(),
                headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
            )  # fmt: skip
            try:
                with urllib.request.urlopen(request, timeout=upstream.timeout) as response:
                    self._send(response.status, response.read(), response.headers.get("Content-Type", accept))
            except urllib.error.HTTPError as err:
                self._send(err.code, err.read(), err.headers.get("Content-Type", "text/plain"))
            except (TimeoutError, urllib.error.URLError) as err:
                if isinstance(err, TimeoutError) or isinstance(getattr(err, "reason", None), TimeoutError):
                    upstream.restart()
                    message = f"the query ran over {upstream.timeout} s and was stopped\n"
                    self._send(503, message.encode(), "text/plain; charset=utf-8")
                else:
                    self._send(502, f"{err}\n".encode(), "text/plain; charset=utf-8")

        def do_GET(self):  # noqa: N802 - the stdlib's name
            url = urllib.parse.urlsplit(self.path)
            if url.path in ("/", "/index.html"):
                self._send(200, page, "text/html; charset=utf-8")
            elif url.path == "/query":
                query = urllib.parse.parse_qs(url.query).get("query", [""])[0]
                self._forward(query) if query else self._send(400, b"no query\n", "text/plain")
            else:
                self._refuse()

        def do_POST(self):  # noqa: N802
            url = urllib.parse.urlsplit(self.path)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if url.path == "/query":
                kind = self.headers.get("Content-Type", "")
                if kind.startswith("application/sparql-query"):
                    query = body.decode("utf-8")
                else:
                    query = urllib.parse.parse_qs(body.decode("utf-8")).get("query", [""])[0]
                self._forward(query)
            elif url.path.startswith("/catalogue/") and url.path[11:] in catalogue:
                q = catalogue[url.path[11:]]
                try:
                    values = json.loads(body or b"{}")
                    self._forward(with_values(q.text, bindings(q, {k: str(v) for k, v in values.items()})))
                except (QueryError, ValueError, AttributeError) as err:
                    self._send(400, f"{err}\n".encode(), "text/plain; charset=utf-8")
            else:
                self._refuse()

        do_PUT = do_DELETE = do_PATCH = _refuse  # noqa: N815

    return Gateway


def serve(
    build: Path, host: str = "127.0.0.1", port: int = 7878, timeout: int = 30, allow_remote: bool = False
) -> None:
    """Serve the built store until interrupted."""
    store = build / "store"
    if not store.is_dir():
        raise PolicyKGError(f"{build}: no built store here (run 'policykg build' first)")
    if host not in LOOPBACK:
        if not allow_remote:
            raise PolicyKGError(f"binding to {host} would expose the graph beyond this machine; add --allow-remote")
        print(f"warning: serving on {host}: anyone who can reach this address can query the graph", file=sys.stderr)
    upstream = Upstream(store, timeout)
    try:
        server = http.server.ThreadingHTTPServer((host, port), gateway(upstream))
        print(f"serving {build}/store at http://{host}:{server.server_port}/ (SPARQL endpoint: /query)", flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        upstream.stop()


def push(build: Path, endpoint: str) -> int:
    """Load the built graph into an endpoint's default graph (Graph Store Protocol); return the
    number of triples sent."""
    nt = build / "kg.nt"
    if not nt.is_file():
        raise PolicyKGError(f"{build}: no kg.nt here (run 'policykg build' first)")
    url = endpoint if "?" in endpoint else f"{endpoint}?default"
    data = nt.read_bytes()
    request = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": "application/n-triples"})
    try:
        urllib.request.urlopen(request).close()
    except (urllib.error.URLError, OSError) as err:
        raise PolicyKGError(f"{url}: {getattr(err, 'reason', err)}") from err
    return data.count(b"\n")

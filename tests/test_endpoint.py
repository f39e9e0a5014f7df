"""The endpoint: a real Oxigraph server behind the read-only gateway, on a free loopback port."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

import pytest

from conftest import guarded_tab
from policykg.queries.catalogue import bindings, load, run, run_remote, store_at, with_values
from policykg.queries.endpoint import free_port, oxigraph_command

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _start(args: list[str], ready: str) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    assert ready in line, process.stderr.read()
    return process, line


@pytest.fixture(scope="module")
def endpoint(built):
    out, _ = built
    port = free_port()
    process, _ = _start(
        [sys.executable, "-m", "policykg", "serve", "--build", str(out), "--port", str(port), "--timeout", "2"],
        "serving",
    )
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


def _post(url: str, data: bytes, content_type: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_every_export_query_answers_the_same_through_the_endpoint(built, endpoint):
    out, _ = built
    store = store_at(out)
    for query in load("exports").values():
        columns, rows = run_remote(f"{endpoint}/query", query.text)
        assert columns == list(query.returns)
        assert rows == run(store, query), query.name


def test_every_catalogue_question_answers_the_same_through_the_endpoint(built, endpoint):
    out, _ = built
    store = store_at(out)
    for query in load().values():
        columns, rows = run_remote(f"{endpoint}/query", with_values(query.text, bindings(query, query.example)))
        assert columns == list(query.returns), query.name
        assert rows == run(store, query, query.example), query.name


def test_catalogue_parameters_are_bound_by_the_gateway(endpoint):
    status, body = _post(
        endpoint + "/catalogue/measure_text_search",
        json.dumps({"q": 'x" } DROP ALL #'}).encode(),
        "application/json",
    )
    assert status == 200 and json.loads(body)["results"]["bindings"] == []
    status, body = _post(
        endpoint + "/catalogue/measure_text_search", json.dumps({"q": "标准地"}).encode(), "application/json"
    )
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) >= 4  # 2019, 2021, 2023, 2024 plans


def test_a_missing_required_parameter_is_answered_400_with_its_example(endpoint):
    for body in (b"{}", json.dumps({"q": ""}).encode()):
        status, answer = _post(endpoint + "/catalogue/measure_text_search", body, "application/json")
        assert (status, answer.decode()) == (
            400,
            "measure_text_search: missing required parameter q (string), e.g. q=标准地\n",
        )


def test_the_query_page_lists_the_catalogue_and_needs_no_network(endpoint):
    with urllib.request.urlopen(endpoint + "/") as response:
        page = response.read().decode("utf-8")
    assert "<textarea" in page and "CATALOGUE = [" in page
    for name in load():
        assert f'"name": "{name}"' in page
    assert external_resources(page) == []


def external_resources(page: str) -> list[str]:
    """Every src or href of the page's tags (the page must load nothing)."""
    found = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.extend(f"{tag} {k}={v}" for k, v in attrs if k in ("src", "href") and v)

    Tags().feed(page)
    return found


def test_updates_and_graph_store_writes_are_refused(endpoint):
    status, _ = _post(endpoint + "/update", b"update=DROP ALL", "application/x-www-form-urlencoded")
    assert status == 403
    status, _ = _post(endpoint + "/store?default", b"<urn:a> <urn:b> <urn:c> .\n", "application/n-triples")
    assert status == 403
    status, _ = _post(
        endpoint + "/query", urllib.parse.urlencode({"query": "DROP ALL"}).encode(), "application/x-www-form-urlencoded"
    )
    assert status == 400  # an update is not a query
    columns, rows = run_remote(endpoint + "/query", COUNT)
    assert int(rows[0]["n"]) > 20000  # nothing was dropped


def test_a_runaway_query_times_out(endpoint):
    started = time.monotonic()
    status, _ = _post(
        endpoint + "/query",
        urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"}).encode(),
        "application/x-www-form-urlencoded",
    )
    assert status >= 400
    assert time.monotonic() - started < 20


def test_binding_beyond_loopback_needs_a_flag(built):
    out, _ = built
    result = subprocess.run(
        [sys.executable, "-m", "policykg", "serve", "--build", str(out), "--host", "0.0.0.0"],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert result.returncode == 2
    assert "--allow-remote" in result.stderr


def test_push_loads_the_graph_into_another_store(built, tmp_path):
    out, _ = built
    port = free_port()
    command = oxigraph_command(tmp_path / "other", port, 10)
    command[1] = "serve"  # a writable store to push into
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        result = subprocess.run(
            [sys.executable, "-m", "policykg", "push", "--build", str(out), "--endpoint", f"http://127.0.0.1:{port}/store"],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        triples = sum(1 for _ in (out / "kg.nt").open(encoding="utf-8"))
        _, rows = run_remote(f"http://127.0.0.1:{port}/query", COUNT)
        assert int(rows[0]["n"]) == triples
        assert json.loads(json.dumps(rows))  # plain data
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_query_page_runs_a_question_in_a_browser_offline(endpoint, browser):
    tab, problems = guarded_tab(browser, endpoint)
    tab.goto(endpoint + "/")
    tab.select_option("#pick", "measure_text_search")
    tab.fill("#params input[name=q]", "标准地")
    tab.click("#run")
    tab.wait_for_selector("#results tr:nth-child(2)")
    rows = tab.locator("#results tr").count() - 1
    text = tab.inner_text("#results")
    assert problems == []
    assert rows >= 4 and "标准地" in text  # the 2019, 2021, 2023 and 2024 plans all speak of it

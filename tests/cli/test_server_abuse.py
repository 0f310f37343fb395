"""`govkg serve` under abuse: raw sockets and hostile requests get a clear 4xx (503 only for time-outs),
never hang other clients, never change a read-only store, and the server answers a good query after
each. The plain protocol errors (404, 405, 406, 413, 415, 422, 503, 401/403) are in test_server.py."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from serving import TOKEN, get, http, serve

from govkg.cli import main
from govkg.graph.store import KnowledgeStore

GOOD = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(base URL, host, port, the store) of a read-only server with a 4 KiB body limit."""
    directory = tmp_path_factory.mktemp("govkg-abuse")
    assert main(["build", "--examples", "--data-dir", str(directory)]) == 0
    with KnowledgeStore.open(directory / "store", read_only=True) as store:
        with serve(store, timeout=5, max_body=4096) as (server, base):
            host, port = server.server_address[:2]
            yield base, host, port, store


@pytest.fixture
def writable(tmp_path):
    assert main(["build", "--examples", "--data-dir", str(tmp_path)]) == 0
    with KnowledgeStore.open(tmp_path / "store") as store:
        with serve(store, update_token=TOKEN, max_body=4096) as (_, base):
            yield base, store


def count(base) -> int:
    status, _, body = get(base, GOOD)
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def raw(host, port, data: bytes, *, wait: float = 5.0) -> bytes:
    """Send bytes as they are and read the answer until the server closes or stops sending."""
    with socket.create_connection((host, port), timeout=wait) as conn:
        conn.sendall(data)
        chunks = []
        try:
            while chunk := conn.recv(65536):
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks) and _complete(b"".join(chunks)):
                    break
        except TimeoutError:
            pass
        return b"".join(chunks)


def _complete(response: bytes) -> bool:
    head, _, body = response.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value)
    return False


def status_of(response: bytes) -> int:
    if not response.startswith(b"HTTP/"):  # the stdlib took the request line for HTTP/0.9: no status line
        return int(re.search(rb"Error code: (\d+)", response)[1])  # type: ignore[index]
    return int(response.split(b" ", 2)[1])


def test_raw_protocol_abuse_is_4xx_and_the_server_keeps_answering(served):
    base, host, port, _ = served
    expected_quads = count(base)
    query = urllib.parse.quote("SELECT * { ?s ?p ?o } LIMIT 1")
    cases = {
        "no Content-Length": (
            b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n\r\n",
            411,
        ),
        "chunked, no length": (
            b"POST /sparql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
            b"Content-Type: application/sparql-query\r\n\r\n5\r\nSELEC\r\n0\r\n\r\n",
            411,
        ),
        "negative Content-Length": (
            b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n"
            b"Content-Type: application/sparql-query\r\n\r\n",
            400,
        ),
        "Content-Length not a number": (
            b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n"
            b"Content-Type: application/sparql-query\r\n\r\n",
            400,
        ),
        "oversized declared length": (
            b"POST /update HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999\r\n"
            b"Content-Type: application/sparql-update\r\n\r\nDROP ALL",
            413,
        ),
        "header flood": (
            b"GET /sparql?query="
            + query.encode()
            + b" HTTP/1.1\r\nHost: x\r\n"
            + b"".join(b"X-Flood-%d: y\r\n" % i for i in range(500))
            + b"\r\n",
            431,
        ),
        "one huge header": (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 70_000 + b"\r\n\r\n", 431),
        "very long URL": (b"GET /sparql?query=" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        "garbage request line": (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 TLS hello\r\n\r\n", 400),
        "unknown method": (b"BREW /sparql HTTP/1.1\r\nHost: x\r\n\r\n", 405),
        "bad HTTP version": (b"GET /sparql HTTP/9.9\r\nHost: x\r\n\r\n", 400),
        "raw non-UTF-8 URL": (b"GET /sparql?query=SELECT\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    }
    for name, (request, expected) in cases.items():
        response = raw(host, port, request)
        assert status_of(response) == expected < 500, (name, response[:300])
        assert b"Traceback" not in response
        assert count(base) == expected_quads, name  # still answers, and nothing changed


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/sparql?query=%ZZ", 400),  # invalid percent-encoding: kept as typed, so a syntax error
        ("/sparql?query=%", 400),
        ("/sparql?query=%E1%BB", 400),  # a UTF-8 sequence cut short
        ("/sparql?query=SELECT%20*%20%7B%7D&query=ASK%7B%7D", 400),  # two queries
        ("/sparql?query=" + urllib.parse.quote("DROP ALL"), 400),  # an update sent as a query
        ("/sparql?query=" + urllib.parse.quote("INSERT DATA { <urn:a> <urn:b> <urn:c> }"), 400),
        ("/sparql?query=" + urllib.parse.quote("SELECT * {}") + "&default-graph-uri=not%20an%20iri", 400),
        ("/sparql?query=" + urllib.parse.quote("SELECT * {}") + "&format=exe", 406),
        ("/%2e%2e/%2e%2e/etc/passwd", 404),
        ("/sparql/../../etc/passwd", 404),
        ("//sparql", 400),  # the stdlib folds the leading slashes: /sparql without a query
        ("/sparql%00", 404),
    ],
)
def test_hostile_urls_are_clear_4xx(served, path, expected):
    base, *_ = served
    status, _, body = http("GET", base + path, headers={"Accept": "application/json"})
    assert status == expected, body
    assert b"Traceback" not in body and json.loads(body)["error"]
    assert count(base) > 0


def test_federated_service_calls_are_refused_without_contacting_anyone(served):
    """SERVICE would make the server send requests to any address a client names (an internal one
    too), and hold a worker while it waits: the endpoint refuses it and no request goes out."""
    base, *_ = served
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    target = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    try:
        for query in (
            f"SELECT * {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
            f"SELECT * {{ service silent<{target}>{{ ?s ?p ?o }} }}",
            f"SELECT * {{ ?s ?p ?o .SERVICE <{target}> {{ ?s ?p ?o }} }}",
            f"SELECT * {{ BIND(<{target}> AS ?x) SERVICE ?x {{ ?s ?p ?o }} }}",
        ):
            status, _, body = get(base, query)
            assert status == 400 and json.loads(body)["error"] == "service-disabled", body
        with pytest.raises(TimeoutError):
            listener.accept()  # nobody called
    finally:
        listener.close()
    # the word alone, in a string, an IRI, a variable or a comment, is no SERVICE call
    status, _, _ = get(base, 'SELECT ?service { BIND("SERVICE <x>" AS ?service) } # SERVICE <y>')
    assert status == 200


def test_a_slow_partial_request_does_not_hold_up_other_clients(served):
    base, host, port, _ = served
    stalled = []
    try:
        for _ in range(20):  # slowloris: many connections that never finish their headers
            conn = socket.create_connection((host, port), timeout=5)
            conn.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nX-Slow: ")
            stalled.append(conn)
        half_body = socket.create_connection((host, port), timeout=5)  # a body that never comes
        half_body.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: 1000\r\n\r\nSELECT"
        )
        stalled.append(half_body)
        answers = []

        def ask():
            answers.append(count(base))

        threads = [threading.Thread(target=ask) for _ in range(5)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
        assert len(answers) == 5 and len(set(answers)) == 1
        assert time.monotonic() - started < 10
    finally:
        for conn in stalled:
            conn.close()


def test_odd_but_valid_requests_are_answered(served):
    base, host, port, _ = served
    for accept in ("", ";;;,,,", "*/*;q=abc", "application/json;q=0.5, text/csv;q=0.9", "TEXT/CSV"):
        status, _, _ = get(base, "SELECT * { ?s ?p ?o } LIMIT 1", accept)
        assert status == 200, accept
    status, _, body = http(
        "POST",
        f"{base}/sparql",
        b"SELECT * { ?s ?p ?o } LIMIT 1",
        {"Content-Type": "application/sparql-query; charset=utf-8", "Accept": "text/csv"},
    )
    assert status == 200 and body.count(b"\r\n") == 2  # the header and one row
    status, _, body = http(
        "POST",
        f"{base}/sparql",
        b"query=SELECT%20%2A%20%7B%7D%20%FF",
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 400 and b"Traceback" not in body  # a form whose query is not UTF-8
    status, _, body = http(
        "POST", f"{base}/sparql", b"SELECT \xff\xfe", {"Content-Type": "application/sparql-query"}
    )
    assert status == 400 and b"not UTF-8" in body
    absolute = f"GET http://{host}:{port}/sparql?query={urllib.parse.quote(GOOD)} HTTP/1.1\r\nHost: x\r\n\r\n"
    assert status_of(raw(host, port, absolute.encode())) == 200  # absolute-form request target


def test_update_abuse_on_a_writable_server(writable):
    base, store = writable
    before = len(store)
    headers = {"Content-Type": "application/sparql-update"}
    drop = b"DROP ALL"
    attempts = [
        ({}, 401),
        ({"Authorization": ""}, 401),
        ({"Authorization": "Bearer"}, 403),
        ({"Authorization": "Bearer "}, 403),
        ({"Authorization": f"Basic {TOKEN}"}, 403),
        ({"Authorization": f"Bearer {TOKEN}x"}, 403),
        ({"Authorization": f"Bearer {TOKEN[:-1]}"}, 403),
        ({"Authorization": f"bearer {TOKEN.upper()}"}, 403),
        ({"Authorization": f"Bearer {TOKEN}\u00e9".encode().decode("latin-1")}, 403),
    ]
    for extra, expected in attempts:
        status, _, body = http("POST", f"{base}/update", drop, {**headers, **extra})
        assert status == expected, (extra, body)
    status, _, _ = http("POST", f"{base}/update?update=DROP%20ALL&access_token=" + TOKEN, b"", headers)
    assert status == 401  # a token in the URL is not one
    right = {**headers, "Authorization": f"Bearer {TOKEN}"}
    assert http("POST", f"{base}/update", b"DROP ALLL", right)[0] == 400  # malformed update
    assert http("POST", f"{base}/update", b"INSERT DATA { " + b"<urn:a> " * 2000 + b"}", right)[0] == 413
    assert http("POST", f"{base}/update", drop, {**right, "Content-Type": "text/plain"})[0] == 415
    assert http("POST", f"{base}/sparql", drop, right)[0] == 415  # the query endpoint takes no update
    assert http("GET", f"{base}/update?update=DROP%20ALL", headers=right)[0] == 405
    assert len(store) == before
    assert count(base) > 0

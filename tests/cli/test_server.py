"""`govkg serve` as an outside client sees it: a real server on a free loopback port, SPARQLWrapper and
plain HTTP, over the store built from the bundled example articles."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph
from serving import TOKEN, get, http, serve
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from govkg.cli import main
from govkg.graph.store import KnowledgeStore
from govkg.queries.library import get_query

COUNT_JOIN = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f }"  # ~0.5 s on the examples: cannot stream


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    directory = tmp_path_factory.mktemp("govkg-serve")
    assert main(["build", "--examples", "--data-dir", str(directory)]) == 0
    with KnowledgeStore.open(directory / "store", read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def url(store):
    with serve(store) as (_, base):
        yield base


@pytest.fixture(scope="module")
def strict_url(store):
    """Tight limits: a 0.1 s time-out, at most 50 results, 2 KiB bodies."""
    with serve(store, timeout=0.1, max_results=50, max_body=2048) as (_, base):
        yield base


@pytest.fixture
def writable_url(tmp_path):
    assert main(["build", "--examples", "--data-dir", str(tmp_path)]) == 0
    with KnowledgeStore.open(tmp_path / "store") as opened, serve(opened, update_token=TOKEN) as (_, base):
        yield base


def sparql(url, query, fmt=JSON, method=None):
    client = SPARQLWrapper(f"{url}/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method == POSTDIRECTLY:
        client.setMethod(POST)
        client.setRequestMethod(POSTDIRECTLY)
    elif method:
        client.setMethod(method)
    return client.query().convert()


def rows_of(bindings):
    return sorted(tuple(sorted((k, v["value"]) for k, v in row.items())) for row in bindings)


WHO_SIGNED = get_query("who-signed").render({})


@pytest.mark.parametrize("method", [None, POST, POSTDIRECTLY], ids=["get", "post-form", "post-direct"])
def test_who_signed_over_http_is_the_embedded_answer(store, url, method):
    expected = json.loads(store.query(WHO_SIGNED).serialize(format="json"))["results"]["bindings"]
    answer = sparql(url, WHO_SIGNED, JSON, method)
    assert rows_of(answer["results"]["bindings"]) == rows_of(expected)
    signed = {(r["signatory"]["value"], r["date"]["value"]) for r in answer["results"]["bindings"]}
    assert ("Phạm Đức Long", "2022-05-05") in signed and ("Trần Văn Cần", "--07-16") in signed


def test_every_results_format_parses(url):
    query = (
        "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?s ?label"
    )
    labels = {b["label"]["value"] for b in sparql(url, query, JSON)["results"]["bindings"]}
    assert "Phạm Đức Long" in labels
    xml = sparql(url, query, XML)  # a DOM document
    ns = "{http://www.w3.org/2005/sparql-results#}"
    root = ET.fromstring(xml.toxml())
    assert {e.text for e in root.iter(f"{ns}literal")} == labels
    table = list(csv.DictReader(io.StringIO(sparql(url, query, CSV).decode("utf-8"))))
    assert {r["label"] for r in table} == labels
    tsv = sparql(url, query, TSV).decode("utf-8").splitlines()
    assert tsv[0] == "?s\t?label" and len(tsv) == len(table) + 1
    assert get(url, "ASK { ?s ?p ?o }")[2] == b'{"head": {}, "boolean": true}'


def test_construct_as_turtle_json_ld_and_n_triples(url):
    query = "CONSTRUCT { ?a ?p ?o } WHERE { ?a <https://w3id.org/govkg/ontology#party> ?x ; ?p ?o }"
    turtle = sparql(url, query, TURTLE)
    graph = Graph().parse(data=turtle, format="turtle")
    assert len(graph) > 5
    converted = sparql(url, query, JSONLD)  # SPARQLWrapper parses JSON-LD itself
    assert len(converted) == len(graph)
    as_json_ld = Graph().parse(
        data=get(url, query, "application/ld+json")[2].decode("utf-8"), format="json-ld"
    )
    status, headers, body = get(url, query, "application/n-triples")
    assert status == 200 and headers.get_content_type() == "application/n-triples"
    from rdflib.compare import isomorphic

    assert isomorphic(graph, as_json_ld)
    assert isomorphic(graph, Graph().parse(data=body.decode("utf-8"), format="nt"))


def test_malformed_query_is_400_with_the_parser_message(url):
    status, _, body = get(url, "SELEC ?s WHERE { ?s ?p ?o }")
    assert status == 400
    problem = json.loads(body)
    assert problem["error"] == "malformed-query" and "syntax error" in problem["message"]
    with pytest.raises(QueryBadFormed):
        sparql(url, "SELECT ?s WHERE { ?s ?p ")


def test_timeout_is_503_and_says_how_to_raise_it(strict_url):
    status, headers, body = get(strict_url, COUNT_JOIN)
    assert status == 503 and headers["Retry-After"]
    problem = json.loads(body)
    assert problem["error"] == "timeout" and "--timeout" in problem["hint"]


def test_result_limit_is_422_and_says_how_to_raise_it(strict_url):
    status, _, body = get(strict_url, "SELECT * { ?s ?p ?o }", "text/csv")
    assert status == 422
    assert b"more than 50 rows" in body and b"--max-results" in body and b"LIMIT" in body
    assert get(strict_url, "SELECT * { ?s ?p ?o } LIMIT 50")[0] == 200


def test_big_body_is_413(strict_url):
    body = urllib.parse.urlencode({"query": "SELECT * {?s ?p ?o} #" + "x" * 4096}).encode()
    status, _, text = http(
        "POST", f"{strict_url}/sparql", body, {"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 413 and b"limit is 2048" in text


def test_http_errors_are_clear_and_never_tracebacks(url):
    assert http("GET", f"{url}/nowhere")[0] == 404
    status, headers, _ = http("DELETE", f"{url}/sparql")
    assert status == 405 and headers["Allow"] == "GET, POST"
    assert http("GET", f"{url}/update")[0] == 405
    assert http("GET", f"{url}/sparql")[0] == 400  # no query=
    status, _, _ = http("POST", f"{url}/sparql", b"SELECT * {}", {"Content-Type": "text/x-nonsense"})
    assert status == 415
    assert get(url, "SELECT * { ?s ?p ?o } LIMIT 1", "image/png")[0] == 406
    for status, _, body in (http("GET", f"{url}/sparql?query=%FF%FE"), get(url, "SELECT (1/0 AS ?x) {}")):
        assert status < 500 and b"Traceback" not in body


def test_pages_query_form_graph_and_timeline_work_offline(url):
    for path, marker in (("/", b"<form"), ("/explore", b"vis"), ("/timeline", b"<html")):
        status, headers, body = http("GET", url + path)
        assert status == 200 and headers.get_content_type() == "text/html" and marker in body
        assert b"cdn." not in body.lower() and b"https://cdn" not in body


def test_update_refused_when_disabled(url):
    body = b"INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    status, _, text = http("POST", f"{url}/update", body, {"Content-Type": "application/sparql-update"})
    assert status == 403 and b"--update-token" in text


def test_update_needs_the_token(writable_url):
    update = b"INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> 'c' } }"
    headers = {"Content-Type": "application/sparql-update"}
    status, response_headers, _ = http("POST", f"{writable_url}/update", update, headers)
    assert status == 401 and response_headers["WWW-Authenticate"].startswith("Bearer")
    wrong = {**headers, "Authorization": "Bearer nope"}
    assert http("POST", f"{writable_url}/update", update, wrong)[0] == 403
    assert sparql(writable_url, "ASK { <urn:a> <urn:b> 'c' }")["boolean"] is False
    right = {**headers, "Authorization": f"Bearer {TOKEN}"}
    assert http("POST", f"{writable_url}/update", update, right)[0] == 204
    assert sparql(writable_url, "ASK { <urn:a> <urn:b> 'c' }")["boolean"] is True
    form = urllib.parse.urlencode({"update": "DELETE DATA { GRAPH <urn:g> { <urn:a> <urn:b> 'c' } }"})
    form_headers = {"Content-Type": "application/x-www-form-urlencoded", "Authorization": f"Bearer {TOKEN}"}
    assert http("POST", f"{writable_url}/update", form.encode(), form_headers)[0] == 204
    assert sparql(writable_url, "ASK { <urn:a> <urn:b> 'c' }")["boolean"] is False

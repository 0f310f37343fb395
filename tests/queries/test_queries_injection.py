"""Named-query parameters cannot change a query's shape: a hostile value is either refused with a clear
error (exit 5) or searched for as the literal text it is, and the store is the same afterwards.

Checked twice: on the rendered text of every named query (only the bound term differs from a benign
rendering, and that term parses back to exactly the value given), and through `govkg query NAME
--param VALUE` on a store built from the bundled examples.
"""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from govkg.cli import main
from govkg.errors import QueryError
from govkg.graph.identity import Minter
from govkg.queries.library import list_queries

HOSTILE = [
    '"',
    "'",
    '" } DROP ALL ; #',
    "' } ; DROP ALL ; SELECT * { '",
    "> } INSERT DATA { <urn:x> <urn:y> <urn:z> } #",
    "}",
    "{",
    ";",
    "DROP ALL",
    "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }",
    'Long An" } }\nDELETE WHERE { ?s ?p ?o } #',
    "a\n\"\"\"\n'''\nb",
    "line\r\nbreak",
    "\u0000",
    "nul\u0000in the middle",
    "\\",
    '\\" } DROP ALL #',
    "\\u0022 } DROP ALL #",  # a SPARQL codepoint escape, spelled out
    "<https://w3id.org/govkg/ontology#Agreement>",
    "?s ?p ?o",
    "# comment",
    "x" * 100_000,
]
BENIGN = "benign"
BENIGN_BY_TYPE = {"string": BENIGN, "date": "2022-05-05", "integer": "7", "iri": "urn:benign"}
minter = Minter("https://w3id.org/govkg/id/")


def resolve(text, kind):
    """Mints an IRI from any text, as the name index returns the IRIs of what it found."""
    return [minter.body(text) if kind == "body" else minter.person(text)]


def term_of(query, name, value):
    return query.bindings({name: value}, resolve)[name][0]


PARAMS = [(query, param) for query in list_queries() for param in query.params if param.type != "page"]
PAGES = [(query, param) for query in list_queries() for param in query.params if param.type == "page"]


@pytest.mark.parametrize(("query", "param"), PARAMS, ids=[f"{q.name}--{p.name}" for q, p in PARAMS])
def test_a_hostile_value_changes_only_its_own_term(query, param):
    benign_value = BENIGN_BY_TYPE.get(param.type, BENIGN)
    benign = query.render({param.name: benign_value}, resolve)
    benign_term = term_of(query, param.name, benign_value).n3()
    # a query whose branches each start from the parameters repeats their VALUES block (library.py)
    row = " ".join(f"?{p.name}" for p in query.values_params)
    copies = query.text.count(f"VALUES ({row})")
    assert copies >= 1 and benign.count(benign_term) == copies
    shape = benign.replace(benign_term, "\u2063TERM\u2063")
    empty = ox.Store()
    for value in HOSTILE:
        try:
            rendered = query.render({param.name: value}, resolve)
        except QueryError as error:  # refused: a date, integer or IRI that is not one
            assert param.type in ("date", "integer", "iri") and f"--{param.name}" in str(error)
            continue
        term = term_of(query, param.name, value)
        assert rendered.replace(term.n3(), "\u2063TERM\u2063", copies) == shape, (param.name, value)
        (row,) = empty.query(f"SELECT ?v {{ VALUES ?v {{ {term.n3()} }} }}")
        assert row["v"].value == str(term)  # the term is the value given, nothing more, nothing less
        if isinstance(term, Literal) and param.type == "string":
            assert row["v"].value == value
        if isinstance(term, URIRef):
            assert row["v"].value.startswith("https://w3id.org/govkg/id/")
        assert list(empty.query(rendered)) == []  # the whole query still parses, as a query


@pytest.mark.parametrize(("query", "param"), PAGES, ids=[f"{q.name}--{p.name}" for q, p in PAGES])
def test_a_page_is_a_number_or_refused(query, param):
    """--limit and --offset go into LIMIT … OFFSET … as numbers (SPARQL takes no variable there)."""
    rendered = query.render({"limit": "7", param.name: "7"})
    assert "LIMIT 7 OFFSET 7" in rendered if param.name == "offset" else "LIMIT 7 OFFSET 0" in rendered
    assert list(ox.Store().query(rendered)) == []
    for value in [*HOSTILE, "-1", "1e3", "7 OFFSET 0", str(10**9 + 1)]:
        with pytest.raises(QueryError, match=f"--{param.name}"):
            query.render({"limit": "7", param.name: value})


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("govkg-injection")
    assert main(["build", "--examples", "--data-dir", str(directory)]) == 0
    return directory


def store_state(directory):
    """(quad count, graph names, hash of all quads) of the store on disk."""
    store = ox.Store.read_only(str(directory / "store"))
    try:
        quads = sorted(str(q) for q in store)
        return len(quads), sorted(str(g) for g in store.named_graphs()), hash(tuple(quads))
    finally:
        del store


# the hostile values of each kind once (the rendering test above has them all), and long ones shorter
# where they go through the name index, which searches for near names
CLI_HOSTILE = [
    '" } DROP ALL ; #',
    "> } INSERT DATA { <urn:x> <urn:y> <urn:z> } #",
    'Long An" } }\nDELETE WHERE { ?s ?p ?o } #',
    "nul\u0000in the middle",
    '\\" } DROP ALL #',
    "x" * 20_000,
    "99999999999999999999999999999999999",
    "2022-02-30",
]
CLI_PARAMS = [
    ("who-signed", "kind"),  # string
    ("post-on-date", "title"),  # string
    ("who-signed", "body"),  # body, through the name index
    ("articles-mentioning", "person"),  # person, through the name index
    ("who-signed", "from"),  # date
    ("most-active-signers", "limit"),  # integer
    ("who-signed", "limit"),  # page
]


def test_hostile_values_through_govkg_query_leave_the_store_as_it_was(capsys, data_dir):
    before = store_state(data_dir)
    outcomes = {0: 0, 5: 0}
    for name, param in CLI_PARAMS:
        for value in CLI_HOSTILE:
            code = main(["query", name, f"--{param}", value, "--format", "json", "--data-dir", str(data_dir)])
            out, err = capsys.readouterr()
            assert code in (0, 5), (name, param, value, code, err)
            assert "Traceback" not in err
            outcomes[code] += 1
            if code == 5:
                assert err.startswith("govkg:"), err
                continue
            rows = json.loads(out)["results"]["bindings"]
            if param in ("kind", "title"):
                assert rows == [], (name, param, value)  # searched for literally: nothing has that name
    assert outcomes[0] and outcomes[5]
    assert store_state(data_dir) == before


def test_a_literal_search_finds_the_literal_and_no_more(capsys, data_dir):
    """The same query with a real value finds rows; with that value plus injected text, none."""

    def rows(value):
        code = main(
            ["query", "post-on-date", "--title", value, "--format", "json", "--data-dir", str(data_dir)]
        )
        out = capsys.readouterr().out
        assert code == 0
        return json.loads(out)["results"]["bindings"]

    assert rows("Thứ trưởng")
    assert rows('Thứ trưởng" || true || "') == []
    assert rows("Thứ trưởng') || (1=1") == []

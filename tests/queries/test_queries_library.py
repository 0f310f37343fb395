"""Named queries: headers parse, parameters bind as typed RDF terms, bad values are refused."""

import pytest
from rdflib import XSD, Literal

from govkg.errors import QueryError
from govkg.queries.library import get_query, list_queries, parse_named_query


def test_every_named_query_has_a_title_and_typed_params():
    queries = list_queries()
    assert "who-signed" in {q.name for q in queries}
    for query in queries:
        assert query.title and query.description
        for param in query.params:
            bound_to = "# page: ORDER BY" if param.type == "page" else f"?{param.name}"
            assert bound_to in query.text, f"{query.name}: --{param.name} is bound to nothing"


def test_who_signed_params():
    query = get_query("who-signed")
    assert [p.name for p in query.params] == ["body", "person", "kind", "from", "to", "limit", "offset"]
    assert [p.type for p in query.params] == ["body", "person", "string", "date", "date", "page", "page"]
    bound = query.bindings({"kind": 'Long An" } DROP ALL ; #', "from": "2022-01-01"})
    assert bound["kind"] == [Literal('Long An" } DROP ALL ; #')]
    assert bound["from"] == [Literal("2022-01-01", datatype=XSD.date)]
    assert "person" not in bound


@pytest.mark.parametrize(
    ("values", "message"), [({"from": "16/7"}, "YYYY-MM-DD"), ({"nobody": "x"}, "no parameter")]
)
def test_bad_parameters_are_refused(values, message):
    with pytest.raises(QueryError, match=message):
        get_query("who-signed").bindings(values)


def test_header_parsing_with_continuation_and_default():
    text = "# title: T\n# description: first\n#   second\n# param: limit (integer, default 10): how many\n"
    text += "SELECT ?x { VALUES (?limit) { (UNDEF) } }"
    query = parse_named_query("q", text)
    assert query.description == "first second"
    (param,) = query.params
    assert (param.name, param.type, param.default, param.help) == ("limit", "integer", "10", "how many")
    assert query.bindings({})["limit"] == [Literal(10)]
    assert 'VALUES (?limit) { ("5"^^<http://www.w3.org/2001/XMLSchema#integer>) }' in query.render(
        {"limit": "5"}
    )


PAGED = (
    "# title: T\n# param: a (string): x\n# param: limit (page, default 0): n\n# param: offset (page): k\n"
    "SELECT ?x { { SELECT ?x { VALUES (?a) { (UNDEF) } ?x ?p ?a }\n  # page: ORDER BY ?x\n} ?x ?q ?y }"
)


def test_a_page_cuts_the_marked_sub_select_only_when_a_limit_is_given():
    query = parse_named_query("q", PAGED)
    assert query.render({}) == query.render({"limit": "0", "offset": "5"}) == PAGED  # 0: everything
    paged = query.render({"a": "v", "limit": "20", "offset": "40"})
    assert "  ORDER BY ?x LIMIT 20 OFFSET 40\n" in paged and 'VALUES (?a) { ("v") }' in paged
    assert "OFFSET 0\n" in query.render({"limit": "20"})
    with pytest.raises(QueryError, match="--limit must be 0 to"):
        query.render({"limit": "-1"})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (PAGED.replace("  # page: ORDER BY ?x\n", ""), "# page: ORDER BY"),
        (PAGED.replace("# param: offset (page)", "# param: skip (page)"), "only limit and offset"),
    ],
)
def test_a_paged_query_must_mark_where_to_cut(text, message):
    with pytest.raises(ValueError, match=message):
        parse_named_query("q", text)


def test_a_query_must_declare_its_values_row():
    with pytest.raises(ValueError, match="VALUES"):
        parse_named_query("q", "# title: T\n# param: a (string): x\nSELECT ?x { ?x ?p ?a }")


def test_every_copy_of_the_values_block_is_filled_and_other_values_are_kept():
    text = "# title: T\n# param: a (string): x\n"
    text += "SELECT ?x { { VALUES (?a) { (UNDEF) } VALUES ?k { 1 } ?x ?p ?a }"
    text += " UNION { VALUES (?a) { (UNDEF) } ?x ?q ?a } }"
    rendered = parse_named_query("q", text).render({"a": "v"})
    assert rendered.count('VALUES (?a) { ("v") }') == 2 and "VALUES ?k { 1 }" in rendered
    with pytest.raises(ValueError, match="VALUES"):
        parse_named_query(
            "q", text.replace("{ VALUES (?a) { (UNDEF) } ?x ?q", '{ VALUES (?a) { ("w") } ?x ?q')
        )


def test_unknown_query_lists_the_known():
    with pytest.raises(QueryError, match="who-signed"):
        get_query("who-sign")

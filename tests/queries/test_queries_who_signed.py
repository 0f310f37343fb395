"""who-signed on a small store: filters by body, person, kind and date range; hostile values stay values."""

import pytest
from samples import BASE, make_extraction

from govkg.graph.identity import Minter
from govkg.graph.mapping import extraction_to_graph
from govkg.graph.store import KnowledgeStore
from govkg.queries.formatting import render
from govkg.queries.library import get_query


@pytest.fixture(scope="module")
def store():
    from govkg.graph.identity import Minter

    minter = Minter("https://w3id.org/govkg/id/")
    store = KnowledgeStore.memory()
    store.ensure_ontology()
    for article_id, date in (("a", "--07-16"), ("b", "2022-05"), ("c", "2021")):
        extraction = make_extraction(article_id, date=date, title=f"Biên bản {article_id}")
        store.replace_graph(minter.article_graph(article_id), extraction_to_graph(extraction, minter))
    return store


minter = Minter(BASE)
NAMES = {  # what the name index would answer, by exact name
    "Long An": [minter.province("Long An")],
    "Ủy ban nhân dân tỉnh Long An": [minter.body("Ủy ban nhân dân tỉnh Long An")],
    "Bộ Thông tin và Truyền thông": [minter.body("Bộ Thông tin và Truyền thông")],
    "Hậu Giang": [minter.province("Hậu Giang")],
    "Trần Văn Cần": [minter.person("Trần Văn Cần")],
}


def resolve(text, kind):
    return NAMES[text]


def titles(store, **params):
    result = store.query(get_query("who-signed").render(params, resolve))
    return sorted({str(row.title) for row in result})


def test_all_signatures_listed(store):
    result = store.query(get_query("who-signed").render({}))
    assert len(result) == 6  # three agreements × two signatories
    assert {str(r.signatory) for r in result} == {"Nguyễn Mạnh Hùng", "Trần Văn Cần"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"body": "Long An"}, ["Biên bản a", "Biên bản b", "Biên bản c"]),  # a province: its organs
        ({"body": "Ủy ban nhân dân tỉnh Long An"}, ["Biên bản a", "Biên bản b", "Biên bản c"]),
        ({"body": "Bộ Thông tin và Truyền thông"}, ["Biên bản a", "Biên bản b", "Biên bản c"]),
        ({"body": "Hậu Giang"}, []),
        ({"from": "2022-05-31"}, ["Biên bản b"]),  # month precision overlaps the day
        ({"from": "2022-06-01"}, []),
        ({"to": "2021-12-31"}, ["Biên bản c"]),
        ({"from": "2021-06-01", "to": "2022-05-01"}, ["Biên bản b", "Biên bản c"]),  # no year → left out
        ({"kind": "CooperationAgreement"}, ["Biên bản a", "Biên bản b", "Biên bản c"]),
        ({"kind": "MemorandumOfUnderstanding"}, []),
    ],
)
def test_filters(store, params, expected):
    assert titles(store, **params) == expected


def test_person_filter_keeps_only_their_rows(store):
    result = store.query(get_query("who-signed").render({"person": "Trần Văn Cần"}, resolve))
    assert {str(r.signatory) for r in result} == {"Trần Văn Cần"} and len(result) == 3


@pytest.mark.parametrize("hostile", ['Long An" } DROP ALL ; #', 'x" ) } UNION { ?a ?b ?c } #', "\\", "}}}"])
def test_hostile_values_are_just_strings(store, hostile):
    assert titles(store, kind=hostile) == []


def test_a_name_that_stands_for_two_iris_gives_the_rows_of_both(store):
    NAMES["either"] = [minter.province("Hậu Giang"), minter.body("Bộ Thông tin và Truyền thông")]
    assert titles(store, body="either") == ["Biên bản a", "Biên bản b", "Biên bản c"]


def test_table_marks_unknown_years(store):
    table = render(store.query(get_query("who-signed").render({})), "table")
    assert "????-07-16" in table and "year" in table and "Nguyễn Mạnh Hùng" in table

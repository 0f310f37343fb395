"""Curations applied to real stores built from the seed articles: they win in queries, survive
rebuilds (from scratch and incremental), apply idempotently, and taking them out restores the build."""

from __future__ import annotations

import pytest
from curation_helpers import LONG_AN_AGREEMENT, MIC, MINTER, built, one_article, same, snapshot
from rdflib import URIRef
from samples import BASE

from govkg.curation import apply_curations, load_curations, parse_yaml
from govkg.errors import InputError
from govkg.ontology.validation import validate_graphs
from govkg.pipeline import build
from govkg.queries.names import NameIndex

CURATIONS = """\
# curations of the seed articles
curator: Biên tập viên
source: https://mic.gov.vn/thong-cao
date: 2025-01-10
entries:
  - id: long-an-date          # the article gives 16/7 without a year
    set-date:
      agreement:
        title: Biên bản hợp tác phát triển
        parties: [Bộ TT&TT, UBND tỉnh Long An]
      date: 2022-07-16
    source: https://longan.gov.vn/tin/hop-tac
  - id: hoa-spelling
    merge:
      person: [Phạm Tấn Hòa, Phạm Tấn Hoa]
  - id: not-an-official
    reject:
      person: Hồ Thu Ánh
    note: stands in for a journalist read as an official
  - id: mic-name
    set-name:
      body: Bộ TT&TT
      name: Bộ Thông tin và Truyền thông (MIC)
  - id: new-post
    add:
      post: {person: Nguyễn Văn Mới, title: Giám đốc, body: Sở Thông tin và Truyền thông tỉnh Long An,
             from: 2021-03-01, attested: 2022-05-01}
  - id: new-agreement
    add:
      agreement:
        kind: MemorandumOfUnderstanding
        title: Biên bản ghi nhớ về chuyển đổi số
        parties: [Bộ Thông tin và Truyền thông, Ủy ban nhân dân tỉnh Hậu Giang]
        signatories:
          - {person: Phạm Đức Long, for: Bộ Thông tin và Truyền thông}
          - {person: Đồng Văn Thanh, for: Ủy ban nhân dân tỉnh Hậu Giang}
        date: 2023-03-03
        period: {start: "2023", end: "2025"}
"""

PREFIXES = """
PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
"""


def _line(text: str) -> int:
    return next(n for n, line in enumerate(CURATIONS.splitlines(), 1) if text in line)


def entries(text: str = CURATIONS):
    return parse_yaml(text, "curations.yaml")


def values(store, sparql: str) -> set[tuple]:
    return set(store.select_values(PREFIXES + sparql))


@pytest.fixture
def store(tmp_path):
    with built(tmp_path) as store:
        yield store


def test_curations_win_in_queries(store):
    report = apply_curations(store, entries(), MINTER)
    assert [o.entry.id for o in report.applied] == [
        "long-an-date",
        "hoa-spelling",
        "not-an-official",
        "mic-name",
        "new-post",
        "new-agreement",
    ]
    assert not report.unmatched
    # the signing date, with its precision, from the curated graph only
    assert values(
        store,
        f"SELECT ?d ?u WHERE {{ <{LONG_AN_AGREEMENT}> gk:signingDate ?d ; gk:signingDatePrecision ?u }}",
    ) == {("2022-07-16", "http://www.w3.org/2006/time#unitDay")}
    # one person for both spellings, with both names, holding the post once
    hoa = values(
        store,
        'SELECT DISTINCT ?p WHERE { ?p a gk:Person ; foaf:name ?n FILTER(STRSTARTS(?n, "Phạm Tấn Ho")) }',
    )
    assert len(hoa) == 1
    (person,) = next(iter(hoa))
    assert {n for (n,) in values(store, f"SELECT ?n WHERE {{ <{person}> foaf:name ?n }}")} == {
        "Phạm Tấn Hòa",
        "Phạm Tấn Hoa",
    }
    holdings = values(store, f"SELECT DISTINCT ?h ?post WHERE {{ ?h gk:holder <{person}> ; gk:post ?post }}")
    assert len(holdings) == len({post for _, post in holdings})
    # the rejected person is gone from every graph but as what the curation used
    anh = URIRef(BASE + "person/ho-thu-anh-198255")
    assert values(
        store, f"SELECT ?g WHERE {{ GRAPH ?g {{ {{ <{anh}> ?p ?o }} UNION {{ ?s ?p <{anh}> }} }} }}"
    ) == {(str(MINTER.curated_graph()),)}
    assert not NameIndex.load(store).find("Hồ Thu Ánh", "person")
    # one Vietnamese preferred name for the ministry, the old one kept as an alternative
    assert values(
        store, f'SELECT DISTINCT ?l WHERE {{ <{MIC}> skos:prefLabel ?l FILTER(LANG(?l) = "vi") }}'
    ) == {("Bộ Thông tin và Truyền thông (MIC)",)}
    assert ("Bộ Thông tin và Truyền thông",) in values(
        store, f"SELECT ?l WHERE {{ <{MIC}> skos:altLabel ?l }}"
    )
    # added facts, told from extracted ones by gk:curatedBy, and their curation's provenance
    added = values(
        store,
        """SELECT ?a ?id ?where ?who ?source ?date WHERE {
             ?a a gk:MemorandumOfUnderstanding ; gk:curatedBy ?c .
             ?c a gk:Curation ; dcterms:identifier ?id ; gk:curationLocation ?where ;
                gk:curationAction "add" ;
                prov:wasAttributedTo/<http://www.w3.org/2000/01/rdf-schema#label> ?who ;
                dcterms:source ?source ; dcterms:date ?date .
             FILTER NOT EXISTS { ?a gk:mentionedIn ?article } }""",
    )
    assert {row[1:] for row in added} == {
        (
            "new-agreement",
            f"curations.yaml:{_line('- id: new-agreement')}",
            "Biên tập viên",
            "https://mic.gov.vn/thong-cao",
            "2025-01-10",
        )
    }
    signers = values(
        store,
        "SELECT ?n WHERE { ?a gk:curatedBy ?c ; gk:signature/gk:signatory/foaf:name ?n . ?a dcterms:title ?t "
        'FILTER(STR(?t) = "Biên bản ghi nhớ về chuyển đổi số") }',
    )
    assert signers == {("Phạm Đức Long",), ("Đồng Văn Thanh",)}
    source = values(store, 'SELECT ?s WHERE { ?c dcterms:identifier "long-an-date" ; dcterms:source ?s }')
    assert source == {("https://longan.gov.vn/tin/hop-tac",)}
    post = values(
        store,
        'SELECT ?day WHERE { ?h gk:holder/foaf:name "Nguyễn Văn Mới" ; gk:attestedOn ?day ;'
        " gk:curatedBy ?c }",
    )
    assert post == {("2021-03-01",), ("2022-05-01",)}


def test_curated_and_changed_graphs_conform_to_the_shapes(store):
    report = apply_curations(store, entries(), MINTER)
    graphs = [(URIRef(g), store.dataset.graph(URIRef(g))) for g in report.graphs_changed]
    found = validate_graphs(graphs)
    assert not [v for v in found.violations if v.severity == "Violation"], found.violations


def test_applying_twice_changes_nothing(store):
    apply_curations(store, entries(), MINTER)
    once = snapshot(store)
    report = apply_curations(store, entries(), MINTER)
    assert report.graphs_changed == []
    assert not same(once, snapshot(store))


def test_taking_the_entries_out_restores_the_build(store):
    extracted = snapshot(store)
    apply_curations(store, entries(), MINTER)
    assert same(extracted, snapshot(store))
    report = apply_curations(store, [], MINTER)
    assert report.undone and not report.rebuilt
    assert not same(extracted, snapshot(store))


def test_taking_one_entry_out_undoes_only_it(store, tmp_path):
    everything = entries()
    apply_curations(store, everything, MINTER)
    apply_curations(store, [e for e in everything if e.id != "hoa-spelling"], MINTER)
    with built(tmp_path, "fresh") as fresh:
        apply_curations(fresh, [e for e in everything if e.id != "hoa-spelling"], MINTER)
        assert not same(snapshot(fresh), snapshot(store))


def test_a_fresh_rebuild_gives_the_same_curated_state(store, tmp_path):
    apply_curations(store, entries(), MINTER)
    with built(tmp_path, "fresh") as fresh:
        apply_curations(fresh, entries(), MINTER)
        assert not same(snapshot(fresh), snapshot(store))


@pytest.mark.parametrize("article", ["seed-000", "seed-004", "seed-101"])  # the graphs curations change
def test_an_article_rebuilt_is_curated_again(store, tmp_path, article):
    curations = tmp_path / "curations.yaml"
    curations.write_text(CURATIONS, encoding="utf-8")
    apply_curations(store, load_curations([curations]), MINTER)
    curated = snapshot(store)
    report = build(
        one_article(tmp_path, article),
        store,
        base_iri=BASE,
        force=True,
        on_invalid=None,
        curations=[curations],
    )
    assert report.articles == 1 and report.curation is not None
    assert str(MINTER.article_graph(article)) in report.curation.rebuilt  # extraction's again, curated anew
    assert not same(curated, snapshot(store))


def test_a_build_without_curations_undoes_them(store, tmp_path):
    uncurated = snapshot(store)
    apply_curations(store, entries(), MINTER)
    assert same(uncurated, snapshot(store))
    report = build(one_article(tmp_path, "seed-000"), store, base_iri=BASE, on_invalid=None)
    assert report.curation is not None and report.curation.undone
    assert not same(uncurated, snapshot(store))


def test_split_gives_the_mention_in_an_article_its_own_node(store):
    split = """
entries:
  - split: {person: Phạm Tấn Hòa, articles: [seed-002, seed-999]}
"""
    report = apply_curations(store, entries(split), MINTER)
    assert "not mentioned in seed-999" in report.applied[0].matched
    rows = values(
        store,
        'SELECT DISTINCT ?g ?p WHERE { GRAPH ?g { ?p foaf:name "Phạm Tấn Hòa" }'
        ' FILTER(CONTAINS(STR(?g), "seed")) }',
    )
    by_graph = {g.rsplit("/", 1)[-1]: p for g, p in rows}
    assert by_graph["seed-001"] != by_graph["seed-002"]
    holders = values(store, f"SELECT DISTINCT ?h WHERE {{ ?h gk:holder <{by_graph['seed-002']}> }}")
    others = values(store, f"SELECT DISTINCT ?h WHERE {{ ?h gk:holder <{by_graph['seed-001']}> }}")
    assert holders and not holders & others
    assert len([m for m in NameIndex.load(store).find("Phạm Tấn Hòa", "person") if m.score == 1.0]) == 2


def test_rejecting_a_signature_a_holding_and_an_agreement(store):
    text = """
entries:
  - reject:
      signature: {agreement: {title: Biên bản ghi nhớ hợp tác giai đoạn 2022-2023}, person: Đồng Văn Thanh}
  - reject:
      holding: {person: Trần Thanh Đức, title: Phó Chủ tịch, body: UBND tỉnh Tiền Giang}
  - reject:
      agreement: {parties: [Bộ TT&TT, Long An]}
"""
    report = apply_curations(store, entries(text), MINTER)
    assert [o.entry.place.line for o in report.applied] == [3, 5, 7], report.summary()
    thanh = values(store, 'SELECT ?a WHERE { ?a gk:signedBy/foaf:name "Đồng Văn Thanh" }')
    assert not thanh
    assert values(store, 'SELECT ?a WHERE { ?a gk:signedBy/foaf:name "Phạm Đức Long" }')
    assert not values(store, f"SELECT ?p WHERE {{ <{LONG_AN_AGREEMENT}> ?p ?o }}")
    assert not values(store, 'SELECT ?h WHERE { ?h gk:holder/foaf:name "Trần Thanh Đức" }')
    assert not values(
        store, 'SELECT ?post WHERE { ?p foaf:name "Trần Thanh Đức" ; <http://www.w3.org/ns/org#holds> ?post }'
    )


def test_entries_that_match_nothing_are_reported(store):
    text = """
entries:
  - reject: {person: Lê Văn Không Có}
  - set-date: {agreement: {title: Không có văn bản này}, date: "2020"}
  - merge: {person: [Phạm Đức Long, Ai Đó Khác]}
  - split: {person: Phạm Đức Long, articles: [seed-000]}
"""
    report = apply_curations(store, entries(text), MINTER)
    assert not report.applied
    assert [o.entry.place.line for o in report.unmatched] == [3, 4, 5, 6]
    assert "not found: Ai Đó Khác" in report.unmatched[2].why
    assert "matched nothing" in report.summary()


def test_an_ambiguous_name_is_an_error_at_its_line_and_changes_nothing(store):
    apply_curations(store, entries(), MINTER)
    before = snapshot(store)
    text = CURATIONS.replace("- id: mic-name", "- reject: {person: Pham Tan Hoa}\n  - id: mic-name")
    text = text.replace(
        "merge:\n      person: [Phạm Tấn Hòa, Phạm Tấn Hoa]",
        "merge:\n      person: [Phạm Đức Long, Đồng Văn Thanh]",
    )
    with pytest.raises(InputError) as caught:
        apply_curations(store, entries(text), MINTER)
    message = str(caught.value)
    assert message.startswith(f"curations.yaml:{_line('- id: mic-name')}: entries[3].reject.person:"), message
    assert "could name 2 different persons" in message
    assert not same(before, snapshot(store))


def test_rebuild_while_a_merge_is_applied_keeps_one_node(store, tmp_path):
    text = "entries:\n  - merge: {person: [Phạm Tấn Hòa, Phạm Tấn Hoa]}\n"
    apply_curations(store, entries(text), MINTER)
    build(one_article(tmp_path, "seed-101"), store, base_iri=BASE, force=True, on_invalid=None)
    apply_curations(store, entries(text), MINTER)
    persons = values(
        store, 'SELECT DISTINCT ?p WHERE { ?p foaf:name ?n FILTER(STRSTARTS(?n, "Phạm Tấn Ho")) }'
    )
    assert len(persons) == 1

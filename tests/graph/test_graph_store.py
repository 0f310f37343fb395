"""Records → RDF → the embedded Oxigraph store: typed terms, provenance, replacing, persistence."""

import io

import pytest
from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import TIME
from samples import BASE, SENTENCE, make_extraction

from govkg.errors import StoreError
from govkg.graph.export import export
from govkg.graph.identity import Minter
from govkg.graph.mapping import date_literal, extraction_to_graph
from govkg.graph.store import KnowledgeStore
from govkg.ontology.terms import GK


@pytest.mark.parametrize(
    ("value", "datatype", "unit"),
    [
        ("2022-05-05", XSD.date, TIME.unitDay),
        ("2022-05", XSD.gYearMonth, TIME.unitMonth),
        ("2022", XSD.gYear, TIME.unitYear),
        ("--07-16", XSD.gMonthDay, TIME.unitDay),
    ],
)
def test_dates_keep_their_precision(value, datatype, unit):
    literal, precision = date_literal(value)
    assert (literal, precision) == (Literal(value, datatype=datatype), unit)


def test_bad_date_is_refused():
    with pytest.raises(ValueError, match="16/7"):
        date_literal("16/7")


def test_mapping_types_signatures_and_evidence(extraction, minter):
    g = extraction_to_graph(extraction, minter)
    agreement = g.value(predicate=RDF.type, object=GK.CooperationAgreement)
    assert g.value(agreement, GK.signingDate) == Literal("--07-16", datatype=XSD.gMonthDay)
    assert set(g.objects(agreement, GK.party)) == {
        minter.body("Bộ Thông tin và Truyền thông"),
        minter.body("Ủy ban nhân dân tỉnh Long An"),
    }
    signed_for = {
        (g.value(s, GK.signatory), g.value(s, GK.signedFor)) for s in g.objects(agreement, GK.signature)
    }
    assert (minter.person("Trần Văn Cần"), minter.body("Ủy ban nhân dân tỉnh Long An")) in signed_for
    assert (minter.body("Bộ Thông tin và Truyền thông"), RDF.type, GK.Ministry) in g
    evidence = g.value(agreement, GK.evidence)
    text = extraction.article.text
    start, end = int(g.value(evidence, GK.startOffset)), int(g.value(evidence, GK.endOffset))
    assert text[start:end] == str(g.value(evidence, GK.quote)) == SENTENCE
    assert g.value(evidence, URIRef("http://www.w3.org/ns/prov#entity")) == minter.article("t1")


def test_minted_iris_are_deterministic_and_tell_diacritics_apart():
    a, b = Minter(BASE), Minter(BASE)
    assert a.person("Nguyễn Văn Hùng") == b.person("nguyễn  văn hùng")
    assert a.person("Nguyễn Văn Hùng") != a.person("Nguyễn Văn Hưng")
    assert str(a.person("Phạm Tấn Hòa")).startswith(BASE + "person/pham-tan-hoa-")


def test_loading_an_article_again_replaces_its_graph(extraction, minter):
    store = KnowledgeStore.memory()
    graph_iri = minter.article_graph("t1")
    store.replace_graph(graph_iri, extraction_to_graph(extraction, minter))
    size = len(store)
    store.replace_graph(graph_iri, extraction_to_graph(extraction, minter))
    assert len(store) == size
    changed = make_extraction(title="Biên bản hợp tác (sửa)")
    store.replace_graph(graph_iri, extraction_to_graph(changed, minter))
    titles = {str(row[0]) for row in store.query("SELECT ?t { ?a <http://purl.org/dc/terms/title> ?t }")}
    assert "Biên bản hợp tác (sửa)" in titles and "Biên bản hợp tác" not in titles


def test_store_persists_and_refuses_a_second_writer(tmp_path, extraction, minter):
    path = tmp_path / "store"
    with KnowledgeStore.open(path) as store:
        store.replace_graph(minter.article_graph("t1"), extraction_to_graph(extraction, minter))
        size = len(store)
        with pytest.raises(StoreError, match="in use"):
            KnowledgeStore.open(path)
    with KnowledgeStore.open(path, read_only=True) as store:
        assert len(store) == size
        assert minter.article_graph("t1") in set(store.graph_names())


def test_read_only_open_of_a_missing_store_says_build_first(tmp_path):
    with pytest.raises(StoreError, match="govkg build"):
        KnowledgeStore.open(tmp_path / "none", read_only=True)


def _plain(term):
    """RDF 1.1: "x" and "x"^^xsd:string are one term; rdflib keeps them apart, so compare them plainly."""
    return (
        Literal(str(term), lang=term.language)
        if isinstance(term, Literal) and term.datatype == XSD.string
        else term
    )


def _store_with_two_articles(minter):
    store = KnowledgeStore.memory()
    store.ensure_ontology()
    for article_id, date in (("t1", "--07-16"), ("t2", "2022-05-05")):
        store.replace_graph(
            minter.article_graph(article_id),
            extraction_to_graph(make_extraction(article_id, date=date), minter),
        )
    return store


def test_turtle_export_parses_back_isomorphic(minter):
    store = _store_with_two_articles(minter)
    out = io.BytesIO()
    export(store, out, "ttl", base_iri=BASE)
    parsed = Graph().parse(data=out.getvalue().decode("utf-8"), format="turtle")
    union = Graph()
    for s, p, o, _ in store.dataset.quads((None, None, None, None)):
        union.add((s, p, _plain(o)))
    assert len(parsed) == len(union) > 100
    assert isomorphic(parsed, union)


@pytest.mark.parametrize("fmt", ["trig", "nq"])
def test_dataset_exports_keep_the_article_graphs(minter, fmt):
    store = _store_with_two_articles(minter)
    out = io.BytesIO()
    export(store, out, fmt, base_iri=BASE)
    parsed = Dataset().parse(data=out.getvalue().decode("utf-8"), format={"nq": "nquads"}.get(fmt, fmt))
    names = {g.identifier for g in parsed.graphs()}
    assert {minter.article_graph("t1"), minter.article_graph("t2")} <= names
    assert sum(len(g) for g in parsed.graphs()) == len(store)


def test_jsonld_export_keeps_graphs_and_compacts(minter):
    store = _store_with_two_articles(minter)
    out = io.BytesIO()
    export(store, out, "jsonld", base_iri=BASE)
    text = out.getvalue().decode("utf-8")
    assert '"@context"' in text and '"gk:' in text and "Trần Văn Cần" in text
    parsed = Dataset().parse(data=text, format="json-ld")
    graph = parsed.graph(minter.article_graph("t2"))
    assert (None, RDF.type, GK.CooperationAgreement) in graph
    assert sum(len(g) for g in parsed.graphs()) == len(store)

"""The reference graph: 63 provinces become 34, six ministry mergers, each a dated, sourced change event."""

import pytest
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS

from govkg.graph.reference import WIKIDATA, reference_graph
from govkg.ontology.terms import GK


@pytest.fixture(scope="module")
def graph(minter_module):
    return reference_graph(minter_module)


@pytest.fixture(scope="module")
def minter_module():
    from govkg.graph.identity import Minter

    return Minter("https://w3id.org/govkg/id/")


def successors(graph, node):
    return {
        result
        for event in graph.subjects(ORG.originalOrganization, node)
        for result in graph.objects(event, ORG.resultingOrganization)
    }


def test_sixty_three_provinces_become_thirty_four(graph, minter_module):
    provinces = set(graph.subjects(RDF.type, GK.Province))
    absorbed = {p for p in provinces if successors(graph, p) - {p}}
    # 63 before 1 July 2025 plus Thừa Thiên Huế (Huế since 1 January 2025); 29 merged into others, 1 renamed
    assert len(provinces) == 64 and len(provinces - absorbed) == 34
    long_an, tay_ninh = minter_module.province("Long An"), minter_module.province("Tây Ninh")
    assert successors(graph, long_an) == {tay_ninh}
    assert successors(graph, tay_ninh) == {tay_ninh}  # it keeps its name: it succeeds itself
    assert successors(graph, minter_module.province("Hà Nội")) == set()  # unchanged: no event


def test_change_events_are_dated_and_sourced(graph, minter_module):
    events = set(graph.subjects(RDF.type, GK.ChangeEvent))
    assert len(events) == 23 + 1 + 6  # province mergers, Huế, ministries
    for event in events:
        (date,) = graph.objects(event, GK.effectiveDate)
        assert date.datatype == XSD.date
        assert graph.value(event, PROV.wasDerivedFrom) == minter_module.reference_graph()
        assert "Nghị quyết" in str(graph.value(event, DCTERMS.source))
    mic = minter_module.body("Bộ Thông tin và Truyền thông")
    most = minter_module.body("Bộ Khoa học và Công nghệ")
    (event,) = graph.subjects(ORG.originalOrganization, mic)
    assert graph.value(event, GK.effectiveDate) == Literal("2025-03-01", datatype=XSD.date)
    assert successors(graph, mic) == {most}


def test_ministries_carry_labels_in_both_languages(graph, minter_module):
    mic = minter_module.body("Bộ Thông tin và Truyền thông")
    assert (mic, RDF.type, GK.Ministry) in graph
    labels = {(str(x), x.language) for x in graph.objects(mic, SKOS.prefLabel)}
    english = "Ministry of Information and Communications"
    assert labels == {("Bộ Thông tin và Truyền thông", "vi"), (english, "en")}


def test_wikidata_links_are_entity_iris(graph):
    for link in graph.objects(None, SKOS.exactMatch):
        assert str(link).startswith(WIKIDATA) and str(link)[len(WIKIDATA) :].startswith("Q")


def test_rebuilding_gives_the_same_graph(graph, minter_module):
    assert isomorphic(graph, reference_graph(minter_module))


def test_provinces_link_out_to_wikidata_with_english_labels(graph, minter_module):
    long_an = minter_module.province("Long An")
    assert graph.value(long_an, SKOS.exactMatch) == URIRef(WIKIDATA + "Q26573")
    assert Literal("Long An Province", lang="en") in set(graph.objects(long_an, SKOS.prefLabel))
    linked = {s for s in graph.subjects(SKOS.exactMatch) if (s, RDF.type, GK.Province) in graph}
    assert len(linked) == 63  # every legacy name; the 34 current ones continue one of them

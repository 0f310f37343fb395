"""A body named twice in one article in different case is one node with one preferred label per language."""

from dataclasses import replace

from rdflib import Literal
from rdflib.namespace import SKOS
from samples import make_extraction

from govkg.graph.mapping import extraction_to_graph
from govkg.loaders.records import Organization


def test_case_variants_of_a_body_get_one_preferred_label(minter):
    extraction = make_extraction()
    extra = [Organization("Quân đội nhân dân", "Other"), Organization("quân đội nhân dân", "Other")]
    extraction = replace(extraction, organizations=extraction.organizations + extra)
    graph = extraction_to_graph(extraction, minter)
    body = minter.body("Quân đội nhân dân")
    assert list(graph.objects(body, SKOS.prefLabel)) == [Literal("Quân đội nhân dân", lang="vi")]
    assert Literal("quân đội nhân dân", lang="vi") in set(graph.objects(body, SKOS.altLabel))


def test_bodies_of_a_province_are_linked_to_it(minter, extraction):
    from govkg.ontology.terms import GK

    graph = extraction_to_graph(extraction, minter)
    ubnd = minter.body("Ủy ban nhân dân tỉnh Long An")
    assert graph.value(ubnd, GK.province) == minter.province("Long An")
    assert graph.value(minter.body("Bộ Thông tin và Truyền thông"), GK.province) is None

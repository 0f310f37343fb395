"""The graph the mapping writes is consistent with the ontology (HermiT), and breaking it is noticed."""

import shutil

import pytest
from rdflib import RDF

from govkg.graph.mapping import extraction_to_graph
from govkg.ontology.terms import GK

pytestmark = [
    pytest.mark.java,
    pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java (.ci/run installs it)"),
]


def test_mapped_graph_is_consistent(extraction, minter):
    from govkg.ontology.reasoning import check_consistency

    graph = extraction_to_graph(extraction, minter)
    report = check_consistency(graph.serialize(format="turtle"))
    assert report.consistent, "the mapping writes something the ontology forbids"


def test_mapped_graph_with_a_person_as_party_is_inconsistent(extraction, minter):
    from govkg.ontology.reasoning import check_consistency

    graph = extraction_to_graph(extraction, minter)
    agreement = graph.value(predicate=RDF.type, object=GK.CooperationAgreement)
    graph.add((agreement, GK.party, minter.person("Trần Văn Cần")))  # a person is not a body
    assert not check_consistency(graph.serialize(format="turtle")).consistent

"""build --infer: the ontology's hierarchy, inverses and chains written out; the hierarchy is HermiT's."""

import shutil

import pytest
from rdflib import RDF, RDFS, Graph
from rdflib.namespace import FOAF, ORG, PROV

from govkg.graph.inference import Rules, infer, ontology_rules
from govkg.graph.mapping import extraction_to_graph
from govkg.graph.reference import reference_graph
from govkg.ontology import load_ontology
from govkg.ontology.terms import GK


@pytest.fixture
def mapped(extraction, minter):
    return extraction_to_graph(extraction, minter)


def test_types_inverses_and_chains_are_entailed(mapped, minter):
    inferred = infer(mapped)
    ministry = minter.body("Bộ Thông tin và Truyền thông")
    hung = minter.person("Nguyễn Mạnh Hùng")
    agreement = next(mapped.subjects(RDF.type, GK.CooperationAgreement))
    expected = {GK.Body, ORG.Organization, FOAF.Organization, PROV.Agent}
    assert expected <= set(inferred.objects(ministry, RDF.type))
    assert (hung, RDF.type, FOAF.Person) in inferred
    assert (ministry, GK.partyTo, agreement) in inferred  # inverse of gk:party
    assert (agreement, PROV.wasAttributedTo, hung) in inferred  # gk:signedBy ⊑ prov:wasAttributedTo
    position = next(mapped.objects(hung, ORG.holds))
    assert (position, ORG.heldBy, hung) in inferred
    assert not set(inferred) & set(mapped)  # only what is new


def test_party_follows_from_a_signature_alone(minter):
    from rdflib import URIRef

    a, s, p, b = (URIRef(f"{minter.base}x/{n}") for n in "aspb")
    graph = Graph()
    graph.add((a, GK.signature, s))
    graph.add((s, GK.signatory, p))
    graph.add((s, GK.signedFor, b))
    inferred = infer(graph)
    assert (a, GK.party, b) in inferred and (a, GK.signedBy, p) in inferred
    assert (b, GK.partyTo, a) in inferred  # chain, then inverse


def test_successors_are_entailed_from_change_events(minter):
    inferred = infer(reference_graph(minter))
    long_an, tay_ninh = minter.province("Long An"), minter.province("Tây Ninh")
    assert (long_an, GK.succeededBy, tay_ninh) in inferred
    event = next(inferred.objects(long_an, ORG.changedBy))
    assert (tay_ninh, ORG.resultedFrom, event) in inferred


def test_rules_follow_the_ontology():
    ontology = load_ontology()
    ontology.add((GK.Ministry, RDFS.subClassOf, GK.NewsAgency))  # a nonsense axiom
    changed = Rules.from_ontology(ontology)
    assert GK.NewsAgency in changed.superclasses[GK.Ministry]
    assert GK.NewsAgency not in ontology_rules().superclasses[GK.Ministry]


@pytest.mark.java
@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java (.ci/run installs it)")
def test_materialised_hierarchy_is_the_one_hermit_classifies():
    from govkg.ontology.reasoning import check_consistency

    report = check_consistency()
    rules = ontology_rules()
    gk_classes = {c for c in rules.superclasses if str(c).startswith(str(GK))}
    assert len(gk_classes) > 20
    for cls in gk_classes:
        assert {str(c) for c in rules.superclasses[cls]} == report.superclasses(str(cls)), cls


@pytest.mark.java
@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java (.ci/run installs it)")
def test_dev_graph_with_its_inferences_is_consistent(dev_store):
    from govkg.ontology.reasoning import check_consistency

    data = Graph()
    for s, p, o, g in dev_store.dataset.quads((None, None, None, None)):
        if "ontology" not in str(g):
            data.add((s, p, o))
    data += infer(data)
    report = check_consistency(data.serialize(format="turtle"))
    assert report.consistent

"""The Turtle parses, documents every term in Vietnamese and English, and stays within OWL 2 DL."""

import pytest
from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS, TIME

from govkg.ontology import ONTOLOGY_IRI, ONTOLOGY_PATH, load_ontology

GK_NS = "https://w3id.org/govkg/ontology#"
# rdflib overrides str.startswith on terms and drops tuple support, hence str(term) below.
BUILTIN = (str(RDF), str(RDFS), str(OWL), str(XSD))
PROPERTY_KINDS = {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
# https://www.w3.org/TR/owl2-syntax/#Datatype_Maps (the subset worth allowing as a range here)
OWL2_DATATYPES = {
    XSD.string,
    XSD.integer,
    XSD.nonNegativeInteger,
    XSD.decimal,
    XSD.double,
    XSD.boolean,
    XSD.anyURI,
    XSD.dateTime,
    XSD.dateTimeStamp,
    RDF.PlainLiteral,
    RDF.langString,
}


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load_ontology()


def _gk_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(GK_NS)}


def _property_kinds(graph: Graph) -> dict[URIRef, set[URIRef]]:
    kinds: dict[URIRef, set[URIRef]] = {}
    for s, _, kind in graph.triples((None, RDF.type, None)):
        if kind in PROPERTY_KINDS:
            kinds.setdefault(s, set()).add(kind)
    return kinds


def test_parses_from_package_data() -> None:
    graph = Graph().parse(ONTOLOGY_PATH, format="turtle")
    assert (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in graph
    assert len(graph) > 400


def test_every_gk_term_is_documented_in_vietnamese_and_english(graph: Graph) -> None:
    terms = _gk_terms(graph)
    assert len(terms) > 50
    for term in terms:
        for prop in (RDFS.label, RDFS.comment):
            languages = sorted(v.language for v in graph.objects(term, prop) if isinstance(v, Literal))
            assert languages == ["en", "vi"], f"{term} {prop}: {languages}"
        assert graph.value(term, RDFS.isDefinedBy) == URIRef(ONTOLOGY_IRI), term


def test_every_property_is_declared_exactly_once(graph: Graph) -> None:
    kinds = _property_kinds(graph)
    used: set[URIRef] = {p for p in graph.predicates() if not str(p).startswith(BUILTIN)}
    used |= {o for o in graph.objects(None, OWL.onProperty)}
    used |= {x for s, _, o in graph.triples((None, RDFS.subPropertyOf, None)) for x in (s, o)}
    used |= {x for s, _, o in graph.triples((None, OWL.inverseOf, None)) for x in (s, o)}
    for chain in graph.objects(None, OWL.propertyChainAxiom):
        used |= set(Collection(graph, chain))
    undeclared = sorted(p for p in used if p not in kinds)
    assert not undeclared, f"used but not declared: {undeclared}"
    ambiguous = sorted(p for p, k in kinds.items() if len(k) != 1)
    assert not ambiguous, f"declared as more than one kind of property: {ambiguous}"


def test_every_class_used_is_declared(graph: Graph) -> None:
    classes = set(graph.subjects(RDF.type, OWL.Class))
    used = {o for o in graph.objects(None, RDFS.subClassOf) if isinstance(o, URIRef)}
    used |= {o for p in (OWL.allValuesFrom, OWL.someValuesFrom) for o in graph.objects(None, p)}
    used |= {o for o in graph.objects(None, RDFS.domain)}
    object_properties = set(graph.subjects(RDF.type, OWL.ObjectProperty))
    used |= {o for p in object_properties for o in graph.objects(p, RDFS.range)}
    for node in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        used |= set(Collection(graph, graph.value(node, OWL.members)))
    used |= {o for s, o in graph.subject_objects(RDF.type) if not str(o).startswith(BUILTIN)}
    undeclared = sorted(c for c in used if isinstance(c, URIRef) and c not in classes)
    assert not undeclared, f"used but not declared as owl:Class: {undeclared}"
    punned = sorted(classes & set(_property_kinds(graph)))
    assert not punned, f"both class and property: {punned}"


def test_datatype_ranges_are_in_the_owl2_datatype_map(graph: Graph) -> None:
    for prop in graph.subjects(RDF.type, OWL.DatatypeProperty):
        for range_ in graph.objects(prop, RDFS.range):
            assert range_ in OWL2_DATATYPES, f"{prop} has range {range_} outside the OWL 2 datatype map"


def test_no_non_simple_property_is_functional(graph: Graph) -> None:
    """OWL 2 DL global restriction: composite (chain / transitive) properties and their super-properties
    and inverses are non-simple and may not be functional or used in cardinality restrictions."""
    non_simple = set(graph.subjects(OWL.propertyChainAxiom, None)) | set(
        graph.subjects(RDF.type, OWL.TransitiveProperty)
    )
    while True:
        grown = non_simple | {o for s in non_simple for o in graph.objects(s, RDFS.subPropertyOf)}
        grown |= {o for s in grown for o in graph.objects(s, OWL.inverseOf)}
        grown |= {s for o in grown for s in graph.subjects(OWL.inverseOf, o)}
        if grown == non_simple:
            break
        non_simple = grown
    assert {URIRef(GK_NS + "signedBy"), URIRef(GK_NS + "party")} <= non_simple
    constrained = set(graph.subjects(RDF.type, OWL.FunctionalProperty))
    constrained |= set(graph.subjects(RDF.type, OWL.InverseFunctionalProperty))
    restricted = {graph.value(r, OWL.onProperty) for r in graph.subjects(RDF.type, OWL.Restriction)}
    for card in (
        OWL.cardinality,
        OWL.minCardinality,
        OWL.maxCardinality,
        OWL.qualifiedCardinality,
        OWL.minQualifiedCardinality,
        OWL.maxQualifiedCardinality,
    ):
        constrained |= {graph.value(r, OWL.onProperty) for r in graph.subjects(card, None)}
    assert not (non_simple & constrained), sorted(non_simple & constrained)
    assert restricted  # restrictions exist and name their property


def test_no_blank_node_class_or_property_declarations(graph: Graph) -> None:
    for kind in PROPERTY_KINDS | {OWL.Class}:
        assert not [s for s in graph.subjects(RDF.type, kind) if isinstance(s, BNode)]


def test_external_terms_exist_in_their_vocabularies(graph: Graph) -> None:
    """Catches typos such as time:unitday: rdflib's closed namespaces list each vocabulary's terms."""
    vocabularies = [ORG, PROV, TIME, SDO, FOAF, SKOS, DCTERMS]
    declared = {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}
    for term in declared:
        for vocabulary in vocabularies:
            namespace = str(vocabulary._NS)
            if term.startswith(namespace):
                assert term in vocabulary, f"{term} is not a term of {namespace}"

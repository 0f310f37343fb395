"""The term names, types, domains, ranges and alignments other packages rely on."""

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS, TIME, Namespace

from govkg.ontology import load_ontology

GK = Namespace("https://w3id.org/govkg/ontology#")

CLASSES = {
    "Person": [FOAF.Person, SDO.Person, PROV.Agent],
    "Body": [ORG.Organization, FOAF.Organization, SDO.Organization, PROV.Agent],
    **{
        name: [GK.Body]
        for name in (
            "Government Ministry PeoplesCommittee PeoplesCouncil PartyCommittee Department Enterprise "
            "EducationResearch ForeignBody NewsAgency OtherBody"
        ).split()
    },
    "Role": [ORG.Role, SKOS.Concept],
    "Post": [ORG.Post],
    "PostHolding": [ORG.Membership],
    "Agreement": [PROV.Entity, SDO.CreativeWork],
    "MemorandumOfUnderstanding": [GK.Agreement],
    "CooperationAgreement": [GK.Agreement],
    "CoordinationProgram": [GK.Agreement],
    "OtherAgreement": [GK.Agreement],
    "Signature": [PROV.Association],
    "Event": [PROV.Activity, SDO.Event],
    "SigningEvent": [GK.Event],
    "MeetingEvent": [GK.Event],
    "NewsArticle": [SDO.NewsArticle, FOAF.Document, PROV.Entity],
    "Evidence": [PROV.Derivation],
}

# name: (domain or None, range, superproperty or None)
OBJECT_PROPERTIES = {
    "holder": (GK.PostHolding, GK.Person, ORG.member),
    "holding": (GK.Person, GK.PostHolding, None),
    "body": (GK.PostHolding, GK.Body, ORG.organization),
    "role": (GK.PostHolding, GK.Role, ORG.role),
    "post": (GK.PostHolding, GK.Post, None),
    "party": (GK.Agreement, GK.Body, None),
    "partyTo": (GK.Body, GK.Agreement, None),
    "signature": (GK.Agreement, GK.Signature, None),
    "signatureOf": (GK.Signature, GK.Agreement, None),
    "signatory": (GK.Signature, GK.Person, PROV.agent),
    "signedFor": (GK.Signature, GK.Body, None),
    "signedBy": (GK.Agreement, GK.Person, None),
    "signing": (GK.Agreement, GK.SigningEvent, None),
    "witness": (GK.SigningEvent, GK.Person, None),
    "validityPeriod": (GK.Agreement, TIME.Interval, None),
    "signingDatePrecision": (GK.Agreement, TIME.TemporalUnit, None),
    "evidence": (None, GK.Evidence, PROV.qualifiedDerivation),
    "mentionedIn": (None, GK.NewsArticle, PROV.wasDerivedFrom),
}

# name: (domain, range or None where the values are outside the OWL 2 datatype map)
DATATYPE_PROPERTIES = {
    "signingDate": (GK.Agreement, None),
    "periodStart": (GK.Agreement, None),
    "periodEnd": (GK.Agreement, None),
    "attestedOn": (GK.PostHolding, None),
    "postTitle": (GK.PostHolding, XSD.string),
    "quote": (GK.Evidence, XSD.string),
    "startOffset": (GK.Evidence, XSD.integer),
    "endOffset": (GK.Evidence, XSD.integer),
    "confidence": (GK.Evidence, XSD.decimal),
    "articleId": (GK.NewsArticle, XSD.string),
    "sourceName": (GK.NewsArticle, XSD.string),
    "text": (GK.NewsArticle, XSD.string),
}

EXTERNAL_OBJECT_PROPERTIES = [
    ORG.postIn,
    ORG.role,
    ORG.holds,
    ORG.heldBy,
    PROV.entity,
    PROV.qualifiedAssociation,
    TIME.hasTime,
    TIME.hasBeginning,
    TIME.hasEnd,
    TIME.inDateTime,
    TIME.unitType,
]
EXTERNAL_DATATYPE_PROPERTIES = [
    FOAF.name,
    FOAF.gender,
    SDO.datePublished,
    TIME.year,
    TIME.month,
    TIME.day,
    TIME.inXSDgYear,
]
EXTERNAL_ANNOTATION_PROPERTIES = [SKOS.prefLabel, SKOS.altLabel, DCTERMS.title, SDO.url]


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load_ontology()


def test_ontology_header(graph: Graph) -> None:
    ontology = URIRef("https://w3id.org/govkg/ontology")
    assert (ontology, RDF.type, OWL.Ontology) in graph
    assert str(graph.value(ontology, OWL.versionInfo)) == "1.0"
    assert graph.value(ontology, OWL.imports) is None


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_class(graph: Graph, name: str) -> None:
    assert (GK[name], RDF.type, OWL.Class) in graph
    assert set(CLASSES[name]) <= set(graph.objects(GK[name], RDFS.subClassOf))


def test_department_is_also_an_organizational_unit(graph: Graph) -> None:
    assert (GK.Department, RDFS.subClassOf, ORG.OrganizationalUnit) in graph


def _disjoint_sets(graph: Graph) -> list[set[URIRef]]:
    return [
        set(Collection(graph, graph.value(node, OWL.members)))
        for node in graph.subjects(RDF.type, OWL.AllDisjointClasses)
    ]


def test_disjointness(graph: Graph) -> None:
    sets = _disjoint_sets(graph)
    top = {GK[n] for n in "Person Body Agreement NewsArticle Event PostHolding Signature".split()}
    kinds = {GK.MemorandumOfUnderstanding, GK.CooperationAgreement, GK.CoordinationProgram, GK.OtherAgreement}
    assert any(top <= s for s in sets)
    assert kinds in sets
    body_types = {s for s, _, _ in graph.triples((None, RDFS.subClassOf, GK.Body))}
    assert not any(len(s & body_types) > 1 for s in sets), "body types must not be disjoint"
    assert not list(graph.triples((None, OWL.disjointWith, None)))


@pytest.mark.parametrize("name", sorted(OBJECT_PROPERTIES))
def test_object_property(graph: Graph, name: str) -> None:
    domain, range_, parent = OBJECT_PROPERTIES[name]
    prop = GK[name]
    assert (prop, RDF.type, OWL.ObjectProperty) in graph
    assert graph.value(prop, RDFS.domain) == domain
    assert graph.value(prop, RDFS.range) == range_
    if parent is not None:
        assert (prop, RDFS.subPropertyOf, parent) in graph


@pytest.mark.parametrize(
    ("prop", "inverse"), [("holder", "holding"), ("party", "partyTo"), ("signature", "signatureOf")]
)
def test_inverses(graph: Graph, prop: str, inverse: str) -> None:
    assert (GK[prop], OWL.inverseOf, GK[inverse]) in graph or (GK[inverse], OWL.inverseOf, GK[prop]) in graph


def test_signed_by_is_the_signature_signatory_chain(graph: Graph) -> None:
    chains = [list(Collection(graph, c)) for c in graph.objects(GK.signedBy, OWL.propertyChainAxiom)]
    assert chains == [[GK.signature, GK.signatory]]


@pytest.mark.parametrize("name", sorted(DATATYPE_PROPERTIES))
def test_datatype_property(graph: Graph, name: str) -> None:
    domain, range_ = DATATYPE_PROPERTIES[name]
    assert (GK[name], RDF.type, OWL.DatatypeProperty) in graph
    assert graph.value(GK[name], RDFS.domain) == domain
    assert graph.value(GK[name], RDFS.range) == range_


def test_external_terms_are_declared(graph: Graph) -> None:
    for terms, kind in [
        (EXTERNAL_OBJECT_PROPERTIES, OWL.ObjectProperty),
        (EXTERNAL_DATATYPE_PROPERTIES, OWL.DatatypeProperty),
        (EXTERNAL_ANNOTATION_PROPERTIES, OWL.AnnotationProperty),
    ]:
        missing = [t for t in terms if (t, RDF.type, kind) not in graph]
        assert not missing, f"not declared as {kind}: {missing}"
    assert (ORG.holds, OWL.inverseOf, ORG.heldBy) in graph
    for unit in (TIME.unitDay, TIME.unitMonth, TIME.unitYear):
        assert {OWL.NamedIndividual, TIME.TemporalUnit} <= set(graph.objects(unit, RDF.type))

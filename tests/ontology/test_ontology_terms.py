"""terms.py is generated from govkg.ttl and must not go stale."""

from rdflib import OWL, RDF, URIRef

from govkg.ontology import GK, load_ontology, terms
from govkg.ontology.generate_terms import NAMESPACE, TERMS_PATH, render


def test_terms_py_is_not_stale() -> None:
    assert TERMS_PATH.read_text(encoding="utf-8") == render(), (
        "ontology/terms.py is stale: run `python -m govkg.ontology.generate_terms`"
    )


def test_every_gk_term_is_an_attribute() -> None:
    graph = load_ontology()
    declared = {
        s.removeprefix(NAMESPACE)
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
        for s in graph.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and s.startswith(NAMESPACE)
    }
    assert declared == set(GK.__annotations__)
    assert GK.signedBy == URIRef(NAMESPACE + "signedBy")
    assert isinstance(GK.Person, URIRef)


def test_unknown_terms_fail_loudly() -> None:
    try:
        GK.Persn  # noqa: B018
    except AttributeError:
        pass
    else:
        raise AssertionError("GK should reject unknown terms")


def test_vocabularies_are_reexported() -> None:
    assert str(terms.SCHEMA.Person) == "https://schema.org/Person"
    assert str(terms.ORG.postIn) == "http://www.w3.org/ns/org#postIn"

"""HermiT over the ontology: consistent, no unsatisfiable class, and it does catch contradictions."""

import shutil

import owlready2
import pytest

from govkg.ontology.reasoning import ReasonerUnavailable, check_consistency

GK = "https://w3id.org/govkg/ontology#"

needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs java on PATH")

SIGNED_AGREEMENT = """
gk:mou a gk:MemorandumOfUnderstanding ;
    gk:signingDate "2024-05-03"^^xsd:date ; gk:periodStart "2025"^^xsd:gYear ;
    gk:signature gk:sig .
gk:sig a gk:Signature ; gk:signatory gk:nguyenVanA ; gk:signedFor gk:ubndHauGiang .
"""


@pytest.mark.java
@needs_java
def test_ontology_is_consistent_and_classified() -> None:
    report = check_consistency()
    assert report.consistent
    assert report.unsatisfiable == ()
    expected = {f"{GK}Body", "http://www.w3.org/ns/prov#Agent", "http://www.w3.org/ns/org#OrganizationalUnit"}
    assert expected <= report.superclasses(f"{GK}Department")
    assert f"{GK}Event" in report.superclasses(f"{GK}SigningEvent")


@pytest.mark.java
@needs_java
def test_classification_includes_inferred_superclasses() -> None:
    # Nothing asserts Holder ⊑ Person: HermiT infers it from the domain of gk:holding.
    extra = (
        "gk:Holder a owl:Class ; owl:equivalentClass [ a owl:Restriction ; owl:onProperty gk:holding ; "
        "owl:someValuesFrom owl:Thing ] ."
    )
    report = check_consistency(extra)
    assert report.consistent
    assert {f"{GK}Person", "http://xmlns.com/foaf/0.1/Person"} <= report.superclasses(f"{GK}Holder")


@pytest.mark.java
@needs_java
def test_person_that_is_also_a_body_is_inconsistent() -> None:
    assert not check_consistency("gk:x a gk:Person , gk:Body .").consistent
    # A fresh world per call: the contradiction does not leak into the next run.
    assert check_consistency("gk:x a gk:Person .").consistent


@pytest.mark.java
@needs_java
def test_disjoint_agreement_kinds_and_typed_ranges_are_enforced() -> None:
    assert not check_consistency("gk:a a gk:MemorandumOfUnderstanding , gk:CoordinationProgram .").consistent
    # gk:signatory's range is gk:Person, so a body cannot sign.
    assert not check_consistency("gk:s gk:signatory gk:b . gk:b a gk:Body .").consistent
    assert not check_consistency('gk:e gk:confidence "0.9"^^xsd:double .').consistent


@pytest.mark.java
@needs_java
def test_signed_by_and_party_follow_from_signatures() -> None:
    # Dated literals (outside the OWL 2 datatype map) are ignored, not rejected.
    assert check_consistency(SIGNED_AGREEMENT).consistent
    denied_signer = (
        "gk:mou a [ owl:complementOf [ a owl:Restriction ; owl:onProperty gk:signedBy ; "
        "owl:hasValue gk:nguyenVanA ] ] ."
    )
    denied_party = (
        "gk:mou a [ owl:complementOf [ a owl:Restriction ; owl:onProperty gk:party ; "
        "owl:hasValue gk:ubndHauGiang ] ] ."
    )
    # Denying what the property chains entail is a contradiction…
    assert not check_consistency(SIGNED_AGREEMENT + denied_signer).consistent
    assert not check_consistency(SIGNED_AGREEMENT + denied_party).consistent
    # …but only because of the signature: without it the same denial is fine.
    assert check_consistency("gk:mou a gk:Agreement . " + denied_signer).consistent


def test_missing_java_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(owlready2, "JAVA_EXE", "/nonexistent/java")
    with pytest.raises(ReasonerUnavailable, match="needs Java"):
        check_consistency()

"""SHACL shapes: the mapped fixture conforms, each kind of broken graph fails with a readable message."""

from decimal import Decimal

import pytest
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH, SKOS
from samples import BASE, make_extraction

from govkg.graph.identity import Minter
from govkg.graph.mapping import extraction_to_graph
from govkg.graph.reference import reference_graph
from govkg.ontology import GK
from govkg.ontology.validation import (
    SHAPES_PATH,
    format_report,
    inferred_companion,
    validate_graph,
    validate_graphs,
)

AGREEMENT = GK.CooperationAgreement


def fixture_graph(article_id="t1", **options) -> Graph:
    return extraction_to_graph(make_extraction(article_id, **options), Minter(BASE))


def first(graph, kind):
    return sorted(graph.subjects(RDF.type, kind))[0]


def test_the_fixture_graph_conforms():
    report = validate_graph(fixture_graph())
    assert report.conforms and report.violations == [] and report.graphs == 1


def test_the_reference_graph_conforms():
    """Reference bodies have no article; prov:wasDerivedFrom names their source instead."""
    report = validate_graph(reference_graph(Minter(BASE)))
    assert report.conforms, format_report(report)


def test_subclass_instances_meet_the_superclass_shapes():
    """A gk:Ministry is a gk:Body to the shapes only through the ontology's hierarchy (validation adds it)."""
    graph = fixture_graph()
    ministry = first(graph, GK.Ministry)
    graph.remove((ministry, SKOS.prefLabel, None))
    [violation] = validate_graph(graph).violations
    assert (violation.focus, violation.path, violation.kind) == (ministry, "skos:prefLabel", "gk:Ministry")
    assert violation.message == "A body needs a skos:prefLabel in Vietnamese (@vi)."


def _one_party(g):
    agreement = first(g, AGREEMENT)
    g.remove((agreement, GK.party, sorted(g.objects(agreement, GK.party))[0]))
    return agreement


def _no_signatory(g):
    signature = first(g, GK.Signature)
    g.remove((signature, GK.signatory, None))
    return signature


def _untyped_date(g):
    agreement = first(g, AGREEMENT)
    g.set((agreement, GK.signingDate, Literal("2022-05-05")))
    return agreement


def _confidence_above_one(g):
    evidence = first(g, GK.Evidence)
    g.set((evidence, GK.confidence, Literal(Decimal("1.5"))))
    return evidence


def _no_provenance(g):
    person = first(g, GK.Person)
    g.remove((person, GK.mentionedIn, None))
    return person


def _start_after_end(g):
    evidence = first(g, GK.Evidence)
    g.set((evidence, GK.startOffset, Literal(500)))
    return evidence


@pytest.mark.parametrize(
    ("breaking", "path", "message"),
    [
        (_one_party, "gk:party", "An agreement needs at least two gk:party values, each a gk:Body."),
        (_no_signatory, "gk:signatory", "A signature needs exactly one gk:signatory, a gk:Person."),
        (_untyped_date, "gk:signingDate", "gk:signingDate, when known, is one valid literal typed xsd:date"),
        (_confidence_above_one, "gk:confidence", "an xsd:decimal from 0 to 1"),
        (
            _no_provenance,
            "(gk:mentionedIn | prov:wasDerivedFrom | gk:curatedBy)",
            "Every fact needs gk:mentionedIn",
        ),
        (_start_after_end, "gk:startOffset", "≤ its gk:endOffset"),
    ],
)
def test_each_broken_graph_fails_with_a_readable_message(breaking, path, message):
    graph = fixture_graph()
    focus = breaking(graph)
    report = validate_graph(graph)
    assert not report.conforms
    found = [v for v in report.violations if v.path == path]
    assert len(found) == 1, format_report(report)
    assert found[0].focus == focus and found[0].severity == "Violation" and message in found[0].message
    assert message in format_report(report)


def test_an_untyped_date_also_misses_its_precision():
    report = validate_graph(_broken(_untyped_date))
    [node_level] = [v for v in report.violations if v.path is None]
    assert "gk:signingDatePrecision of its datatype" in node_level.message


def _broken(breaking) -> Graph:
    graph = fixture_graph()
    breaking(graph)
    return graph


def test_the_report_names_the_agreement_and_the_value():
    text = format_report(validate_graph(_broken(_one_party)))
    assert "1 graph(s) validated: 1 do not conform (1 violation(s), 0 warning(s) or info)" in text
    assert "gk:CooperationAgreement “Biên bản hợp tác” <https://w3id.org/govkg/id/agreement/" in text
    text = format_report(validate_graph(_broken(_confidence_above_one)))
    assert '(value: "1.5"^^xsd:decimal)' in text and "gk:evidence of “" in text
    text = format_report(validate_graph(_broken(_no_signatory)))
    assert "gk:Signature gk:signature of “Biên bản hợp tác”" in text


def test_graphs_validated_together_stay_apart():
    """One pySHACL call for many graphs: a node in two graphs is judged in each on that graph alone."""
    good, bad = fixture_graph("a1"), fixture_graph("a2")
    person = _no_provenance(bad)  # the same person node as in the good graph
    assert (person, GK.mentionedIn, None) in good
    report = validate_graphs([(URIRef("urn:good"), good), (URIRef("urn:bad"), bad)])
    assert report.graphs == 2 and report.invalid_graphs() == {URIRef("urn:bad")}
    [violation] = report.violations
    assert violation.focus == person and violation.graph == URIRef("urn:bad")


def test_values_from_two_graphs_do_not_add_up():
    """Each graph has one holder for the same holding; their union would have two (maxCount 1)."""
    first_graph, second_graph = fixture_graph("a1"), fixture_graph("a2")
    holding = first(second_graph, GK.PostHolding)
    holder = second_graph.value(holding, GK.holder)
    other = next(p for p in second_graph.subjects(RDF.type, GK.Person) if p != holder)
    second_graph.set((holding, GK.holder, other))
    assert not validate_graph(first_graph + second_graph).conforms  # the union breaks maxCount
    assert validate_graphs([(URIRef("urn:1"), first_graph), (URIRef("urn:2"), second_graph)]).conforms


def test_each_graph_of_a_dataset_is_reported_with_its_name():
    dataset = Dataset()
    for name, graph in (("urn:fine", fixture_graph("a1")), ("urn:broken", _broken(_one_party))):
        target = dataset.graph(URIRef(name))
        for triple in graph:
            target.add(triple)
    report = validate_graph(dataset)
    assert report.graphs == 2 and report.invalid_graphs() == {URIRef("urn:broken")}
    assert "graph <urn:broken>" in format_report(report)


def test_inferences_are_checked_with_their_graph():
    """A `build --infer` companion alone has types without labels; with its graph it conforms."""
    graph = fixture_graph()
    ministry = first(graph, GK.Ministry)
    dataset = Dataset()
    for triple in graph:
        dataset.graph(URIRef("urn:article")).add(triple)
    dataset.graph(inferred_companion(URIRef("urn:article"))).add((ministry, RDF.type, GK.Body))
    report = validate_graph(dataset)
    assert report.conforms and report.graphs == 1
    assert inferred_companion(URIRef("urn:g")) == Minter(BASE).inferred_graph(URIRef("urn:g"))


def test_warnings_are_listed_but_conform():
    graph = fixture_graph()
    ministry = first(graph, GK.Ministry)
    graph.add((ministry, SKOS.prefLabel, Literal("Bộ Thông Tin và Truyền Thông", lang="vi")))
    report = validate_graph(graph)
    assert report.conforms and [v.severity for v in report.violations] == ["Warning"]
    assert "[warning] skos:prefLabel: A body has two skos:prefLabel values in one language" in format_report(
        report
    )


def test_every_constraint_has_an_english_message_and_every_property_a_name():
    g = Graph().parse(SHAPES_PATH)
    node_shapes = set(g.subjects(RDF.type, SH.NodeShape))
    assert len(node_shapes) >= 10
    for shape in node_shapes:
        properties = list(g.objects(shape, SH.property))
        assert properties or any(m.language == "en" for m in g.objects(shape, SH.message)), shape
        for prop in properties:
            where = (shape, g.value(prop, SH.path))
            assert g.value(prop, SH.name) is not None, where
            assert any(m.language == "en" for m in g.objects(prop, SH.message)), where

"""docs/ontology.md is generated from govkg.ttl (and shapes.ttl) and must not go stale."""

import re
import unicodedata

import pytest
from markdown_it import MarkdownIt
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from govkg.ontology import load_ontology
from govkg.ontology.generate_docs import DOCS_PATH, generate, render
from govkg.ontology.generate_terms import NAMESPACE

SHAPES = """
@prefix gk: <https://w3id.org/govkg/ontology#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

gk:AgreementShape a sh:NodeShape ;
    sh:targetClass gk:Agreement ;
    sh:property [ sh:path gk:signingDate ; sh:maxCount 1 ;
                  sh:or ( [ sh:datatype xsd:date ] [ sh:datatype xsd:gYear ] ) ;
                  sh:message "ngày ký không hợp lệ"@vi , "bad signing date"@en ] ,
                [ sh:path [ sh:inversePath gk:partyTo ] ; sh:minCount 1 ; sh:class gk:Body ] .
"""


@pytest.fixture(scope="module")
def text() -> str:
    return generate()


def test_docs_are_not_stale(text: str) -> None:
    assert DOCS_PATH.exists() and DOCS_PATH.read_text(encoding="utf-8") == text, (
        "docs/ontology.md is stale: run `python -m govkg.ontology.generate_docs`"
    )


def test_every_gk_term_has_an_anchored_entry(text: str) -> None:
    graph = load_ontology()
    kinds = {
        "class": [OWL.Class],
        "property": [OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty],
        "individual": [OWL.NamedIndividual],
    }
    terms = {
        (anchor, s.removeprefix(NAMESPACE))
        for anchor, types in kinds.items()
        for kind in types
        for s in graph.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and s.startswith(NAMESPACE)
    }
    assert len(terms) > 50
    for anchor, local in terms:
        assert f'### <a id="{anchor}-{local}"></a>gk:{local}\n' in text, local
        assert f"](#{anchor}-{local})" in text, f"gk:{local} is not in the contents"


def test_alignments_and_characteristics_are_readable(text: str) -> None:
    assert "- **Alignment:** `org:Post`, `org:postIn` only [`gk:Body`](#class-Body)" in text
    assert "`prov:Agent`, `schema:Person`" in text
    assert "- **Property chain:** [`gk:signature`](#property-signature) / [`gk:signatory`]" in text
    assert "- **Inverse of:** [`gk:holding`](#property-holding)" in text
    assert "| `org:postIn` | object property | [`gk:Post`](#class-Post) |" in text


def test_markdown_is_well_formed(text: str) -> None:
    assert unicodedata.is_normalized("NFC", text)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables = sum(t.type == "table_open" for t in tokens)
    assert tables == text.count("\n| --- |"), "a table did not parse"
    for block in re.findall(r"(?:^\|.*\n)+", text, flags=re.M):
        widths = {len(re.findall(r"(?<!\\)\|", line)) for line in block.splitlines()}
        assert len(widths) == 1, f"ragged table:\n{block}"
    ids = re.findall(r'<a id="([^"]+)"></a>', text)
    assert len(ids) == len(set(ids)), "duplicate anchors"
    dangling = set(re.findall(r"\]\(#([^)]+)\)", text)) - set(ids)
    assert not dangling, f"links to missing anchors: {sorted(dangling)}"


def test_render_follows_the_ontology() -> None:
    graph = load_ontology()
    before = render(graph)
    person = URIRef(NAMESPACE + "Person")
    graph.remove((person, RDFS.label, Literal("Person", lang="en")))
    graph.add((person, RDFS.label, Literal("Human being", lang="en")))
    after = render(graph)
    assert after != before and "Human being *(en)*" in after and "Human being" not in before
    assert render(graph) == after, "rendering is not deterministic"


def test_shapes_are_summarised_when_given() -> None:
    graph = load_ontology()
    assert "SHACL" not in render(graph)
    text = render(graph, Graph().parse(data=SHAPES, format="turtle"))
    assert "- [SHACL shapes](#shacl-shapes) (1): [`gk:AgreementShape`](#shape-gk-AgreementShape)" in text
    assert '### <a id="shape-gk-AgreementShape"></a>gk:AgreementShape' in text
    assert "- **Targets:** class [`gk:Agreement`](#class-Agreement)" in text
    assert (
        "| [`gk:signingDate`](#property-signingDate) | 0..1 | `xsd:date` or `xsd:gYear` | — "
        "| ngày ký không hợp lệ *(vi)*<br>bad signing date *(en)* |"
    ) in text
    assert "| ^[`gk:partyTo`](#property-partyTo) | 1..* | [`gk:Body`](#class-Body) |" in text
    assert "- **SHACL shapes:** [`gk:AgreementShape`](#shape-gk-AgreementShape)" in text

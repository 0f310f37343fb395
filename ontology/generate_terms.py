"""Generate ``terms.py`` (the ``GK`` DefinedNamespace) from ``govkg.ttl``, the source of truth.

Run ``python -m govkg.ontology.generate_terms`` after editing the Turtle; ``--check`` exits 1 when
``terms.py`` is stale (the tests do the same comparison).
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef

NAMESPACE = "https://w3id.org/govkg/ontology#"
TTL_PATH = Path(__file__).with_name("govkg.ttl")
TERMS_PATH = Path(__file__).with_name("terms.py")

# Kinds in the order they appear in terms.py.
KINDS = (
    (OWL.Class, "Classes"),
    (OWL.ObjectProperty, "Object properties"),
    (OWL.DatatypeProperty, "Datatype properties"),
    (OWL.AnnotationProperty, "Annotation properties"),
    (OWL.NamedIndividual, "Individuals"),
)

HEADER = '''\
"""Term constants of the govkg ontology.

GENERATED from govkg.ttl by ``python -m govkg.ontology.generate_terms`` — do not edit by hand.
"""

from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS, TIME, DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["DCTERMS", "FOAF", "GK", "ONTOLOGY_IRI", "ORG", "PROV", "SCHEMA", "SKOS", "TIME", "VERSION"]

SCHEMA = SDO
'''


def _english(graph: Graph, term: URIRef, prop: URIRef) -> str:
    values = [str(v) for v in graph.objects(term, prop) if getattr(v, "language", None) == "en"]
    if len(values) != 1:
        raise ValueError(f"{term} needs exactly one {prop} in English, has {len(values)}")
    return " ".join(values[0].split())


def _docstring(text: str) -> str:
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    lines = textwrap.wrap(text, width=100, initial_indent='"""', break_long_words=False)
    return "\n".join("    " + line for line in lines) + '"""'


def render(ttl_path: Path = TTL_PATH) -> str:
    """The text of terms.py for the ontology at ``ttl_path``."""
    graph = Graph().parse(ttl_path, format="turtle")
    ontology = graph.value(predicate=RDF.type, object=OWL.Ontology)
    version = graph.value(ontology, OWL.versionInfo)
    out = [HEADER, f'ONTOLOGY_IRI = URIRef("{ontology}")', f'VERSION = "{version}"', "", ""]
    out += ["class GK(DefinedNamespace):", '    """govkg ontology terms (``gk:``)."""', ""]
    out += ["    _fail = True", f'    _NS = Namespace("{NAMESPACE}")']
    for kind, title in KINDS:
        terms = sorted(
            t for t in graph.subjects(RDF.type, kind) if isinstance(t, URIRef) and t.startswith(NAMESPACE)
        )
        if not terms:
            continue
        out += ["", f"    # {title}"]
        for term in terms:
            label = _english(graph, term, RDFS.label)
            comment = _english(graph, term, RDFS.comment)
            out += [f"    {term.removeprefix(NAMESPACE)}: URIRef", _docstring(f"{label} — {comment}")]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = render()
    if args == ["--check"]:
        stale = not TERMS_PATH.exists() or TERMS_PATH.read_text(encoding="utf-8") != text
        print(f"{TERMS_PATH} is {'stale' if stale else 'up to date'}")
        return 1 if stale else 0
    if args:
        print("usage: python -m govkg.ontology.generate_terms [--check]", file=sys.stderr)
        return 2
    TERMS_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {TERMS_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

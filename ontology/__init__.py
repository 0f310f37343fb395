"""The govkg OWL 2 DL ontology: ``govkg.ttl`` (source of truth), its IRI and generated term constants.

``GK`` holds every ``gk:`` term; ORG, PROV, TIME, SCHEMA (https://schema.org/), FOAF, SKOS and DCTERMS
are re-exported from rdflib so callers import all vocabulary from one place. Reasoning lives in
``govkg.ontology.reasoning`` (it needs owlready2 and Java, so it is not imported here).
"""

from importlib.resources import files
from pathlib import Path

from rdflib import Graph

from govkg.ontology.terms import DCTERMS, FOAF, GK, ONTOLOGY_IRI, ORG, PROV, SCHEMA, SKOS, TIME, VERSION

__all__ = [
    "DCTERMS",
    "FOAF",
    "GK",
    "ONTOLOGY_IRI",
    "ONTOLOGY_PATH",
    "ORG",
    "PROV",
    "SCHEMA",
    "SKOS",
    "TIME",
    "VERSION",
    "load_ontology",
]

ONTOLOGY_PATH = Path(str(files(__name__).joinpath("govkg.ttl")))


def load_ontology() -> Graph:
    """A new rdflib Graph holding the ontology; callers own it and may add to it."""
    return Graph(bind_namespaces="core").parse(ONTOLOGY_PATH, format="turtle")

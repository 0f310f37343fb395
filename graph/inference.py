"""What the ontology entails, written out as triples, so plain SPARQL and outside tools see it.

``build --infer`` materialises four kinds of axiom of the ontology, the ones queries lean on:
superclasses (a gk:Ministry is a gk:Body, an org:Organization, a foaf:Organization…), superproperties
(gk:holder is an org:member), inverses (gk:party / gk:partyTo, org:holds / org:heldBy,
org:originalOrganization / org:changedBy) and two-step property chains (gk:signature/gk:signedFor →
gk:party, org:changedBy/org:resultingOrganization → gk:succeededBy). Rules are read from the ontology
itself, so they follow it; tests check the class hierarchy against HermiT's classification.

Forward chaining over one graph at a time (an article's or the reference data's): everything those
axioms entail from a graph is in the graph itself, so the result can sit beside it in its own named
graph and be replaced with it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection

from govkg.ontology import load_ontology

Triple = tuple[URIRef | BNode, URIRef, URIRef | BNode | Literal]


def _closure(direct: dict[URIRef, set[URIRef]]) -> dict[URIRef, frozenset[URIRef]]:
    """Every node's ancestors (not itself) under a subsumption relation given as node → parents."""
    out: dict[URIRef, frozenset[URIRef]] = {}
    for start in direct:
        seen: set[URIRef] = set()
        todo = list(direct[start])
        while todo:
            node = todo.pop()
            if node not in seen and node != start:
                seen.add(node)
                todo.extend(direct.get(node, ()))
        out[start] = frozenset(seen - {OWL.Thing})
    return out


@dataclass(frozen=True)
class Rules:
    superclasses: dict[URIRef, frozenset[URIRef]]
    superproperties: dict[URIRef, frozenset[URIRef]]
    inverses: dict[URIRef, frozenset[URIRef]]
    chains: tuple[tuple[URIRef, URIRef, URIRef], ...]  # (first, second, entailed)

    @classmethod
    def from_ontology(cls, ontology: Graph) -> Rules:
        classes: dict[URIRef, set[URIRef]] = defaultdict(set)
        for sub, sup in ontology.subject_objects(RDFS.subClassOf):
            if isinstance(sub, URIRef) and isinstance(sup, URIRef):
                classes[sub].add(sup)
        properties: dict[URIRef, set[URIRef]] = defaultdict(set)
        for sub, sup in ontology.subject_objects(RDFS.subPropertyOf):
            properties[sub].add(sup)  # type: ignore[index]
        inverses: dict[URIRef, set[URIRef]] = defaultdict(set)
        for a, b in ontology.subject_objects(OWL.inverseOf):
            inverses[a].add(b)  # type: ignore[index]
            inverses[b].add(a)  # type: ignore[index]
        chains = []
        for entailed, head in ontology.subject_objects(OWL.propertyChainAxiom):
            steps = list(Collection(ontology, head))
            if len(steps) != 2:
                raise ValueError(f"only two-step property chains are materialised, not {entailed}")
            chains.append((steps[0], steps[1], entailed))
        return cls(
            _closure(classes),
            _closure(properties),
            {p: frozenset(q) for p, q in inverses.items()},
            tuple(sorted(chains)),  # type: ignore[arg-type]
        )

    def entailed(self, graph: Iterable[Triple]) -> Graph:
        """The triples these rules add to ``graph`` (those already in it are not repeated)."""
        known: set[Triple] = set(graph)
        objects: dict[tuple[object, URIRef], set[object]] = defaultdict(set)
        subjects: dict[tuple[URIRef, object], set[object]] = defaultdict(set)
        for s, p, o in known:
            objects[s, p].add(o)
            subjects[p, o].add(s)
        frontier = list(known)
        added = Graph()
        while frontier:
            derived: list[Triple] = []
            for s, p, o in frontier:
                if p == RDF.type:
                    derived += [(s, RDF.type, c) for c in self.superclasses.get(o, ())]  # type: ignore[arg-type]
                derived += [(s, q, o) for q in self.superproperties.get(p, ())]
                if not isinstance(o, Literal):
                    derived += [(o, q, s) for q in self.inverses.get(p, ())]
                for first, second, entailed in self.chains:
                    if p == first:
                        derived += [(s, entailed, z) for z in objects[o, second]]  # type: ignore[misc]
                    if p == second:
                        derived += [(a, entailed, o) for a in subjects[first, s]]  # type: ignore[misc]
            frontier = []
            for triple in derived:
                if triple not in known:
                    known.add(triple)
                    s, p, o = triple
                    objects[s, p].add(o)
                    subjects[p, o].add(s)
                    added.add(triple)
                    frontier.append(triple)
        return added


@lru_cache(maxsize=1)
def ontology_rules() -> Rules:
    return Rules.from_ontology(load_ontology())


def infer(graph: Graph) -> Graph:
    """What the ontology entails from ``graph`` beyond ``graph`` itself (see the module docstring)."""
    return ontology_rules().entailed(graph)

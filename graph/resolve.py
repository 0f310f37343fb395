"""Entity resolution across articles: one node per official, not one per name.

Articles are mapped one at a time, so a name alone cannot tell whether "Nguyễn Văn Hùng" of today's
article is yesterday's. A person's *affiliations* decide: the province of the bodies he holds posts
in or signs for ("Sở TT&TT tỉnh Long An" and "Tỉnh ủy Long An" are both Long An), or the ministry a
unit belongs to ("Vụ Pháp chế Bộ Quốc phòng" is Bộ Quốc phòng), or else the body itself.

- Same name and a shared affiliation → the same node; its affiliations grow.
- Same name, no affiliation in common → a different person: a new node, minted from name and
  affiliation so it differs from the first.
- A mention with no affiliation joins the one node of that name, if there is exactly one.

The first node of a name keeps the plain name IRI, so IRIs stay readable and stable on rebuilds in
the same order. The index is loaded from the store once per build and kept current as articles are
mapped; it never reads the articles again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from rdflib import URIRef

from govkg.graph.identity import Minter, name_key
from govkg.loaders.gazetteer import gazetteer, lookup_key
from govkg.loaders.records import Extraction

if TYPE_CHECKING:
    from govkg.graph.store import KnowledgeStore

_MINISTRY = re.compile(r"(?<!\w)Bộ\s+\S.*$")


@lru_cache(maxsize=1)
def _place_rx() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{gazetteer().province_pattern})(?!\w)")


def affiliation(body: str) -> str:
    """What a post in ``body`` ties a person to: a province, a ministry, or the body itself."""
    place = _place_rx().search(body)
    if place:
        province = gazetteer().provinces.get(lookup_key(place.group()))
        if province is not None:
            return f"province:{province.name}"
    ministry = _MINISTRY.search(body)
    if ministry:
        return f"body:{name_key(ministry.group())}"
    return f"body:{name_key(body)}"


@dataclass
class _Node:
    iri: URIRef
    affiliations: set[str] = field(default_factory=set)


class PersonIndex:
    """The person nodes known so far, by name; decides which node a new mention is."""

    def __init__(self, minter: Minter) -> None:
        self.minter = minter
        self._nodes: dict[str, list[_Node]] = {}

    @classmethod
    def load(cls, store: KnowledgeStore, minter: Minter) -> PersonIndex:
        """The index of the persons already in ``store``, with the bodies of their posts and signatures."""
        index = cls(minter)
        # four simple queries joined here: one query joining them all takes minutes on a store of a
        # few thousand articles (Oxigraph's plan for the union graph), these take milliseconds
        prefixes = """
            PREFIX gk: <https://w3id.org/govkg/ontology#>
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """
        names = store.select_values(
            prefixes + "SELECT DISTINCT ?p ?n WHERE { ?p a gk:Person ; foaf:name ?n }"
        )
        bodies = store.select_values(
            prefixes
            + """SELECT DISTINCT ?p ?b WHERE {
                   { ?p org:holds ?h . ?h org:postIn ?b } UNION { ?s gk:signatory ?p ; gk:signedFor ?b }
                 }"""
        )
        labels: dict[str | None, list[str]] = {}
        for body, label in store.select_values(
            prefixes + "SELECT DISTINCT ?b ?l WHERE { ?b skos:prefLabel ?l }"
        ):
            labels.setdefault(body, []).append(label or "")
        by_iri: dict[str, _Node] = {}
        for person, name in names:
            if person is None or name is None:
                continue
            node = by_iri.get(person)
            if node is None:
                node = by_iri[person] = _Node(URIRef(person))
                index._nodes.setdefault(name_key(name), []).append(node)
        for person, body in bodies:
            node = by_iri.get(person or "")
            if node is not None:
                node.affiliations.update(affiliation(label) for label in labels.get(body, []))
        return index

    def resolve(self, name: str, bodies: Iterable[str]) -> URIRef:
        """The node of the person ``name`` whose posts and signatures in one article are in ``bodies``."""
        key = name_key(name)
        mine = {affiliation(b) for b in bodies}
        nodes = self._nodes.setdefault(key, [])
        if not mine:
            if len(nodes) == 1:
                return nodes[0].iri
            node = next((n for n in nodes if not n.affiliations), None)
            if node is None:
                node = _Node(self._mint(name, nodes, ""))
                nodes.append(node)
            return node.iri
        node = next((n for n in nodes if n.affiliations & mine), None)
        if node is None:
            # a node seen only without affiliations is this person when it is the only one of the name
            bare = [n for n in nodes if not n.affiliations]
            node = bare[0] if len(nodes) == 1 and bare else None
        if node is None:
            node = _Node(self._mint(name, nodes, min(mine)))
            nodes.append(node)
        node.affiliations |= mine
        return node.iri

    def _mint(self, name: str, nodes: list[_Node], anchor: str) -> URIRef:
        plain = self.minter.person(name)
        if all(n.iri != plain for n in nodes):
            return plain
        return self.minter.person(name, anchor or "unaffiliated")

    def for_extraction(self, extraction: Extraction) -> dict[str, URIRef]:
        """The node of every person and signatory of one article, by name key."""
        bodies: dict[str, set[str]] = {}
        names: dict[str, str] = {}
        for person in extraction.persons:
            k = name_key(person.name)
            names.setdefault(k, person.name)
            bodies.setdefault(k, set()).update(p.organization for p in person.posts)
        for agreement in extraction.agreements:
            for s in agreement.signatories:
                k = name_key(s.person)
                names.setdefault(k, s.person)
                bodies.setdefault(k, set()).update([s.on_behalf_of] if s.on_behalf_of else [])
        return {k: self.resolve(names[k], bodies[k]) for k in names}

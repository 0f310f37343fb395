"""The curated graph's triples: curation nodes (who, when, from what source, where in which file) and
the facts entries add or correct, each linked to its curation by ``gk:curatedBy``.

Added facts get the IRIs extraction would mint for them (``Minter``), so a post or an agreement an
article later reports too is one node, with both its article and its curation as sources. Every
entity a curated fact points to is restated here with its type and name, so the curated graph
conforms to the SHACL shapes on its own, as each article graph does.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SKOS, TIME

from govkg.curation.model import Entry, is_iri
from govkg.graph.identity import Minter
from govkg.graph.mapping import (
    AGREEMENT_CLASSES,
    date_literal,
    holding_triples,
    period_triples,
    signing_date_triples,
)
from govkg.graph.resolve import affiliation
from govkg.ontology.terms import GK

_INSTANT_VALUE = {XSD.date: TIME.inXSDDate, XSD.gYearMonth: TIME.inXSDgYearMonth, XSD.gYear: TIME.inXSDgYear}


def _vi(text: str) -> Literal:
    return Literal(text, lang="vi")


class CuratedGraph:
    """Accumulates the curated graph while entries are applied."""

    def __init__(self, minter: Minter) -> None:
        self.g = Graph()
        self.m = minter
        self.names: dict[URIRef, tuple[str, Literal]] = {}  # set-name: entity → (language, new label)

    def curation(self, entry: Entry, key: str, used: list[URIRef]) -> URIRef:
        """The node of one entry (an activity): action, location, id, date, source, curator, note."""
        node = self.m.curation(key)
        g = self.g
        g.add((node, RDF.type, GK.Curation))
        g.add((node, GK.curationAction, Literal(entry.verb)))
        g.add((node, GK.curationLocation, Literal(entry.location)))
        if entry.id:
            g.add((node, DCTERMS.identifier, Literal(entry.id)))
        if entry.date:
            g.add((node, DCTERMS.date, Literal(entry.date, datatype=XSD.date)))
        if entry.source:
            source = URIRef(entry.source) if is_iri(entry.source) else Literal(entry.source)
            g.add((node, DCTERMS.source, source))
        if entry.curator:
            agent = self.m.curator(entry.curator)
            g.add((node, PROV.wasAttributedTo, agent))
            g.add((agent, RDF.type, PROV.Agent))
            g.add((agent, RDFS.label, Literal(entry.curator)))
        if entry.note:
            g.add((node, RDFS.comment, Literal(entry.note)))
        for target in used:
            g.add((node, PROV.used, target))
        return node

    # -- entities restated ----------------------------------------------------------------------------

    def person(self, person: URIRef, name: str, curation: URIRef) -> None:
        self.g.add((person, RDF.type, GK.Person))
        self.g.add((person, FOAF.name, Literal(name)))
        self.g.add((person, RDFS.label, _vi(name)))
        self.g.add((person, GK.curatedBy, curation))

    def body(self, body: URIRef, name: str, curation: URIRef, *, new: bool) -> None:
        self.g.add((body, RDF.type, GK.Body))
        self.g.add((body, SKOS.prefLabel, _vi(name)))
        self.g.add((body, RDFS.label, _vi(name)))
        self.g.add((body, GK.curatedBy, curation))
        tie = affiliation(name)
        if new and tie.startswith("province:"):
            self.g.add((body, GK.province, self.m.province(tie.removeprefix("province:"))))

    # -- facts ------------------------------------------------------------------------------------------

    def post(
        self,
        curation: URIRef,
        person: tuple[URIRef, str],
        title: str,
        body: tuple[URIRef, str],
        *,
        start: str | None,
        end: str | None,
        attested: tuple[str, ...],
    ) -> URIRef:
        holding, triples = holding_triples(self.m, person, title, body)
        g = self.g
        for triple in triples:
            g.add(triple)
        g.add((holding, GK.curatedBy, curation))
        days = set(attested) | {d for d in (start, end) if d and len(d) == 10}
        for day in sorted(days):
            g.add((holding, GK.attestedOn, Literal(day, datatype=XSD.date)))
        if start or end:
            term = URIRef(f"{holding}/curated-term")
            g.add((holding, ORG.memberDuring, term))
            g.add((term, RDF.type, TIME.Interval))
            for value, link, name in ((start, TIME.hasBeginning, "start"), (end, TIME.hasEnd, "end")):
                if value:
                    literal, _ = date_literal(value)
                    instant = URIRef(f"{term}/{name}")
                    g.add((term, link, instant))
                    g.add((instant, RDF.type, TIME.Instant))
                    g.add((instant, _INSTANT_VALUE[literal.datatype], literal))
        return holding

    def agreement(
        self,
        curation: URIRef,
        agreement: URIRef,
        kind: str,
        title: str | None,
        parties: list[URIRef],
        signers: list[tuple[URIRef, str, URIRef | None, str | None]],
        date: str | None,
        period: tuple[str | None, str | None],
    ) -> None:
        g = self.g
        signing = URIRef(f"{agreement}/signing")
        g.add((agreement, RDF.type, AGREEMENT_CLASSES.get(kind, GK.OtherAgreement)))
        g.add((agreement, GK.curatedBy, curation))
        if title:
            g.add((agreement, DCTERMS.title, _vi(title)))
        for party in parties:
            g.add((agreement, GK.party, party))
        g.add((agreement, GK.signing, signing))
        g.add((signing, RDF.type, GK.SigningEvent))
        for triple in signing_date_triples(agreement, date) if date else []:
            g.add(triple)
        for triple in period_triples(agreement, *period):
            g.add(triple)
        for person, person_name, body, body_name in signers:
            signature = self.m.signature(agreement, person_name, body_name)
            g.add((agreement, GK.signature, signature))
            g.add((agreement, GK.signedBy, person))
            g.add((signing, PROV.qualifiedAssociation, signature))
            g.add((signature, RDF.type, GK.Signature))
            g.add((signature, GK.signatory, person))
            g.add((signature, GK.curatedBy, curation))
            if body is not None:
                g.add((signature, GK.signedFor, body))

    def signing_date(self, curation: URIRef, agreement: URIRef, date: str) -> None:
        for triple in signing_date_triples(agreement, date):
            self.g.add(triple)
        self.g.add((agreement, GK.curatedBy, curation))

    def name(self, curation: URIRef, entity: URIRef, name: str, lang: str, old: list[str]) -> None:
        label = Literal(name, lang=lang)
        self.names[entity] = (lang, label)
        self.g.add((entity, SKOS.prefLabel, label))
        self.g.add((entity, GK.curatedBy, curation))
        for text in old:
            if text != name:
                self.g.add((entity, SKOS.altLabel, Literal(text, lang=lang)))

    def finish(self) -> Graph:
        """The graph, with one preferred label a language for each renamed entity (the set name)."""
        for entity, (lang, label) in self.names.items():
            for other in list(self.g.objects(entity, SKOS.prefLabel)):
                if isinstance(other, Literal) and other.language == lang and other != label:
                    self.g.remove((entity, SKOS.prefLabel, other))
                    self.g.add((entity, SKOS.altLabel, other))
        return self.g

"""Extraction records → RDF triples of the govkg ontology, one graph per article.

Everything an article states goes into that article's graph, with the evidence (sentence and
offsets) for each fact, so replacing the graph replaces exactly what the article said.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SKOS, TIME

from govkg.graph.identity import Minter, name_key
from govkg.graph.resolve import affiliation
from govkg.loaders.gazetteer import gazetteer
from govkg.loaders.records import Agreement, Evidence, Extraction, Organization, Person
from govkg.ontology.terms import GK

SDO = "https://schema.org/"
SCHEMA_URL = URIRef(SDO + "url")
SCHEMA_DATE_PUBLISHED = URIRef(SDO + "datePublished")

BODY_CLASSES = {
    "Government": GK.Government,
    "Ministry": GK.Ministry,
    "PeoplesCommittee": GK.PeoplesCommittee,
    "PeoplesCouncil": GK.PeoplesCouncil,
    "PartyCommittee": GK.PartyCommittee,
    "Department": GK.Department,
    "Enterprise": GK.Enterprise,
    "EducationResearch": GK.EducationResearch,
    "ForeignBody": GK.ForeignBody,
    "NewsAgency": GK.NewsAgency,
    "Other": GK.OtherBody,
}
# bodies that are not a province's organs even when their name says a province ("Trường Đại học Cần Thơ")
NOT_PROVINCIAL = {"Government", "Ministry", "Enterprise", "EducationResearch", "ForeignBody"}
AGREEMENT_CLASSES = {
    "MemorandumOfUnderstanding": GK.MemorandumOfUnderstanding,
    "CooperationAgreement": GK.CooperationAgreement,
    "CoordinationProgram": GK.CoordinationProgram,
    "Other": GK.OtherAgreement,
}

# A date as precise as the article allows: (pattern, datatype, OWL-Time unit)
_DATE_FORMS = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date, TIME.unitDay),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth, TIME.unitMonth),
    (re.compile(r"^\d{4}$"), XSD.gYear, TIME.unitYear),
    (re.compile(r"^--\d{2}-\d{2}$"), XSD.gMonthDay, TIME.unitDay),
)


def date_literal(value: str) -> tuple[Literal, URIRef]:
    """The typed literal of a partial date and its precision; ``--07-16`` stays a gMonthDay (year unknown)."""
    for pattern, datatype, unit in _DATE_FORMS:
        if pattern.match(value):
            return Literal(value, datatype=datatype), unit
    raise ValueError(f"not a date of SCHEMA.md form (YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD): {value!r}")


def _vi(text: str) -> Literal:
    return Literal(text, lang="vi")


class ArticleMapper:
    """Builds the graph of one article's extraction."""

    def __init__(
        self, extraction: Extraction, minter: Minter, persons: Mapping[str, URIRef] | None = None
    ) -> None:
        self.x = extraction
        self.m = minter
        self.persons = persons or {}  # name key → node, from entity resolution across articles
        self.g = Graph()
        self.article = minter.article(extraction.article.id)
        self._evidence_count = 0
        self._bodies: dict[str, URIRef] = {}  # name key → node: "Quân đội" and "quân đội" are one body

    def build(self) -> Graph:
        self._article()
        for organization in self.x.organizations:
            self._body(organization)
        for person in self.x.persons:
            self._person(person)
        for number, agreement in enumerate(self.x.agreements):
            self._agreement(agreement, number)
        return self.g

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.g.add((s, p, o))

    def _article(self) -> None:
        a, art = self.x.article, self.article
        self.add(art, RDF.type, GK.NewsArticle)
        self.add(art, GK.articleId, Literal(a.id))
        self.add(art, GK.text, Literal(a.text))
        if a.title:
            self.add(art, DCTERMS.title, _vi(a.title))
        if a.url:
            self.add(art, SCHEMA_URL, Literal(a.url, datatype=XSD.anyURI))
        if a.published:
            self.add(art, SCHEMA_DATE_PUBLISHED, Literal(a.published, datatype=XSD.date))
        if a.source:
            self.add(art, GK.sourceName, Literal(a.source))

    def _provenance(self, fact: URIRef, evidence: Evidence | None) -> None:
        """Every fact points back to its article and, when known, the sentence that states it."""
        self.add(fact, GK.mentionedIn, self.article)
        if evidence is None:
            return
        self._evidence_count += 1
        node = self.m.evidence(self.x.article.id, self._evidence_count)
        self.add(fact, GK.evidence, node)
        self.add(node, RDF.type, GK.Evidence)
        self.add(node, PROV.entity, self.article)
        self.add(node, GK.quote, Literal(evidence.sentence))
        self.add(node, GK.startOffset, Literal(evidence.start))
        self.add(node, GK.endOffset, Literal(evidence.end))
        self.add(node, GK.confidence, Literal(Decimal(str(round(evidence.confidence, 3)))))

    def _body(self, organization: Organization) -> URIRef:
        body = self._bodies[name_key(organization.name)] = self.m.body(organization.name)
        if (body, SKOS.prefLabel, None) in self.g:  # listed before in another case: one preferred label
            self.add(body, SKOS.altLabel, _vi(organization.name))
        else:
            self.add(body, SKOS.prefLabel, _vi(organization.name))
            self.add(body, RDFS.label, _vi(organization.name))
        self.add(body, RDF.type, BODY_CLASSES.get(organization.type, GK.OtherBody))
        english = gazetteer().english.get(organization.name)
        if english:
            self.add(body, SKOS.prefLabel, Literal(english, lang="en"))
        if organization.type not in NOT_PROVINCIAL:
            self._province(body, organization.name)
        for alias in organization.aliases:
            if alias != organization.name:
                self.add(body, SKOS.altLabel, _vi(alias))
        self._provenance(body, organization.evidence)
        return body

    def body(self, name: str) -> URIRef:
        """A body named by a fact; one the extraction did not list is still typed, as a plain gk:Body."""
        if name_key(name) not in self._bodies:
            self._bodies[name_key(name)] = body = self.m.body(name)
            self.add(body, RDF.type, GK.Body)
            self.add(body, SKOS.prefLabel, _vi(name))
            self.add(body, RDFS.label, _vi(name))
            self.add(body, GK.mentionedIn, self.article)
            self._province(body, name)
        return self._bodies[name_key(name)]

    def _province(self, body: URIRef, name: str) -> None:
        """The province a body is an organ of, when its name says one: what the 2025 mergers move."""
        tie = affiliation(name)
        if tie.startswith("province:"):
            self.add(body, GK.province, self.m.province(tie.removeprefix("province:")))

    def person(self, name: str) -> URIRef:
        person = self.persons.get(name_key(name)) or self.m.person(name)
        self.add(person, RDF.type, GK.Person)
        self.add(person, FOAF.name, Literal(name))
        self.add(person, RDFS.label, _vi(name))
        return person

    def _person(self, record: Person) -> None:
        person = self.person(record.name)
        for alias in record.aliases:
            if alias != record.name:
                self.add(person, SKOS.altLabel, _vi(alias))
        if record.gender:
            self.add(person, FOAF.gender, Literal(record.gender))
        self._provenance(person, record.evidence)
        for post in record.posts:
            body = (self.body(post.organization), post.organization)
            holding, triples = holding_triples(self.m, (person, record.name), post.title, body)
            for triple in triples:
                self.g.add(triple)
            if self.x.date:
                self.add(holding, GK.attestedOn, Literal(self.x.date, datatype=XSD.date))
            self._provenance(holding, post.evidence)

    def _agreement(self, record: Agreement, number: int) -> None:
        period = record.period
        when = record.date or (period and f"{period.start}/{period.end}") or f"{self.x.article.id}#{number}"
        agreement = self.m.agreement(record.kind, record.parties, when)
        self.add(agreement, RDF.type, AGREEMENT_CLASSES.get(record.kind, GK.OtherAgreement))
        if record.title:
            self.add(agreement, DCTERMS.title, _vi(record.title))
        for party in record.parties:
            self.add(agreement, GK.party, self.body(party))
        signing = URIRef(f"{agreement}/signing")
        self.add(agreement, GK.signing, signing)
        self.add(signing, RDF.type, GK.SigningEvent)
        if record.date:
            self._date(agreement, signing, record.date)
        if period and (period.start or period.end):
            self._period(agreement, period.start, period.end)
        for signatory in record.signatories:
            person = self.person(signatory.person)
            signature = self.m.signature(agreement, signatory.person, signatory.on_behalf_of)
            self.add(agreement, GK.signature, signature)
            self.add(agreement, GK.signedBy, person)
            self.add(signing, PROV.qualifiedAssociation, signature)
            self.add(signature, RDF.type, GK.Signature)
            self.add(signature, GK.signatory, person)
            if signatory.on_behalf_of:
                self.add(signature, GK.signedFor, self.body(signatory.on_behalf_of))
            self._provenance(signature, signatory.evidence)
        self._provenance(agreement, record.evidence)

    def _date(self, agreement: URIRef, signing: URIRef, value: str) -> None:
        for triple in signing_date_triples(agreement, value):
            self.g.add(triple)

    def _period(self, agreement: URIRef, start: str | None, end: str | None) -> None:
        for triple in period_triples(agreement, start, end):
            self.g.add(triple)


Triple = tuple[URIRef, URIRef, URIRef | Literal]


def holding_triples(
    minter: Minter, person: tuple[URIRef, str], title: str, body: tuple[URIRef, str]
) -> tuple[URIRef, list[Triple]]:
    """A post holding (its role, post and links), minted from the person's and body's names and the title,
    so the same holding read in two articles, or curated, is one node."""
    (person_iri, person_name), (body_iri, body_name) = person, body
    role, position = minter.role(title), minter.post(title, body_name)
    holding = minter.holding(person_name, title, body_name)
    return holding, [
        (role, RDF.type, GK.Role),
        (role, SKOS.prefLabel, _vi(title)),
        (position, RDF.type, GK.Post),
        (position, RDFS.label, _vi(f"{title}, {body_name}")),
        (position, ORG.postIn, body_iri),
        (position, ORG.role, role),
        (person_iri, ORG.holds, position),
        (holding, RDF.type, GK.PostHolding),
        (holding, GK.holder, person_iri),
        (holding, GK.body, body_iri),
        (holding, GK.role, role),
        (holding, GK.post, position),
        (holding, GK.postTitle, Literal(title)),  # xsd:string by the ontology
    ]


def signing_date_triples(agreement: URIRef, value: str) -> list[Triple]:
    """An agreement's signing date at its precision, and the OWL-Time description of its signing event."""
    literal, unit = date_literal(value)
    signing = URIRef(f"{agreement}/signing")
    instant, description = URIRef(f"{signing}/time"), URIRef(f"{signing}/time/description")
    triples: list[Triple] = [
        (agreement, GK.signingDate, literal),
        (agreement, GK.signingDatePrecision, unit),
        (signing, TIME.hasTime, instant),
        (instant, RDF.type, TIME.Instant),
        (instant, TIME.inDateTime, description),
        (description, RDF.type, TIME.GeneralDateTimeDescription),
        (description, TIME.unitType, unit),
    ]
    year, month, day = _date_parts(value)
    if year:
        triples.append((description, TIME.year, Literal(year, datatype=XSD.gYear)))
    if month:
        triples.append((description, TIME.month, Literal(f"--{month}", datatype=XSD.gMonth)))
    if day:
        triples.append((description, TIME.day, Literal(f"---{day}", datatype=XSD.gDay)))
    return triples


def period_triples(agreement: URIRef, start: str | None, end: str | None) -> list[Triple]:
    """An agreement's validity period: gk:periodStart/End and the OWL-Time interval."""
    if not (start or end):
        return []
    interval = URIRef(f"{agreement}/period")
    triples: list[Triple] = [(agreement, GK.validityPeriod, interval), (interval, RDF.type, TIME.Interval)]
    for value, bound, link in (
        (start, GK.periodStart, TIME.hasBeginning),
        (end, GK.periodEnd, TIME.hasEnd),
    ):
        if not value:
            continue
        literal, _ = date_literal(value)
        triples.append((agreement, bound, literal))
        instant = URIRef(f"{interval}/{'start' if bound == GK.periodStart else 'end'}")
        triples += [(interval, link, instant), (instant, RDF.type, TIME.Instant)]
        if literal.datatype == XSD.gYear:
            triples.append((instant, TIME.inXSDgYear, literal))
    return triples


def _date_parts(value: str) -> tuple[str | None, str | None, str | None]:
    if value.startswith("--"):
        return None, value[2:4], value[5:7]
    parts = value.split("-")
    return parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


def extraction_to_graph(
    extraction: Extraction, minter: Minter, persons: Mapping[str, URIRef] | None = None
) -> Graph:
    """The triples of one article's named graph; ``persons`` gives resolved person nodes by name key."""
    return ArticleMapper(extraction, minter, persons).build()

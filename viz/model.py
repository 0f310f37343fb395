"""RDF graph → view model: the nodes and edges a reader sees, with labels, tooltips and provenance.

The HTML writer never touches RDF: everything it shows (Vietnamese labels, dates in the
precision the graph states, the sentence each fact came from) is decided here, in plain
dataclasses that tests can check without a browser. Triples are read through the rdflib
Graph API (no SPARQL text of our own, see DESIGN.md), so any rdflib graph works: a memory
graph, a Dataset with ``default_union=True`` or a store-backed ConjunctiveGraph.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, SDO, SKOS, XSD
from rdflib.term import Node

try:  # the ontology package owns the namespace; fall back while it is being written
    from govkg.ontology.terms import GK
except ImportError:  # pragma: no cover - depends on the state of the ontology package
    GK = Namespace("https://w3id.org/govkg/ontology#")

SCHEMA_HTTP = Namespace("http://schema.org/")  # older data says http://; treat it the same

PERSON = "Person"
# Most specific first: a node typed with several classes is drawn as the first one found.
BODY_CLASSES = (
    "Government", "Ministry", "PeoplesCommittee", "PeoplesCouncil", "PartyCommittee", "Department",
    "Enterprise", "EducationResearch", "ForeignBody", "NewsAgency", "OtherBody", "Body",
)
AGREEMENT_CLASSES = (
    "MemorandumOfUnderstanding", "CooperationAgreement", "CoordinationProgram", "OtherAgreement", "Agreement",
)

KIND_LABELS = {
    PERSON: "Người / Person",
    "Government": "Chính phủ / Government",
    "Ministry": "Bộ, ngành / Ministry",
    "PeoplesCommittee": "Ủy ban nhân dân / People's Committee",
    "PeoplesCouncil": "Hội đồng nhân dân / People's Council",
    "PartyCommittee": "Cấp ủy Đảng / Party committee",
    "Department": "Sở, cục, vụ / Department",
    "Enterprise": "Doanh nghiệp / Enterprise",
    "EducationResearch": "Trường, viện / Education & research",
    "ForeignBody": "Cơ quan nước ngoài / Foreign body",
    "NewsAgency": "Cơ quan báo chí / News agency",
    "OtherBody": "Cơ quan khác / Other body",
    "Body": "Cơ quan / Body",
    "MemorandumOfUnderstanding": "Biên bản ghi nhớ / Memorandum of understanding",
    "CooperationAgreement": "Thỏa thuận hợp tác / Cooperation agreement",
    "CoordinationProgram": "Chương trình phối hợp / Coordination programme",
    "OtherAgreement": "Văn bản thỏa thuận khác / Other agreement",
    "Agreement": "Thỏa thuận / Agreement",
}

RELATION_PARTY = "party"
RELATION_SIGNED = "signed"
RELATION_HOLDS_POST = "holdsPost"
RELATION_LABELS = {
    RELATION_PARTY: "bên ký / party to",
    RELATION_SIGNED: "đã ký / signed",
    RELATION_HOLDS_POST: "giữ chức vụ / holds post in",
}

YEAR_UNKNOWN = "năm không rõ / year unknown"
_TOOLTIP_QUOTE_CHARS = 280


@dataclass(frozen=True)
class Evidence:
    """Where a fact was stated: the sentence, its offsets, and the article it came from."""

    quote: str
    start: int | None = None
    end: int | None = None
    article_id: str = ""
    article_title: str = ""
    article_url: str = ""
    published: str = ""


@dataclass
class ViewNode:
    """A drawn node. ``group`` is the ontology class local name (styles key off it)."""

    id: str
    label: str
    group: str
    kind: str  # "person" | "body" | "agreement"
    title: str = ""  # plain-text tooltip
    details: list[tuple[str, str]] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class ViewEdge:
    """A drawn edge from ``source`` to ``target``; ``relation`` is one of the RELATION_* keys."""

    id: str
    source: str
    target: str
    label: str
    relation: str
    title: str = ""
    details: list[tuple[str, str]] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class ViewModel:
    nodes: list[ViewNode]
    edges: list[ViewEdge]

    def node(self, node_id: str) -> ViewNode:
        """The node with this id (KeyError if absent); for callers and tests."""
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)


def build_view_model(graph: Graph) -> ViewModel:
    """Read persons, bodies, agreements, signatures, post holdings and their evidence from ``graph``."""
    reader = _Reader(graph)
    return reader.build()


def format_date(value: Node | None) -> str:
    """A date in Vietnamese order (d/m/y) that keeps the precision the graph states.

    ``--07-16`` (xsd:gMonthDay) says the article gave no year; we show that instead of guessing.
    """
    if value is None:
        return ""
    text = str(value).strip()
    datatype = value.datatype if isinstance(value, Literal) else None
    if datatype == XSD.gMonthDay or (datatype is None and text.startswith("--")):
        match = re.fullmatch(r"--(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?", text)
        if match:
            return f"{int(match[2])}/{int(match[1])} ({YEAR_UNKNOWN})"
    match = re.fullmatch(r"(-?\d{4})-(\d{2})-(\d{2})(?:T.*)?", text)
    if match:  # xsd:date, xsd:dateTime
        return f"{int(match[3])}/{int(match[2])}/{match[1]}"
    match = re.fullmatch(r"(-?\d{4})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?", text)
    if match:  # xsd:gYearMonth
        return f"{int(match[2])}/{match[1]}"
    return text  # xsd:gYear and anything unforeseen: as written


def _local_name(term: Node) -> str:
    text = str(term)
    return re.split(r"[#/]", text.rstrip("/#"))[-1] or text


def _shorten(text: str, limit: int = _TOOLTIP_QUOTE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class _Reader:
    """One pass over the graph; caches labels and evidence so shared nodes are read once."""

    def __init__(self, graph: Graph) -> None:
        self.g = graph
        self._evidence_cache: dict[Node, list[Evidence]] = {}

    # -- small readers -------------------------------------------------------------------------

    def _literal(self, subject: Node, *predicates: URIRef) -> Literal | None:
        """The best literal: Vietnamese first, then untagged, then any language; first predicate wins."""
        for predicate in predicates:
            values = [o for o in self.g.objects(subject, predicate) if isinstance(o, Literal)]
            if values:
                rank = {"vi": 0, None: 1}
                return min(values, key=lambda lit: (rank.get(lit.language, 2), str(lit)))
        return None

    def _text(self, subject: Node, *predicates: URIRef) -> str:
        value = self._literal(subject, *predicates)
        return str(value).strip() if value is not None else ""

    def _int(self, subject: Node, predicate: URIRef) -> int | None:
        value = self._literal(subject, predicate)
        try:
            return int(str(value)) if value is not None else None
        except ValueError:
            return None

    def label(self, subject: Node, kind: str) -> str:
        if kind == "person":
            text = self._text(subject, FOAF.name, RDFS.label, SKOS.prefLabel)
        elif kind == "agreement":
            text = self._text(subject, DCTERMS.title, RDFS.label, SKOS.prefLabel)
        else:
            text = self._text(subject, SKOS.prefLabel, RDFS.label, FOAF.name)
        return text or _local_name(subject)

    def evidence(self, fact: Node) -> list[Evidence]:
        if fact not in self._evidence_cache:
            found = {self._one_evidence(e) for e in self.g.objects(fact, GK.evidence)}
            self._evidence_cache[fact] = sorted(
                (e for e in found if e.quote), key=lambda e: (e.published, e.article_id, e.start or 0)
            )
        return self._evidence_cache[fact]

    def _one_evidence(self, node: Node) -> Evidence:
        article = next(iter(self.g.objects(node, PROV.entity)), None)
        title = url = article_id = published = ""
        if article is not None:
            title = self._text(article, DCTERMS.title, SDO.headline, RDFS.label)
            url = self._text(article, SDO.url, SCHEMA_HTTP.url)
            article_id = self._text(article, GK.articleId)
            published = self._text(article, SDO.datePublished, SCHEMA_HTTP.datePublished)
        return Evidence(
            quote=self._text(node, GK.quote),
            start=self._int(node, GK.startOffset),
            end=self._int(node, GK.endOffset),
            article_id=article_id,
            article_title=title,
            article_url=url,
            published=published,
        )

    def _named(self, body: Node) -> bool:
        """False for a body known only from the reference data (a ministry no article names): an island."""
        return (body, GK.mentionedIn, None) in self.g or (body, PROV.wasDerivedFrom, None) not in self.g

    def _typed(self, classes: Iterable[str]) -> dict[Node, str]:
        """subject → its most specific class among ``classes`` (their order is the preference)."""
        found: dict[Node, str] = {}
        for name in reversed(tuple(classes)):
            for subject in self.g.subjects(RDF.type, GK[name]):
                found[subject] = name
        return found

    # -- the model -------------------------------------------------------------------------------

    def build(self) -> ViewModel:
        self.groups: dict[Node, tuple[str, str]] = {}  # node → (kind, group)
        self.groups.update({s: ("agreement", c) for s, c in self._typed(AGREEMENT_CLASSES).items()})
        self.groups.update({s: ("body", c) for s, c in self._typed(BODY_CLASSES).items() if self._named(s)})
        self.groups.update({s: ("person", PERSON) for s in self.g.subjects(RDF.type, GK[PERSON])})
        self.labels: dict[Node, str] = {}
        self.facts: dict[Node, list[tuple[str, str]]] = defaultdict(list)  # extra detail lines per node
        self.edges: dict[tuple[str, str, str, str], ViewEdge] = {}
        for node, (kind, group) in list(self.groups.items()):
            self._ensure(node, kind, group)
        self._party_edges()
        self._signature_edges()
        self._post_edges()

        nodes = [self._node(n, kind, group) for n, (kind, group) in self.groups.items()]
        kind_order = {"agreement": 0, "body": 1, "person": 2}
        nodes.sort(key=lambda n: (kind_order[n.kind], n.label.casefold(), n.id))
        edges = sorted(self.edges.values(), key=lambda e: (e.relation, e.source, e.target, e.label))
        for number, edge in enumerate(edges):
            edge.id = f"e{number}"
        return ViewModel(nodes=nodes, edges=edges)

    def _ensure(self, node: Node, kind: str, group: str) -> str:
        """Register a node and return its label; nodes reached only through an edge still get drawn."""
        self.groups.setdefault(node, (kind, group))
        if node not in self.labels:
            self.labels[node] = self.label(node, self.groups[node][0])
        return self.labels[node]

    def _add_edge(self, source: Node, target: Node, relation: str, label: str, title_lines: Iterable[str],
                  details: list[tuple[str, str]], evidence: list[Evidence]) -> None:
        key = (str(source), str(target), relation, label)
        if key in self.edges:  # the same fact stated in two named graphs
            return
        title = "\n".join(line for line in (*title_lines, _quote_line(evidence)) if line)
        self.edges[key] = ViewEdge(id="", source=str(source), target=str(target), label=label,
                                   relation=relation, title=title, details=details, evidence=evidence)

    def _party_edges(self) -> None:
        """agreement --bên ký / party to--> body"""
        for agreement, body in set(self.g.subject_objects(GK.party)):
            a_label = self._ensure(agreement, "agreement", "Agreement")
            b_label = self._ensure(body, "body", "Body")
            label = RELATION_LABELS[RELATION_PARTY]
            self._add_edge(agreement, body, RELATION_PARTY, label, (b_label, label, a_label), [],
                           self.evidence(agreement))

    def _signature_edges(self) -> None:
        """person --đã ký / signed--> agreement, read through the signature node (who signed for whom)."""
        for agreement, signature in set(self.g.subject_objects(GK.signature)):
            a_label = self._ensure(agreement, "agreement", "Agreement")
            body = next(iter(self.g.objects(signature, GK.signedFor)), None)
            b_label = self._ensure(body, "body", "Body") if body is not None else ""
            on_behalf = f"thay mặt {b_label}" if b_label else ""
            label = RELATION_LABELS[RELATION_SIGNED]
            for person in set(self.g.objects(signature, GK.signatory)):
                p_label = self._ensure(person, "person", PERSON)
                details = [("Thay mặt / On behalf of", b_label)] if b_label else []
                lines = (f"{p_label} {label}", a_label, on_behalf)
                self._add_edge(person, agreement, RELATION_SIGNED, label, lines, details,
                               self.evidence(signature) or self.evidence(agreement))
                signer = f"{p_label} ({on_behalf})" if on_behalf else p_label
                self.facts[agreement].append(("Người ký / Signatory", signer))

    def _post_edges(self) -> None:
        """person --post title--> body, read through the post holding node."""
        for holding in set(self.g.subjects(RDF.type, GK.PostHolding)):
            person = next(iter(self.g.objects(holding, GK.holder)), None)
            body = next(iter(self.g.objects(holding, GK.body)), None)
            if person is None or body is None:
                continue
            p_label = self._ensure(person, "person", PERSON)
            b_label = self._ensure(body, "body", "Body")
            post = self._text(holding, GK.postTitle) or RELATION_LABELS[RELATION_HOLDS_POST]
            period = _period(format_date(self._literal(holding, GK.periodStart)),
                             format_date(self._literal(holding, GK.periodEnd)))
            details = [("Chức vụ / Post", post)] + ([("Thời gian / Period", period)] if period else [])
            self._add_edge(person, body, RELATION_HOLDS_POST, post, (f"{p_label} — {post}", b_label, period),
                           details, self.evidence(holding))
            when = f" ({period})" if period else ""
            self.facts[person].append(("Chức vụ / Post", f"{post} — {b_label}{when}"))

    def _node(self, node: Node, kind: str, group: str) -> ViewNode:
        labels = self.labels
        label = labels[node]
        details: list[tuple[str, str]] = [("Loại / Kind", KIND_LABELS.get(group, group))]
        evidence: list[Evidence] = []
        if kind == "agreement":
            signed = format_date(self._literal(node, GK.signingDate))
            details.append(("Ngày ký / Signed", signed or "không rõ / unknown"))
            period = _period(format_date(self._literal(node, GK.periodStart)),
                             format_date(self._literal(node, GK.periodEnd)))
            if period:
                details.append(("Hiệu lực / Valid", period))
            parties = sorted(labels[b] for b in set(self.g.objects(node, GK.party)) if b in labels)
            if parties:
                details.append(("Các bên / Parties", "; ".join(parties)))
            evidence = self.evidence(node)
        details.extend(sorted(set(self.facts.get(node, []))))
        details.append(("IRI", str(node)))
        title = "\n".join(t for t in (label, KIND_LABELS.get(group, group),
                                      *(f"{k}: {v}" for k, v in details[1:-1]), _quote_line(evidence)) if t)
        return ViewNode(id=str(node), label=label, group=group, kind=kind, title=title, details=details,
                        evidence=evidence)


def _period(start: str, end: str) -> str:
    if not start and not end:
        return ""
    return f"{start or '…'} – {end or '…'}"


def _quote_line(evidence: list[Evidence]) -> str:
    if not evidence:
        return ""
    first = evidence[0]
    source = f" — {first.article_title}" if first.article_title else ""
    return f"“{_shorten(first.quote)}”{source}"


def iter_evidence(model: ViewModel, node_id: str) -> Iterator[Evidence]:
    """Every sentence behind a node: its own evidence and that of the edges touching it."""
    seen: set[Evidence] = set()
    own = next((n.evidence for n in model.nodes if n.id == node_id), [])
    touching = (e.evidence for e in model.edges if node_id in (e.source, e.target))
    for group in (own, *touching):
        for item in group:
            if item not in seen:
                seen.add(item)
                yield item

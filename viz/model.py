"""RDF graph → view model: the nodes and edges a reader sees, with labels, tooltips and provenance.

The HTML writer never touches RDF: everything it shows (Vietnamese labels, dates in the
precision the graph states, the sentence each fact came from) is decided here, in plain
dataclasses that tests can check without a browser. Triples are read through the rdflib
Graph API (no SPARQL text of our own, see DESIGN.md), so any rdflib graph works: a memory
graph, a Dataset with ``default_union=True`` or a store-backed ConjunctiveGraph.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS, XSD
from rdflib.term import Node

try:  # the ontology package owns the namespace; fall back while it is being written
    from govkg.ontology.terms import GK
except ImportError:  # pragma: no cover - depends on the state of the ontology package
    GK = Namespace("https://w3id.org/govkg/ontology#")

SCHEMA_HTTP = Namespace("http://schema.org/")  # older data says http://; treat it the same

PERSON = "Person"
PROVINCE = "Province"
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
    PROVINCE: "Tỉnh, thành phố / Province",
}

RELATION_PARTY = "party"
RELATION_SIGNED = "signed"
RELATION_HOLDS_POST = "holdsPost"
RELATION_ORGAN_OF = "organOf"
RELATION_SUCCEEDED_BY = "succeededBy"
RELATION_LABELS = {
    RELATION_PARTY: "bên ký / party to",
    RELATION_SIGNED: "đã ký / signed",
    RELATION_HOLDS_POST: "giữ chức vụ / holds post in",
    RELATION_ORGAN_OF: "thuộc tỉnh / organ of province",
    RELATION_SUCCEEDED_BY: "kế thừa bởi / succeeded by",
}

YEAR_UNKNOWN = "năm không rõ / year unknown"
_TOOLTIP_QUOTE_CHARS = 280
_EVIDENCE_PER_NODE = 5  # a body named in 3,000 articles shows its first few sentences and a count


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
    kind: str  # "person" | "body" | "province" | "agreement"
    title: str = ""  # plain-text tooltip
    details: list[tuple[str, str]] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    span: tuple[str, str] | None = None  # first and last day its date may mean (see ``date_span``)
    year_unknown: bool = False  # dated, but without a year (``--07-16``)


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
    span: tuple[str, str] | None = None
    year_unknown: bool = False


@dataclass
class ViewModel:
    """What is drawn; ``notes`` say in words what the view holds and leaves out (focus, sampling)."""

    nodes: list[ViewNode]
    edges: list[ViewEdge]
    notes: list[str] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)  # ids the view is centred on

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


def date_span(value: Node | None) -> tuple[tuple[str, str] | None, bool]:
    """``(first day, last day)`` a date may mean, and whether its year is unknown.

    A year stands for the whole year and a month for the whole month, so a filter can ask whether
    the date *may* fall in a range (overlap) without pretending to a precision the graph lacks. A
    day and month without a year give no span, only ``year_unknown``.
    """
    if value is None:
        return None, False
    text = str(value).strip()
    tz = r"(?:Z|[+-]\d{2}:\d{2})?"
    if re.fullmatch(r"--\d{2}-\d{2}" + tz, text):
        return None, True
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*|Z|[+-]\d{2}:\d{2})?", text)
    if match:
        day = f"{match[1]}-{match[2]}-{match[3]}"
        return (day, day), False
    match = re.fullmatch(r"(\d{4})-(\d{2})" + tz, text)
    if match and 1 <= int(match[2]) <= 12:
        last = calendar.monthrange(int(match[1]), int(match[2]))[1]
        return (f"{match[1]}-{match[2]}-01", f"{match[1]}-{match[2]}-{last:02d}"), False
    match = re.fullmatch(r"(\d{4})" + tz, text)
    if match:
        return (f"{match[1]}-01-01", f"{match[1]}-12-31"), False
    return None, False


def _union(*spans: tuple[str, str] | None) -> tuple[str, str] | None:
    known = [s for s in spans if s]
    return (min(s[0] for s in known), max(s[1] for s in known)) if known else None


def _local_name(term: Node) -> str:
    text = str(term)
    return re.split(r"[#/]", text.rstrip("/#"))[-1] or text


def _shorten(text: str, limit: int = _TOOLTIP_QUOTE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class LiteralReader:
    """Literals of one graph as the views want them: Vietnamese first, then untagged, then any."""

    def __init__(self, graph: Graph) -> None:
        self.g = graph

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


class _Reader(LiteralReader):
    """One pass over the graph; caches labels and evidence so shared nodes are read once."""

    def __init__(self, graph: Graph) -> None:
        super().__init__(graph)
        self._evidence_cache: dict[tuple[Node, int | None], list[Evidence]] = {}

    def label(self, subject: Node, kind: str) -> str:
        if kind == "person":
            text = self._text(subject, FOAF.name, RDFS.label, SKOS.prefLabel)
        elif kind == "agreement":
            text = self._text(subject, DCTERMS.title, RDFS.label, SKOS.prefLabel)
        else:
            text = self._text(subject, SKOS.prefLabel, RDFS.label, FOAF.name)
        return text or _local_name(subject)

    def evidence(self, fact: Node, limit: int | None = None) -> list[Evidence]:
        """The sentences stating ``fact``, oldest article first; at most ``limit`` of them are read."""
        key = (fact, limit)
        if key not in self._evidence_cache:
            nodes = itertools.islice(self.g.objects(fact, GK.evidence), limit)
            found = {self._one_evidence(e) for e in nodes}
            self._evidence_cache[key] = sorted(
                (e for e in found if e.quote), key=lambda e: (e.published, e.article_id, e.start or 0)
            )
        return self._evidence_cache[key]

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
        self.all_bodies = self._typed(BODY_CLASSES)  # named or not: a successor may be reference-only
        self.provinces = set(self.g.subjects(RDF.type, GK[PROVINCE]))
        self.groups.update({s: ("agreement", c) for s, c in self._typed(AGREEMENT_CLASSES).items()})
        self.groups.update({s: ("body", c) for s, c in self.all_bodies.items() if self._named(s)})
        self.groups.update({s: ("person", PERSON) for s in self.g.subjects(RDF.type, GK[PERSON])})
        self.labels: dict[Node, str] = {}
        self.facts: dict[Node, list[tuple[str, str]]] = defaultdict(list)  # extra detail lines per node
        self.edges: dict[tuple[str, str, str, str], ViewEdge] = {}
        for node, (kind, group) in list(self.groups.items()):
            self._ensure(node, kind, group)
        self._party_edges()
        self._signature_edges()
        self._post_edges()
        self._province_edges()
        self._successor_edges()

        nodes = [self._node(n, kind, group) for n, (kind, group) in self.groups.items()]
        kind_order = {"agreement": 0, "body": 1, "person": 2, "province": 3}
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

    def _ensure_body(self, node: Node) -> str:
        """A body or province reached through an edge (a province, a successor), drawn as its own class."""
        if node in self.provinces and node not in self.all_bodies:
            return self._ensure(node, "province", PROVINCE)
        return self._ensure(node, "body", self.all_bodies.get(node, "Body"))

    def _add_edge(self, source: Node, target: Node, relation: str, label: str, title_lines: Iterable[str],
                  details: list[tuple[str, str]], evidence: list[Evidence],
                  when: tuple[tuple[str, str] | None, bool] = (None, False), *, say_details: bool = True,
                  ) -> None:
        key = (str(source), str(target), relation, label)
        if key in self.edges:  # the same fact stated in two named graphs
            return
        said = [f"{k}: {v}" for k, v in details] if say_details else []
        title = "\n".join(line for line in (*title_lines, *said, _quote_line(evidence)) if line)
        self.edges[key] = ViewEdge(id="", source=str(source), target=str(target), label=label,
                                   relation=relation, title=title, details=details, evidence=evidence,
                                   span=when[0], year_unknown=when[1])

    def _signing(self, agreement: Node) -> tuple[str, tuple[tuple[str, str] | None, bool]]:
        """An agreement's signing date as shown, and as a span for the date filter."""
        value = self._literal(agreement, GK.signingDate)
        return format_date(value), date_span(value)

    def _party_edges(self) -> None:
        """agreement --bên ký / party to--> body"""
        for agreement, body in set(self.g.subject_objects(GK.party)):
            a_label = self._ensure(agreement, "agreement", "Agreement")
            b_label = self._ensure(body, "body", "Body")
            label = RELATION_LABELS[RELATION_PARTY]
            signed, when = self._signing(agreement)
            details = [("Ngày ký / Signed", signed)] if signed else []
            self._add_edge(agreement, body, RELATION_PARTY, label, (b_label, label, a_label), details,
                           self.evidence(agreement), when)

    def _signature_edges(self) -> None:
        """person --đã ký / signed--> agreement, read through the signature node (who signed for whom)."""
        for agreement, signature in set(self.g.subject_objects(GK.signature)):
            a_label = self._ensure(agreement, "agreement", "Agreement")
            body = next(iter(self.g.objects(signature, GK.signedFor)), None)
            b_label = self._ensure(body, "body", "Body") if body is not None else ""
            on_behalf = f"thay mặt {b_label}" if b_label else ""
            label = RELATION_LABELS[RELATION_SIGNED]
            signed, when = self._signing(agreement)
            for person in set(self.g.objects(signature, GK.signatory)):
                p_label = self._ensure(person, "person", PERSON)
                details = [("Thay mặt / On behalf of", b_label)] if b_label else []
                details += [("Ngày ký / Signed", signed)] if signed else []
                date_line = f"Ngày ký / Signed: {signed}" if signed else ""
                lines = (f"{p_label} {label}", a_label, on_behalf, date_line)
                self._add_edge(person, agreement, RELATION_SIGNED, label, lines, details,
                               self.evidence(signature) or self.evidence(agreement), when, say_details=False)
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
            start, end = self._literal(holding, GK.periodStart), self._literal(holding, GK.periodEnd)
            period = _period(format_date(start), format_date(end))
            attested = sorted({str(d) for d in self.g.objects(holding, GK.attestedOn)
                               if isinstance(d, Literal) and date_span(d)[0]})
            seen = _period(format_date(Literal(attested[0], datatype=XSD.date)),
                           format_date(Literal(attested[-1], datatype=XSD.date))) if attested else ""
            if attested and attested[0] == attested[-1]:
                seen = format_date(Literal(attested[0], datatype=XSD.date))
            details = [("Chức vụ / Post", post)] + ([("Thời gian / Period", period)] if period else [])
            details += [("Ghi nhận ngày / Attested on", seen)] if seen else []
            spans = [date_span(start)[0], date_span(end)[0]]
            spans += [date_span(Literal(d, datatype=XSD.date))[0] for d in attested[:1] + attested[-1:]]
            when = (_union(*spans), date_span(start)[1] or date_span(end)[1])
            self._add_edge(person, body, RELATION_HOLDS_POST, post, (f"{p_label} — {post}", b_label),
                           details, self.evidence(holding), when)
            when_text = f" ({period or seen})" if period or seen else ""
            self.facts[person].append(("Chức vụ / Post", f"{post} — {b_label}{when_text}"))

    def _province_edges(self) -> None:
        """body --thuộc tỉnh / organ of--> province, for drawn bodies only: the province is drawn because
        the 2025 mergers move provinces, not the bodies named in articles."""
        label = RELATION_LABELS[RELATION_ORGAN_OF]
        for body, province in set(self.g.subject_objects(GK.province)):
            if body not in self.groups or self.groups[body][0] != "body" or body == province:
                continue
            b_label = self.labels[body]
            p_label = self._ensure_body(province)
            details = [("Căn cứ / Basis", "tên cơ quan nêu tỉnh / the body's name names the province")]
            self._add_edge(body, province, RELATION_ORGAN_OF, label, (b_label, label, p_label), details,
                           self.evidence(body, _EVIDENCE_PER_NODE))

    def _successor_edges(self) -> None:
        """old --kế thừa bởi / succeeded by--> new, from dated change events (org:ChangeEvent).

        Only from drawn bodies and provinces: the successor is drawn too (and its own successor, a
        renaming after a merger), but the other bodies merged into it are not, to keep the view small.
        """
        events: dict[Node, list[Node]] = defaultdict(list)
        for event, old in self.g.subject_objects(ORG.originalOrganization):
            events[old].append(event)
        label = RELATION_LABELS[RELATION_SUCCEEDED_BY]
        queue = [n for n in self.groups if n in events]
        done: set[Node] = set()
        while queue:
            old = queue.pop()
            if old in done:
                continue
            done.add(old)
            for event in sorted(set(events[old]), key=str):
                effective = self._literal(event, GK.effectiveDate)
                shown = format_date(effective)
                details = [("Hiệu lực / Effective", shown or "không rõ / unknown")]
                for key, value in (("Sự kiện / Event", self._text(event, RDFS.label, SKOS.prefLabel)),
                                   ("Căn cứ / Source", self._text(event, DCTERMS.source)),
                                   ("Dữ liệu / Data", self._dataset_label(event))):
                    if value:
                        details.append((key, value))
                for new in sorted(set(self.g.objects(event, ORG.resultingOrganization)), key=str):
                    if new == old:
                        continue
                    old_label, new_label = self._ensure_body(old), self._ensure_body(new)
                    self._add_edge(old, new, RELATION_SUCCEEDED_BY, label, (old_label, label, new_label),
                                   list(details), self.evidence(event), date_span(effective))
                    self.facts[old].append(("Kế thừa bởi / Succeeded by", f"{new_label} ({shown})"))
                    self.facts[new].append(("Kế thừa / Successor of", f"{old_label} ({shown})"))
                    if new in events:
                        queue.append(new)

    def _dataset_label(self, node: Node) -> str:
        source = next(iter(self.g.objects(node, PROV.wasDerivedFrom)), None)
        return self._text(source, RDFS.label) if source is not None else ""

    def _node(self, node: Node, kind: str, group: str) -> ViewNode:
        labels = self.labels
        label = labels[node]
        details: list[tuple[str, str]] = [("Loại / Kind", KIND_LABELS.get(group, group))]
        evidence: list[Evidence] = []
        span, year_unknown = None, False
        if kind == "agreement":
            signed, (span, year_unknown) = self._signing(node)
            details.append(("Ngày ký / Signed", signed or "không rõ / unknown"))
            period = _period(format_date(self._literal(node, GK.periodStart)),
                             format_date(self._literal(node, GK.periodEnd)))
            if period:
                details.append(("Hiệu lực / Valid", period))
            parties = sorted(labels[b] for b in set(self.g.objects(node, GK.party)) if b in labels)
            if parties:
                details.append(("Các bên / Parties", "; ".join(parties)))
            evidence = self.evidence(node)
        else:
            evidence = self.evidence(node, _EVIDENCE_PER_NODE)
            aliases = sorted({str(a) for a in self.g.objects(node, SKOS.altLabel)} - {label})
            if aliases:
                details.append(("Tên khác / Also", "; ".join(aliases[:8])))
            mentions = sum(1 for _ in self.g.objects(node, GK.mentionedIn))
            if mentions:
                details.append(("Nhắc đến / Mentioned in", f"{mentions} bài báo / articles"))
            elif (node, PROV.wasDerivedFrom, None) in self.g:
                source = self._dataset_label(node) or "dữ liệu tham chiếu / reference data"
                details.append(("Dữ liệu / Data", source))
        details.extend(sorted(set(self.facts.get(node, []))))
        details.append(("IRI", str(node)))
        title = "\n".join(t for t in (label, KIND_LABELS.get(group, group),
                                      *(f"{k}: {v}" for k, v in details[1:-1]), _quote_line(evidence)) if t)
        return ViewNode(id=str(node), label=label, group=group, kind=kind, title=title, details=details,
                        evidence=evidence, span=span, year_unknown=year_unknown)


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

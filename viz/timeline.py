"""RDF graph → timeline page: agreements by signing date, organizational changes by effective date and
post holdings from first to last attested, on one time axis, each with the sentence it came from.

Partial dates are shown at the precision the graph states, never rounded up into a guess: a
``gYear`` is drawn as a span over that year (labelled ``2021``), a ``gYearMonth`` as a span over the
month, an ``xsd:date`` as a point. A ``gMonthDay`` (``--07-16``: the article gave no year) gets no
place on the axis at all; it sits in its own lane, "năm không rõ / year unknown", labelled
``????-07-16`` and positioned only by month and day. Agreements with no signing date at all are
listed apart. The model is plain dataclasses read through the rdflib Graph API (as ``model`` does),
so it is tested without a browser; the page is one offline UTF-8 file with vanilla JS and SVG.
"""

from __future__ import annotations

import dataclasses
import json
import re
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from markupsafe import Markup
from rdflib import RDF, RDFS, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, FOAF, PROV, SDO, SKOS, XSD
from rdflib.term import Node

from .html import template_environment
from .model import AGREEMENT_CLASSES, GK, KIND_LABELS, SCHEMA_HTTP, YEAR_UNKNOWN, Evidence, LiteralReader

ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")

DEFAULT_TIMELINE_TITLE = "Dòng thời gian govkg / govkg timeline"

# Precision of a date as stated in the graph.
DAY = "day"
MONTH = "month"
YEAR = "year"
NO_YEAR = "no-year"  # gMonthDay / gMonth: month (and day) known, year not
UNKNOWN = "unknown"  # no date, or one we cannot read

# Lanes of the page: the time axis, the year-unknown lane, the undated list.
LANE_AXIS = "axis"
LANE_YEAR_UNKNOWN = "year-unknown"
LANE_UNDATED = "undated"
UNDATED = "không rõ ngày / date unknown"

KIND_AGREEMENT = "agreement"
KIND_CHANGE = "change"
KIND_POST = "post"
CHANGE_GROUP = "ChangeEvent"
POST_GROUP = "PostHolding"
GROUP_LABELS = {
    **{g: KIND_LABELS[g] for g in AGREEMENT_CLASSES},
    CHANGE_GROUP: "Thay đổi tổ chức / Organizational change",
    POST_GROUP: "Giữ chức vụ (ghi nhận) / Post held (attested)",
}
# group → (fill, stroke); agreement colours match the graph page.
GROUP_COLORS = {
    "MemorandumOfUnderstanding": ("#74c476", "#006d2c"),
    "CooperationAgreement": ("#9e9ac8", "#54278f"),
    "CoordinationProgram": ("#6baed6", "#08519c"),
    "OtherAgreement": ("#bdbdbd", "#525252"),
    "Agreement": ("#bdbdbd", "#525252"),
    CHANGE_GROUP: ("#fc9272", "#a50f15"),
    POST_GROUP: ("#fdd0a2", "#d94801"),
}
_GROUP_ORDER = (*AGREEMENT_CLASSES, CHANGE_GROUP, POST_GROUP)
_UNIT_PRECISION = {TIME.unitDay: DAY, TIME.unitMonth: MONTH, TIME.unitYear: YEAR}
_COARSENESS = {DAY: 0, MONTH: 1, YEAR: 2}


@dataclass(frozen=True)
class PartialDate:
    """A date at its stated precision. ``start``/``end`` are ISO days, ``end`` exclusive; both empty
    when the year is unknown (``month_day`` then holds ``MM-DD`` or ``MM``) or there is no date."""

    text: str
    precision: str
    start: str = ""
    end: str = ""
    label: str = ""  # "2022-05-05", "2022-09", "2021", "????-07-16", ""
    month_day: str = ""

    @property
    def on_axis(self) -> bool:
        return bool(self.start)


NO_DATE = PartialDate(text="", precision=UNKNOWN)


def parse_partial_date(value: Node | None, precision: Node | None = None) -> PartialDate:
    """Read a literal (xsd:date, dateTime, gYearMonth, gYear, gMonthDay, gMonth) at its own precision.

    ``precision`` (a time:unit* IRI, e.g. gk:signingDatePrecision) may only make a date coarser than
    its datatype says: a 2021-01-01 stated with time:unitYear is the year 2021, not that day.
    """
    if value is None:
        return NO_DATE
    text = str(value).strip()
    tz = r"(?:Z|[+-]\d{2}:\d{2})?"
    if match := re.fullmatch(rf"--(\d{{2}})-(\d{{2}}){tz}", text):
        month, day = match[1], match[2]
        return PartialDate(text, NO_YEAR, label=f"????-{month}-{day}", month_day=f"{month}-{day}")
    if match := re.fullmatch(rf"--(\d{{2}}){tz}", text):
        return PartialDate(text, NO_YEAR, label=f"????-{match[1]}", month_day=match[1])
    found = None
    if match := re.fullmatch(rf"(\d{{4}})-(\d{{2}})-(\d{{2}})(?:T.*|{tz})", text):
        found = (DAY, int(match[1]), int(match[2]), int(match[3]))
    elif match := re.fullmatch(rf"(\d{{4}})-(\d{{2}}){tz}", text):
        found = (MONTH, int(match[1]), int(match[2]), 1)
    elif match := re.fullmatch(rf"(\d{{4}}){tz}", text):
        found = (YEAR, int(match[1]), 1, 1)
    if found is None:
        return PartialDate(text, UNKNOWN)
    stated, year, month, day = found
    coarser = _UNIT_PRECISION.get(precision) if precision is not None else None
    if coarser and _COARSENESS[coarser] > _COARSENESS[stated]:
        stated = coarser
    try:
        if stated == DAY:
            first = date(year, month, day)
            return PartialDate(
                text, DAY, first.isoformat(), (first + timedelta(days=1)).isoformat(), first.isoformat()
            )
        if stated == MONTH:
            first = date(year, month, 1)
            after = first + timedelta(days=monthrange(year, month)[1])
            return PartialDate(text, MONTH, first.isoformat(), after.isoformat(), f"{year:04d}-{month:02d}")
        return PartialDate(
            text, YEAR, date(year, 1, 1).isoformat(), date(year + 1, 1, 1).isoformat(), f"{year:04d}"
        )
    except ValueError:  # 2021-02-30 and the like
        return PartialDate(text, UNKNOWN)


@dataclass(frozen=True)
class ArticleRef:
    """An article an item is mentioned in (shown when no sentence from it is at hand)."""

    article_id: str
    title: str = ""
    url: str = ""
    published: str = ""


@dataclass
class TimelineItem:
    """One drawn item. ``start`` is when it happened (or began); ``end`` only for spans of two dates
    (a post held from first to last attested)."""

    id: str
    kind: str  # KIND_AGREEMENT | KIND_CHANGE | KIND_POST
    group: str  # ontology class local name: the filter and colour key
    label: str
    start: PartialDate
    end: PartialDate | None = None
    parties: list[str] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)
    details: list[tuple[str, str]] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    articles: list[ArticleRef] = field(default_factory=list)
    legal_source: str = ""

    @property
    def lane(self) -> str:
        if self.start.on_axis:
            return LANE_AXIS
        return LANE_YEAR_UNKNOWN if self.start.precision == NO_YEAR else LANE_UNDATED

    @property
    def date_label(self) -> str:
        """What the page prints for the date: precise as stated, ``????`` for an unknown year."""
        if self.end is not None and self.end.label and self.end.label != self.start.label:
            return f"{self.start.label} – {self.end.label}"
        return self.start.label or UNDATED

    @property
    def span(self) -> tuple[str, str]:
        """(first day, day after the last) on the axis; empty strings off the axis."""
        if not self.start.on_axis:
            return "", ""
        end = self.end.end if self.end is not None and self.end.on_axis else self.start.end
        return self.start.start, max(end, self.start.end)

    @property
    def is_point(self) -> bool:
        first, after = self.span
        return bool(first) and date.fromisoformat(after) - date.fromisoformat(first) <= timedelta(days=1)


@dataclass
class TimelineModel:
    items: list[TimelineItem]
    groups: list[str]  # the groups present, in drawing order

    def item(self, item_id: str) -> TimelineItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def lane(self, lane: str) -> list[TimelineItem]:
        return [item for item in self.items if item.lane == lane]


def build_timeline_model(graph: Graph, *, posts: bool = True) -> TimelineModel:
    """Agreements, change events and (with ``posts``) attested post holdings read from ``graph``."""
    reader = _Reader(graph)
    items = reader.agreements() + reader.changes() + (reader.posts() if posts else [])
    order = {g: i for i, g in enumerate(_GROUP_ORDER)}
    lanes = {LANE_AXIS: 0, LANE_YEAR_UNKNOWN: 1, LANE_UNDATED: 2}
    items.sort(
        key=lambda i: (
            lanes[i.lane],
            i.span[0] or i.start.month_day,
            order.get(i.group, 99),
            i.label.casefold(),
            i.id,
        )
    )
    present = {i.group for i in items}
    return TimelineModel(items=items, groups=[g for g in _GROUP_ORDER if g in present])


class _Reader(LiteralReader):
    def __init__(self, graph: Graph) -> None:
        super().__init__(graph)
        self._labels: dict[Node, str] = {}

    def name(self, node: Node) -> str:
        if node not in self._labels:
            text = self._text(node, SKOS.prefLabel, FOAF.name, RDFS.label, DCTERMS.title)
            self._labels[node] = text or re.split(r"[#/]", str(node).rstrip("/#"))[-1]
        return self._labels[node]

    def article(self, node: Node) -> ArticleRef:
        return ArticleRef(
            article_id=self._text(node, GK.articleId),
            title=self._text(node, DCTERMS.title, SDO.headline, RDFS.label),
            url=self._text(node, SDO.url, SCHEMA_HTTP.url),
            published=self._text(node, SDO.datePublished, SCHEMA_HTTP.datePublished),
        )

    def evidence(self, *facts: Node) -> list[Evidence]:
        found: set[Evidence] = set()
        for fact in facts:
            for node in set(self.g.objects(fact, GK.evidence)):
                quote = self._text(node, GK.quote)
                if not quote:
                    continue
                article = next(iter(self.g.objects(node, PROV.entity)), None)
                ref = self.article(article) if article is not None else ArticleRef("")
                found.add(
                    Evidence(
                        quote=quote,
                        start=self._int(node, GK.startOffset),
                        end=self._int(node, GK.endOffset),
                        article_id=ref.article_id,
                        article_title=ref.title,
                        article_url=ref.url,
                        published=ref.published,
                    )
                )
        return sorted(found, key=lambda e: (e.published, e.article_id, e.start or 0, e.quote))

    def articles(self, subject: Node, evidence: list[Evidence]) -> list[ArticleRef]:
        """Articles naming ``subject`` that no quoted sentence already cites."""
        cited = {e.article_id for e in evidence}
        refs = {self.article(a) for a in set(self.g.objects(subject, GK.mentionedIn))}
        return sorted(
            (r for r in refs if r.article_id not in cited), key=lambda r: (r.published, r.article_id)
        )

    def _group(self, subject: Node, classes: tuple[str, ...]) -> str:
        types = set(self.g.objects(subject, RDF.type))
        return next((c for c in classes if GK[c] in types), classes[-1])

    # -- items -----------------------------------------------------------------------------------

    def agreements(self) -> list[TimelineItem]:
        subjects: set[Node] = set(self.g.subjects(GK.signingDate, None))
        for name in AGREEMENT_CLASSES:
            subjects.update(self.g.subjects(RDF.type, GK[name]))
        items = []
        for agreement in subjects:
            group = self._group(agreement, AGREEMENT_CLASSES)
            label = self._text(agreement, DCTERMS.title, RDFS.label, SKOS.prefLabel) or self.name(agreement)
            precision = next(iter(self.g.objects(agreement, GK.signingDatePrecision)), None)
            when = parse_partial_date(self._literal(agreement, GK.signingDate), precision)
            parties = sorted({self.name(b) for b in self.g.objects(agreement, GK.party)}, key=str.casefold)
            signatures = set(self.g.objects(agreement, GK.signature))
            signatories = set()
            for signature in signatures:
                body = next(iter(self.g.objects(signature, GK.signedFor)), None)
                for person in set(self.g.objects(signature, GK.signatory)):
                    on_behalf = f" (thay mặt {self.name(body)})" if body is not None else ""
                    signatories.add(self.name(person) + on_behalf)
            signed = when.label if when.precision != UNKNOWN else ""
            details = [("Loại / Kind", GROUP_LABELS[group]), ("Ngày ký / Signed", _date_text(when, signed))]
            period = _period(self._literal(agreement, GK.periodStart), self._literal(agreement, GK.periodEnd))
            if period:
                details.append(("Hiệu lực / Valid", period))
            if parties:
                details.append(("Các bên / Parties", "; ".join(parties)))
            details.extend(("Người ký / Signatory", s) for s in sorted(signatories, key=str.casefold))
            details.append(("IRI", str(agreement)))
            evidence = self.evidence(agreement, *signatures)
            items.append(
                TimelineItem(
                    id=str(agreement),
                    kind=KIND_AGREEMENT,
                    group=group,
                    label=label,
                    start=when,
                    parties=parties,
                    signatories=sorted(signatories, key=str.casefold),
                    details=details,
                    evidence=evidence,
                    articles=self.articles(agreement, evidence),
                )
            )
        return items

    def changes(self) -> list[TimelineItem]:
        subjects = set(self.g.subjects(RDF.type, GK.ChangeEvent)) | set(
            self.g.subjects(GK.effectiveDate, None)
        )
        items = []
        for event in subjects:
            when = parse_partial_date(self._literal(event, GK.effectiveDate))
            before = sorted(
                {self.name(o) for o in self.g.objects(event, ORG.originalOrganization)}, key=str.casefold
            )
            after = sorted(
                {self.name(o) for o in self.g.objects(event, ORG.resultingOrganization)}, key=str.casefold
            )
            label = self._text(event, RDFS.label, SKOS.prefLabel)
            if not label:
                label = f"{', '.join(before)} → {', '.join(after)}" if before or after else self.name(event)
            source = self._text(event, DCTERMS.source)
            if not source:
                source_iri = next(iter(self.g.objects(event, DCTERMS.source)), None)
                source = str(source_iri) if source_iri is not None else ""
            details = [
                ("Loại / Kind", GROUP_LABELS[CHANGE_GROUP]),
                ("Hiệu lực từ / Effective", _date_text(when, when.label)),
            ]
            if before:
                details.append(("Cơ quan cũ / Original", "; ".join(before)))
            if after:
                details.append(("Cơ quan kế thừa / Resulting", "; ".join(after)))
            if source:
                details.append(("Căn cứ / Legal basis", source))
            if (event, PROV.wasDerivedFrom, None) in self.g:
                details.append(("Nguồn dữ liệu / Data", "dữ liệu tham chiếu / reference data"))
            details.append(("IRI", str(event)))
            evidence = self.evidence(event)
            items.append(
                TimelineItem(
                    id=str(event),
                    kind=KIND_CHANGE,
                    group=CHANGE_GROUP,
                    label=label,
                    start=when,
                    parties=before + [a for a in after if a not in before],
                    details=details,
                    evidence=evidence,
                    articles=self.articles(event, evidence),
                    legal_source=source,
                )
            )
        return items

    def posts(self) -> list[TimelineItem]:
        """Post holdings with attestation dates: a span from first to last attested (a point if one day)."""
        items = []
        for holding in set(self.g.subjects(RDF.type, GK.PostHolding)):
            attested = sorted({str(d) for d in self.g.objects(holding, GK.attestedOn)})
            first = self._literal(holding, GK.firstAttested) or (
                Literal(attested[0], datatype=XSD.date) if attested else None
            )
            last = self._literal(holding, GK.lastAttested) or (
                Literal(attested[-1], datatype=XSD.date) if attested else None
            )
            start = parse_partial_date(first)
            if not start.on_axis:
                continue  # undated holdings are not events; the graph page shows them
            end = parse_partial_date(last)
            person = next(iter(self.g.objects(holding, GK.holder)), None)
            body = next(iter(self.g.objects(holding, GK.body)), None)
            post = self._text(holding, GK.postTitle) or "giữ chức vụ / holds post"
            who = self.name(person) if person is not None else ""
            where = self.name(body) if body is not None else ""
            label = f"{who} — {post}" + (f", {where}" if where else "")
            details = [
                ("Loại / Kind", GROUP_LABELS[POST_GROUP]),
                ("Người / Person", who),
                ("Chức vụ / Post", post),
            ]
            if where:
                details.append(("Cơ quan / Body", where))
            details.append(("Ghi nhận / Attested", _period_text(start, end)))
            details.append(("IRI", str(holding)))
            evidence = self.evidence(holding)
            items.append(
                TimelineItem(
                    id=str(holding),
                    kind=KIND_POST,
                    group=POST_GROUP,
                    label=label,
                    start=start,
                    end=end if end.on_axis and end.label != start.label else None,
                    parties=[where] if where else [],
                    signatories=[who] if who else [],
                    details=details,
                    evidence=evidence,
                    articles=self.articles(holding, evidence),
                )
            )
        return items


def _date_text(when: PartialDate, label: str) -> str:
    """'2022-05-05 (5/5/2022)', '2022-09 (9/2022)', '2021', '????-07-16 (năm không rõ / year unknown)'."""
    if when.precision == UNKNOWN:
        return f"{when.text} ({UNDATED})" if when.text else UNDATED
    if when.precision == NO_YEAR:
        return f"{label} ({YEAR_UNKNOWN})"
    parts = [str(int(p)) for p in reversed(when.label.split("-"))]  # Vietnamese order, d/m/y
    vietnamese = "/".join(parts[:-1] + [when.label[:4]]) if len(parts) > 1 else ""
    return f"{label} ({vietnamese})" if vietnamese else label


def _period(start: Node | None, end: Node | None) -> str:
    first, last = parse_partial_date(start), parse_partial_date(end)
    if not first.text and not last.text:
        return ""
    return f"{first.label or first.text or '…'} – {last.label or last.text or '…'}"


def _period_text(first: PartialDate, last: PartialDate) -> str:
    if not last.label or last.label == first.label:
        return first.label
    return f"{first.label} – {last.label}"


# -- HTML ----------------------------------------------------------------------------------------


def timeline_data(model: TimelineModel) -> dict[str, Any]:
    """What the page's script reads (JSON-ready)."""
    items = []
    for item in model.items:
        start, end = item.span
        items.append(
            {
                "id": item.id,
                "kind": item.kind,
                "group": item.group,
                "label": item.label,
                "lane": item.lane,
                "start": start,
                "end": end,
                "point": item.is_point,
                "precision": item.start.precision,
                "month_day": item.start.month_day,
                "date_label": item.date_label,
                "parties": item.parties,
                "signatories": item.signatories,
                "details": item.details,
                "evidence": [dataclasses.asdict(e) for e in item.evidence],
                "articles": [dataclasses.asdict(a) for a in item.articles],
                "legal_source": item.legal_source,
            }
        )
    counts = {g: sum(1 for i in model.items if i.group == g) for g in model.groups}
    groups = [
        {
            "group": g,
            "label": GROUP_LABELS.get(g, g),
            "fill": GROUP_COLORS.get(g, ("#ccc", "#666"))[0],
            "stroke": GROUP_COLORS.get(g, ("#ccc", "#666"))[1],
            "count": counts[g],
        }
        for g in model.groups
    ]
    return {"items": items, "groups": groups, "year_unknown": YEAR_UNKNOWN, "undated": UNDATED}


def render_timeline_html(model: TimelineModel, *, title: str = DEFAULT_TIMELINE_TITLE) -> str:
    template = template_environment().get_template("timeline.html")
    return template.render(
        title=title,
        data_json=Markup(_script_json(timeline_data(model))),
        item_count=len(model.items),
        axis_count=len(model.lane(LANE_AXIS)),
        year_unknown_count=len(model.lane(LANE_YEAR_UNKNOWN)),
        undated_count=len(model.lane(LANE_UNDATED)),
        year_unknown=YEAR_UNKNOWN,
        undated=UNDATED,
    )


def write_timeline(
    model: TimelineModel, out_path: str | Path, *, title: str = DEFAULT_TIMELINE_TITLE
) -> Path:
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_timeline_html(model, title=title), encoding="utf-8", newline="\n")
    return out


def render_timeline(
    graph: Graph, out_path: str | Path, *, title: str = DEFAULT_TIMELINE_TITLE, posts: bool = True
) -> TimelineModel:
    """Write the timeline of ``graph`` (e.g. a Dataset with ``default_union=True``) at ``out_path``."""
    model = build_timeline_model(graph, posts=posts)
    write_timeline(model, out_path, title=title)
    return model


def _script_json(data: Any) -> str:
    """JSON safe inside <script type="application/json">; Vietnamese stays as text."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


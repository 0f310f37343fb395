"""Apply curation entries to a store, in one transaction, so that they win in every query.

Article graphs stay what extraction produced *plus* the corrections, recorded so they can be taken
back: each apply (1) undoes the previous one in memory (see ``world``), (2) applies the entries in
file order to in-memory copies of the graphs they touch — merges and splits rename nodes, rejects
and corrections remove triples — (3) writes, in one SPARQL Update, the difference of each touched
graph, the curated graph (``<base>graph/curated``: added facts, corrected values, one curation node
per entry) and the undo records (``<base>graph/curated/undo``). Applying twice changes nothing;
rebuilt articles are curated again; an entry taken out of the file is undone by the next apply.

Names resolve on the graphs as extracted, through ``NameIndex``, and then through the merges of
earlier entries (a name of a node merged away means the node it was merged into).
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib import term as rdflib_term

from govkg.curation.curated import CuratedGraph
from govkg.curation.model import (
    AddAgreement,
    AddPost,
    AgreementRef,
    EntityRef,
    Entry,
    HoldingRef,
    Merge,
    Reject,
    SetDate,
    SetName,
    SignatureRef,
    Split,
    Target,
    is_iri,
)
from govkg.curation.world import UNDO, World, graph_digest, mentions, node, ntriples
from govkg.errors import QueryError, StoreError
from govkg.graph.derived import derived_graphs, derived_update
from govkg.graph.identity import Minter, digest
from govkg.graph.store import KnowledgeStore
from govkg.ontology.terms import DCTERMS, GK, ORG, SKOS, TIME
from govkg.queries.names import INSIDE, SAME_KEY, match_keys

_HOLDER, _SIGNATORY, _SIGNATURE, _EVIDENCE = (
    node(GK.holder),
    node(GK.signatory),
    node(GK.signature),
    node(GK.evidence),
)
_POST, _BODY, _POST_IN, _ROLE, _HOLDS = (
    node(GK.post),
    node(GK.body),
    node(ORG.postIn),
    node(ORG.role),
    node(ORG.holds),
)
_SIGNED_FOR, _SIGNED_BY = node(GK.signedFor), node(GK.signedBy)


@dataclass
class Outcome:
    entry: Entry
    matched: str  # what it matched and did, in words; empty when it matched nothing
    why: str = ""  # when it matched nothing: why


@dataclass
class ApplyReport:
    applied: list[Outcome] = field(default_factory=list)
    unmatched: list[Outcome] = field(default_factory=list)  # entries that matched nothing: say so
    graphs_changed: list[str] = field(default_factory=list)  # graphs whose triples this apply changed
    curated_triples: int = 0
    undone: list[str] = field(default_factory=list)  # graphs the previous apply had changed, undone
    rebuilt: list[str] = field(default_factory=list)  # graphs it had changed that were rebuilt since

    def summary(self) -> str:
        lines = [
            f"curations: {len(self.applied)} applied, {len(self.unmatched)} matched nothing; "
            f"{len(self.graphs_changed)} graph(s) changed, {self.curated_triples} curated triples"
        ]
        lines += [f"  {o.entry.describe()}: {o.matched}" for o in self.applied]
        lines += [f"  {o.entry.describe()}: matched nothing — {o.why}" for o in self.unmatched]
        return "\n".join(lines)


def apply_curations(store: KnowledgeStore, entries: Sequence[Entry], minter: Minter) -> ApplyReport:
    """Undo the previous apply and apply ``entries``, in one transaction; an InputError changes nothing.

    Run after the articles are stored; the derived graphs (govkg.graph.derived) are recomputed in the
    same transaction when anything changed (curated posts and rejected holdings change tenures, curated
    dates the listing keys). With no entries it undoes
    the previous apply.
    """
    world = World(store, minter)
    applier = _Applier(world, minter)
    for entry in entries:
        applier.apply(entry)
    report = applier.report
    report.undone, report.rebuilt = list(world.undone), list(world.rebuilt)
    _write(store, world, applier, report)
    return report


# -- applying entries --------------------------------------------------------------------------------


class _Applier:
    def __init__(self, world: World, minter: Minter) -> None:
        self.world, self.m = world, minter
        self.graphs: dict[str, set[ox.Triple]] = {g: set(world.base(g)) for g in world.records()}
        self.renamed: dict[str, str] = {}  # merged-away IRI → the IRI it was merged into
        self.curated = CuratedGraph(minter)
        self.report = ApplyReport()

    # graphs in the making -----------------------------------------------------------------------------

    def load(self, graph: str) -> set[ox.Triple]:
        if graph not in self.graphs:
            self.graphs[graph] = set(self.world.base(graph))
        return self.graphs[graph]

    def mentioning(self, term: ox.NamedNode) -> list[str]:
        """The editable graphs that mention ``term`` now (as this apply has changed them so far)."""
        for graph in self.world.mentioning(term):
            self.load(graph)
        return sorted(g for g, triples in self.graphs.items() if any(mentions(t, term) for t in triples))

    def rename(self, graphs: Iterable[str], mapping: dict[str, str]) -> None:
        """Rewrite IRIs (and the IRIs under them: ``<agreement>/signing`` …) in ``graphs``."""

        def renamed(
            term: ox.NamedNode | ox.Literal | ox.BlankNode,
        ) -> ox.NamedNode | ox.Literal | ox.BlankNode:
            if not isinstance(term, ox.NamedNode):
                return term
            value = term.value
            if value in mapping:
                return ox.NamedNode(mapping[value])
            for old, new in mapping.items():  # sub-nodes: <agreement>/signing, <agreement>/period …
                if value.startswith(old + "/"):
                    return ox.NamedNode(new + value[len(old) :])
            return term

        for graph in graphs:
            triples = self.graphs[graph]
            self.graphs[graph] = {
                ox.Triple(renamed(t.subject), t.predicate, renamed(t.object)) for t in triples
            }

    def remove(self, graph: str, doomed: set[ox.NamedNode]) -> int:
        """Remove the nodes ``doomed`` (and their evidence and sub-nodes) from ``graph``."""
        triples = self.graphs[graph]
        doomed = set(doomed) | {t.object for t in triples if t.subject in doomed and t.predicate == _EVIDENCE}
        prefixes = tuple(d.value + "/" for d in doomed)

        def gone(term: object) -> bool:
            return isinstance(term, ox.NamedNode) and (term in doomed or term.value.startswith(prefixes))

        kept = {t for t in triples if not gone(t.subject) and not gone(t.object)}
        self.graphs[graph] = kept
        return len(triples) - len(kept)

    # name and reference resolution ------------------------------------------------------------------

    def follow(self, iri: str) -> str:
        while iri in self.renamed:
            iri = self.renamed[iri]
        return iri

    def entity(self, ref: EntityRef) -> ox.NamedNode | None:
        """The entity a reference names (after earlier merges); None: it names none; ambiguous: an error."""
        if is_iri(ref.text):
            iri = self.follow(ref.text)
            return ox.NamedNode(iri) if self.mentioning(ox.NamedNode(iri)) else None
        names = self.world.names
        if not [m for m in names.find(ref.text, ref.kind, limit=50) if m.score >= INSIDE]:
            return None
        try:
            found = names.resolve(ref.text, ref.kind)[0]
        except QueryError as error:
            raise ref.place.error(error.args[0], hint=error.hint) from None
        return ox.NamedNode(self.follow(str(found)))

    def entity_or_new(self, ref: EntityRef) -> tuple[URIRef, str, bool]:
        """For added facts: the entity of that exact name (diacritics, case, abbreviations aside), or a
        new one minted from the name as extraction would; returns (IRI, name, is new)."""
        names = self.world.names
        if is_iri(ref.text):
            iri = self.follow(ref.text)
            if iri not in names.entities:
                raise ref.place.error(
                    f"no {ref.kind} {iri} in the graph", hint="name it, or give a known IRI"
                )
            return URIRef(iri), names.entities[iri].label, False
        exact = [m for m in names.find(ref.text, ref.kind, limit=50) if m.score >= SAME_KEY]
        if ref.kind == "body":
            provinces = [m for m in exact if names.entities[str(m.iri)].kind == "province"]
            exact = [m for m in exact if m not in provinces]
            if not exact and provinces:
                raise ref.place.error(
                    f"{ref.text!r} names a province, not a body",
                    hint="name its organ, e.g. 'Ủy ban nhân dân tỉnh …'",
                )
        if exact:
            top = [m for m in exact if m.score == exact[0].score]
            if len(top) > 1:
                listed = "; ".join(m.describe() for m in top[:10])
                raise ref.place.error(
                    f"{ref.text!r} could name {len(top)} different {ref.kind}s: {listed}",
                    hint="give the IRI instead (`govkg find NAME` lists them)",
                )
            iri = self.follow(str(top[0].iri))
            label = names.entities[iri].label if iri in names.entities else top[0].label
            return URIRef(iri), label, False
        minted = self.m.person(ref.text) if ref.kind == "person" else self.m.body(ref.text)
        return minted, ref.text, True

    def agreement(self, ref: AgreementRef) -> ox.NamedNode | None:
        if ref.iri:
            iri = ox.NamedNode(self.follow(ref.iri))
            return iri if self.mentioning(iri) else None
        parties = []
        for party in ref.parties:
            found = self.entity(party)
            if found is None:
                return None
            parties.append(found)
        rows = self.world.graph_rows(
            f"""SELECT DISTINCT ?g ?a ?title ?party ?province ?date ?type WHERE {{ GRAPH ?g {{
                  ?a <{GK.signing}> ?signing ; a ?type .
                  OPTIONAL {{ ?a <{DCTERMS.title}> ?title }}
                  OPTIONAL {{ ?a <{GK.party}> ?party OPTIONAL {{ ?party <{GK.province}> ?province }} }}
                  OPTIONAL {{ ?a <{GK.signingDate}> ?date }} }} }}"""
        )
        facts: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for _, a, title, party, province, date, kind in rows:
            for key, value in (("title", title), ("party", party), ("party", province), ("date", date)):
                if value is not None:
                    facts[self.follow(a.value)][key].add(value.value)
            facts[self.follow(a.value)]["type"].add(kind.value.rsplit("#", 1)[-1])
        wanted = match_keys(ref.title)[1] if ref.title else ()
        found = []
        for iri, fact in facts.items():
            if wanted and not any(_contains(match_keys(t)[1], wanted) for t in fact["title"]):
                continue
            if any(p.value not in fact["party"] for p in parties):
                continue
            if ref.date and ref.date not in fact["date"]:
                continue
            if ref.kind and ref.kind not in fact["type"] and f"{ref.kind}Agreement" not in fact["type"]:
                continue
            found.append(iri)
        if len(found) > 1:
            raise ref.place.error(
                f"names {len(found)} agreements: " + ", ".join(f"<{i}>" for i in sorted(found)[:10]),
                hint="add parties, date or kind, or give its IRI (`govkg query who-signed` shows it)",
            )
        return ox.NamedNode(found[0]) if found else None

    def holding(self, ref: HoldingRef) -> ox.NamedNode | None:
        if ref.iri:
            iri = ox.NamedNode(ref.iri)
            return iri if self.mentioning(iri) else None
        assert ref.person is not None and ref.body is not None and ref.title is not None
        person, body = self.entity(ref.person), self.entity(ref.body)
        if person is None or body is None:
            return None
        rows = self.world.graph_rows(
            f"""SELECT DISTINCT ?g ?h ?title ?body ?province WHERE {{ GRAPH ?g {{
                  ?h <{GK.holder}> {person} ; <{GK.postTitle}> ?title ; <{GK.body}> ?body
                  OPTIONAL {{ ?body <{GK.province}> ?province }} }} }}"""
        )
        title = match_keys(ref.title)[1]
        found = sorted(
            {h.value for _, h, t, b, p in rows if match_keys(t.value)[1] == title and body in (b, p)}
        )
        if len(found) > 1:
            raise ref.place.error(
                f"names {len(found)} post holdings: {', '.join(found)}", hint="give the IRI"
            )
        return ox.NamedNode(found[0]) if found else None

    def signature(self, ref: SignatureRef) -> ox.NamedNode | None:
        if ref.iri:
            iri = ox.NamedNode(ref.iri)
            return iri if self.mentioning(iri) else None
        assert ref.agreement is not None and ref.person is not None
        agreement, person = self.agreement(ref.agreement), self.entity(ref.person)
        if agreement is None or person is None:
            return None
        found = sorted(
            {
                t.subject.value
                for g in self.mentioning(agreement)
                for t in self.graphs[g]
                if t.predicate == _SIGNATORY
                and t.object == person
                and ox.Triple(agreement, _SIGNATURE, t.subject) in self.graphs[g]
            }
        )
        return ox.NamedNode(found[0]) if found else None

    def target(self, target: Target) -> ox.NamedNode | None:
        if isinstance(target, EntityRef):
            return self.entity(target)
        if isinstance(target, AgreementRef):
            return self.agreement(target)
        if isinstance(target, HoldingRef):
            return self.holding(target)
        return self.signature(target)

    # the actions ------------------------------------------------------------------------------------

    def apply(self, entry: Entry) -> None:
        action = entry.action
        handler = {
            AddPost: self._add_post,
            AddAgreement: self._add_agreement,
            SetDate: self._set_date,
            SetName: self._set_name,
            Merge: self._merge,
            Split: self._split,
            Reject: self._reject,
        }[type(action)]
        result = handler(entry, action)
        if result.startswith("!"):
            self.report.unmatched.append(Outcome(entry, "", result[1:]))
        else:
            self.report.applied.append(Outcome(entry, result))

    def _node(self, entry: Entry, used: list[URIRef | ox.NamedNode]) -> URIRef:
        fingerprint = entry.id or digest(entry.verb, _fingerprint(entry.action), size=16)
        return self.curated.curation(
            entry, fingerprint, [URIRef(u.value if isinstance(u, ox.NamedNode) else u) for u in used]
        )

    def _add_post(self, entry: Entry, action: AddPost) -> str:
        person, person_name, new_person = self.entity_or_new(action.person)
        body, body_name, new_body = self.entity_or_new(action.body)
        curation = self._node(entry, [person, body])
        self.curated.person(person, person_name, curation)
        self.curated.body(body, body_name, curation, new=new_body)
        holding = self.curated.post(
            curation,
            (person, person_name),
            action.title,
            (body, body_name),
            start=action.start,
            end=action.end,
            attested=action.attested,
        )
        news = [w for w, new in (("person", new_person), ("body", new_body)) if new]
        return f"added post holding <{holding}>" + (f" (new {' and '.join(news)})" if news else "")

    def _add_agreement(self, entry: Entry, action: AddAgreement) -> str:
        parties = [self.entity_or_new(p) for p in action.parties]
        signers = []
        for signer in action.signatories:
            person = self.entity_or_new(signer.person)
            body = self.entity_or_new(signer.body) if signer.body else None
            signers.append((person, body))
        when = (
            action.date
            or ((action.period_start or action.period_end) and f"{action.period_start}/{action.period_end}")
            or f"curation:{entry.id or _fingerprint(action)}"
        )
        agreement = self.m.agreement(action.kind, [name for _, name, _ in parties], when)
        used = [agreement, *(iri for iri, _, _ in parties)]
        curation = self._node(entry, used)
        for iri, name, new in parties:
            self.curated.body(iri, name, curation, new=new)
        rows = []
        for (person, person_name, _), body in signers:
            self.curated.person(person, person_name, curation)
            if body is not None:
                self.curated.body(body[0], body[1], curation, new=body[2])
            rows.append((person, person_name, body[0] if body else None, body[1] if body else None))
        self.curated.agreement(
            curation,
            agreement,
            action.kind,
            action.title,
            [iri for iri, _, _ in parties],
            rows,
            action.date,
            (action.period_start, action.period_end),
        )
        return f"added agreement <{agreement}> ({len(parties)} parties, {len(rows)} signatories)"

    def _set_date(self, entry: Entry, action: SetDate) -> str:
        agreement = self.agreement(action.agreement)
        if agreement is None:
            return "!no such agreement in the graph"
        signing = f"{agreement.value}/signing"
        drop_subjects = {ox.NamedNode(f"{signing}/time"), ox.NamedNode(f"{signing}/time/description")}
        drop = {
            (agreement, node(GK.signingDate)),
            (agreement, node(GK.signingDatePrecision)),
            (ox.NamedNode(signing), node(TIME.hasTime)),
        }
        old, graphs = set(), self.mentioning(agreement)
        for graph in graphs:
            triples = self.graphs[graph]
            old |= {
                t.object.value
                for t in triples
                if t.subject == agreement and t.predicate == node(GK.signingDate)
            }
            self.graphs[graph] = {
                t for t in triples if t.subject not in drop_subjects and (t.subject, t.predicate) not in drop
            }
        curation = self._node(entry, [agreement])
        self.curated.signing_date(curation, URIRef(agreement.value), action.date)
        was = ", ".join(sorted(old)) or "no date"
        return f"<{agreement.value}> signing date {action.date} (was {was}; {len(graphs)} graph(s))"

    def _set_name(self, entry: Entry, action: SetName) -> str:
        entity = self.entity(action.target)
        if entity is None:
            return f"!no {action.target.kind} named {action.target.text!r} in the graph"
        old: set[str] = set()
        for graph in self.mentioning(entity):
            triples = self.graphs[graph]
            labels = {
                t
                for t in triples
                if t.subject == entity
                and t.predicate == node(SKOS.prefLabel)
                and isinstance(t.object, ox.Literal)
                and (t.object.language or "") == action.lang
            }
            old |= {t.object.value for t in labels}
            if labels:  # each graph keeps a preferred label (the shapes want one), now the set one
                renamed = {
                    ox.Triple(entity, node(SKOS.prefLabel), ox.Literal(action.name, language=action.lang))
                }
                renamed |= {ox.Triple(entity, node(SKOS.altLabel), t.object) for t in labels}
                self.graphs[graph] = (triples - labels) | renamed
        curation = self._node(entry, [entity])
        self.curated.name(curation, URIRef(entity.value), action.name, action.lang, sorted(old))
        return f"<{entity.value}> is named {action.name!r}@{action.lang}" + (
            f" (was {', '.join(sorted(old))})" if old else ""
        )

    def _merge(self, entry: Entry, action: Merge) -> str:
        found: list[ox.NamedNode] = []
        missing = []
        for target in action.targets:
            iri = self.agreement(target) if isinstance(target, AgreementRef) else self.entity(target)
            if iri is None:
                missing.append(getattr(target, "text", None) or getattr(target, "title", None) or target.iri)
            elif iri not in found:
                found.append(iri)
        keep = ox.NamedNode(action.into) if action.into else (found[0] if found else None)
        merged = [f for f in found if f != keep]
        if keep is None or not merged:
            what = f"; not found: {', '.join(map(str, missing))}" if missing else ""
            return f"!fewer than two distinct {action.kind}s to merge{what}"
        originals = self._related(keep, action.kind)
        graphs = sorted({g for m in merged for g in self.mentioning(m)})
        self.rename(graphs, {m.value: keep.value for m in merged})
        for m in merged:
            self.renamed[m.value] = keep.value
        self._collapse(keep, action.kind, originals)
        curation = self._node(entry, [keep, *merged])
        self.curated.g.add((URIRef(keep.value), GK.curatedBy, curation))
        note = f"; not found: {', '.join(map(str, missing))}" if missing else ""
        names = ", ".join(f"<{m.value}>" for m in merged)
        return f"merged {names} into <{keep.value}> ({len(graphs)} graph(s)){note}"

    _LINKS = {  # kind → (link predicate, the related node is its subject?, key predicates)
        "person": [(_HOLDER, True, (_POST,))],
        "agreement": [(_SIGNATURE, False, (_SIGNATORY, _SIGNED_FOR))],
        "body": [(_POST_IN, True, (_ROLE,)), (_BODY, True, (_HOLDER, _POST))],
    }

    def _related(self, keep: ox.NamedNode, kind: str) -> set[ox.NamedNode]:
        """The holdings, posts or signatures of ``keep`` before a merge: they stay, others join them."""
        related = set()
        for graph in self.mentioning(keep):
            for link, subject, _ in self._LINKS[kind]:
                for t in self.graphs[graph]:
                    if t.predicate == link and (t.object == keep if subject else t.subject == keep):
                        related.add(t.subject if subject else t.object)
        return related

    def _collapse(self, keep: ox.NamedNode, kind: str, originals: set[ox.NamedNode]) -> None:
        """After a merge, one holding a post (one signature a signatory and body, one post a role)."""
        for link, subject, keys in self._LINKS[kind]:
            graphs = self.mentioning(keep)
            groups: dict[tuple[str, ...], set[ox.NamedNode]] = defaultdict(set)
            for graph in graphs:
                triples = self.graphs[graph]
                for t in triples:
                    if t.predicate == link and (t.object == keep if subject else t.subject == keep):
                        member = t.subject if subject else t.object
                        key = tuple(
                            "|".join(
                                sorted(
                                    str(u.object) for u in triples if u.subject == member and u.predicate == k
                                )
                            )
                            for k in keys
                        )
                        groups[key].add(member)
            mapping = {}
            for members in groups.values():
                winner = min(members & originals or members, key=lambda n: n.value)
                mapping |= {m.value: winner.value for m in members if m != winner}
            if mapping:
                self.rename(graphs, mapping)

    def _split(self, entry: Entry, action: Split) -> str:
        person = self.entity(action.person)
        if person is None:
            return f"!no person named {action.person.text!r} in the graph"
        new = ox.NamedNode(
            action.iri or str(self.m.person(action.person.text, "split:" + ",".join(sorted(action.articles))))
        )
        graphs, missing = [], []
        for article in action.articles:
            name = str(self.m.article_graph(article))
            here = [g for g in (name, str(self.m.inferred_graph(URIRef(name)))) if self.load(g)]
            if any(any(mentions(t, person) for t in self.graphs[g]) for g in here):
                graphs += here
            else:
                missing.append(article)
        if not graphs:
            return f"!<{person.value}> is not mentioned in article(s) {', '.join(action.articles)}"
        self.rename(graphs, {person.value: new.value})
        holdings = {
            t.subject.value
            for g in graphs
            for t in self.graphs[g]
            if t.predicate == _HOLDER and t.object == new
        }
        self.rename(graphs, {h: f"{h}-{digest(new.value, size=6)}" for h in holdings})
        curation = self._node(entry, [person, new])
        self.curated.g.add((URIRef(new.value), GK.curatedBy, curation))
        note = f"; not mentioned in {', '.join(missing)}" if missing else ""
        return f"<{person.value}> in {len(graphs)} graph(s) is now <{new.value}>{note}"

    def _reject(self, entry: Entry, action: Reject) -> str:
        target = self.target(action.target)
        if target is None:
            return "!nothing of that name or IRI in the graph"
        removed, graphs = 0, self.mentioning(target)
        kind = getattr(action.target, "kind", None) if isinstance(action.target, EntityRef) else None
        for graph in graphs:
            triples = self.graphs[graph]
            doomed = {target}
            if kind == "person":  # its holdings and signatures go with it
                doomed |= {
                    t.subject for t in triples if t.predicate in (_HOLDER, _SIGNATORY) and t.object == target
                }
            elif kind == "body":
                doomed |= {
                    t.subject for t in triples if t.predicate in (_POST_IN, _BODY) and t.object == target
                }
            elif isinstance(action.target, AgreementRef):
                doomed |= {t.object for t in triples if t.predicate == _SIGNATURE and t.subject == target}
            elif isinstance(action.target, HoldingRef):  # the holder no longer holds the post
                holder = {t.object for t in triples if t.subject == target and t.predicate == _HOLDER}
                post = {t.object for t in triples if t.subject == target and t.predicate == _POST}
                self.graphs[graph] = triples = {
                    t
                    for t in triples
                    if not (t.subject in holder and t.predicate == _HOLDS and t.object in post)
                }
            elif isinstance(action.target, SignatureRef):  # nor signed the agreement, unless he signs again
                agreements = {t.subject for t in triples if t.predicate == _SIGNATURE and t.object == target}
                siblings = {
                    t.object for t in triples if t.predicate == _SIGNATURE and t.subject in agreements
                } - {target}
                signer = {t.object for t in triples if t.subject == target and t.predicate == _SIGNATORY}
                others = {t.object for t in triples if t.subject in siblings and t.predicate == _SIGNATORY}
                self.graphs[graph] = triples = {
                    t
                    for t in triples
                    if not (
                        t.subject in agreements and t.predicate == _SIGNED_BY and t.object in signer - others
                    )
                }
            removed += self.remove(graph, {d for d in doomed if isinstance(d, ox.NamedNode)})
        self._node(entry, [target])
        return f"rejected <{target.value}>: {removed} triple(s) removed from {len(graphs)} graph(s)"


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return 0 < n <= len(words) and any(words[i : i + n] == part for i in range(len(words) - n + 1))


def _fingerprint(action: object) -> str:
    """What an entry does, without where it is written: names an entry that has no id."""

    def strip(value: object) -> object:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "place"}
        if isinstance(value, list | tuple):
            return [strip(v) for v in value]
        return value

    return json.dumps(strip(dataclasses.asdict(action)), ensure_ascii=False, sort_keys=True)  # type: ignore[arg-type]


# -- writing ------------------------------------------------------------------------------------------


def _ox_term(term: rdflib_term.Node) -> ox.NamedNode | ox.Literal:
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    return ox.NamedNode(str(term))


def _canonical(graph: Graph) -> set[ox.Triple]:
    """The triples as the store will keep them (it rewrites some literals to their canonical form)."""
    scratch = ox.Store()
    scratch.extend(ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o)) for s, p, o in graph)
    return {q.triple for q in scratch}


def _write(store: KnowledgeStore, world: World, applier: _Applier, report: ApplyReport) -> None:
    parts: list[str] = []
    deletes, inserts = [], []
    records: list[str] = []
    for graph in sorted(applier.graphs):
        new, base, current = applier.graphs[graph], world.base(graph), world.current(graph)
        gone, came = current - new, new - current
        if any(isinstance(x, ox.BlankNode) for t in gone | came for x in (t.subject, t.object)):
            raise StoreError(f"graph <{graph}> has blank nodes; curations cannot change it")
        if gone:
            deletes.append(f"GRAPH <{graph}> {{\n{ntriples(gone)}}}")
        if came:
            inserts.append(f"GRAPH <{graph}> {{\n{ntriples(came)}}}")
        if gone or came:
            report.graphs_changed.append(graph)
        if new != base:
            record = ox.NamedNode(f"{world.undo_graph}/{digest(graph, size=16)}")
            removed, added = ntriples(base - new), ntriples(new - base)
            records += [
                f"{record} <{UNDO.graph}> <{graph}> .",
                f"{record} <{UNDO.digest}> {ox.Literal(graph_digest(new))} .",
                f"{record} <{UNDO.removed}> {ox.Literal(removed)} .",
                f"{record} <{UNDO.added}> {ox.Literal(added)} .",
            ]
            hashes = {t.object for t in new if t.predicate == node(GK.contentHash)}
            records += [f"{record} <{GK.contentHash}> {h} ." for h in sorted(map(str, hashes))]
    if deletes:
        parts.append("DELETE DATA {\n" + "\n".join(deletes) + "\n}")
    if inserts:
        parts.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
    curated = _canonical(applier.curated.finish())
    report.curated_triples = len(curated)
    if curated != world.current(world.curated_graph):
        parts.append(f"DROP SILENT GRAPH <{world.curated_graph}>")
        if curated:
            parts.append(f"INSERT DATA {{ GRAPH <{world.curated_graph}> {{\n{ntriples(curated)}}} }}")
        report.graphs_changed.append(world.curated_graph)
    undo = "".join(sorted(line + "\n" for line in records))
    if undo != ntriples(world.current(world.undo_graph)):
        parts.append(f"DROP SILENT GRAPH <{world.undo_graph}>")
        if records:
            parts.append(f"INSERT DATA {{ GRAPH <{world.undo_graph}> {{\n{undo}}} }}")
    if parts:  # the derived graphs (tenures…) follow the facts added and removed, in the same transaction
        lines = derived_update(world.minter).splitlines()
        prologue = [line for line in lines if line.startswith("PREFIX")]  # Oxigraph: only at the start
        parts.append("\n".join(line for line in lines if not line.startswith("PREFIX")))
        written = [
            *report.graphs_changed,
            world.curated_graph,
            world.undo_graph,
            *derived_graphs(world.minter),
        ]
        graphs = [URIRef(g) for g in dict.fromkeys(map(str, written))]  # the merged view follows them
        store.update("\n".join(prologue) + "\n" + " ;\n".join(parts), graphs=graphs)

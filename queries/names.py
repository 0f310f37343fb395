"""Name search that forgives: the user's words → the persons and bodies of the graph they mean.

Users type names as they come: without diacritics ("Pham Tan Hoa"), with the old tone placement
("phạm tấn hoà", "Uỷ ban"), abbreviated ("Bo TT&TT", "UBND tỉnh Long An") or in English ("MIC",
"Ministry of Information and Communications"). Every label of every person, body and province gets
two match keys, and so does the query:

* the *strict* key: normalized (NFC, one tone placement), known abbreviations expanded, case folded,
  punctuation folded to spaces (``&`` reads as "và");
* the *loose* key: the strict key without diacritics, with abbreviations also expanded when typed in
  lower case or without diacritics ("bo tt&tt"), and without the "và" that joins a name's parts.

Candidates rank: the same strict key (exact) > the same loose key (exact but for diacritics, case,
punctuation and abbreviations) > the query's words in a row inside a label (or a whole label inside
the query) > some words shared > a similar spelling. ``NameIndex.resolve`` is the
``Resolver`` of ``govkg.queries.library``: it returns the one entity meant, or raises a ``QueryError``
that lists the candidates (or the closest names) and says how to be more precise.

The index is read with two SELECTs and built once per command.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shlex
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import RDFS, URIRef

from govkg.errors import QueryError
from govkg.loaders.normalize import abbreviations, expand_abbreviations, fold, normalize
from govkg.ontology import FOAF, GK, SKOS

KINDS = ("person", "body")
_CACHE_FORMAT = 1  # of the cache file NameIndex.for_store writes; change it when _Entity or the keys change

# the score of each kind of match; resolve() accepts a single entity from the best tier at or above CONTAINS
EXACT, SAME_KEY, CONTAINS, INSIDE, OVERLAP, SIMILAR = 1.0, 0.9, 0.6, 0.5, 0.4, 0.3

_PREFIXES = """
PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX org: <http://www.w3.org/ns/org#>
"""
# An entity's type and labels are restated in every article graph that names it, and the union default
# graph repeats a triple once per graph that states it, so a query joining type and label makes k² rows
# for a name in k articles. Each query below has one pattern (or joins inside one graph) and Python
# joins them: on 2,000 bench articles 0.3 s instead of 5 s.
_BODY_TYPES = (
    _PREFIXES
    + """
SELECT DISTINCT ?type ?en WHERE {
  ?type rdfs:subClassOf* gk:Body OPTIONAL { ?type rdfs:label ?en FILTER(LANGMATCHES(LANG(?en), "en")) }
}"""
)
_TYPED = _PREFIXES + "SELECT DISTINCT ?x ?type WHERE { VALUES ?type { %s } ?x a ?type }"
_LABELS = (
    _PREFIXES
    + """
SELECT ?x ?p ?l (LANG(?l) AS ?lang) WHERE {
  { SELECT DISTINCT ?x ?p ?l WHERE {
      VALUES ?p { rdfs:label foaf:name skos:altLabel skos:prefLabel } ?x ?p ?l
  } }
  FILTER(isLiteral(?l) && (LANG(?l) = "" || LANGMATCHES(LANG(?l), "vi") || LANGMATCHES(LANG(?l), "en")))
}"""
)
_POSTS = (
    _PREFIXES
    + """
SELECT DISTINCT ?x ?v WHERE { GRAPH ?g { ?x a gk:Person ; org:holds ?post . ?post rdfs:label ?v } }"""
)
_LABEL_PROPERTIES = {  # which labels name which kind of entity
    "person": {str(RDFS.label), str(FOAF.name), str(SKOS.altLabel)},
    "body": {str(SKOS.prefLabel), str(RDFS.label), str(SKOS.altLabel)},
}
_LABEL_PROPERTIES["province"] = _LABEL_PROPERTIES["body"]
_LABEL_RANK = {  # which label to show: the preferred Vietnamese one first
    ("http://www.w3.org/2004/02/skos/core#prefLabel", "vi"): 0,
    ("http://www.w3.org/2000/01/rdf-schema#label", "vi"): 1,
    ("http://xmlns.com/foaf/0.1/name", "vi"): 2,
    ("http://www.w3.org/2004/02/skos/core#prefLabel", "en"): 5,
    ("http://www.w3.org/2000/01/rdf-schema#label", "en"): 6,
}
_SPAN = re.compile(r"[a-z0-9]+(?:\s*[&.\-]\s*[a-z0-9]+)*")
_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Match:
    """One entity a query may name, with how well and why."""

    iri: URIRef
    kind: str  # "person" or "body" (a province is a body)
    label: str  # its preferred Vietnamese label
    score: float
    why: str
    hint: str = ""  # what tells it apart: a person's posts, a body's type

    def describe(self) -> str:
        hint = f"; {self.hint}" if self.hint else ""
        return f"{self.label} ({self.kind}{hint}) <{self.iri}>"


@dataclass
class _Entity:
    iri: str
    kind: str  # person | body | province
    labels: list[tuple[int, str]] = field(default_factory=list)  # (rank, text)
    posts: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return min(self.labels)[1] if self.labels else self.iri.rsplit("/", 1)[-1]

    @property
    def public_kind(self) -> str:
        return "body" if self.kind == "province" else self.kind

    @property
    def hint(self) -> str:
        if self.kind == "province":
            return "province"
        if self.kind == "body":
            return ", ".join(sorted(self.types)) or "body"
        if self.posts:
            shown = sorted(self.posts)[:3]
            more = f" (+{len(self.posts) - 3} more)" if len(self.posts) > 3 else ""
            return "; ".join(shown) + more
        return "no post recorded"


@dataclass(frozen=True)
class _Label:
    entity: _Entity
    text: str
    strict: str
    loose: tuple[str, ...]


@cache
def _folded_abbreviations() -> dict[str, str]:
    """Abbreviations as typed in lower case without diacritics ("tt&tt", "ubnd") → folded expansion.

    Only those that cannot be a Vietnamese word once folded: three letters or more, or no vowel
    ("tp"); "TƯ" folds to "tu", a common syllable (and given name), and stays out.
    """
    table: dict[str, str] = {}
    for abbr, full in abbreviations().items():
        compact = re.sub(r"[^0-9a-z]", "", fold(abbr).casefold())
        if len(compact) >= 3 or not set(compact) & set("aeiouy"):
            table.setdefault(compact, f" {fold(full).casefold()} ")
    return table


def _expand_folded(text: str) -> str:
    table = _folded_abbreviations()

    def replace(span: re.Match[str]) -> str:
        whole = re.sub(r"[^0-9a-z]", "", span.group())
        if whole in table:
            return table[whole]
        return re.sub(r"[a-z0-9]+", lambda w: table.get(w.group(), w.group()), span.group())

    return _SPAN.sub(replace, text)


def match_keys(text: str) -> tuple[str, tuple[str, ...]]:
    """The strict key (diacritics kept) and the loose key's words of a name or a query."""
    expanded = expand_abbreviations(normalize(text)).casefold()
    strict = " ".join(_TOKEN.findall(expanded.replace("&", " và ")))
    loose = _expand_folded(fold(expanded)).replace("&", " ")
    return strict, tuple(w for w in _TOKEN.findall(loose) if w != "va")


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """``part`` occurs in ``words`` as whole words, in a row."""
    n = len(part)
    return 0 < n <= len(words) and any(words[i : i + n] == part for i in range(len(words) - n + 1))


class NameIndex:
    """Every label of the graph's persons, bodies and provinces, keyed for forgiving lookup."""

    def __init__(
        self, entities: Iterable[_Entity], keys: Mapping[str, tuple[str, tuple[str, ...]]] | None = None
    ) -> None:
        """``keys``: match keys of labels known already (from a cache), so they need not be computed."""
        keys = keys or {}
        self.entities = {e.iri: e for e in entities}
        self._labels: list[_Label] = []
        self._strict: dict[str, set[int]] = defaultdict(set)
        self._loose: dict[tuple[str, ...], set[int]] = defaultdict(set)
        self._words: dict[str, set[int]] = defaultdict(set)
        for entity in self.entities.values():
            for text in sorted({t for _, t in entity.labels}):
                strict, loose = keys[text] if text in keys else match_keys(text)
                if not loose:
                    continue
                number = len(self._labels)
                self._labels.append(_Label(entity, text, strict, loose))
                self._strict[strict].add(number)
                self._loose[loose].add(number)
                for word in set(loose):
                    self._words[word].add(number)

    @classmethod
    def for_store(cls, store: object) -> NameIndex:
        """The index of ``store``, kept in a cache file beside an on-disk store until something writes to
        it (see ``KnowledgeStore.fingerprint``): on the whole bench graph, loading it takes seconds."""
        fingerprint = getattr(store, "fingerprint", lambda: None)()
        path = store.cache_file("names.json") if fingerprint else None  # type: ignore[attr-defined]
        if path is None:
            return cls.load(store)
        try:
            cached = json.loads(path.read_text(encoding="utf-8"))
            if cached["fingerprint"] == fingerprint and cached["format"] == _CACHE_FORMAT:
                entities = [
                    _Entity(i, k, [tuple(x) for x in ls], p, t) for i, k, ls, p, t in cached["entities"]
                ]
                return cls(entities, {text: (strict, tuple(loose)) for text, strict, loose in cached["keys"]})
        except (OSError, ValueError, KeyError, TypeError):
            pass  # no cache yet, or an unreadable one: read the store
        index = cls.load(store)
        index._save(path, fingerprint)
        return index

    def _save(self, path: Path, fingerprint: str) -> None:
        entities = [[e.iri, e.kind, e.labels, e.posts, e.types] for e in self.entities.values()]
        keys = [[label.text, label.strict, label.loose] for label in self._labels]
        payload = {"format": _CACHE_FORMAT, "fingerprint": fingerprint, "entities": entities, "keys": keys}
        try:
            path.parent.mkdir(exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
            os.replace(partial, path)  # whole or not at all, even beside another reader
        except OSError:
            pass  # a read-only folder: no cache, the index is read each time

    @classmethod
    def load(cls, store: object) -> NameIndex:
        """Read the index from a ``KnowledgeStore`` (anything with ``select_values``)."""
        select = store.select_values  # type: ignore[attr-defined]
        body_types: dict[str, list[str]] = defaultdict(list)  # type → its English labels
        for type_, english in select(_BODY_TYPES):
            if type_:
                body_types[type_] += [english] if english else []
        kinds = {str(GK.Person): "person", str(GK.Province): "province"} | dict.fromkeys(body_types, "body")
        entities: dict[str, _Entity] = {}
        typed = select(_TYPED % " ".join(f"<{t}>" for t in kinds))
        for iri, type_ in sorted(typed, key=lambda row: kinds[row[1] or ""] != "province"):
            if not iri or not type_:
                continue
            entity = entities.setdefault(iri, _Entity(iri, kinds[type_]))  # a province wins over a body
            for english in body_types.get(type_, []) if type_ != str(GK.Body) else []:
                if english not in entity.types:
                    entity.types.append(english)
        for iri, prop, text, lang in select(_LABELS):
            entity = entities.get(iri or "")
            if entity is None or not text or prop not in _LABEL_PROPERTIES[entity.kind]:
                continue
            english = (lang or "").lower().startswith("en")
            rank = _LABEL_RANK.get((prop or "", "en" if english else "vi"), 7 if english else 3)
            entity.labels.append((rank, text))
        for iri, post in select(_POSTS):
            entity = entities.get(iri or "")
            if entity is not None and post and post not in entity.posts:
                entity.posts.append(post)
        return cls(entity for entity in entities.values() if entity.labels)

    # -- search -------------------------------------------------------------------------------------

    def find(self, text: str, kind: str | None = None, *, limit: int = 10) -> list[Match]:
        """The entities ``text`` may name, best first (at most ``limit``); ``kind`` is person or body."""
        if kind is not None and kind not in KINDS:
            raise QueryError(f"unknown kind {kind!r}", hint="use person or body")
        strict, loose = match_keys(text)
        if not loose:
            return []
        best: dict[str, tuple[float, str, str]] = {}  # iri → (score, why, label)
        candidates = set().union(*(self._words.get(w, set()) for w in set(loose)))
        for number in candidates:
            label = self._labels[number]
            if kind is not None and label.entity.public_kind != kind:
                continue
            score, why = _score(strict, loose, label)
            if score > best.get(label.entity.iri, (0.0, "", ""))[0]:
                best[label.entity.iri] = (score, why, label.text)
        if not best:
            best = self._similar(loose, kind)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], self.entities[item[0]].label, item[0]))
        return [self._match(iri, score, why) for iri, (score, why, _) in ranked[:limit]]

    def _similar(self, loose: tuple[str, ...], kind: str | None) -> dict[str, tuple[float, str, str]]:
        """Labels spelled like the query (a typo): only looked for when no word matched."""
        keys = {
            " ".join(label.loose): label
            for label in self._labels
            if kind is None or label.entity.public_kind == kind
        }
        found: dict[str, tuple[float, str, str]] = {}
        query = " ".join(loose)
        for key in difflib.get_close_matches(query, keys, n=10, cutoff=0.6):
            label = keys[key]
            ratio = difflib.SequenceMatcher(None, query, key).ratio()
            score = round(SIMILAR * ratio, 3)
            if score > found.get(label.entity.iri, (0.0, "", ""))[0]:
                found[label.entity.iri] = (score, f"spelled like {label.text!r}", label.text)
        return found

    def _match(self, iri: str, score: float, why: str) -> Match:
        entity = self.entities[iri]
        return Match(URIRef(iri), entity.public_kind, entity.label, score, why, entity.hint)

    # -- the Resolver of govkg.queries.library -------------------------------------------------------

    def resolve(self, text: str, kind: str) -> list[URIRef]:
        """The one entity ``text`` names; a QueryError listing candidates when it is none or several."""
        if text.strip() in self.entities and self.entities[text.strip()].public_kind == kind:
            return [URIRef(text.strip())]  # an IRI, as `govkg find` prints it
        matches = self.find(text, kind, limit=50)
        usable = [m for m in matches if m.score >= INSIDE]
        if not usable:
            closest = "; ".join(m.describe() for m in matches[:5])
            raise QueryError(
                f"no {kind} named {_shown(text)} in the graph",
                hint=(f"closest: {closest}" if closest else "nothing similar either")
                + f" — `govkg find {_quote(text)} --kind {kind}` lists candidates",
            )
        top = usable[0].score
        if top >= SAME_KEY:  # exact: the entities with the best score
            tied = [m for m in usable if m.score == top]
        else:  # the words appear in labels: every entity whose label holds them is a candidate
            tied = usable
        if len(tied) > 1:
            provinces = [m for m in tied if self.entities[str(m.iri)].kind == "province"]
            if top >= SAME_KEY and len(provinces) == 1:
                return [provinces[0].iri]  # "Long An" is the province; queries follow gk:province from it
            listed = "\n".join(f"    {m.describe()}" for m in tied[:10])
            more = f"\n    … and {len(tied) - 10} more" if len(tied) > 10 else ""
            raise QueryError(
                f"{text!r} could name {len(tied)} different {'persons' if kind == 'person' else 'bodies'}:"
                f"\n{listed}{more}",
                hint=_precise_hint(kind),
            )
        return [tied[0].iri]


def _score(strict: str, loose: tuple[str, ...], label: _Label) -> tuple[float, str]:
    if strict == label.strict:
        return EXACT, f"exact: {label.text!r}"
    if loose == label.loose:
        return SAME_KEY, f"same name but for diacritics, case, punctuation or abbreviations: {label.text!r}"
    if _contains(label.loose, loose):
        # the words as typed, diacritics and all, rank a little higher ("Hòa" before "Hóa")
        typed = 0.05 if _contains(tuple(label.strict.split()), tuple(strict.split())) else 0.0
        return round(
            CONTAINS + typed + 0.15 * len(loose) / len(label.loose), 3
        ), f"all words in {label.text!r}"
    if len(label.loose) > 1 and _contains(loose, label.loose):
        return round(INSIDE + 0.05 * len(label.loose) / len(loose), 3), f"{label.text!r} within the query"
    shared = len(set(loose) & set(label.loose))
    overlap = shared / len(set(loose) | set(label.loose))
    return round(OVERLAP * overlap, 3), f"shares {shared} of {len(set(loose))} words with {label.text!r}"


def _precise_hint(kind: str) -> str:
    if kind == "person":
        return (
            "be more precise: the full name with diacritics, or the person's IRI "
            "(`govkg find NAME --kind person` lists them with their posts)"
        )
    return (
        "be more precise: the body's full name with its province (e.g. 'Ủy ban nhân dân tỉnh Long An'), "
        "or its IRI (`govkg find NAME --kind body` lists them)"
    )


def _shown(text: str, limit: int = 80) -> str:
    """A name as a message shows it: escaped (no raw control characters), at most ``limit`` characters."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _quote(text: str) -> str:
    """A name as a shell command takes it: control characters dropped, cut to 80 characters, quoted."""
    printable = "".join(c for c in text if c.isprintable())
    return shlex.quote(printable[:80])

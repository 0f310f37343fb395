"""Deterministic IRIs: the same names always mint the same IRIs, so rebuilding gives the same graph.

An IRI is a readable ASCII slug plus a short hash of the exact (case-folded) name: the slug alone
would merge different Vietnamese names that differ only in diacritics (Hùng / Hưng).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from rdflib import URIRef

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def name_key(name: str) -> str:
    """The identity of a name: NFC, case-folded, white space folded (the loaders already fixed tone marks)."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def slug(text: str, *, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode().lower()
    return _NON_ALNUM.sub("-", ascii_text).strip("-")[:limit].rstrip("-") or "x"


def digest(*parts: str, size: int = 8) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:size]


class Minter:
    """Mints the IRIs of one graph under ``base`` (e.g. ``https://w3id.org/govkg/id/``)."""

    def __init__(self, base: str) -> None:
        self.base = base

    def _iri(self, kind: str, local: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{local}")

    def named(self, kind: str, name: str) -> URIRef:
        key = name_key(name)
        return self._iri(kind, f"{slug(key)}-{digest(key, size=6)}")

    def person(self, name: str, anchor: str = "") -> URIRef:
        """A person by name; ``anchor`` (an affiliation) tells apart two persons of the same name."""
        if not anchor:
            return self.named("person", name)
        key = name_key(name)
        return self._iri("person", f"{slug(key)}-{digest(key, anchor, size=6)}")

    def body(self, name: str) -> URIRef:
        return self.named("body", name)

    def province(self, name: str) -> URIRef:
        return self.named("province", name)

    def change_event(self, effective: str, originals: list[URIRef], results: list[URIRef]) -> URIRef:
        key = [effective, *sorted(map(str, originals)), "→", *sorted(map(str, results))]
        return self._iri("change", digest(*key, size=16))

    def role(self, title: str) -> URIRef:
        return self.named("role", title)

    def post(self, title: str, body: str) -> URIRef:
        return self._iri("post", f"{slug(title)}--{slug(body)}-{digest(name_key(title), name_key(body))}")

    def holding(self, person: str, title: str, body: str) -> URIRef:
        return self._iri("holding", digest(name_key(person), name_key(title), name_key(body), size=16))

    def agreement(self, kind: str, parties: list[str], when: str) -> URIRef:
        """Same kind, parties and date (or period, or article when neither is known) → same agreement."""
        key = [kind, *sorted(name_key(p) for p in parties), when]
        return self._iri("agreement", digest(*key, size=16))

    def signature(self, agreement: URIRef, person: str, body: str | None) -> URIRef:
        return self._iri("signature", digest(str(agreement), name_key(person), name_key(body or ""), size=16))

    def article(self, article_id: str) -> URIRef:
        return self._iri("article", quote(article_id, safe=""))

    def article_graph(self, article_id: str) -> URIRef:
        return self._iri("graph", quote(article_id, safe=""))

    def reference_graph(self) -> URIRef:
        """The named graph of the reference data (provinces, ministries, the 2025 reorganisation)."""
        return self._iri("graph", "reference")

    def tenures_graph(self) -> URIRef:
        """The named graph of tenures derived from all articles (first and last attestation of each post)."""
        return self._iri("graph", "tenures")

    def listing_graph(self) -> URIRef:
        """The named graph of the agreements' listing keys (gk:listingKey), derived from all articles."""
        return self._iri("graph", "listing")

    def curated_graph(self) -> URIRef:
        """The named graph of curated facts and corrections (govkg.curation), rewritten on every apply."""
        return self._iri("graph", "curated")

    def undo_graph(self) -> URIRef:
        """What the last curation apply changed in the other graphs, so the next one can undo it."""
        return self._iri("graph", "curated/undo")

    def import_graph(self, name: str) -> URIRef:
        """The named graph of an imported RDF file (``govkg.curation.importer``)."""
        return self._iri("graph", f"import/{quote(name, safe='')}")

    def curation(self, key: str) -> URIRef:
        """A curation entry, by its id (or, without one, a digest of what it does)."""
        return self._iri("curation", f"{slug(key, limit=40)}-{digest(key, size=8)}")

    def curator(self, name: str) -> URIRef:
        return self.named("curator", name)

    def inferred_graph(self, graph: URIRef) -> URIRef:
        """Where ``build --infer`` keeps what the ontology entails from ``graph``, beside it."""
        return URIRef(f"{graph}/inferred")

    def evidence(self, article_id: str, number: int) -> URIRef:
        return self._iri("evidence", f"{quote(article_id, safe='')}/{number}")

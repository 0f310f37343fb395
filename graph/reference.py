"""Reference data as RDF: provinces, ministries and the 2025 reorganisation that links old to new.

Articles name bodies as they were; users ask about bodies as they are. This graph holds the 63
provinces before 1 July 2025 and the 34 after (from the registry data of the gazetteer), the
ministries, and the dated change events (W3C ORG ``org:ChangeEvent``) that merged them, so a query can
go from "Long An" to the Tây Ninh it is now part of. It is stored in a named graph of its own
(``Minter.reference_graph``), replaced whole on every build, and says where it comes from.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS

from govkg.graph.identity import Minter
from govkg.graph.mapping import BODY_CLASSES
from govkg.loaders.gazetteer import Province, gazetteer, load_data
from govkg.loaders.normalize import normalize
from govkg.ontology.terms import GK

WIKIDATA = "http://www.wikidata.org/entity/"


@cache
def _by_name() -> dict[str, Province]:
    """Every province of either era by its canonical name (the gazetteer keys them by every alias)."""
    unique = {p.name: p for p in gazetteer().provinces.values()}
    return {name: unique[name] for name in sorted(unique)}


def provinces() -> list[Province]:
    """Every province of either era, once each, in a stable order."""
    return list(_by_name().values())


def province_label(province: Province) -> str:
    """The official name: "Tỉnh Long An", "Thành phố Hồ Chí Minh"."""
    if province.name.startswith("Thành phố"):
        return province.name
    return f"{province.kind[0].upper()}{province.kind[1:]} {province.name}"


class ReferenceMapper:
    """Builds the reference graph under one minter."""

    def __init__(self, minter: Minter) -> None:
        self.m = minter
        self.g = Graph()
        self.dataset = minter.reference_graph()
        self.reorganisation = load_data("reorganisation.json")
        self.links = load_data("links.json")
        # "MIC": how English sources name a ministry
        self.acronyms = {normalize(k): v for k, v in self.links.get("acronyms", {}).items()}

    def build(self) -> Graph:
        self.g.add((self.dataset, RDFS.label, Literal("Dữ liệu tham chiếu govkg", lang="vi")))
        self.g.add((self.dataset, RDFS.label, Literal("govkg reference data", lang="en")))
        for province in provinces():
            self._province(province)
        for name, kind in self._central_bodies().items():
            self._central_body(name, kind)
        self._province_events()
        for event in self.reorganisation.get("ministries", []):
            self._event(
                [self.m.body(normalize(n)) for n in event["from"]],
                [self.m.body(normalize(n)) for n in event["to"]],
                event["effective"],
                event["source"],
                [normalize(n) for n in event["from"]],
                [normalize(n) for n in event["to"]],
            )
        return self.g

    def _sourced(self, node: URIRef) -> None:
        self.g.add((node, PROV.wasDerivedFrom, self.dataset))

    def _labels(self, node: URIRef, vietnamese: str, english: str | None) -> None:
        self.g.add((node, SKOS.prefLabel, Literal(vietnamese, lang="vi")))
        self.g.add((node, RDFS.label, Literal(vietnamese, lang="vi")))
        if english:
            self.g.add((node, SKOS.prefLabel, Literal(english, lang="en")))
            self.g.add((node, RDFS.label, Literal(english, lang="en")))

    def _link(self, node: URIRef, entry: dict[str, Any]) -> None:
        for key in ("wikidata", "wikidata_2025"):
            if entry.get(key):
                self.g.add((node, SKOS.exactMatch, URIRef(WIKIDATA + entry[key])))

    def _province(self, province: Province) -> None:
        node = self.m.province(province.name)
        entry = self.links.get("provinces", {}).get(province.name, {})
        self.g.add((node, RDF.type, GK.Province))
        self._labels(node, province_label(province), entry.get("en"))
        self.g.add((node, SKOS.altLabel, Literal(province.name, lang="vi")))
        self._link(node, entry)
        self._sourced(node)

    def _central_bodies(self) -> dict[str, URIRef]:
        """Ministries and ministry-level agencies, and the other central bodies that have links out."""
        bodies = load_data("bodies.json")
        names = [m[0] for m in bodies.get("ministries", [])]
        names += [a[0] for a in bodies.get("ministerial_agencies", [])]
        found = {normalize(n): GK.Ministry for n in names}
        types = {normalize(name): kind for name, kind, _ in bodies.get("central", [])}
        for name in self.links.get("bodies", {}):
            found.setdefault(normalize(name), BODY_CLASSES.get(types.get(normalize(name), ""), GK.Body))
        return dict(sorted(found.items()))

    def _central_body(self, name: str, kind: URIRef) -> None:
        node = self.m.body(name)
        entry = self.links.get("bodies", {}).get(name, {})
        self.g.add((node, RDF.type, kind))
        self._labels(node, name, gazetteer().english.get(name) or entry.get("en"))
        for acronym in self.acronyms.get(name, []):
            self.g.add((node, SKOS.altLabel, Literal(acronym)))
        self._link(node, entry)
        self._sourced(node)

    def _province_events(self) -> None:
        """One merger per current province formed from others; one renaming per former name."""
        merger = self.reorganisation.get("provinces", {})
        renaming = self.reorganisation.get("former_provinces", {})
        for province in provinces():
            if province.current and province.merged_from and province.merged_from != (province.name,):
                originals = sorted(province.merged_from)
                self._event(
                    [self.m.province(n) for n in originals],
                    [self.m.province(province.name)],
                    merger["effective"],
                    merger["source"],
                    [province_label(_province(n)) for n in originals],
                    [province_label(province)],
                )
            elif not province.legacy and not province.current and province.successor:
                successor = _province(province.successor)
                self._event(
                    [self.m.province(province.name)],
                    [self.m.province(successor.name)],
                    province.valid_until or "",
                    renaming["source"],
                    [province_label(province)],
                    [province_label(successor)],
                )

    def _event(
        self,
        originals: list[URIRef],
        results: list[URIRef],
        effective: str,
        source: str,
        original_names: list[str],
        result_names: list[str],
    ) -> None:
        event = self.m.change_event(effective, originals, results)
        self.g.add((event, RDF.type, GK.ChangeEvent))
        self.g.add((event, GK.effectiveDate, Literal(effective, datatype=XSD.date)))
        vi = f"{', '.join(original_names)} → {', '.join(result_names)} ({effective})"
        self.g.add((event, RDFS.label, Literal(vi, lang="vi")))
        for node in originals:
            self.g.add((event, ORG.originalOrganization, node))
        for node in results:
            self.g.add((event, ORG.resultingOrganization, node))
        self.g.add(
            (event, DCTERMS.source, Literal(self.reorganisation["sources"][source]["title"], lang="vi"))
        )
        self._sourced(event)


def _province(name: str) -> Province:
    found = _by_name().get(name)
    if found is None:
        raise ValueError(f"reference data: unknown province {name!r}")
    return found


def reference_graph(minter: Minter) -> Graph:
    """The reference graph: provinces, ministries, their labels and links, and the change events."""
    return ReferenceMapper(minter).build()

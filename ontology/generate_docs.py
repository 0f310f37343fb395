"""Generate ``docs/ontology.md``, the Markdown reference of ``govkg.ttl`` (and ``shapes.ttl`` if present).

Run ``python -m govkg.ontology.generate_docs`` after editing either file; ``--check`` exits 1 when the
committed reference is stale (the tests do the same comparison). Everything is read from the graphs
and sorted, so new terms need no code and the text changes only when the ontology or shapes do.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, SH, VANN
from rdflib.term import Node

from govkg.ontology import load_ontology
from govkg.ontology.generate_terms import NAMESPACE

SHAPES_PATH = Path(__file__).with_name("shapes.ttl")
# The repository root: ontology/ is installed editable as govkg.ontology, like terms.py's generator.
DOCS_PATH = Path(__file__).resolve().parent.parent / "docs" / "ontology.md"

# (section anchor, title, rdf:types, anchor prefix of its terms)
SECTIONS = (
    ("classes", "Classes", (OWL.Class, RDFS.Class), "class"),
    ("object-properties", "Object properties", (OWL.ObjectProperty,), "property"),
    ("datatype-properties", "Datatype properties", (OWL.DatatypeProperty,), "property"),
    ("annotation-properties", "Annotation properties", (OWL.AnnotationProperty,), "property"),
    ("individuals", "Named individuals", (OWL.NamedIndividual,), "individual"),
)
KIND_NAMES = {
    OWL.Class: "class",
    RDFS.Class: "class",
    OWL.ObjectProperty: "object property",
    OWL.DatatypeProperty: "datatype property",
    OWL.AnnotationProperty: "annotation property",
    OWL.NamedIndividual: "individual",
}
VOCABULARIES = {
    "http://www.w3.org/ns/org#": "W3C Organization Ontology",
    "http://xmlns.com/foaf/0.1/": "FOAF",
    "http://www.w3.org/ns/prov#": "PROV-O",
    "http://www.w3.org/2006/time#": "OWL-Time",
    "https://schema.org/": "schema.org",
    "http://www.w3.org/2004/02/skos/core#": "SKOS",
    "http://purl.org/dc/terms/": "DCMI Metadata Terms",
    "http://purl.org/vocab/vann/": "VANN",
}
BUILTIN = tuple(str(ns) for ns in (RDF, RDFS, OWL, XSD)) + ("http://www.w3.org/XML/1998/namespace",)
CHARACTERISTICS = {
    OWL.FunctionalProperty: "functional",
    OWL.InverseFunctionalProperty: "inverse functional",
    OWL.TransitiveProperty: "transitive",
    OWL.SymmetricProperty: "symmetric",
    OWL.AsymmetricProperty: "asymmetric",
    OWL.ReflexiveProperty: "reflexive",
    OWL.IrreflexiveProperty: "irreflexive",
}
# Triples the entries show in their own lines; anything else lands under "Other annotations".
SHOWN = {
    RDF.type,
    *(RDFS[n] for n in "label comment isDefinedBy subClassOf subPropertyOf domain range".split()),
    *(OWL[n] for n in "inverseOf propertyChainAxiom equivalentClass equivalentProperty".split()),
    *(OWL[n] for n in "disjointWith propertyDisjointWith".split()),
}
CARDINALITIES = (
    (OWL.cardinality, "exactly"),
    (OWL.qualifiedCardinality, "exactly"),
    (OWL.minCardinality, "min"),
    (OWL.minQualifiedCardinality, "min"),
    (OWL.maxCardinality, "max"),
    (OWL.maxQualifiedCardinality, "max"),
)
SHAPE_TYPES = (SH["class"], SH.datatype, SH.node, SH.nodeKind)
SHAPE_LOGIC = ((SH["or"], "or"), (SH.xone, "xor"), (SH["and"], "and"))
# Shown in their own column or line, or not at all (sh:name, sh:order, sh:group only lay out forms).
SHAPE_SKIP = {RDF.type, RDFS.label, RDFS.comment, *(SH[n] for n in "path minCount maxCount message".split())}
SHAPE_SKIP |= {SH[n] for n in "name order group property targetClass targetNode targetSubjectsOf".split()}
SHAPE_SKIP |= {SH.targetObjectsOf}
_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LANGS = {"vi": 0, "en": 1}
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}


def _prose(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _code(text: str) -> str:
    text = " ".join(str(text).split())
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _cell(text: str) -> str:
    return re.sub(r"(?<!\\)\|", r"\|", text) or "—"


def _by_language(values: Iterable[Node]) -> list[Literal]:
    literals = [v for v in values if isinstance(v, Literal)]
    return sorted(literals, key=lambda v: (_LANGS.get(v.language or "", 2), v.language or "~", str(v)))


def _sorted(texts: Iterable[str]) -> list[str]:
    """Sorted as read: link targets and code marks do not count."""
    return sorted(set(texts), key=lambda t: (re.sub(r"\]\(#[^)]*\)|[`\[\]*\\]", "", t).lower(), t))


def _join(items: Iterable[str], sep: str = ", ") -> str:
    return sep.join(items) or "—"


class _Doc:
    """One rendering: prefixes, anchors and reverse indexes are computed once from the graphs."""

    def __init__(self, graph: Graph, shapes: Graph | None) -> None:
        self.g, self.shapes = graph, shapes
        self.ontology = graph.value(predicate=RDF.type, object=OWL.Ontology)
        self.ns = str(graph.value(self.ontology, VANN.preferredNamespaceUri) or NAMESPACE)
        prefix = str(graph.value(self.ontology, VANN.preferredNamespacePrefix) or "gk")
        bound: dict[str, str] = {}
        for g in (graph, shapes) if shapes is not None else (graph,):
            for p, ns in sorted(g.namespaces(), key=lambda pn: (len(pn[0]), pn[0])):
                if p and str(ns) != self.ns:
                    bound.setdefault(str(ns), p)
        bound[self.ns] = prefix
        self.prefixes = sorted(bound.items(), key=lambda nsp: -len(nsp[0]))
        self.sections = [(slug, title, self._terms(types), anchor) for slug, title, types, anchor in SECTIONS]
        self.anchors: dict[Node, str] = {}
        for _, _, terms, anchor in self.sections:
            for term in terms:
                self.anchors.setdefault(term, f"{anchor}-{self._local(term)}")
        self.shape_names: dict[Node, str] = {}
        self.shape_nodes = self._node_shapes()
        for i, shape in enumerate(self.shape_nodes, 1):
            name = self.curie(shape) if isinstance(shape, URIRef) else str(i)
            self.shape_names[shape] = _code(name) if isinstance(shape, URIRef) else f"Shape {i}"
            self.anchors[shape] = "shape-" + re.sub(r"[^A-Za-z0-9_]+", "-", name).strip("-")
        self._index()

    # --- naming ---------------------------------------------------------------------------------

    def _terms(self, types: Iterable[URIRef]) -> list[URIRef]:
        found = {s for t in types for s in self.g.subjects(RDF.type, t) if self._is_gk(s)}
        return sorted(found, key=lambda t: (self._local(t).lower(), self._local(t)))

    def _is_gk(self, node: Node) -> bool:
        return isinstance(node, URIRef) and str(node).startswith(self.ns) and str(node) != self.ns

    def _local(self, term: URIRef) -> str:
        return str(term).removeprefix(self.ns)

    def curie(self, term: URIRef) -> str:
        for ns, prefix in self.prefixes:
            local = str(term)[len(ns) :]
            if str(term).startswith(ns) and re.fullmatch(r"[A-Za-z_][\w.-]*", local):
                return f"{prefix}:{local}"
        return f"<{term}>"

    def ref(self, term: Node) -> str:
        """A term as code, linked to its entry when this document has one."""
        if isinstance(term, Literal):
            return self.literal(term)
        if term in self.shape_names:
            return f"[{self.shape_names[term]}](#{self.anchors[term]})"
        if not isinstance(term, URIRef):
            return self.expr(term)
        text = _code(self.curie(term))
        return f"[{text}](#{self.anchors[term]})" if term in self.anchors else text

    def refs(self, terms: Iterable[Node]) -> str:
        return _join(_sorted(self.expr(t) for t in terms))

    def literal(self, value: Literal) -> str:
        if value.language:
            return f"{_prose(value)} *({value.language})*"
        if value.datatype in (None, XSD.string):
            return _prose(value)
        return _code(value)

    def expr(self, node: Node) -> str:
        """An OWL class or property expression in Manchester syntax."""
        if not isinstance(node, BNode):
            return self.ref(node)
        g = self.g
        if (prop := g.value(node, OWL.onProperty)) is not None:
            on = self.expr(prop)
            for pred, word in (
                (OWL.allValuesFrom, "only"),
                (OWL.someValuesFrom, "some"),
                (OWL.hasValue, "value"),
            ):
                if (filler := g.value(node, pred)) is not None:
                    return f"{on} {word} {self.expr(filler)}"
            if g.value(node, OWL.hasSelf) is not None:
                return f"{on} Self"
            for pred, word in CARDINALITIES:
                if (n := g.value(node, pred)) is not None:
                    filler = g.value(node, OWL.onClass) or g.value(node, OWL.onDataRange)
                    return f"{on} {word} {n}" + ("" if filler is None else f" {self.expr(filler)}")
        for pred, word in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
            if (members := g.value(node, pred)) is not None:
                return "(" + word.join(self.expr(m) for m in Collection(g, members)) + ")"
        if (members := g.value(node, OWL.oneOf)) is not None:
            return "{" + ", ".join(self.expr(m) for m in Collection(g, members)) + "}"
        if (inner := g.value(node, OWL.complementOf) or g.value(node, OWL.datatypeComplementOf)) is not None:
            return f"not {self.expr(inner)}"
        if (inner := g.value(node, OWL.inverseOf)) is not None:
            return f"inverse {self.expr(inner)}"
        if (base := g.value(node, OWL.onDatatype)) is not None:
            facets = [
                f"{self.curie(p)} {self.ref(v)}"
                for r in Collection(g, g.value(node, OWL.withRestrictions))
                for p, v in g.predicate_objects(r)
            ]
            return f"{self.ref(base)}[{', '.join(sorted(facets))}]"
        return "*(anonymous)*"

    # --- indexes --------------------------------------------------------------------------------

    def _mentions(self, node: Node) -> set[URIRef]:
        """Named terms inside an expression (through blank nodes and lists)."""
        if isinstance(node, URIRef):
            return set() if node == RDF.nil else {node}
        if not isinstance(node, BNode):
            return set()
        return {m for p, o in self.g.predicate_objects(node) if p != RDF.type for m in self._mentions(o)}

    def _index(self) -> None:
        g, gk = self.g, [t for _, _, terms, _ in self.sections for t in terms]
        self.used: dict[str, dict[URIRef, set[URIRef]]] = defaultdict(lambda: defaultdict(set))
        for term in gk:
            for pred, key in ((RDFS.domain, "domain of"), (RDFS.range, "range of")):
                for value in g.objects(term, pred):
                    for mention in self._mentions(value):
                        self.used[key][mention].add(term)
            for sup in g.objects(term, RDFS.subClassOf):
                if isinstance(sup, URIRef):
                    self.used["subclasses"][sup].add(term)
                for mention in self._mentions(sup) if isinstance(sup, BNode) else ():
                    self.used["in restrictions of"][mention].add(term)
            for sup in g.objects(term, RDFS.subPropertyOf):
                self.used["subproperties"][sup].add(term)
            for chain in g.objects(term, OWL.propertyChainAxiom):
                for link in Collection(g, chain):
                    self.used["in property chains of"][link].add(term)
        self.pairs: dict[str, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))
        for key, pred, group in (
            ("inverse", OWL.inverseOf, None),
            ("disjoint", OWL.disjointWith, OWL.AllDisjointClasses),
            ("disjoint", OWL.propertyDisjointWith, OWL.AllDisjointProperties),
            ("equivalent", OWL.equivalentClass, None),
            ("equivalent", OWL.equivalentProperty, None),
        ):
            for a, b in g.subject_objects(pred):
                self.pairs[key][a].add(b)
                self.pairs[key][b].add(a)
            for node in g.subjects(RDF.type, group) if group is not None else ():
                members = list(Collection(g, g.value(node, OWL.members)))
                for a in members:
                    self.pairs[key][a].update(m for m in members if m != a)
        self.shapes_of: dict[Node, set[Node]] = defaultdict(set)
        for shape in self.shape_nodes:
            for target in self.shapes.objects(shape, SH.targetClass):
                self.shapes_of[target].add(shape)
        # External terms: those the ontology declares, plus any prefixed IRI a gk: term's triples name.
        declared = {s for s, k in g.subject_objects(RDF.type) if k in KIND_NAMES and isinstance(s, URIRef)}
        self.external: dict[URIRef, set[Node]] = {t: set() for t in declared if self._is_external(t)}
        mentions = [(term, {p} | self._mentions(o)) for term in gk for p, o in g.predicate_objects(term)]
        mentions += [(self.ontology, {p}) for p in g.predicates(self.ontology)]
        for term, named in mentions:
            for m in named:
                if self._is_external(m) and (m in declared or not self.curie(m).startswith("<")):
                    self.external.setdefault(m, set()).add(term)

    def _is_external(self, term: Node) -> bool:
        return isinstance(term, URIRef) and not self._is_gk(term) and not str(term).startswith(BUILTIN)

    # --- entries --------------------------------------------------------------------------------

    def _annotations(self, term: URIRef) -> list[str]:
        labels = _by_language(self.g.objects(term, RDFS.label))
        lines = [f"- **IRI:** {_code(self.curie(term))} = <{term}>"]
        lines.append("- **Label:** " + _join((self.literal(v) for v in labels), " · "))
        comments = _by_language(self.g.objects(term, RDFS.comment)) or [Literal("—")]
        for c in comments:
            lines.append(f"- **Comment{f' ({c.language})' if c.language else ''}:** {_prose(c)}")
        return lines

    def _others(self, term: URIRef) -> list[str]:
        other = defaultdict(list)
        for p, o in self.g.predicate_objects(term):
            if p not in SHOWN:
                other[self.ref(p)].append(self.expr(o))
        if not other:
            return []
        return [
            "- **Other annotations:** "
            + "; ".join(
                f"{p} {_join(_sorted(v))}" for p, v in sorted(other.items(), key=lambda pv: _sorted([pv[0]]))
            )
        ]

    def _used_by(self, term: URIRef, keys: Iterable[str]) -> list[str]:
        rows = [f"  - {key}: {self.refs(self.used[key][term])}" for key in keys if self.used[key].get(term)]
        return ["- **Used by:**", *rows] if rows else ["- **Used by:** —"]

    def _supers(self, term: URIRef, pred: URIRef, title: str) -> list[str]:
        values = list(self.g.objects(term, pred))
        internal = [v for v in values if self._is_gk(v)]
        external = _sorted(self.expr(v) for v in values if not self._is_gk(v))
        lines = [f"- **{title}:** {self.refs(internal)}"] if internal else []
        return [*lines, f"- **Alignment:** {_join(external)}"]

    def _pair(self, term: URIRef, key: str, title: str) -> list[str]:
        values = self.pairs[key].get(term)
        return [f"- **{title}:** {self.refs(values)}"] if values else []

    def class_entry(self, term: URIRef) -> list[str]:
        lines = self._annotations(term) + self._supers(term, RDFS.subClassOf, "Subclass of")
        lines += self._pair(term, "equivalent", "Equivalent to") + self._pair(
            term, "disjoint", "Disjoint with"
        )
        lines += self._used_by(term, ("subclasses", "domain of", "range of", "in restrictions of"))
        if self.shapes_of.get(term):
            lines.append(f"- **SHACL shapes:** {self.refs(self.shapes_of[term])}")
        return lines + self._others(term)

    def property_entry(self, term: URIRef) -> list[str]:
        g = self.g
        lines = self._annotations(term) + self._supers(term, RDFS.subPropertyOf, "Subproperty of")
        for pred, title in ((RDFS.domain, "Domain"), (RDFS.range, "Range")):
            lines.append(f"- **{title}:** {self.refs(g.objects(term, pred))}")
        traits = sorted(CHARACTERISTICS[t] for t in g.objects(term, RDF.type) if t in CHARACTERISTICS)
        lines.append(f"- **Characteristics:** {_join(traits)}")
        lines += self._pair(term, "inverse", "Inverse of") + self._pair(term, "equivalent", "Equivalent to")
        for chain in g.objects(term, OWL.propertyChainAxiom):
            lines.append("- **Property chain:** " + " / ".join(self.expr(p) for p in Collection(g, chain)))
        lines += self._pair(term, "disjoint", "Disjoint with")
        lines += self._used_by(term, ("subproperties", "in property chains of", "in restrictions of"))
        return lines + self._others(term)

    def _types(self, term: URIRef) -> list[Node]:
        return [t for t in self.g.objects(term, RDF.type) if not str(t).startswith(BUILTIN)]

    def individual_entry(self, term: URIRef) -> list[str]:
        return self._annotations(term) + [f"- **Types:** {self.refs(self._types(term))}"] + self._others(term)

    # --- sections -------------------------------------------------------------------------------

    def header(self) -> list[str]:
        g, o = self.g, self.ontology
        titles = _by_language(g.objects(o, DCTERMS.title)) or _by_language(g.objects(o, RDFS.label))
        english = [t for t in titles if t.language == "en"] or titles
        others = [t for t in titles if t not in english[:1]]
        title = _prose(english[0]) if english else "Ontology"
        lines = [f"# {title}" + "".join(f" — {_prose(t)}" for t in others), ""]
        lines += ["<!-- Generated by `python -m govkg.ontology.generate_docs`; do not edit by hand. -->", ""]
        lines += ["| | |", "| --- | --- |", f"| Ontology IRI | <{o}> |"]
        for pred, name in ((OWL.versionIRI, "Version IRI"), (OWL.versionInfo, "Version")):
            lines += [
                f"| {name} | {_cell(self.ref(v) if isinstance(v, Literal) else f'<{v}>')} |"
                for v in sorted(g.objects(o, pred))
            ]
        prefix = dict((ns, p) for ns, p in self.prefixes)[self.ns]
        lines.append(f"| Namespace | <{self.ns}> (prefix `{prefix}:`) |")
        lines += [f"| Licence | <{v}> |" for v in sorted(g.objects(o, DCTERMS.license))]
        lines.append("")
        descriptions = _by_language(g.objects(o, DCTERMS.description)) or _by_language(
            g.objects(o, RDFS.comment)
        )
        for d in descriptions:
            lines += [f"**{LANGUAGES.get(d.language, d.language or 'Description')}:** {_prose(d)}", ""]
        return lines

    def contents(self) -> list[str]:
        lines = ["## Contents", ""]
        for slug, title, terms, _ in self.sections:
            links = ", ".join(self.ref(t) for t in terms)
            lines.append(f"- [{title}](#{slug}) ({len(terms)})" + (f": {links}" if links else ""))
        lines.append(f"- [External vocabularies](#external-vocabularies) ({len(self.external)})")
        if self.shapes is not None:
            links = ", ".join(self.ref(s) for s in self.shape_nodes)
            lines.append(
                f"- [SHACL shapes](#shacl-shapes) ({len(self.shape_nodes)})" + (f": {links}" if links else "")
            )
        return lines + [""]

    def section(self, slug: str, title: str, terms: list[URIRef]) -> list[str]:
        lines = [f'## <a id="{slug}"></a>{title}', ""]
        entry = {"classes": self.class_entry, "individuals": self.individual_entry}.get(
            slug, self.property_entry
        )
        for term in terms:
            lines += [f'### <a id="{self.anchors[term]}"></a>{self.curie(term)}', "", *entry(term), ""]
        if slug == "individuals":
            foreign = [s for s in self.g.subjects(RDF.type, OWL.NamedIndividual) if s in self.external]
            items = _sorted(f"{_code(self.curie(s))} ({self.refs(self._types(s))})" for s in foreign)
            if items:
                lines += ["Declared from other vocabularies: " + ", ".join(items) + ".", ""]
        return lines if len(lines) > 2 else [*lines, "None.", ""]

    def vocabularies(self) -> list[str]:
        lines = ['## <a id="external-vocabularies"></a>External vocabularies', ""]
        lines += [
            "Terms of other vocabularies that the ontology declares or aligns to, and the gk: terms using "
            "them; a dash marks a term declared only for use in instance data.",
            "",
        ]
        groups: dict[tuple[str, str], list[URIRef]] = defaultdict(list)
        for term in self.external:
            ns, prefix = next(((ns, p) for ns, p in self.prefixes if str(term).startswith(ns)), ("", ""))
            groups[(prefix, ns)].append(term)
        for (prefix, ns), terms in sorted(groups.items()):
            lines += [f"### {VOCABULARIES.get(ns, prefix or 'Other')}", ""]
            lines += [f"Namespace <{ns}> (prefix `{prefix}:`).", ""] if ns else []
            lines += ["| Term | Kind | Used by |", "| --- | --- | --- |"]
            for term in sorted(terms, key=self.curie):
                kinds = sorted({KIND_NAMES[k] for k in self.g.objects(term, RDF.type) if k in KIND_NAMES})
                used = _join(
                    _sorted(
                        self.expr(u) if u != self.ontology else "the ontology" for u in self.external[term]
                    )
                )
                lines.append(f"| {_cell(_code(self.curie(term)))} | {_join(kinds)} | {_cell(used)} |")
            lines.append("")
        return lines

    # --- SHACL ----------------------------------------------------------------------------------

    def _node_shapes(self) -> list[Node]:
        s = self.shapes
        if s is None:
            return []
        found = set(s.subjects(RDF.type, SH.NodeShape))
        for pred in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
            found |= {n for n in s.subjects(pred, None) if (n, RDF.type, SH.PropertyShape) not in s}
        # Anonymous shapes have no name to sort by, so they sort by what they say (names come after).
        keyed = [
            (self.curie(n) if isinstance(n, URIRef) else "~", "\n".join(self.shape_body(n)), n) for n in found
        ]
        return [n for *_, n in sorted(keyed, key=lambda k: (k[0], k[1]))]

    def path(self, node: Node) -> str:
        s = self.shapes
        if isinstance(node, URIRef):
            return self.ref(node)
        if (s.value(node, RDF.first)) is not None:
            return "/".join(self.path(p) for p in Collection(s, node))
        if (inner := s.value(node, SH.alternativePath)) is not None:
            return "(" + "\\|".join(self.path(p) for p in Collection(s, inner)) + ")"
        for pred, mark in (
            (SH.inversePath, "^{}"),
            (SH.zeroOrMorePath, "{}*"),
            (SH.oneOrMorePath, "{}+"),
            (SH.zeroOrOnePath, "{}?"),
        ):
            if (inner := s.value(node, pred)) is not None:
                return mark.format(self.path(inner))
        return "*(complex path)*"

    def shape_value(self, node: Node) -> str:
        """A term, or a nested shape as its constraints."""
        if not isinstance(node, BNode) or self.shapes.value(node, RDF.first) is not None:
            return self.ref(node)
        parts = self.types(node) + self.constraints(node)
        return "(" + " and ".join(parts) + ")" if len(parts) > 1 else _join(parts)

    def types(self, node: Node) -> list[str]:
        s, parts = self.shapes, []
        for pred in SHAPE_TYPES:
            parts += _sorted(self.ref(v) for v in s.objects(node, pred))
        for pred, word in SHAPE_LOGIC:
            for members in s.objects(node, pred):
                parts.append(f" {word} ".join(self.shape_value(m) for m in Collection(s, members)))
        return parts

    def constraints(self, node: Node) -> list[str]:
        s, parts = self.shapes, []
        for p, o in s.predicate_objects(node):
            if p in SHAPE_SKIP or p in SHAPE_TYPES or p in dict(SHAPE_LOGIC):
                continue
            if p == SH["in"]:
                parts.append("in {" + ", ".join(self.ref(v) for v in Collection(s, o)) + "}")
            elif p == SH["not"]:
                parts.append(f"not {self.shape_value(o)}")
            elif p == SH.sparql:
                parts.append(
                    f"SPARQL: {_join(self.literal(m) for m in _by_language(s.objects(o, SH.message)))}"
                )
            elif isinstance(o, Literal) and p in (SH.pattern, SH.flags):
                parts.append(f"{p.removeprefix(str(SH))} {_code(o)}")
            else:
                shown = self.shape_value(o) if isinstance(o, BNode) else self.ref(o)
                parts.append(f"{p.removeprefix(str(SH)) if p.startswith(str(SH)) else self.ref(p)} {shown}")
        return _sorted(parts)

    def messages(self, node: Node) -> str:
        return "<br>".join(self.literal(m) for m in _by_language(self.shapes.objects(node, SH.message)))

    def shape_body(self, shape: Node) -> list[str]:
        s = self.shapes
        targets = [
            f"{word} {self.ref(v)}"
            for pred, word in (
                (SH.targetClass, "class"),
                (SH.targetNode, "node"),
                (SH.targetSubjectsOf, "subjects of"),
                (SH.targetObjectsOf, "objects of"),
            )
            for v in s.objects(shape, pred)
        ]
        if any((shape, RDF.type, k) in s for k in (OWL.Class, RDFS.Class)):
            targets.append("instances of itself")
        lines = [f"- **Targets:** {_join(_sorted(targets))}"]
        for pred, title in ((RDFS.label, "Label"), (RDFS.comment, "Comment")):
            if values := _by_language(s.objects(shape, pred)):
                lines.append(f"- **{title}:** " + " · ".join(self.literal(v) for v in values))
        if node := self.types(shape) + self.constraints(shape):
            lines.append(f"- **Node constraints:** {'; '.join(node)}")
        if message := self.messages(shape):
            lines.append(f"- **Message:** {message.replace('<br>', ' · ')}")
        rows = []
        for prop in s.objects(shape, SH.property):
            count = f"{s.value(prop, SH.minCount) or 0}..{s.value(prop, SH.maxCount) or '*'}"
            cells = [self.path(s.value(prop, SH.path)), count, _join(self.types(prop), " or ")]
            cells += [_join(self.constraints(prop), "; "), self.messages(prop)]
            order = s.value(prop, SH.order)
            rows.append(
                (float("inf") if order is None else float(order), "| " + " | ".join(map(_cell, cells)) + " |")
            )
        if rows:
            lines += ["", "| Path | Count | Class / datatype | Other constraints | Message |"]
            lines += ["| --- | --- | --- | --- | --- |", *(row for _, row in sorted(rows))]
        return lines

    def shape_section(self) -> list[str]:
        lines = ['## <a id="shacl-shapes"></a>SHACL shapes', "", "The shapes of `ontology/shapes.ttl`.", ""]
        for shape in self.shape_nodes:
            name = self.shape_names[shape].strip("`")
            lines += [f'### <a id="{self.anchors[shape]}"></a>{name}', "", *self.shape_body(shape), ""]
        return lines if self.shape_nodes else [*lines, "None.", ""]

    def render(self) -> str:
        lines = self.header() + self.contents()
        for slug, title, terms, _ in self.sections:
            lines += self.section(slug, title, terms)
        lines += self.vocabularies()
        if self.shapes is not None:
            lines += self.shape_section()
        text = "\n".join(lines).rstrip("\n") + "\n"
        return unicodedata.normalize("NFC", re.sub(r"\n{3,}", "\n\n", text))


def render(graph: Graph, shapes: Graph | None = None) -> str:
    """The Markdown reference of ``graph`` (an ontology), with a section on ``shapes`` when given."""
    return _Doc(graph, shapes).render()


def generate() -> str:
    """The reference for the files on disk; shapes.ttl is optional (it may not have been written yet)."""
    shapes = Graph().parse(SHAPES_PATH, format="turtle") if SHAPES_PATH.exists() else None
    return render(load_ontology(), shapes)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args not in ([], ["--check"]):
        print("usage: python -m govkg.ontology.generate_docs [--check]", file=sys.stderr)
        return 2
    text = generate()
    if args:
        stale = not DOCS_PATH.exists() or DOCS_PATH.read_text(encoding="utf-8") != text
        print(f"{DOCS_PATH} is {'stale' if stale else 'up to date'}")
        return 1 if stale else 0
    DOCS_PATH.parent.mkdir(exist_ok=True)
    DOCS_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {DOCS_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""SHACL validation of built graphs against ``shapes.ttl`` (pySHACL, SHACL Core, no inference).

Each named graph must conform on its own, as its article states it: another article can neither
mend nor break it. A graph is checked together with the ontology's named-class hierarchy, because
SHACL class targets and ``sh:class`` follow ``rdfs:subClassOf`` in the data graph (a gk:Ministry
meets the gk:Body shape). pySHACL's cost is mostly per call and per shape, so many graphs go through
one call: each graph's nodes carry a tag of their own there, which keeps graphs that share a node
(a person named in two articles) apart and tells which graph each result is about.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyshacl
from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, ReadOnlyGraphAggregate
from rdflib.namespace import OWL, SH
from rdflib.term import Node

from govkg.errors import GovkgError
from govkg.ontology import DCTERMS, FOAF, GK, ONTOLOGY_IRI, ORG, PROV, SCHEMA, SKOS, TIME, load_ontology

if TYPE_CHECKING:
    from govkg.graph.store import KnowledgeStore

SHAPES_PATH = Path(__file__).with_name("shapes.ttl")
FORMATS = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nq": "nquads",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
}
BATCH = 200  # graphs per pySHACL call: 50–500 cost about the same per graph
_TAG = "\x1f"  # joins a node to its graph's number within a batch; no IRI contains it
_PREFIXES = {
    "gk": GK,
    "org": ORG,
    "prov": PROV,
    "time": TIME,
    "schema": SCHEMA,
    "foaf": FOAF,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "rdfs": RDFS,
    "rdf": RDF,
    "xsd": XSD,
}
_LABELS = (DCTERMS.title, SKOS.prefLabel, RDFS.label, FOAF.name)


@dataclass(frozen=True)
class Violation:
    """One validation result, readable; ``graph`` is the named graph it was found in, when known."""

    focus: Node
    path: str | None  # as CURIEs, e.g. "gk:party" or "(gk:signatureOf | ^gk:signature)"
    value: Node | None
    message: str
    severity: str  # "Violation", "Warning" or "Info"
    graph: URIRef | None = None
    label: str | None = None  # display text: “title or name”, or what the node belongs to
    kind: str | None = None  # the focus node's class, e.g. "gk:CooperationAgreement"


@dataclass
class ValidationReport:
    """What a validation found; ``graphs`` counts the graphs checked."""

    graphs: int = 0
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        """Warnings and infos are reported but do not make a graph invalid."""
        return not any(v.severity == "Violation" for v in self.violations)

    def invalid_graphs(self) -> set[URIRef | None]:
        return {v.graph for v in self.violations if v.severity == "Violation"}


@cache
def shapes() -> Graph:
    """The shapes as pySHACL gets them: without annotations (names, order, labels, comments, messages
    not in English). pySHACL re-reads every triple of a shape for each node it checks, so this saves
    ~15 % of the time; reports only use the English messages."""
    annotations = {SH.name, SH.order, SH.description, RDFS.label, RDFS.comment}
    graph = Graph()
    for s, p, o in Graph().parse(SHAPES_PATH, format="turtle"):
        if p not in annotations and not (
            isinstance(o, Literal) and p == SH.message and o.language not in ("en", None)
        ):
            graph.add((s, p, o))
    return graph


@cache
def _ontology() -> tuple[tuple[tuple[URIRef, URIRef, URIRef], ...], frozenset[Node]]:
    """The named-class hierarchy (all SHACL needs) and every term the ontology names, which stay untagged."""
    ontology = load_ontology()
    hierarchy = tuple(
        (s, RDFS.subClassOf, o)
        for s, o in ontology.subject_objects(RDFS.subClassOf)
        if isinstance(s, URIRef) and isinstance(o, URIRef)
    )
    return hierarchy, frozenset(s for s in ontology.subjects() if isinstance(s, URIRef))


def validate_graph(data: Graph | Dataset, *, batch: int = BATCH) -> ValidationReport:
    """Validate a Graph, or each graph of a Dataset on its own (see :func:`validate_graphs`)."""
    return validate_graphs(_graphs_of(data), batch=batch)


def _graphs_of(
    data: Graph | Dataset, *, default: URIRef | None = None
) -> Iterator[tuple[URIRef | None, Graph]]:
    if not isinstance(data, Dataset):
        return iter([(default, data)])
    graphs = {default if g.identifier == DATASET_DEFAULT_GRAPH_ID else g.identifier: g for g in data.graphs()}
    return _with_companions({name: g for name, g in graphs.items() if len(g)})


def validate_files(paths: Iterable[Path], *, batch: int = BATCH) -> ValidationReport:
    """Validate RDF files, each graph on its own; a file's default graph is named by the file's URI.

    The format comes from the extension (:data:`FORMATS`); a file that cannot be read or parsed raises
    GovkgError naming it, before anything is validated.
    """
    graphs: list[tuple[URIRef | None, Graph]] = []
    for path in paths:
        graphs += _graphs_of(read_rdf(path), default=URIRef(path.resolve().as_uri()))
    return validate_graphs(graphs, batch=batch)


def read_rdf(path: Path) -> Dataset:
    """A file as a Dataset (named graphs kept); errors name the file and say what to do."""
    rdf_format = FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        raise GovkgError(
            f"{path}: cannot tell the RDF format from the extension {path.suffix!r}",
            hint=f"name it with one of: {', '.join(FORMATS)}",
        )
    try:
        return Dataset().parse(path, format=rdf_format)
    except OSError as error:
        raise GovkgError(f"{path}: cannot read ({error.strerror})", hint="check the path") from None
    except Exception as error:  # rdflib's parsers raise many types (BadSyntax, SAX, JSON, ValueError…)
        detail = " ".join(str(error).split())[:300]
        raise GovkgError(
            f"{path}: not valid {rdf_format}: {detail}", hint="fix the file or export it again"
        ) from None


def validate_store(store: KnowledgeStore, *, batch: int = BATCH) -> ValidationReport:
    """Validate every named graph of the store but the ontology's, each on its own (``build --infer``
    companions with their graph), reading the store batch by batch."""
    graphs = {name: Graph(store.dataset.store, identifier=name) for name in store.graph_names()}
    return validate_graphs(_with_companions(graphs), batch=batch)


def inferred_companion(name: URIRef) -> URIRef:
    """Where ``build --infer`` keeps what the ontology entails from graph ``name`` (Minter.inferred_graph)."""
    return URIRef(f"{name}/inferred")


def _with_companions(graphs: dict[URIRef | None, Graph]) -> Iterator[tuple[URIRef | None, Graph]]:
    """Each graph with its inferences (they only add what the ontology entails from it); not the ontology."""
    companions = {inferred_companion(n) for n in graphs if n is not None} & set(graphs)
    for name, graph in graphs.items():
        if name == ONTOLOGY_IRI or name in companions:
            continue
        companion = graphs.get(inferred_companion(name)) if name is not None else None
        yield name, ReadOnlyGraphAggregate([graph, companion]) if companion is not None else graph


def validate_graphs(graphs: Iterable[tuple[URIRef | None, Graph]], *, batch: int = BATCH) -> ValidationReport:
    """Validate each ``(name, graph)`` on its own (with the class hierarchy), ``batch`` per pySHACL call."""
    report = ValidationReport()
    pending = iter(graphs)
    while chunk := list(itertools.islice(pending, batch)):
        report.graphs += len(chunk)
        report.violations += _validate_batch(chunk)
    return report


def _validate_batch(chunk: list[tuple[URIRef | None, Graph]]) -> list[Violation]:
    hierarchy, vocabulary = _ontology()
    work = Graph()
    for triple in hierarchy:
        work.add(triple)
    for number, (_, graph) in enumerate(chunk):
        for triple in _tagged(graph, f"{_TAG}{number}", vocabulary):
            work.add(triple)
    conforms, results, _ = pyshacl.validate(work, shacl_graph=shapes(), inference="none")
    if conforms:
        return []
    return sorted(
        (_violation(results, result, chunk) for result in results.objects(None, SH.result)),
        key=lambda v: (str(v.graph), str(v.focus), v.path or "", v.message),
    )


def _tagged(graph: Graph, tag: str, vocabulary: frozenset[Node]) -> Iterator[tuple[Node, Node, Node]]:
    """The graph's triples with its nodes renamed ``node + tag``; classes, properties and literals kept."""
    renamed: dict[Node, Node] = {}

    def rename(node: Node) -> Node:
        if isinstance(node, Literal) or node in vocabulary:
            return node
        if node not in renamed:
            renamed[node] = type(node)(f"{node}{tag}")
        return renamed[node]

    for s, p, o in graph:
        yield rename(s), p, o if p == RDF.type else rename(o)


def _untag(node: Node | None) -> tuple[Node | None, int | None]:
    if isinstance(node, (URIRef, BNode)) and _TAG in node:
        text, _, number = node.rpartition(_TAG)
        return type(node)(text), int(number)
    return node, None


def _violation(results: Graph, result: Node, chunk: list[tuple[URIRef | None, Graph]]) -> Violation:
    focus, number = _untag(results.value(result, SH.focusNode))
    graph_name, graph = chunk[number] if number is not None else (None, None)
    path = results.value(result, SH.resultPath)
    severity = results.value(result, SH.resultSeverity)
    return Violation(
        focus=focus,
        path=None if path is None else _path(results, path),
        value=_untag(results.value(result, SH.value))[0],
        message=_message(list(results.objects(result, SH.resultMessage))),
        severity=str(severity).removeprefix(str(SH)) if severity else "Violation",
        graph=graph_name,
        label=_label(graph, focus) if graph is not None else None,
        kind=_kind(graph, focus) if graph is not None else None,
    )


def _message(messages: list[Node]) -> str:
    for wanted in ("en", None):
        for message in messages:
            if isinstance(message, Literal) and message.language == wanted:
                return str(message)
    return str(messages[0]) if messages else "does not conform"


def curie(node: Node) -> str:
    for prefix, namespace in _PREFIXES.items():
        if isinstance(node, URIRef) and node.startswith(str(namespace)):
            return f"{prefix}:{node[len(str(namespace)) :]}"
    return node.n3()


def _path(graph: Graph, path: Node) -> str:
    if (inverse := graph.value(path, SH.inversePath)) is not None:
        return "^" + _path(graph, inverse)
    if (alternatives := graph.value(path, SH.alternativePath)) is not None:
        return "(" + " | ".join(_path(graph, p) for p in graph.items(alternatives)) + ")"
    if graph.value(path, RDF.first) is not None:
        return "/".join(_path(graph, p) for p in graph.items(path))
    return curie(path)


def _label(graph: Graph, node: Node, *, follow: bool = True) -> str | None:
    """“Title or name” (Vietnamese first); else what the node is about or belongs to (gk:signature of “…”)."""
    for predicate in _LABELS:
        values = [v for v in graph.objects(node, predicate) if isinstance(v, Literal)]
        if values:
            return f"“{min(values, key=lambda v: (v.language != 'vi', str(v)))}”"
    if not follow:
        return None
    if parts := [
        _label(graph, o, follow=False) for p in (GK.holder, GK.post) for o in graph.objects(node, p)
    ]:
        return " as ".join(p for p in parts if p) or None  # a post holding: “person” as “post”
    for subject, predicate in sorted(graph.subject_predicates(node)):
        if predicate != RDF.type and (owner := _label(graph, subject, follow=False)):
            return f"{curie(predicate)} of {owner}"
    return None


def _kind(graph: Graph, node: Node) -> str | None:
    """The node's most specific class, a gk: one first (with --infer a body has many)."""
    kinds = set(graph.objects(node, RDF.type)) - {OWL.NamedIndividual}
    broader = {o for s, _, o in _ontology()[0] if s in kinds}
    names = sorted(curie(k) for k in kinds - broader or kinds)
    return min(names, key=lambda name: not name.startswith("gk:")) if names else None


def format_report(report: ValidationReport, *, limit: int | None = None) -> str:
    """The results grouped by graph, then by node (kind, label, IRI); ``limit`` caps the results shown."""
    violations = sum(v.severity == "Violation" for v in report.violations)
    lines = [
        f"{report.graphs} graph(s) validated: "
        + ("all conform" if report.conforms else f"{len(report.invalid_graphs())} do not conform")
        + f" ({violations} violation(s), {len(report.violations) - violations} warning(s) or info)"
    ]
    shown = report.violations[:limit] if limit is not None else report.violations
    for graph, in_graph in itertools.groupby(shown, key=lambda v: v.graph):
        lines.append(f"graph {graph.n3() if graph is not None else '(default)'}")
        for (focus, kind, label), on_node in itertools.groupby(
            in_graph, key=lambda v: (v.focus, v.kind, v.label)
        ):
            name = " ".join(x for x in (kind or "node", label, focus.n3()) if x)
            lines.append(f"  {name}")
            for v in on_node:
                where = f"{v.path}: " if v.path else ""
                value = "" if v.value in (None, v.focus) else f" (value: {_shown(v.value)})"
                level = "" if v.severity == "Violation" else f"[{v.severity.lower()}] "
                lines.append(f"    {level}{where}{v.message}{value}")
    if len(shown) < len(report.violations):
        lines.append(f"… and {len(report.violations) - len(shown)} more (run `govkg validate` for all)")
    return "\n".join(lines)


def _shown(value: Node) -> str:
    if isinstance(value, Literal):
        text = value if len(value) <= 60 else value[:59] + "…"
        suffix = (
            f"@{value.language}" if value.language else f"^^{curie(value.datatype)}" if value.datatype else ""
        )
        return f'"{text}"{suffix}'
    return curie(value)

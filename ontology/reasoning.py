"""Consistency and classification of the ontology (plus optional extra triples) with HermiT.

owlready2 ships HermiT as a Java jar, so this needs ``java`` on PATH. owlready2 cannot read Turtle, so
the ontology is converted to N-Triples in a temporary directory first. Each call uses a fresh owlready2
World, so calls share no state. Literals typed outside the OWL 2 datatype map (xsd:date, xsd:gYear…,
which the graph uses for dates) are ignored by HermiT rather than rejected.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import owlready2
from rdflib import Graph

from govkg.ontology import load_ontology


class ReasoningError(RuntimeError):
    """The reasoner could not run or failed for a reason other than inconsistency."""


class ReasonerUnavailable(ReasoningError):
    """Java, which HermiT needs, is not installed or not on PATH."""


@dataclass(frozen=True)
class ReasoningReport:
    """What HermiT found.

    ``subsumptions`` is the classified hierarchy: every (class IRI, named superclass IRI) pair that holds,
    asserted or inferred, transitively, without owl:Thing. ``unsatisfiable`` lists classes that can have
    no instance (equivalent to owl:Nothing) — a consistent ontology can still have them. Both are empty
    when the ontology is inconsistent.
    """

    consistent: bool
    subsumptions: tuple[tuple[str, str], ...]
    unsatisfiable: tuple[str, ...]
    seconds: float

    def superclasses(self, class_iri: str) -> set[str]:
        """Named superclasses of ``class_iri`` after classification."""
        return {sup for sub, sup in self.subsumptions if sub == class_iri}


def _prefixes(graph: Graph) -> str:
    return "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in graph.namespaces())


def check_consistency(extra_ttl: str | None = None) -> ReasoningReport:
    """Run HermiT over the ontology plus ``extra_ttl`` (Turtle; the ontology's prefixes are predeclared).

    Raises ReasonerUnavailable without Java and ReasoningError when HermiT fails (for instance on input
    outside OWL 2 DL); inconsistency is a result (``consistent=False``), not an error.
    """
    if shutil.which(owlready2.JAVA_EXE) is None:
        raise ReasonerUnavailable(
            f"the HermiT reasoner needs Java, but {owlready2.JAVA_EXE!r} is not on PATH; "
            "install a JRE (e.g. apt-get install default-jre-headless) or set owlready2.JAVA_EXE"
        )
    graph = load_ontology()
    if extra_ttl:
        graph.parse(data=_prefixes(graph) + extra_ttl, format="turtle")

    world = owlready2.World()
    try:
        with tempfile.TemporaryDirectory(prefix="govkg-reasoning-") as tmp:
            path = Path(tmp) / "ontology.nt"
            graph.serialize(destination=path, format="nt", encoding="utf-8")
            world.get_ontology(path.as_uri()).load()
        start = time.perf_counter()
        try:
            owlready2.sync_reasoner(
                world, infer_property_values=False, debug=0, ignore_unsupported_datatypes=True
            )
        except owlready2.OwlReadyInconsistentOntologyError:
            return ReasoningReport(False, (), (), time.perf_counter() - start)
        except owlready2.OwlReadyJavaError as error:
            raise ReasoningError(f"HermiT failed: {error}") from error
        seconds = time.perf_counter() - start
        unsatisfiable = tuple(sorted(c.iri for c in world.inconsistent_classes()))
        subsumptions = sorted(
            (cls.iri, sup.iri)
            for cls in world.classes()
            for sup in cls.ancestors(include_self=False)
            if sup is not owlready2.Thing
        )
        return ReasoningReport(True, tuple(subsumptions), unsatisfiable, seconds)
    finally:
        world.close()

"""A writer SIGKILLed in the middle of KnowledgeStore.replace_graphs: the store opens again (for writing
too: the dead writer's lock is gone with it), and every graph is whole or absent — a transaction is
all there or not at all, however far it had gone. (`govkg build` killed midway is in
tests/cli/test_cli_incremental.py.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from govkg.graph.store import KnowledgeStore

# shared by the writer and the test: what graph NAME holds at VERSION
GRAPHS = textwrap.dedent(
    """
    from rdflib import Graph, Literal, Namespace, URIRef
    from rdflib.namespace import RDFS

    T = Namespace("urn:govkg-fault:")
    NEW, REPLACED, TRIPLES = 15, 15, 120  # per batch: 15 new graphs, 15 rewritten, 120 triples each


    def graph_name(name):
        return URIRef(f"urn:govkg-fault:graph/{name}")


    def content(name, version):
        g = Graph()
        node = T[name]
        g.add((node, T.version, Literal(version)))
        for i in range(TRIPLES - 1):
            label = Literal(f"Ông Nguyễn Văn {i} ký kết, bản {version}", lang="vi")
            g.add((T[f"{name}/{i}"], RDFS.label, label))
        return g


    def batch(k):
        graphs = {graph_name(f"new-{k}-{j}"): content(f"new-{k}-{j}", k) for j in range(NEW)}
        graphs.update({graph_name(f"replaced-{j}"): content(f"replaced-{j}", k) for j in range(REPLACED)})
        return graphs
    """
)
WRITER = GRAPHS + textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from govkg.graph.store import KnowledgeStore

    store = KnowledgeStore.open(Path(sys.argv[1]))
    k = 0
    while True:
        graphs = batch(k)
        print(f"writing {k}", flush=True)
        store.replace_graphs(graphs)
        print(f"done {k}", flush=True)
        k += 1
    """
)
space: dict = {}
exec(GRAPHS, space)  # noqa: S102  # the same definitions the writer runs


def triples(graph: Graph) -> set[tuple[str, str, str, str | None]]:
    return {(str(s), str(p), str(o), getattr(o, "language", None)) for s, p, o in graph}


def stored(store: ox.Store, name: URIRef) -> set[tuple[str, str, str, str | None]]:
    return {
        (q.subject.value, q.predicate.value, q.object.value, getattr(q.object, "language", None))
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(name)))
    }


def test_a_writer_killed_mid_transaction_leaves_every_graph_whole_or_absent(tmp_path):
    path = tmp_path / "store"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    done = -1
    try:
        for line in writer.stdout:  # type: ignore[union-attr]
            if line.startswith("done"):
                done = int(line.split()[1])
            if line.startswith("writing") and int(line.split()[1]) >= 4:
                time.sleep(0.03 + 0.01 * (os.getpid() % 4))  # past the n3 text, into the update
                break
        else:
            raise AssertionError(f"the writer stopped: {writer.stderr.read()}")  # type: ignore[union-attr]
        os.kill(writer.pid, signal.SIGKILL)
    finally:
        writer.kill()
        writer.wait()
        writer.stdout.close()  # type: ignore[union-attr]
        writer.stderr.close()  # type: ignore[union-attr]
    assert writer.returncode == -signal.SIGKILL and done >= 3

    with KnowledgeStore.open(Path(path)) as reopened:  # writable: the lock died with the writer
        store = reopened.inner
        names = {URIRef(g.value) for g in store.named_graphs()}
        versions = {
            stored_version
            for j in range(space["REPLACED"])
            for stored_version in [_version(store, space["graph_name"](f"replaced-{j}"))]
        }
        assert len(versions) == 1, f"the rewritten graphs are at different versions: {versions}"
        (last,) = versions
        assert last in (done, done + 1)  # the last batch seen done, or the one killed after its commit
        for k in range(last + 3):
            for j in range(space["NEW"]):
                name = space["graph_name"](f"new-{k}-{j}")
                if k <= last:
                    assert stored(store, name) == triples(space["content"](f"new-{k}-{j}", k)), name
                else:
                    assert name not in names, f"{name} of a batch that was never committed"
        for j in range(space["REPLACED"]):
            name = space["graph_name"](f"replaced-{j}")
            assert stored(store, name) == triples(space["content"](f"replaced-{j}", last)), name
        assert len(names) == (last + 1) * space["NEW"] + space["REPLACED"]
        reopened.replace_graphs(space["batch"](last + 1))  # and it takes writes again
        assert _version(reopened.inner, space["graph_name"]("replaced-0")) == last + 1


def _version(store: ox.Store, name: URIRef) -> int:
    node = ox.NamedNode(str(name).replace("graph/", ""))
    (quad,) = store.quads_for_pattern(
        node, ox.NamedNode("urn:govkg-fault:version"), None, ox.NamedNode(str(name))
    )
    return int(quad.object.value)

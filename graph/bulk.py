"""Bulk loading a dump (``govkg export --format nq|trig``) into a new embedded store.

Oxigraph's bulk loader writes its indexes directly, without transactions: several times faster than
inserting, but a failure midway would leave a partial store. So it loads into a fresh folder beside the
target and the folder is moved into place only when the whole dump has loaded; a malformed dump
leaves nothing behind. It never loads into a store that holds data: ``govkg build`` updates those.
"""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import pyoxigraph as ox

from govkg.errors import InputError, StoreError
from govkg.graph.store import UNSTATED, take_writer_lock

FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}


def load_dump(dump: Path, store_dir: Path) -> int:
    """Load ``dump`` (N-Quads or TriG, optionally gzipped) as a new store in ``store_dir``; the quad count."""
    name = dump.name.lower().removesuffix(".gz")
    rdf_format = next((f for suffix, f in FORMATS.items() if name.endswith(suffix)), None)
    if rdf_format is None:
        raise InputError(
            f"{dump}: not a dataset dump", hint="give an N-Quads (.nq) or TriG (.trig) file, optionally .gz"
        )
    if not dump.is_file():
        raise InputError(f"{dump}: no such file", hint="check the path")
    if store_dir.exists() and any(store_dir.iterdir()):
        raise StoreError(
            f"{store_dir} holds a graph store already; a dump is loaded only into a new one",
            hint="give another --data-dir, or add articles to this one with `govkg build`",
        )
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    lock = take_writer_lock(store_dir.with_name(store_dir.name + ".lock"))
    loading = store_dir.with_name(f"{store_dir.name}.loading-{os.getpid()}")
    try:
        store = ox.Store(str(loading))
        opener = gzip.open if dump.name.lower().endswith(".gz") else open
        try:
            with opener(dump, "rb") as source:
                store.bulk_load(source, format=rdf_format)
        except SyntaxError as error:
            raise InputError(
                f"{dump}: not valid {name.rsplit('.', 1)[-1]}: {error}", hint="fix the file"
            ) from None
        except (OSError, EOFError) as error:
            raise InputError(
                f"{dump}: cannot read it ({error})", hint="check that the file is whole"
            ) from None
        add_view(store, store_dir.with_name(f"{store_dir.name}.view-{os.getpid()}.nt"))
        counted = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        quads = int(next(iter(counted))[0].value)  # the merged view is not counted
        store.flush()
        del store  # closes RocksDB before the folder moves
        if store_dir.exists():
            store_dir.rmdir()  # empty, checked above
        os.rename(loading, store_dir)
        return quads
    finally:
        shutil.rmtree(loading, ignore_errors=True)
        os.close(lock)


def add_view(store: ox.Store, scratch: Path) -> None:
    """Give a bulk-loaded store its merged view (see govkg.graph.store): the default graph holds each
    triple of the named graphs once.

    The triples are written to ``scratch`` as N-Triples and bulk-loaded into the default graph (the
    loader keeps each once), then triples the dump put in its default graph that no named graph states
    are removed; ``scratch`` is deleted.
    """
    quads = store.quads_for_pattern(None, None, None)
    named = (q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph))
    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in named)
    try:
        ox.serialize(triples, str(scratch), ox.RdfFormat.N_TRIPLES)
        store.bulk_load(path=str(scratch), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    finally:
        scratch.unlink(missing_ok=True)
    store.update(UNSTATED)

"""Bulk loading a dump into a new store: whole or nothing, never over a store that holds data."""

import gzip

import pyoxigraph as ox
import pytest
from samples import stored_quads

from govkg.cli import main
from govkg.errors import InputError, StoreError
from govkg.graph.bulk import load_dump


@pytest.fixture(scope="module")
def dumps(dev_store, tmp_path_factory):
    folder = tmp_path_factory.mktemp("dumps")
    nq, trig = folder / "graph.nq", folder / "graph.trig"
    dev_store.inner.dump(str(nq), format=ox.RdfFormat.N_QUADS)
    dev_store.inner.dump(str(trig), format=ox.RdfFormat.TRIG)
    with gzip.open(folder / "graph.nq.gz", "wb") as out:
        out.write(nq.read_bytes())
    return folder


def expected(dev_store, tmp_path):
    copy = tmp_path / "expected"
    copy.mkdir()
    store = ox.Store(str(copy / "store"))
    store.extend(dev_store.inner)
    store.flush()
    del store
    return stored_quads(copy)


@pytest.mark.parametrize("name", ["graph.nq", "graph.trig", "graph.nq.gz"])
def test_a_dump_loads_into_a_new_store_equal_to_the_one_exported(dev_store, dumps, tmp_path, capsys, name):
    data = tmp_path / "data"
    assert main(["load", str(dumps / name), "--data-dir", str(data)]) == 0
    assert f"loaded {len(dev_store)} quads" in capsys.readouterr().err
    assert stored_quads(data) == expected(dev_store, tmp_path)
    assert main(["query", "who-signed", "--data-dir", str(data), "--format", "csv"]) == 0
    assert "Phạm Đức Long" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "expected"]  # no loading folder left


def test_a_store_that_holds_data_is_refused_and_kept(dumps, tmp_path):
    data = tmp_path / "data"
    load_dump(dumps / "graph.nq", data / "store")
    before = stored_quads(data)
    with pytest.raises(StoreError, match="holds a graph store already"):
        load_dump(dumps / "graph.trig", data / "store")
    assert stored_quads(data) == before


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        ('<a> <b> <c> <g> .\n<a> <b> "unterminated <g> .\n', "broken.nq", "not valid nq"),
        ("<a> <b> <c> .", "wrong.ttl", "not a dataset dump"),
    ],
)
def test_a_bad_dump_names_the_file_and_leaves_nothing(tmp_path, capsys, content, name, message):
    dump = tmp_path / name
    dump.write_text(content, encoding="utf-8")
    data = tmp_path / "data"
    assert main(["load", str(dump), "--data-dir", str(data)]) == InputError.exit_code
    err = capsys.readouterr().err
    assert str(dump) in err and message in err
    assert not (data / "store").exists()
    assert not any(p.name.startswith("store.loading") for p in data.iterdir()) if data.exists() else True

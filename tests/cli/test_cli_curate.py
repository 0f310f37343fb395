"""Curations from the command line: recorded once, applied at once, kept by every rebuild."""

import csv
import io
import shutil

import pytest
from samples import seeds_with_a_variant_spelling, stored_quads

from govkg.cli import main

CURATOR = "Biên tập viên <bientap@example.vn>"
SOURCE = "https://longan.gov.vn/tin/hop-tac"


def govkg(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def who_signed(capsys, data):
    code, out, err = govkg(capsys, "query", "who-signed", "--data-dir", data, "--format", "csv")
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def persons_named(capsys, data, name):
    code, out, _ = govkg(capsys, "find", name, "--kind", "person", "--data-dir", data)
    return out


@pytest.fixture
def curated(tmp_path, capsys, monkeypatch):
    """The seeds built, then three corrections made with `govkg curate` (the file in tmp_path)."""
    monkeypatch.chdir(tmp_path)
    inputs = seeds_with_a_variant_spelling(tmp_path)
    data = tmp_path / "data"
    assert govkg(capsys, "build", *inputs, "--data-dir", data)[0] == 0
    before = who_signed(capsys, data)
    assert {r["date"] for r in before if "Long An" in r["parties"]} == {"--07-16"}
    common = ("--data-dir", data, "--curator", CURATOR, "--source", SOURCE)
    code, _, err = govkg(
        capsys,
        "curate",
        "set-date",
        "Biên bản hợp tác phát triển",
        "2022-07-16",
        "--party",
        "Long An",
        *common,
    )
    assert code == 0, err
    assert govkg(capsys, "curate", "merge", "Phạm Tấn Hòa", "Phạm Tấn Hoa", *common)[0] == 0
    code, _, err = govkg(
        capsys, "curate", "reject", "Hồ Thu Ánh", "--note", "nhà báo, không phải quan chức", *common
    )
    assert code == 0, err
    return inputs, data, tmp_path / "curations.yaml"


def assert_curated(capsys, data):
    rows = [r for r in who_signed(capsys, data) if "Long An" in r["parties"]]
    assert rows and {r["date"] for r in rows} == {"2022-07-16"}
    assert all(
        "set-date" in r["curated"] and CURATOR in r["curated"] and SOURCE in r["curated"] for r in rows
    )
    assert all(r["articles"] == "seed-000" for r in rows)  # still sourced from its article
    others = [r for r in who_signed(capsys, data) if "Long An" not in r["parties"]]
    assert others and not any(r["curated"] for r in others)  # extracted facts say so
    spellings = [persons_named(capsys, data, name) for name in ("Phạm Tấn Hoa", "Phạm Tấn Hòa")]
    iris = {
        line.split("<")[1].split(">")[0]
        for text in spellings
        for line in text.splitlines()
        if "pham-tan" in line
    }
    assert len(iris) == 1, spellings  # two spellings, one person
    assert "Hồ Thu Ánh" not in persons_named(capsys, data, "Hồ Thu Ánh")


def test_curations_show_at_once_and_survive_a_rebuild_from_scratch(curated, capsys, tmp_path):
    inputs, data, curations = curated
    text = curations.read_text(encoding="utf-8")
    assert "set-date" in text and "merge" in text and "reject" in text
    assert_curated(capsys, data)

    # the same articles again: every article rebuilt, the curations applied again
    code, _, err = govkg(capsys, "build", *inputs, "--data-dir", data, "--force")
    assert code == 0, err
    assert "curations: 3 applied, 0 matched nothing" in err
    assert_curated(capsys, data)

    # from scratch: a new data directory, the curation file given once
    fresh = tmp_path / "fresh"
    code, _, err = govkg(capsys, "build", *inputs, "--data-dir", fresh, "--curations", curations)
    assert code == 0, err
    assert_curated(capsys, fresh)
    assert str(curations) in (fresh / "govkg.yaml").read_text(encoding="utf-8")  # remembered
    assert govkg(capsys, "build", *inputs, "--data-dir", fresh)[0] == 0  # without --curations
    assert_curated(capsys, fresh)
    assert govkg(capsys, "validate", "--data-dir", fresh)[0] == 0


def test_a_curation_that_matches_nothing_is_reported(curated, capsys):
    inputs, data, _ = curated
    code, _, err = govkg(
        capsys, "curate", "reject", "Agreement That Never Was", "--kind", "agreement", "--data-dir", data
    )
    assert code == 0
    assert "matched nothing" in err


def test_a_malformed_curation_file_names_file_line_and_field_and_changes_nothing(curated, capsys):
    inputs, data, curations = curated
    before = stored_quads(data)
    curations.write_text(
        curations.read_text(encoding="utf-8")
        + "  - set-date:\n      agreement: {title: Biên bản}\n      date: 16/7\n",
        encoding="utf-8",
    )
    code, _, err = govkg(capsys, "build", *inputs, "--data-dir", data)
    assert code == 3, err
    assert f"{curations}:" in err and "date" in err
    assert stored_quads(data) == before


def test_an_rdf_file_is_imported_into_its_own_graph(tmp_path, capsys):
    data = tmp_path / "data"
    assert govkg(capsys, "build", "--examples", "--data-dir", data)[0] == 0
    source = tmp_path / "wikidata.ttl"
    source.write_text(
        '<https://w3id.org/govkg/id/body/x> <http://www.w3.org/2000/01/rdf-schema#label> "X"@en .\n',
        encoding="utf-8",
    )
    code, _, err = govkg(capsys, "import", source, "--data-dir", data)
    assert code == 0 and "imported 1 triples" in err and "graph/import/wikidata" in err
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    before = stored_quads(data)
    code, _, err = govkg(capsys, "import", broken, "--data-dir", data)
    assert code == 3 and str(broken) in err
    assert stored_quads(data) == before
    shutil.rmtree(data)

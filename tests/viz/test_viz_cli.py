"""`govkg viz` on the bundled examples: the whole graph with its note, a focus by name, and the errors."""

from __future__ import annotations

import json
import re

import pytest

from govkg.cli import main

pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("viz-cli") / "data"
    assert main(["build", "--examples", "--data-dir", str(directory)]) == 0
    return directory


def _page_data(path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="govkg-data">(.*?)</script>', text, re.DOTALL)
    assert match
    return json.loads(match.group(1))


def test_whole_graph_then_focus_by_name_without_diacritics(data_dir, tmp_path, capsys):
    whole, near, nearer = tmp_path / "all.html", tmp_path / "d2.html", tmp_path / "d1.html"
    assert main(["viz", "--data-dir", str(data_dir), "--out", str(whole)]) == 0
    assert main(["viz", "--data-dir", str(data_dir), "--out", str(near), "--focus", "Pham Duc Long"]) == 0
    argv = [
        "viz",
        "--data-dir",
        str(data_dir),
        "--out",
        str(nearer),
        "--focus",
        "Phạm Đức Long",
        "--depth",
        "1",
    ]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "1-hop neighbourhood of Phạm Đức Long" in err
    sizes = [len(_page_data(p)["nodes"]) for p in (nearer, near, whole)]
    assert sizes[0] < sizes[1] < sizes[2]
    focus = _page_data(nearer)["focus"]
    assert len(focus) == 1 and "pham-duc-long" in focus[0]
    assert "2-hop neighbourhood of Phạm Đức Long" in near.read_text(encoding="utf-8")


def test_max_nodes_draws_a_sample_and_says_so(data_dir, tmp_path, capsys):
    out = tmp_path / "cap.html"
    assert main(["viz", "--data-dir", str(data_dir), "--out", str(out), "--max-nodes", "5"]) == 0
    assert len(_page_data(out)["nodes"]) == 5
    assert "Large graph: drawing 5 of" in capsys.readouterr().err
    assert "--focus NAME" in out.read_text(encoding="utf-8")


def test_ambiguous_focus_lists_candidates_exit_5(data_dir, tmp_path, capsys):
    out = tmp_path / "x.html"
    assert main(["viz", "--data-dir", str(data_dir), "--out", str(out), "--focus", "Phạm"]) == 5
    err = capsys.readouterr().err
    assert "could name 2 different persons" in err and "Phạm Tấn Hòa" in err and "Phạm Đức Long" in err
    assert not out.exists()
    assert main(["viz", "--data-dir", str(data_dir), "--out", str(out), "--depth", "-1"]) == 5

"""`govkg build` over a folder mixing the dev articles with broken and hostile files: the build goes
on and lists every skipped input with its message (exit 1); with --strict it stops at the first (exit
3) and stores nothing of it; either way the store answers the named queries as before."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from pyoxigraph import Store
from samples import DEV_CORPUS, cp1258

from govkg.cli import main
from govkg.loaders.readers import MAX_ARTICLE_BYTES

pytestmark = pytest.mark.skipif(not DEV_CORPUS.exists(), reason="dev corpus not available")

TEXT = (
    "Tiêu đề\nBộ Thông tin và Truyền thông ký kết Biên bản ghi nhớ với UBND tỉnh Hậu Giang ngày 5/5/2022.\n"
)
HARMLESS = json.dumps(
    {"id": "harmless-line", "text": "Thời tiết Hà Nội hôm nay nắng nhẹ."}, ensure_ascii=False
)


def bad_files(folder: Path) -> dict[Path, str]:
    """Each bad input → a word its message must hold."""
    files = {
        folder / "windows1258.txt": (cp1258(TEXT), "WINDOWS-1258"),
        folder / "utf16le.txt": (TEXT.encode("utf-16-le"), "UTF-16LE"),
        folder / "empty.txt": (b" \n\n", "empty file"),
        folder / "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        folder / "nobody.html": (b"<html><head><title>x</title></head></html>", "no article text"),
        folder / "broken.jsonl": (b'{"id": "half", "text": "Bo\n', "not valid JSON"),
        folder / "mixed.jsonl": (HARMLESS.encode() + b"\n" + cp1258('{"text": "Ông"}') + b"\n", "1258"),
    }
    for path, (content, _) in files.items():
        path.write_bytes(content)
    huge = folder / "huge.txt"
    with open(huge, "wb") as out:
        out.write(TEXT.encode())
        out.truncate(MAX_ARTICLE_BYTES + 1)
    found = {path: word for path, (_, word) in files.items()}
    found[huge] = "per-article limit"
    return found


def build(capsys, data, *inputs):
    code = main(["build", "--data-dir", str(data), *map(str, inputs)])
    return code, capsys.readouterr().err


def who_signed(capsys, data) -> str:
    assert main(["query", "who-signed", "--format", "csv", "--data-dir", str(data)]) == 0
    return capsys.readouterr().out


def graphs(data: Path) -> dict[str, int]:
    store = Store.read_only(str(data / "store"))
    try:
        counts: dict[str, int] = {}
        for quad in store:
            counts[str(quad.graph_name)] = counts.get(str(quad.graph_name), 0) + 1
        return counts
    finally:
        del store


def test_build_skips_each_bad_input_and_strict_stops_at_the_first(capsys, tmp_path):
    data = tmp_path / "data"
    folder = tmp_path / "in"
    folder.mkdir()
    for path in DEV_CORPUS.glob("*.jsonl"):
        shutil.copy(path, folder / path.name)
    assert build(capsys, data, folder)[0] == 0
    before_answer, before_graphs = who_signed(capsys, data), graphs(data)
    assert "Phạm Đức Long" in before_answer

    expected = bad_files(folder)
    also = []
    folder_named_jsonl = tmp_path / "folder.jsonl"
    folder_named_jsonl.mkdir()
    also.append(folder_named_jsonl)
    expected[folder_named_jsonl] = "folder with no article files"
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.jsonl"
        os.mkfifo(fifo)  # nobody ever writes it: reading it would hang the build
        also.append(fifo)
        expected[fifo] = "named pipe"

    code, err = build(capsys, data, "--strict", folder, *also)
    assert code == 3 and err.count("govkg:") == 1, err
    assert any(str(path) in err and word in err for path, word in expected.items()), err
    assert graphs(data) == before_graphs and who_signed(capsys, data) == before_answer

    code, err = build(capsys, data, folder, *also)
    assert code == 1, err
    assert f"skipped {len(expected)} input(s)" in err
    for path, word in expected.items():
        listed = [line for line in err.splitlines() if line.strip().startswith(str(path))]
        assert listed and word in listed[0], (path, word, err)
    assert who_signed(capsys, data) == before_answer
    after = graphs(data)
    added = set(after) - set(before_graphs)
    assert added == {"<https://w3id.org/govkg/id/graph/harmless-line>"}  # the good line of mixed.jsonl
    # the tenures and the merged view (the default graph) follow the new article
    derived = ("tenures", "DEFAULT")
    assert {g: n for g, n in after.items() if g in before_graphs and not any(d in g for d in derived)} == {
        g: n for g, n in before_graphs.items() if not any(d in g for d in derived)
    }

"""Hostile and broken input files: each is refused with a ReadError naming the file (and line), the
problem and the fix; huge ones are refused without being read whole; none stops the others.

Every bad file is made here, in tmp_path, with real bytes; the ≥100 MB ones are written sparsely.
A `govkg build` over a folder mixing these with the dev articles is in tests/cli/test_cli_hostile.py.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from samples import cp1258

from govkg.loaders.readers import MAX_ARTICLE_BYTES, ReadError, _read_stream, iter_articles

ARTICLE = (
    "Ký kết hợp tác\n"
    "Chiều ngày 5/5/2022, Bộ Thông tin và Truyền thông ký kết Biên bản ghi nhớ với UBND tỉnh Hậu Giang.\n"
    "Ông Phạm Đức Long, Thứ trưởng Bộ TT&TT và ông Đồng Văn Thanh, Chủ tịch UBND tỉnh ký.\n"
)
MB = 1 << 20


def collect(*inputs):
    errors: list[ReadError] = []
    articles = list(iter_articles([str(i) for i in inputs], on_error=errors.append))
    return articles, errors


def record(article_id: str, text: str = ARTICLE) -> str:
    return json.dumps({"id": article_id, "text": text}, ensure_ascii=False)


# -- encodings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "encoding"),
    [
        ("utf16le.txt", ARTICLE.encode("utf-16-le"), "UTF-16LE"),
        ("utf16be.txt", ARTICLE.encode("utf-16-be"), "UTF-16BE"),
        ("utf16le.html", f"<html><body><p>{ARTICLE}</p></body></html>".encode("utf-16-le"), "UTF-16LE"),
        ("windows1258.txt", cp1258(ARTICLE), "WINDOWS-1258"),
        ("windows1258.html", b"<html><body><p>" + cp1258(ARTICLE) + b"</p></body></html>", "WINDOWS-1258"),
        ("utf16.jsonl", (record("a") + "\n" + record("b") + "\n").encode("utf-16"), "UTF-16LE"),
        ("utf16le.jsonl", (record("a") + "\n").encode("utf-16-le"), "UTF-16LE"),
        ("windows1258.jsonl", cp1258(record("a") + "\n" + record("b") + "\n"), "WINDOWS-1258"),
    ],
)
def test_a_wrong_encoding_is_named_with_the_iconv_command(tmp_path, name, content, encoding):
    """One error for the whole file (not one per line), naming the encoding and the exact conversion."""
    path = tmp_path / name
    path.write_bytes(content)
    articles, errors = collect(path)
    assert articles == [] and len(errors) == 1, errors
    (error,) = errors
    assert error.location == str(path)
    assert "not UTF-8" in error.problem and f"looks like {encoding}" in error.problem
    assert f"iconv -f {encoding} -t UTF-8 {path}" in error.fix


def test_utf16_with_a_byte_order_mark_is_read_as_such(tmp_path):
    """A BOM leaves no doubt (Notepad's "Unicode"), so a .txt or .html with one is simply read."""
    for name, content in (
        ("bom.txt", ARTICLE),
        ("bom.html", f"<html><body><article><p>{ARTICLE}</p></article></body></html>"),
    ):
        for codec in ("utf-16", "utf-16-be"):
            path = tmp_path / name
            raw = content.encode(codec)
            path.write_bytes(raw if codec == "utf-16" else b"\xfe\xff" + raw)
            (article,), errors = collect(path)
            assert errors == [] and "Đồng Văn Thanh" in article.text


def test_a_mixed_encoding_text_file_names_the_line(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(ARTICLE.encode("utf-8") + cp1258("Lễ ký kết diễn ra tại Hà Nội.\n"))
    articles, (error,) = collect(path)
    assert articles == []
    assert error.location == f"{path}:4"
    assert "mixed encodings" in error.problem and "line 4" in error.problem
    assert "WINDOWS-1258" in error.problem and "line 4" in error.fix


def test_a_mixed_encoding_jsonl_file_skips_only_its_bad_lines(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [record("good-1").encode(), cp1258(record("bad")), record("good-2").encode()]
    path.write_bytes(b"\n".join(lines) + b"\n")
    articles, (error,) = collect(path)
    assert [a.id for a in articles] == ["good-1", "good-2"]
    assert error.location == f"{path}:2" and "WINDOWS-1258" in error.problem
    assert f"sed -n 2p {path} | iconv -f WINDOWS-1258 -t UTF-8" in error.fix


def test_bytes_in_no_recognisable_encoding_still_say_how_to_convert(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 4)
    _, (error,) = collect(path)
    assert "not UTF-8" in error.problem and "iconv -f ENCODING -t UTF-8" in error.fix


# -- broken HTML ---------------------------------------------------------------------------------

BODY = "<p>Bộ Công Thương và UBND tỉnh Long An ký kết chương trình phối hợp giai đoạn 2022-2025.</p>" * 3


@pytest.mark.parametrize(
    "html",
    [
        f"<html><head><title>Ký kết</title></head><body><article>{BODY}<p>Hai bên thống nhất",  # truncated
        f"<html><p>Bộ <b>Công <i>Thương</p></b> ký <div>kết {BODY}</span></table>",  # tag soup
        f"<p>{BODY}",  # a fragment: no html, head or body
        f"<html><body><article>{BODY}</article></body></html>\x00\x00garbage after the end",
    ],
    ids=["truncated", "tag-soup", "fragment", "trailing-garbage"],
)
def test_broken_html_with_text_is_read(tmp_path, html):
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("utf-8"))
    articles, errors = collect(path)
    if errors:  # trafilatura may refuse it; then the error says so cleanly
        assert errors[0].location == str(path) and errors[0].fix
    else:
        assert "Long An" in articles[0].text


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Tin tức</title></head></html>",  # no body
        "<html><body></body></html>",
        "<html><body><script>document.write('Bộ Công Thương');</script><style>p {}</style></body></html>",
    ],
    ids=["no-body", "empty-body", "only-script-and-style"],
)
def test_html_without_article_text_is_refused(tmp_path, html):
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    articles, (error,) = collect(path)
    assert articles == [] and error.location == str(path)
    assert "no article text" in error.problem and "article body" in error.fix


def test_markup_garbage_never_raises_anything_but_a_read_error(tmp_path):
    garbage = [
        "<<<>>><!-- <html",
        "<html><body>" + "<div>" * 5000 + "Bộ Công Thương" + "</span>" * 5000,
        "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;'>]><x>&b;</x>",
        "<html><body><p>\ud800</p></body></html>",
        "<html><head><meta charset='windows-1258'></head><body><p>Ông</p></body></html>",
    ]
    for number, html in enumerate(garbage):
        path = tmp_path / f"g{number}.html"
        path.write_bytes(html.encode("utf-8", "surrogatepass"))
        articles, errors = collect(path)
        assert len(articles) + len(errors) == 1
        assert all(e.location == str(path) and e.fix for e in errors)


# -- size limits ---------------------------------------------------------------------------------


def sparse(path: Path, size: int, head: bytes = b"", tail: bytes = b"") -> Path:
    """A file of ``size`` bytes written in an instant: ``head``, a hole of zero bytes, ``tail``."""
    with open(path, "wb") as out:
        out.write(head)
        out.seek(size - len(tail))
        out.write(tail)
        out.truncate(size)
    return path


def test_an_article_over_the_limit_is_refused_with_its_size_and_the_limit(tmp_path):
    for name in ("big.txt", "big.html"):
        path = sparse(tmp_path / name, MAX_ARTICLE_BYTES + 1, ARTICLE.encode())
        articles, (error,) = collect(path)
        assert articles == [] and error.location == str(path)
        assert f"{MAX_ARTICLE_BYTES + 1} bytes" in error.problem and "limit of 5242880 bytes" in error.problem
        assert "one article per" in error.fix
    just_fits = tmp_path / "fits.txt"
    just_fits.write_bytes(ARTICLE.encode() + b"x" * (MAX_ARTICLE_BYTES - len(ARTICLE.encode())))
    (article,), errors = collect(just_fits)
    assert errors == [] and len(article.text) >= MAX_ARTICLE_BYTES - 1000


def test_oversize_jsonl_lines_are_reported_one_by_one(tmp_path):
    path = tmp_path / "lines.jsonl"
    big = record("big", "x" * MAX_ARTICLE_BYTES)
    path.write_text("\n".join([record("a"), big, record("b"), big, record("c")]) + "\n", encoding="utf-8")
    articles, errors = collect(path)
    assert [a.id for a in articles] == ["a", "b", "c"]
    assert [e.location for e in errors] == [f"{path}:2", f"{path}:4"]
    assert all(f"{len(big) + 1} bytes" in e.problem and "per-article limit" in e.problem for e in errors)


def test_stdin_is_bounded_too():
    big = io.BytesIO(b"x" * (MAX_ARTICLE_BYTES + 10))
    with pytest.raises(ReadError, match="more than 5242881 bytes"):
        list(_read_stream(big, "<stdin>"))
    lines = (
        record("s1") + "\n" + record("big", "x" * MAX_ARTICLE_BYTES) + "\n" + record("s2") + "\n"
    ).encode()
    items = list(_read_stream(io.BytesIO(lines), "<stdin>"))
    assert [getattr(i, "id", None) or i.location for i in items] == ["s1", "<stdin>:2", "s2"]


MEMORY_PROBE = textwrap.dedent(
    """
    import json, resource, sys
    from govkg.loaders.readers import iter_articles
    import trafilatura  # imported before the baseline: only what the reading costs counts
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    errors = []
    ids = [a.id for a in iter_articles(sys.argv[1:], on_error=errors.append)]
    grew = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    print(json.dumps({"ids": ids, "errors": [[e.location, e.problem] for e in errors], "grew_kib": grew}))
    """
)


def test_huge_inputs_are_refused_in_bounded_memory(tmp_path):
    """A 120 MB .txt and a 130 MB JSONL (one 110 MB line, one 10 MB line) in a fresh process whose peak
    memory grows by far less than either file: neither is ever read whole."""
    huge_txt = sparse(tmp_path / "huge.txt", 120 * MB, ARTICLE.encode())
    huge_jsonl = tmp_path / "huge.jsonl"
    try:
        with open(huge_jsonl, "wb") as out:
            out.write((record("first") + "\n").encode())
            out.write(b'{"id": "hole", "text": "')
            out.seek(110 * MB, os.SEEK_CUR)  # a 110 MB line of zero bytes, no newline in it
            out.write(b'"}\n')
            out.write((record("ten-mb", "Bộ " * (2 * MB)) + "\n").encode())
            out.write((record("last") + "\n").encode())
            out.truncate(max(out.tell(), 130 * MB))
        assert huge_jsonl.stat().st_size >= 100 * MB
        probe = subprocess.run(
            [sys.executable, "-c", MEMORY_PROBE, str(huge_txt), str(huge_jsonl)],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
    finally:
        huge_txt.unlink()
        huge_jsonl.unlink()
    result = json.loads(probe.stdout)
    assert result["ids"] == ["first", "last"]
    locations = [location for location, _ in result["errors"]]
    assert locations[:4] == [str(huge_txt), f"{huge_jsonl}:2", f"{huge_jsonl}:3", f"{huge_jsonl}:5"]
    assert "125829120 bytes (120.0 MiB)" in result["errors"][0][1]
    assert "110.0 MiB" in result["errors"][1][1] and "10.0 MiB" in result["errors"][2][1]
    assert result["grew_kib"] < 40 * 1024, f"reading grew the peak memory by {result['grew_kib']} KiB"


# -- unreadable paths ----------------------------------------------------------------------------


def test_a_folder_named_like_a_file(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.mkdir()
    _, (error,) = collect(empty)
    assert error.location == str(empty) and "folder with no article files" in error.problem
    (tmp_path / "holder").mkdir()
    (tmp_path / "holder" / "inner.jsonl").mkdir()  # a folder inside a folder is searched, not read
    (tmp_path / "holder" / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    (article,), errors = collect(tmp_path / "holder")
    assert errors == [] and article.id == "ok"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    _, (error,) = collect(fifo)
    assert error.location == str(fifo) and "named pipe" in error.problem and "govkg build -" in error.fix


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_permission_denied_says_how_to_fix_it(tmp_path):
    for name in ("secret.txt", "secret.jsonl"):
        path = tmp_path / name
        path.write_text(ARTICLE, encoding="utf-8")
        path.chmod(0)
        _, (error,) = collect(path)
        assert error.location == str(path) and "permission denied" in error.problem and "chmod" in error.fix


def test_permission_denied_as_another_user():
    """The same where the tests run as root: a child drops to nobody (after its imports) and reads a
    root-only file in a folder anyone may enter."""
    if os.geteuid() != 0:
        pytest.skip("covered by test_permission_denied_says_how_to_fix_it")
    script = (
        "import os, sys\n"
        "from govkg.loaders.readers import iter_articles\n"
        "os.setgid(65534); os.setuid(65534)\n"
        "errors = []; list(iter_articles([sys.argv[1]], on_error=errors.append))\n"
        "print(errors[0].location, '|', errors[0].problem, '|', errors[0].fix)\n"
    )
    folder = Path(tempfile.mkdtemp(prefix="govkg-perm-"))
    try:
        folder.chmod(0o755)
        path = folder / "secret.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        path.chmod(0o600)
        probe = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True)
    finally:
        shutil.rmtree(folder)
    assert probe.returncode == 0, probe.stderr
    location, problem, fix = (part.strip() for part in probe.stdout.split("|"))
    assert location == str(path) and problem == "permission denied" and f"chmod a+r {path}" in fix


# -- malformed JSON ------------------------------------------------------------------------------


def test_deeply_nested_and_odd_json_lines_are_reported_not_raised(tmp_path):
    path = tmp_path / "odd.jsonl"
    lines = [
        "[" * 100_000,
        '{"id": "n", "text": NaN}',
        '"just a string"',
        '{"id": "dup", "text": "a", "text": ""}',
        '{"id": ["list"], "text": "Bộ Công Thương."}',
        "\x00\x00\x00",
        record("ok"),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = collect(path)
    assert {a.id for a in articles} == {"['list']", "ok"}
    assert [e.location.rsplit(":", 1)[1] for e in errors] == ["1", "2", "3", "4", "6"]
    assert all(e.fix for e in errors)

"""Readers: each format gives the article fields; each bad input names the file and the fix."""

import gzip
import json

import pytest

from govkg.loaders.readers import ReadError, iter_articles


def collect(*inputs):
    errors = []
    articles = list(iter_articles([str(i) for i in inputs], on_error=errors.append))
    return articles, errors


def test_plain_text_title_is_first_line(tmp_path):
    path = tmp_path / "bai-viet.txt"
    path.write_text("\nTiêu đề bài viết\n\nNội dung bài viết về UBND tỉnh Long An.\n", encoding="utf-8")
    (article,), errors = collect(path)
    assert errors == []
    assert article.id == "bai-viet"
    assert article.title == "Tiêu đề bài viết"
    assert "UBND tỉnh Long An" in article.text


def test_jsonl_records_and_bad_lines_reported_with_line_numbers(tmp_path):
    path = tmp_path / "news.jsonl"
    good = {
        "id": "a1",
        "url": "https://x.vn/a1",
        "title": "T",
        "published": "2022-05-05",
        "source": "x.vn",
        "text": "Nội dung.",
    }
    lines = [
        json.dumps(good, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "a2"}),
        json.dumps(dict(good, id="a3", published="5/5/2022")),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = collect(path)
    assert [a.id for a in articles] == ["a1"]
    assert articles[0].published == "2022-05-05" and articles[0].url == "https://x.vn/a1"
    assert [e.location for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert (
        "not valid JSON" in errors[0].problem
        and "text" in errors[1].problem
        and "YYYY-MM-DD" in errors[2].problem
    )


def test_gzipped_jsonl_and_folders(tmp_path):
    record = {"id": "g1", "text": "Bộ trưởng Bộ Công Thương."}
    with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    (tmp_path / "b.txt").write_text("Tiêu đề\nThân bài", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored in folders", encoding="utf-8")
    articles, errors = collect(tmp_path)
    assert sorted(a.id for a in articles) == ["b", "g1"] and errors == []


def test_html_main_text_and_date(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        """<html><head><meta charset="utf-8"><title>Ký kết hợp tác</title>
        <meta property="article:published_time" content="2022-05-05T10:00:00+07:00"></head>
        <body><nav><a href="/">Trang chủ</a> | <a href="/tin">Tin tức</a></nav>
        <article><h1>Bộ Thông tin và Truyền thông ký kết với tỉnh Hậu Giang</h1>
        <p>Chiều ngày 5/5/2022, Đoàn công tác của Bộ Thông tin và Truyền thông đã làm việc với tỉnh Hậu Giang
        về chuyển đổi số và ký kết Biên bản ghi nhớ hợp tác giai đoạn 2022-2023.</p>
        <p>Ông Phạm Đức Long, Thứ trưởng Bộ TT&amp;TT và ông Đồng Văn Thanh ký kết Biên bản ghi nhớ.</p>
        </article>
        <footer>Bản quyền thuộc về báo</footer></body></html>""",
        encoding="utf-8",
    )
    (article,), errors = collect(page)
    assert errors == []
    assert article.published == "2022-05-05"
    assert (
        "Phạm Đức Long" in article.text
        and "Bản quyền" not in article.text
        and "Trang chủ" not in article.text
    )


@pytest.mark.parametrize(
    ("name", "content", "problem", "fix"),
    [
        ("empty.txt", b"  \n", "empty file", "remove"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", ".txt"),
        ("cp1258.txt", "Đà La\u0323t".encode("cp1258"), "not UTF-8", "iconv"),
        ("data.xlsx", b"PK\x03\x04", "unknown format", ".jsonl"),
    ],
)
def test_bad_inputs_name_the_file_and_the_fix(tmp_path, name, content, problem, fix):
    path = tmp_path / name
    path.write_bytes(content)
    articles, (error,) = collect(path)
    assert articles == []
    assert error.location == str(path)
    assert problem in error.problem and fix in error.fix


def test_missing_path_is_reported_and_default_raises(tmp_path):
    missing = tmp_path / "nope.txt"
    _, (error,) = collect(missing)
    assert error.location == str(missing)
    with pytest.raises(ReadError):
        list(iter_articles([str(missing)]))

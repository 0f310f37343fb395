"""Read articles from plain text, JSONL (optionally gzipped) and HTML files, folders, globs or stdin.

Every reader yields :class:`Article` records; anything that cannot be read becomes a
:class:`ReadError` naming the file (and line) and what to do, so a build can skip it and go on.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from govkg.loaders.records import Article

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")
KNOWN_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ReadError(Exception):
    """An input that cannot be read; ``location`` is ``file`` or ``file:line``."""

    def __init__(self, location: str, problem: str, fix: str) -> None:
        super().__init__(f"{location}: {problem}")
        self.location = location
        self.problem = problem
        self.fix = fix


OnError = Callable[[ReadError], None]


def _raise(error: ReadError) -> None:
    raise error


def iter_articles(inputs: Iterable[str], *, on_error: OnError = _raise) -> Iterator[Article]:
    """Articles from every input: a file, a folder (searched recursively), a glob, or ``-`` for stdin.

    ``on_error`` receives each :class:`ReadError`; the default raises it, a build passes a
    collector so one bad file does not stop the rest.
    """
    for spec in inputs:
        if spec == "-":
            yield from _guarded(lambda: _read_stream(sys.stdin.buffer, "<stdin>"), on_error)
            continue
        paths = _expand(spec)
        if not paths:
            on_error(ReadError(spec, "no such file, folder or matching glob", "check the path"))
        for path in paths:
            yield from _guarded(lambda path=path: read_file(path), on_error)


def _guarded(make: Callable[[], Iterator[Article | ReadError]], on_error: OnError) -> Iterator[Article]:
    try:
        for item in make():
            if isinstance(item, ReadError):
                on_error(item)
            else:
                yield item
    except ReadError as error:
        on_error(error)


def _expand(spec: str) -> list[Path]:
    path = Path(spec)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(KNOWN_SUFFIXES))
    if path.exists():
        return [path]
    if glob.has_magic(spec):
        return sorted(Path(p) for p in glob.glob(spec, recursive=True) if Path(p).is_file())
    return []


def read_file(path: Path) -> Iterator[Article | ReadError]:
    """Articles of one file, by its suffix; bad JSONL lines come out as ReadErrors in place."""
    name = path.name.lower()
    try:
        if name.endswith(JSONL_SUFFIXES):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rb") as stream:
                yield from _read_jsonl(stream, str(path))
            return
        raw = path.read_bytes()
    except (OSError, EOFError, zlib.error) as error:  # unreadable, or a truncated or corrupt gzip
        problem = f"cannot read ({getattr(error, 'strerror', None) or error})"
        raise ReadError(str(path), problem, "check the path, its permissions and that it is whole") from None
    if name.endswith(HTML_SUFFIXES):
        yield read_html(raw, str(path), default_id=path.stem)
    elif name.endswith(TEXT_SUFFIXES):
        yield read_text(raw, str(path), default_id=path.stem)
    else:
        raise ReadError(
            str(path),
            "unknown format",
            "name the file *.txt (title on the first line), *.jsonl[.gz] or *.html; "
            f"known: {', '.join(KNOWN_SUFFIXES)}",
        )


def _read_stream(stream: IO[bytes], location: str) -> Iterator[Article | ReadError]:
    """stdin: JSONL when it starts with ``{``, HTML when it starts with ``<``, plain text otherwise."""
    raw = stream.read()
    head = raw.lstrip()[:1]
    if head == b"{":
        yield from _read_jsonl(io.BytesIO(raw), location)
    elif head == b"<":
        yield read_html(raw, location, default_id="stdin")
    else:
        yield read_text(raw, location, default_id="stdin")


def decode(raw: bytes, location: str) -> str:
    """Strict UTF-8 (a BOM is dropped); binary or other encodings get an error that says how to convert."""
    if not raw.strip():
        raise ReadError(location, "empty file", "remove it or give it an article")
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(location, "binary data, not text", "give a .txt, .jsonl or .html article file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadError(
            location,
            f"not UTF-8 (byte {error.start})",
            "convert it first, e.g. `iconv -f WINDOWS-1258 -t UTF-8` or `iconv -f UTF-16 -t UTF-8`",
        ) from None


def read_text(raw: bytes, location: str, *, default_id: str) -> Article:
    """A plain-text article: the title is its first non-empty line; the text is the whole file."""
    text = decode(raw, location).replace("\r\n", "\n")
    title = next(line.strip() for line in text.splitlines() if line.strip())
    return Article(id=default_id, text=text, title=title, location=location)


def read_html(raw: bytes, location: str, *, default_id: str) -> Article:
    """Main text, title, date and URL of an HTML page, through trafilatura (boilerplate removed)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    html = decode(raw, location)
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, date_extraction_params={"extensive_search": False}
    )
    if doc is None or not (doc.text or "").strip():
        raise ReadError(
            location, "no article text found in the HTML", "check that the page holds the article body"
        )
    title = doc.title or ""
    text = doc.text if not title or doc.text.startswith(title) else f"{title}\n\n{doc.text}"
    published = doc.date if doc.date and _DATE.match(doc.date) else None
    return Article(
        id=default_id,
        text=text,
        title=title,
        url=doc.url,
        published=published,
        source=doc.sitename or doc.hostname,
        location=location,
    )


def _json_lines(stream: IO[bytes], location: str) -> Iterator[tuple[str, str, object] | ReadError]:
    """``(file:line, default id, decoded JSON)`` for each non-blank line; bad lines come out as ReadErrors."""
    stem = Path(location).name.split(".")[0]
    empty = True
    for number, raw_line in enumerate(stream, start=1):
        if not raw_line.strip():
            continue
        empty = False
        where = f"{location}:{number}"
        try:
            yield where, f"{stem}-{number}", json.loads(decode(raw_line, where))
        except ReadError as error:
            yield error
        except json.JSONDecodeError as error:
            yield ReadError(
                where, f"not valid JSON ({error.msg}, column {error.colno})", "fix or remove the line"
            )
    if empty:
        yield ReadError(location, "empty file", "remove it or give it articles, one JSON object per line")


def _read_jsonl(stream: IO[bytes], location: str) -> Iterator[Article | ReadError]:
    for item in _json_lines(stream, location):
        if isinstance(item, ReadError):
            yield item
            continue
        where, default_id, record = item
        try:
            yield article_from_record(record, where, default_id=default_id)
        except ReadError as error:
            yield error


def read_annotated(path: Path) -> Iterator[tuple[dict, Article]]:
    """Gold records (SCHEMA.md shape) with their articles; a gold file must be whole, so a bad line raises."""
    try:
        with open(path, "rb") as stream:
            for item in _json_lines(stream, str(path)):
                if isinstance(item, ReadError):
                    raise item
                where, default_id, record = item
                article = article_from_record(record, where, default_id=default_id)
                yield record, article  # type: ignore[misc]  # article_from_record checked it is a dict
    except OSError as error:
        raise ReadError(str(path), f"cannot read ({error.strerror or error})", "check the path") from None


def article_from_record(record: object, location: str, *, default_id: str) -> Article:
    """A JSONL record (``id, url, title, published, source, text``) as an Article; extra keys are ignored."""
    if not isinstance(record, dict):
        raise ReadError(location, "a JSON line must be an object", 'write {"id": …, "text": …} per line')
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReadError(location, 'missing or empty "text"', 'give every record the article body in "text"')
    published = record.get("published")
    if published is not None and not (isinstance(published, str) and _DATE.match(published)):
        raise ReadError(
            location, f'"published" must be YYYY-MM-DD or null, not {published!r}', "fix the date"
        )
    optional = {key: record.get(key) for key in ("url", "source")}
    for key, value in optional.items():
        if value is not None and not isinstance(value, str):
            raise ReadError(location, f'"{key}" must be a string or null', "fix the record")
    return Article(
        id=str(record.get("id") or default_id),
        text=text,
        title=str(record.get("title") or ""),
        url=optional["url"],
        published=published,
        source=optional["source"],
        location=location,
    )

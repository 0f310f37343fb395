"""Read articles from plain text, JSONL (optionally gzipped) and HTML files, folders, globs or stdin.

Every reader yields :class:`Article` records; anything that cannot be read becomes a
:class:`ReadError` naming the file (and line) and what to do, so a build can skip it and go on.
docs/errors.md lists every message and its fix.

Files must be UTF-8 (a UTF-8 BOM is dropped). A ``.txt`` or ``.html`` file with a UTF-16 byte-order
mark is decoded as UTF-16, since the mark leaves no doubt; any other encoding is refused with the
encoding it looks like (UTF-16 without a mark, Windows-1258) and the ``iconv`` command that converts
it, and a file that turns from UTF-8 to something else midway is refused naming the line.

One article — a ``.txt`` or ``.html`` file, or one JSONL line — may hold at most
:data:`MAX_ARTICLE_BYTES`; a larger one is refused before it is read, and a JSONL file is read line
by line in bounded memory, however large it or any of its lines is.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import re
import stat
import sys
import unicodedata
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
# The most one article may hold, in bytes: a .txt or .html file, or one JSONL line (its JSON included).
# News articles are rarely over 100 kB; anything over this is a mistake (a whole dump in one file or
# line, a binary file misnamed) and is refused before it is read.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
_CHUNK = 1 << 20  # how much of an oversize JSONL line is read at a time while it is skipped


class ReadError(Exception):
    """An input that cannot be read; ``location`` is ``file`` or ``file:line``.

    ``encoding`` is the encoding the bytes look like, when the problem is that they are not UTF-8.
    """

    encoding: str | None = None

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
        paths = expand(spec)
        if not paths and Path(spec).is_dir():
            on_error(
                ReadError(
                    spec,
                    "a folder with no article files in it",
                    f"a folder is searched for {', '.join(KNOWN_SUFFIXES)} files; "
                    "give a file or another folder",
                )
            )
        elif not paths:
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


def expand(spec: str) -> list[Path]:
    """The files ``spec`` names: itself, a folder's article files (recursively), or a glob's matches."""
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
    location = str(path)
    if not name.endswith(KNOWN_SUFFIXES):
        raise ReadError(
            location,
            "unknown format",
            "name the file *.txt (title on the first line), *.jsonl[.gz] or *.html; "
            f"known: {', '.join(KNOWN_SUFFIXES)}",
        )
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise ReadError(location, f"not a regular file (a {_file_kind(mode)})", _NOT_REGULAR_FIX)
        if name.endswith(JSONL_SUFFIXES):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rb") as stream:
                yield from _read_jsonl(stream, location)
            return
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise _too_large(location, size)
        with open(path, "rb") as stream:
            raw = stream.read(MAX_ARTICLE_BYTES + 1)  # bounded even if it grew since the stat
        if len(raw) > MAX_ARTICLE_BYTES:
            raise _too_large(location, len(raw))
    except PermissionError:
        raise ReadError(
            location, "permission denied", f"make it readable (`chmod a+r {location}`) or run as its owner"
        ) from None
    except (OSError, EOFError, zlib.error) as error:  # unreadable, or a truncated or corrupt gzip
        problem = f"cannot read ({getattr(error, 'strerror', None) or error})"
        raise ReadError(location, problem, "check the path, its permissions and that it is whole") from None
    if name.endswith(HTML_SUFFIXES):
        yield read_html(raw, location, default_id=path.stem)
    else:
        yield read_text(raw, location, default_id=path.stem)


_NOT_REGULAR_FIX = (
    "give a file: copy the data to a *.txt, *.jsonl or *.html file, or pipe it to `govkg build -`"
)


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def _too_large(location: str, size: int, *, at_least: bool = False) -> ReadError:
    more = "more than " if at_least else ""
    return ReadError(
        location,
        f"{more}{_size(size)} is over the per-article limit of {_size(MAX_ARTICLE_BYTES)}",
        "give one article per .txt/.html file or JSONL line (a news article is rarely over 100 kB); "
        "a larger file holding many articles belongs in a .jsonl file, one article per line",
    )


def _size(n: int) -> str:
    return f"{n} bytes ({n / (1 << 20):.1f} MiB)" if n >= 1 << 20 else f"{n} bytes"


class _Replay(io.RawIOBase):
    """A stream that gives ``head`` again and then the rest of ``stream`` (for stdin after a peek)."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def, override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        read = getattr(self._stream, "read1", self._stream.read)
        data = read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_stream(stream: IO[bytes], location: str) -> Iterator[Article | ReadError]:
    """stdin: JSONL when it starts with ``{``, HTML when it starts with ``<``, plain text otherwise."""
    head = stream.read(MAX_ARTICLE_BYTES + 1)
    first = head.lstrip()[:1]
    if first == b"{":
        yield from _read_jsonl(io.BufferedReader(_Replay(head, stream)), location)
        return
    if len(head) > MAX_ARTICLE_BYTES:
        raise _too_large(location, len(head), at_least=True)
    if first == b"<":
        yield read_html(head, location, default_id="stdin")
    else:
        yield read_text(head, location, default_id="stdin")


def decode(raw: bytes, location: str) -> str:
    """UTF-8 (a BOM is dropped), or UTF-16 with a BOM; anything else gets an error naming what it looks like.

    ``location`` is the file (or ``file:line`` for a JSONL line); a multi-line text that is UTF-8 at
    first and then not is reported at the line where it stops being UTF-8.
    """
    if not raw.strip():
        raise ReadError(location, "empty file", "remove it or give it an article")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            name = "UTF-16LE" if raw.startswith(b"\xff\xfe") else "UTF-16BE"
            raise ReadError(
                location,
                f"starts with a {name} byte-order mark but is not valid {name}",
                _iconv(name, location),
            ) from None
        if not text.strip():
            raise ReadError(location, "empty file", "remove it or give it an article")
        return text
    utf16 = _utf16_without_bom(raw)
    if utf16:
        raise ReadError(
            location, f"not UTF-8: looks like {utf16} (without a byte-order mark)", _iconv(utf16, location)
        )
    if b"\x00" in raw[:4096]:
        raise ReadError(location, "binary data, not text", "give a .txt, .jsonl or .html article file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _not_utf8(raw, location, error.start) from None


def _iconv(encoding: str, location: str) -> str:
    """The command that converts ``location`` (a file, or one line of it) from ``encoding`` to UTF-8."""
    line = re.search(r":(\d+)$", location)
    target = location[: line.start()] if line else location
    if line:  # one line of a file whose other lines may be fine: convert just that line
        return (
            f"convert the line: `sed -n {line[1]}p {target} | iconv -f {encoding} -t UTF-8` "
            f"and put the output in place of line {line[1]}"
        )
    stem, dot, suffix = Path(target).name.partition(".")
    return f"convert it: `iconv -f {encoding} -t UTF-8 {target} > {stem}.utf8{dot}{suffix}`"


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16LE or UTF-16BE when the bytes look like mostly-ASCII text in UTF-16 (every other byte 0)."""
    sample = raw[:4096]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 8:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for name, zeros, other in (("UTF-16LE", odd, even), ("UTF-16BE", even, odd)):
        if zeros >= 0.3 * half and other <= 0.05 * half:
            try:
                text = sample.decode(name.lower().replace("utf-16", "utf-16-"), errors="strict")
            except UnicodeDecodeError:
                continue
            printable = sum(c.isprintable() or c.isspace() for c in text)
            if printable >= 0.95 * len(text):
                return name
    return None


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _legacy_encoding(raw: bytes) -> str | None:
    """WINDOWS-1258 when the bytes read as Vietnamese (or other Latin) text in it, else None."""
    try:
        text = raw.decode("cp1258")
    except UnicodeDecodeError:
        return None
    unusual = [c for c in text if ord(c) > 127]
    if not unusual:
        return None
    letters = sum(
        c in _TONE_MARKS
        or (c.isalpha() and unicodedata.normalize("NFD", c.replace("đ", "d").replace("Đ", "D"))[0].isascii())
        for c in unusual
    )
    return "WINDOWS-1258" if letters >= 0.6 * len(unusual) else None


def _not_utf8(raw: bytes, location: str, start: int) -> ReadError:
    """The error for bytes that are not UTF-8 from ``start`` on: which encoding, which line, what to do."""
    lines = raw.rstrip(b"\r\n").count(b"\n") > 0
    line = raw.count(b"\n", 0, start) + 1
    where = f"{location}:{line}" if lines else location
    if any(b >= 0x80 for b in raw[:start]):  # valid UTF-8 with non-ASCII before: mixed encodings
        line_start = raw.rfind(b"\n", 0, start) + 1
        line_end = raw.find(b"\n", start)
        bad = raw[line_start : line_end if line_end >= 0 else len(raw)]
        guess = _legacy_encoding(bad)
        seems = f"; this line looks like {guess}" if guess else ""
        return ReadError(
            where,
            f"mixed encodings: UTF-8 at first, then not UTF-8 at byte {start} (line {line}){seems}",
            f"re-type or convert line {line} (and any later ones like it) to UTF-8"
            + (f", e.g. with `iconv -f {guess} -t UTF-8` on those lines" if guess else ""),
        )
    guess = _legacy_encoding(raw)
    if guess:
        at = f", first at line {line}" if lines else ""
        error = ReadError(
            location, f"not UTF-8: looks like {guess} (byte {start}{at})", _iconv(guess, location)
        )
        error.encoding = guess
        return error
    return ReadError(
        where,
        f"not UTF-8 (byte {start}), in an encoding not recognised",
        "find its encoding (`file -i FILE`, or the program that wrote it) and convert it: "
        "`iconv -f ENCODING -t UTF-8 FILE`, e.g. WINDOWS-1258 or UTF-16",
    )


def read_text(raw: bytes, location: str, *, default_id: str) -> Article:
    """A plain-text article: the title is its first non-empty line; the text is the whole file."""
    text = decode(raw, location).replace("\r\n", "\n")
    title = next(line.strip() for line in text.splitlines() if line.strip())
    return Article(id=default_id, text=text, title=title, location=location)


def read_html(raw: bytes, location: str, *, default_id: str) -> Article:
    """Main text, title, date and URL of an HTML page, through trafilatura (boilerplate removed)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    html = decode(raw, location)
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"extensive_search": False},
        )
    except Exception as error:  # trafilatura/lxml on markup they cannot parse at all
        raise ReadError(
            location,
            f"the HTML cannot be parsed ({type(error).__name__})",
            "check that the file is a whole HTML page",
        ) from None
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


def _lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes | None, int]]:
    """``(number, line, size)`` of each line, in bounded memory: ``line`` is None when over the limit."""
    number = 0
    while True:
        line = stream.readline(MAX_ARTICLE_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) <= MAX_ARTICLE_BYTES or line.endswith(b"\n"):
            yield number, line, len(line)
            continue
        size = len(line)
        del line
        while True:  # skip the rest of the oversize line, a chunk at a time
            rest = stream.readline(_CHUNK)
            size += len(rest)
            if not rest or rest.endswith(b"\n"):
                break
        yield number, None, size


def _json_lines(stream: IO[bytes], location: str) -> Iterator[tuple[str, str, object] | ReadError]:
    """``(file:line, default id, decoded JSON)`` for each non-blank line; bad lines come out as ReadErrors."""
    stem = Path(location).name.split(".")[0]
    empty = True
    utf8 = False  # some line so far held non-ASCII UTF-8
    for number, raw_line, size in _lines(stream):
        where = f"{location}:{number}"
        if raw_line is None:
            empty = False
            yield _too_large(where, size)
            continue
        if not raw_line.strip():
            continue
        if empty:  # the first line tells a UTF-16 file, whose every line would fail alike
            utf16 = "UTF-16LE" if raw_line.startswith(b"\xff\xfe") else None
            utf16 = utf16 or ("UTF-16BE" if raw_line.startswith(b"\xfe\xff") else None)
            utf16 = utf16 or _utf16_without_bom(raw_line)
            if utf16:
                yield ReadError(
                    location,
                    f"not UTF-8: looks like {utf16}; JSON Lines must be UTF-8",
                    _iconv(utf16, location),
                )
                return
        empty = False
        try:
            text = decode(raw_line, where)
            utf8 = utf8 or not raw_line.isascii()
            yield where, f"{stem}-{number}", json.loads(text)
        except ReadError as error:
            if error.encoding and not utf8:  # the first non-ASCII line: the whole file is in it
                whole = ReadError(
                    location,
                    f"not UTF-8: looks like {error.encoding} (from line {number} on)",
                    _iconv(error.encoding, location),
                )
                whole.encoding = error.encoding
                yield whole
                return
            yield error
        except json.JSONDecodeError as error:
            yield ReadError(
                where, f"not valid JSON ({error.msg}, column {error.colno})", "fix or remove the line"
            )
        except RecursionError:
            yield ReadError(where, "JSON nested too deeply", "fix or remove the line")
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

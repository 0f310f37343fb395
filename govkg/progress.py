"""Progress of a long build: articles done of how many, articles/s and time left.

The total is counted in a background thread while the build starts (a JSONL line or a text/HTML file is
one article; a gzipped corpus of 37k articles counts in about half a second), so the bar gets its ETA
a moment after it appears. On a terminal, a rich bar; otherwise (a log file, CI) one plain line every
``LOG_EVERY`` seconds, so a long unattended run still shows it is alive.
"""

from __future__ import annotations

import gzip
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from govkg.loaders.readers import JSONL_SUFFIXES, expand

LOG_EVERY = 30.0  # seconds between plain progress lines when stderr is not a terminal


def count_articles(inputs: Iterable[str]) -> int | None:
    """How many articles ``inputs`` hold, at most (blank and bad lines count); None for stdin."""
    total = 0
    for spec in inputs:
        if spec == "-":
            return None
        for file in expand(spec):
            total += _lines(file) if file.name.lower().endswith(JSONL_SUFFIXES) else 1
    return total


def _lines(path: Path) -> int:
    if not path.is_file():  # a FIFO or device: the build refuses it without opening it, so must we
        return 1
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    count = 0
    try:
        with opener(path, "rb") as stream:
            while block := stream.read(1 << 20):
                count += block.count(b"\n")
    except (OSError, EOFError):  # unreadable: the build reports it; count what was read
        pass
    return count


@contextmanager
def build_progress(inputs: list[str], what: str = "building") -> Iterator[Callable[[str], None]]:
    """A callable to call once per article done (with its id) while the build runs."""
    total: list[int | None] = [None]
    counter = threading.Thread(target=lambda: total.__setitem__(0, count_articles(inputs)), daemon=True)
    counter.start()
    if sys.stderr.isatty():
        with _bar(what, total) as advance:
            yield advance
    else:
        yield _log_lines(what, total)


@contextmanager
def _bar(what: str, total: list[int | None]) -> Iterator[Callable[[str], None]]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:  # type: ignore[no-untyped-def]  # rich's Task
            return Text(f"{task.speed:.0f} articles/s" if task.speed else "", style="progress.data.speed")

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[last]}"),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True, speed_estimate_period=60) as bar:
        task = bar.add_task(what, total=None, last="")

        def advance(article_id: str) -> None:
            if total[0] is not None and bar.tasks[0].total is None:
                bar.update(task, total=total[0])
            bar.update(task, advance=1, last=article_id)

        yield advance


def _log_lines(what: str, total: list[int | None]) -> Callable[[str], None]:
    started = last = time.monotonic()
    done = 0

    def advance(_: str) -> None:
        nonlocal last, done
        done += 1
        now = time.monotonic()
        if now - last < LOG_EVERY:
            return
        last = now
        rate = done / (now - started)
        of, eta = "", ""
        if total[0]:
            of = f"/{total[0]}"
            eta = f", about {max(total[0] - done, 0) / rate:.0f} s left" if rate else ""
        print(f"govkg: {what}: {done}{of} articles, {rate:.0f} articles/s{eta}", file=sys.stderr, flush=True)

    return advance

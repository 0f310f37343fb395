"""Extraction throughput: govkg's rule-based extractor against underthesea's CRF named-entity recogniser.

Run ``python -m benchmarks.extraction`` (or ``make bench``) from the repository root. Each pipeline runs
in its own fresh subprocess, so its peak RSS is its own and its import/model-load time is measured apart
from its per-article time. Results go to ``benchmarks/results/extraction.{json,md}``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from benchmarks.common import ROOT, git_commit, peak_mb

DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus" / "bench" / "news.jsonl.gz"
PROGRESS_EVERY = 5.0  # seconds between progress lines on stderr


def _articles(corpus: str, every: int, limit: int | None):
    """Every ``every``-th article of the corpus, at most ``limit``, read by govkg's own reader.

    A stride rather than the first N, because the file holds baomoi articles first and dantri last.
    """
    from govkg.loaders.readers import iter_articles

    taken = 0
    for i, article in enumerate(iter_articles([corpus])):
        if limit is not None and taken >= limit:
            return
        if i % every == 0:
            taken += 1
            yield article


class _Progress:
    """A periodic ``[name] n/total articles, art/s`` line on stderr, so long runs show they are alive."""

    def __init__(self, name: str, total: int | None) -> None:
        self.name, self.total = name, total
        self.start = self.last = time.perf_counter()

    def tick(self, n: int, work_s: float, *, done: bool = False) -> None:
        now = time.perf_counter()
        if not done and now - self.last < PROGRESS_EVERY:
            return
        self.last = now
        rate = n / work_s if work_s else 0.0
        of = f"/{self.total}" if self.total else ""
        left = f", {now - self.start:.0f} s so far"
        if self.total and n < self.total:
            left += f", ~{(self.total - n) * (now - self.start) / n:.0f} s left"
        print(f"[{self.name}] {n}{of} articles, {rate:.1f} art/s{left}", file=sys.stderr, flush=True)


def _govkg_setup():
    """Import the extractor, load its gazetteers and compile its lazy patterns on a tiny article."""
    from govkg.loaders.extract import extract
    from govkg.loaders.gazetteer import gazetteer
    from govkg.loaders.records import Article

    gazetteer()
    warm = "Bộ trưởng Bộ Nội vụ Nguyễn Văn A ký biên bản ghi nhớ với UBND tỉnh Long An ngày 5/5/2022."
    extract(Article(id="warmup", text=warm)).to_json()
    counts = dict.fromkeys(("persons", "posts", "organizations", "agreements", "signatories"), 0)

    def run(article) -> int:
        record = extract(article).to_json()
        counts["persons"] += len(record["persons"])
        counts["posts"] += sum(len(p["posts"]) for p in record["persons"])
        counts["organizations"] += len(record["organizations"])
        counts["agreements"] += len(record["agreements"])
        counts["signatories"] += sum(len(a["signatories"]) for a in record["agreements"])
        return 1

    return run, counts, {"sentence_split": "govkg.loaders.segment (inside extract)"}


def _baseline_setup():
    """Import underthesea and load its bundled CRF models (word segmentation, POS, chunking, NER).

    ``ner`` tags one sentence; sentences come from ``underthesea.sent_tokenize`` on each non-empty line.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the CRF models are in the wheel: never fetch anything
    from underthesea import ner, sent_tokenize

    ner("Ông Nguyễn Văn A làm việc tại Hà Nội.")
    counts = {"sentences": 0, "entities": 0, "PER": 0, "ORG": 0, "LOC": 0, "MISC": 0}

    def run(article) -> int:
        errors = 0
        for line in article.text.split("\n"):
            if not line.strip():
                continue
            for sentence in sent_tokenize(line):
                counts["sentences"] += 1
                try:
                    tags = ner(sentence)
                except Exception as error:  # report and go on, as a batch user would
                    errors += 1
                    _note_error(article, error)
                    continue
                for tag in (t[-1] for t in tags):
                    if tag.startswith("B-"):
                        counts["entities"] += 1
                        counts[tag[2:]] = counts.get(tag[2:], 0) + 1
        return 0 if errors else 1

    meta = {
        "sentence_split": "underthesea.sent_tokenize on each non-empty line",
        "underthesea": metadata.version("underthesea"),
    }
    return run, counts, meta


_ERRORS: list[str] = []


def _note_error(article, error: Exception) -> None:
    """Keep the first few errors (article, type, message) for the report."""
    if len(_ERRORS) < 10:
        _ERRORS.append(f"{article.location or article.id}: {type(error).__name__}: {error}"[:300])


def worker(pipeline: str, corpus: str, every: int, limit: int | None) -> dict:
    """Measure one pipeline in this (fresh) process and return its numbers."""
    t0 = time.perf_counter()
    run, counts, meta = (_govkg_setup if pipeline == "govkg" else _baseline_setup)()
    load_s = time.perf_counter() - t0
    rss_loaded = peak_mb()

    name = pipeline if every == 1 else f"{pipeline} sample"
    progress = _Progress(name, limit)
    n = chars = failed = 0
    work_s = 0.0
    loop_start = time.perf_counter()
    for article in _articles(corpus, every, limit):
        start = time.perf_counter()
        try:
            ok = run(article)
        except Exception as error:  # one bad article must not end a long run
            ok = 0
            _note_error(article, error)
        work_s += time.perf_counter() - start
        n += 1
        chars += len(article.text)
        failed += 1 - ok
        progress.tick(n, work_s)
    loop_s = time.perf_counter() - loop_start
    progress.tick(n, work_s, done=True)
    return {
        "pipeline": pipeline,
        "every": every,
        "articles": n,
        "characters": chars,
        "load_s": round(load_s, 3),
        "extract_s": round(work_s, 3),
        "read_s": round(loop_s - work_s, 3),
        "wall_s": round(time.perf_counter() - t0, 3),
        "articles_per_s": round(n / work_s, 2) if work_s else None,
        "chars_per_s": round(chars / work_s) if work_s else None,
        "peak_rss_mb_after_load": rss_loaded,
        "peak_rss_mb": peak_mb(),
        "articles_with_errors": failed,
        "first_errors": _ERRORS,
        "found": counts,
        **meta,
    }


def _spawn(pipeline: str, corpus: str, every: int, limit: int | None) -> dict:
    """Run one worker in a fresh interpreter; its progress passes through on stderr, its JSON on stdout."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", pipeline, "--corpus", corpus]
    cmd += ["--every", str(every)] + (["--limit", str(limit)] if limit is not None else [])
    print(f"== {pipeline}: every {every} article(s), limit {limit or 'none'}", file=sys.stderr, flush=True)
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


def _count_lines(path: Path) -> int:
    """Non-blank lines of the gzip JSONL: the article count, to choose the sample's stride."""
    with gzip.open(path, "rb") as stream:
        return sum(1 for line in stream if line.strip())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _markdown(result: dict) -> str:
    """A readable table of the runs, the ratio, and a paragraph on method."""
    rows = [
        ("govkg, full corpus", result["govkg_full"]),
        ("govkg, baseline sample", result["govkg_sample"]),
        ("underthesea ner, baseline sample", result["baseline_sample"]),
    ]
    lines = [
        "# Extraction throughput",
        "",
        f"{result['date']} · Python {result['python']} · {result['cpu_count']} CPUs · {result['platform']}",
        "",
        f"govkg {result['govkg_version']} (commit {result['git_commit']}) · "
        f"underthesea {result['underthesea_version']}",
        "",
        f"Corpus: `{result['corpus']}` ({result['corpus_articles']} articles, sha256 "
        f"`{result['corpus_sha256'][:16]}…`). Sample: every {result['sample_every']}th article, "
        f"{result['baseline_sample']['articles']} articles.",
        "",
        "| run | articles | load s | extract s | art/s | chars/s | found | peak RSS MB | wall s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    for label, r in rows:
        f = r["found"]
        if r["pipeline"] == "govkg":
            found = (
                f"{f['persons']} persons, {f['posts']} posts, {f['organizations']} bodies, "
                f"{f['agreements']} agreements, {f['signatories']} signatories"
            )
        else:
            found = (
                f"{f['entities']} entities (PER {f.get('PER', 0)}, ORG {f.get('ORG', 0)}, "
                f"LOC {f.get('LOC', 0)}, MISC {f.get('MISC', 0)}) in {f['sentences']} sentences"
            )
        lines.append(
            f"| {label} | {r['articles']} | {r['load_s']:.2f} | {r['extract_s']:.1f} "
            f"| {r['articles_per_s']:.1f} | {r['chars_per_s']:,} | {found} | {r['peak_rss_mb']:.0f} "
            f"| {r['wall_s']:.1f} |"
        )
    lines += [
        "",
        f"**govkg / baseline throughput on the same sample: {result['ratio_govkg_over_baseline']:.1f}×** "
        "(articles per second).",
        "",
        "Method: each run is a fresh Python subprocess on one process. *load s* is imports plus "
        "model/gazetteer loading plus one warm-up call on a tiny text; *extract s* sums the time spent in "
        "the pipeline per article (reading and JSON-decoding the gzip corpus with "
        "`govkg.loaders.readers.iter_articles` is excluded and reported as `read_s` in the JSON); *art/s* "
        "and *chars/s* divide by it; *peak RSS* is the subprocess's `ru_maxrss`. govkg runs "
        "`extract(article).to_json()` (gazetteers and rules; sentences split inside). The baseline splits "
        "each non-empty line of the text into sentences with `underthesea.sent_tokenize` and runs "
        "`underthesea.ner` (its bundled 2017 CRF model, which also runs word segmentation, POS tagging and "
        "chunking) on each; it finds generic PER/ORG/LOC/MISC spans, not posts or agreements, so it is a "
        "speed and memory reference, not an accuracy one. The sample is every k-th article, because the "
        "file holds baomoi articles first and dantri ones last.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.relpath(DEFAULT_CORPUS), help="JSONL(.gz) corpus")
    parser.add_argument("--limit", type=int, help="articles for govkg (default: all)")
    parser.add_argument(
        "--baseline-limit", type=int, default=1000, help="articles for the baseline sample (default 1000)"
    )
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results"), help="results folder")
    parser.add_argument("--worker", choices=("govkg", "baseline"), help=argparse.SUPPRESS)
    parser.add_argument("--every", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    corpus = os.path.abspath(args.corpus)

    if args.worker:
        print(json.dumps(worker(args.worker, corpus, args.every, args.limit)))
        return 0

    total = _count_lines(Path(corpus))
    full_total = min(total, args.limit) if args.limit else total
    every = max(1, total // args.baseline_limit)
    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "cpu_count": os.cpu_count(),
        "git_commit": git_commit(),
        "govkg_version": metadata.version("govkg"),
        "underthesea_version": metadata.version("underthesea"),
        "corpus": os.path.relpath(corpus, ROOT),
        "corpus_sha256": _sha256(Path(corpus)),
        "corpus_articles": total,
        "sample_every": every,
        "govkg_full": _spawn("govkg", corpus, 1, full_total),
        "govkg_sample": _spawn("govkg", corpus, every, args.baseline_limit),
        "baseline_sample": _spawn("baseline", corpus, every, args.baseline_limit),
    }
    result["ratio_govkg_over_baseline"] = round(
        result["govkg_sample"]["articles_per_s"] / result["baseline_sample"]["articles_per_s"], 2
    )
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "extraction.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")
    (out / "extraction.md").write_text(_markdown(result), "utf-8")
    print(_markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Scoring extracted facts against gold files, as SCHEMA.md "How a comparison counts" says.

Counted facts per article (paired by ``id``): person (name); post (person, title, organization);
agreement (kind, set of parties); signatory (person, on_behalf_of, set of parties); agreement date
(set of parties, date) for dated agreements. Names are compared after NFC, one tone placement, lower
case and folded white space; an organization is matched through the gold article's table of names
and aliases, so a predicted alias counts as the gold canonical name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from govkg.loaders.normalize import key

KINDS = ("person", "post", "agreement", "signatory", "agreement_date")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


def _org_table(gold: dict[str, Any]) -> dict[str, str]:
    table: dict[str, str] = {}
    for o in gold.get("organizations") or []:
        canonical = key(o["name"])
        table.setdefault(canonical, canonical)
        for a in o.get("aliases") or []:
            table.setdefault(key(a), canonical)
    return table


def facts(article: dict[str, Any], gold: dict[str, Any]) -> dict[str, set[Any]]:
    """The counted facts of ``article``, organizations mapped through ``gold``'s name table."""
    table = _org_table(gold)

    def org(name: str | None) -> str | None:
        if name is None:
            return None
        k = key(name)
        return table.get(k, k)

    out: dict[str, set[Any]] = {k: set() for k in KINDS}
    for p in article.get("persons") or []:
        name = key(p["name"])
        out["person"].add(name)
        for post in p.get("posts") or []:
            out["post"].add((name, key(post["title"]), org(post.get("organization"))))
    for a in article.get("agreements") or []:
        parties = frozenset(org(x) for x in a.get("parties") or [])
        out["agreement"].add((a.get("kind"), parties))
        for s in a.get("signatories") or []:
            out["signatory"].add((key(s["person"]), org(s.get("on_behalf_of")), parties))
        if a.get("date"):
            out["agreement_date"].add((parties, a["date"]))
    return out


@dataclass(frozen=True)
class Difference:
    """One counted fact the extractor missed (in gold only) or made up (in its output only)."""

    article: str
    kind: str
    missed: bool
    fact: Any

    def __str__(self) -> str:
        def show(x: Any) -> str:
            if isinstance(x, frozenset):
                return "{" + ", ".join(sorted(map(str, x))) + "}"
            if isinstance(x, tuple):
                return "(" + ", ".join(show(y) for y in x) + ")"
            return str(x)

        return (
            f"{self.article}  {'missed  ' if self.missed else 'spurious'}  {self.kind:<14}  {show(self.fact)}"
        )


def _paired_facts(gold: Iterable[dict[str, Any]], predicted: Iterable[dict[str, Any]]):
    gold_by_id = {g["id"]: g for g in gold}
    pred_by_id = {p["id"]: p for p in predicted}
    empty = {k: set() for k in KINDS}
    for aid in sorted(gold_by_id.keys() | pred_by_id.keys()):
        g = gold_by_id.get(aid)
        p = pred_by_id.get(aid)
        ref = g or {"organizations": []}
        yield aid, (facts(g, ref) if g else empty), (facts(p, ref) if p else empty)


def differences(gold: Iterable[dict[str, Any]], predicted: Iterable[dict[str, Any]]) -> list[Difference]:
    """Every missed and spurious fact, article by article, for error analysis (``eval --errors``)."""
    out = []
    for aid, gf, pf in _paired_facts(gold, predicted):
        for k in KINDS:
            out += [Difference(aid, k, True, f) for f in sorted(gf[k] - pf[k], key=repr)]
            out += [Difference(aid, k, False, f) for f in sorted(pf[k] - gf[k], key=repr)]
    return out


def score(gold: Iterable[dict[str, Any]], predicted: Iterable[dict[str, Any]]) -> dict[str, Score]:
    """Per-kind scores and their ``micro`` total; articles are paired by ``id``."""
    scores = {k: Score() for k in KINDS}
    for _, gf, pf in _paired_facts(gold, predicted):
        for k in KINDS:
            scores[k].add(Score(len(gf[k] & pf[k]), len(pf[k] - gf[k]), len(gf[k] - pf[k])))
    micro = Score()
    for k in KINDS:
        micro.add(scores[k])
    scores["micro"] = micro
    return scores


def format_table(scores: dict[str, Score]) -> str:
    """An aligned text table: kind, tp, fp, fn, precision, recall, F1."""
    rows = [("kind", "tp", "fp", "fn", "P", "R", "F1")]
    for k, s in scores.items():
        rows.append(
            (k, str(s.tp), str(s.fp), str(s.fn), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for r in rows:
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells))
    return "\n".join(lines)

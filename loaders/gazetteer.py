"""Gazetteers shipped as data (``loaders/data/*.json``), loaded once and compiled into patterns."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from govkg.loaders.normalize import _variants, fold, normalize


def load_data(name: str) -> Any:
    """A JSON data file shipped in ``govkg/loaders/data``."""
    raw = resources.files("govkg.loaders").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return json.loads(raw)


def alternation(phrases: list[str], *, ignore_case: bool = False) -> str:
    """A regex alternation of ``phrases``, longest first, spaces matching any white space."""
    uniq = sorted({normalize(p) for p in phrases if p}, key=len, reverse=True)
    parts = []
    for p in uniq:
        esc = re.escape(p).replace(r"\ ", r"\s+")
        esc = esc.replace("\\&", r"\s*&\s*").replace("\\-", r"\s*[-–]\s*")
        parts.append(esc)
    body = "|".join(parts)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


@dataclass
class Province:
    """A province-level unit (tỉnh or centrally-run thành phố) of either side of the 2025-07-01 merger.

    One object per name: a name valid in both eras (Tây Ninh before and after absorbing Long An) is
    one Province with ``legacy`` and ``current`` both true.
    """

    name: str
    kind: str  # "tỉnh" | "thành phố"
    legacy: bool = False  # one of the 63 valid until 2025-07-01
    current: bool = False  # one of the 34 valid from 2025-07-01
    successor: str | None = None  # no longer exists: the province that took it over
    merged_from: tuple[str, ...] = ()  # current: the legacy provinces it was formed from
    valid_until: str | None = None  # no longer exists: ISO date it ended

    @property
    def display(self) -> str:
        """The place as gold names write it after a body: "tỉnh Long An", "Thành phố Hồ Chí Minh"."""
        return self.name if self.name.startswith("Thành phố") else f"{self.kind} {self.name}"


@dataclass
class Gazetteer:
    provinces: dict[str, Province] = field(default_factory=dict)  # folded lower alias -> province
    province_pattern: str = ""
    source_provinces: dict[str, str] = field(default_factory=dict)
    bodies: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded alias -> (name, type)
    body_pattern: str = ""
    domains: dict[str, str] = field(default_factory=dict)  # folded domain alias -> canonical domain
    domain_pattern: str = ""
    dept_domains: dict[str, str] = field(default_factory=dict)
    dept_pattern: str = ""
    country_pattern: str = ""
    titles: dict[str, str] = field(default_factory=dict)  # folded lower -> canonical
    title_pattern: str = ""
    implied_body: dict[str, str] = field(default_factory=dict)
    split_titles: dict[str, list[str]] = field(default_factory=dict)
    rank_pattern: str = ""
    academic_pattern: str = ""
    honorifics: dict[str, str | None] = field(default_factory=dict)
    honorific_pattern: str = ""
    former: set[str] = field(default_factory=set)
    english: dict[str, str] = field(default_factory=dict)  # canonical body name -> English name
    surnames: set[str] = field(default_factory=set)


def lookup_key(text: str) -> str:
    """Folded, lower-case, space-collapsed key with '&'/'-' spacing removed."""
    t = fold(normalize(text)).lower().replace("–", "-")
    t = re.sub(r"\s*([&-])\s*", r"\1", t)
    return " ".join(t.split())


def _provinces() -> tuple[dict[str, Province], list[str], dict[str, str]]:
    """Provinces of both eras from provinces.json (generated from the registry) and
    provinces_curated.json (hand-curated aliases, former names, news-site hints):
    (folded alias -> province, aliases, news site -> province name)."""
    registry = load_data("provinces.json")
    curated = load_data("provinces_curated.json")
    by_name: dict[str, Province] = {}
    written: dict[str, list[str]] = {}
    for rec in registry["provinces"]:
        name = normalize(rec["name"])
        p = by_name.setdefault(name, Province(name, rec["kind"]))
        if p.kind != rec["kind"]:
            raise ValueError(f"provinces.json: {name} has two kinds")
        if rec["era"] == "legacy":
            p.legacy = True
            if normalize(rec["successor"]) != name:
                p.successor = normalize(rec["successor"])
                p.valid_until = rec["valid_until"]
        else:
            p.current = True
            p.merged_from = tuple(normalize(x) for x in rec["merged_from"])
        written.setdefault(name, [name])
        written[name] += [a for a in rec["aliases"] if a not in written[name]]
    for rec in curated["former_names"]:
        name = normalize(rec["name"])
        if name in by_name or normalize(rec["successor"]) not in by_name:
            raise ValueError(f"provinces_curated.json: bad former name {name}")
        by_name[name] = Province(
            name, rec["kind"], successor=normalize(rec["successor"]), valid_until=rec["valid_until"]
        )
        written[name] = [name, *rec["aliases"]]
    for name, extra in curated["aliases"].items():
        if normalize(name) not in by_name:
            raise ValueError(f"provinces_curated.json: unknown province {name}")
        written[normalize(name)] += extra
    table: dict[str, Province] = {}
    aliases: list[str] = []
    for name, forms in written.items():
        # "Bà Rịa - Vũng Tàu" is also written "Bà Rịa-Vũng Tàu"; the compact form's pattern matches both
        forms += [re.sub(r"\s*-\s*", "-", a) for a in forms if re.search(r"\s-|-\s", a)]
        for a in forms:
            k = lookup_key(a)
            if table.setdefault(k, by_name[name]) is not by_name[name]:
                raise ValueError(f"province alias {a!r} names both {table[k].name} and {name}")
            aliases.append(a)
    sites = {k: normalize(v) for k, v in curated["source_provinces"].items() if not k.startswith("_")}
    if unknown := [v for v in sites.values() if v not in by_name]:
        raise ValueError(f"provinces_curated.json: source_provinces name unknown provinces {unknown}")
    return table, aliases, sites


def successor_province(name: str) -> Province | None:
    """The province that, from 2025-07-01, covers the province ``name`` (any alias, any era):
    Long An -> Tây Ninh, Tiền Giang -> Đồng Tháp, Tây Ninh -> Tây Ninh, Thừa Thiên Huế -> Huế.
    None when ``name`` is not a province."""
    g = gazetteer()
    p = g.provinces.get(lookup_key(name))
    seen: set[str] = set()
    while p is not None and not p.current:
        if p.successor is None or p.name in seen:
            return None
        seen.add(p.name)
        p = g.provinces.get(lookup_key(p.successor))
    return p


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    g = Gazetteer()
    g.provinces, aliases, g.source_provinces = _provinces()
    g.province_pattern = alternation(aliases)

    bodies = load_data("bodies.json")
    body_aliases: list[str] = []
    domain_aliases: list[str] = []
    for name, domain, extra, english in bodies["ministries"]:
        g.english[normalize(name)] = english
        for d in [domain, *extra]:
            for v in _variants(d):
                g.domains[lookup_key(v)] = normalize(domain)
                g.dept_domains[lookup_key(v)] = normalize(domain)
                domain_aliases.append(v)
    for name, extra in bodies["ministerial_agencies"]:
        for a in [name, *extra]:
            g.bodies[lookup_key(a)] = (normalize(name), "Ministry")
            body_aliases.append(a)
    for name, typ, extra in bodies["central"]:
        for a in [name, *extra]:
            for v in _variants(a):
                g.bodies[lookup_key(v)] = (normalize(name), typ)
                body_aliases.append(v)
    for d in bodies["departments_extra"]:
        g.dept_domains[lookup_key(d)] = normalize(d)
    g.body_pattern = alternation(body_aliases)
    g.domain_pattern = alternation(domain_aliases, ignore_case=True)
    g.dept_pattern = alternation(domain_aliases + bodies["departments_extra"], ignore_case=True)
    g.country_pattern = alternation(bodies["countries"])

    titles = load_data("titles.json")
    for t in titles["titles"]:
        g.titles[lookup_key(t)] = normalize(t)
    g.titles[lookup_key("Chủ tịch HĐQT")] = "Chủ tịch Hội đồng quản trị"
    g.titles[lookup_key("Phó Chủ tịch HĐQT")] = "Phó Chủ tịch Hội đồng quản trị"
    g.title_pattern = alternation(titles["titles"], ignore_case=True)
    g.implied_body = {normalize(k): normalize(v) for k, v in titles["implied_body"].items()}
    g.split_titles = {normalize(k): [normalize(x) for x in v] for k, v in titles["split_titles"].items()}
    g.rank_pattern = alternation(titles["ranks"], ignore_case=True)
    g.academic_pattern = alternation(titles["academic"])
    g.honorifics = {normalize(k): v for k, v in titles["honorifics"].items()}
    g.honorific_pattern = alternation(list(titles["honorifics"]), ignore_case=True)
    g.former = {normalize(x) for x in titles["former"]}
    g.surnames = {normalize(x) for x in titles["surnames"]}
    return g

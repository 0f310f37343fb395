"""Generate ``data/provinces.json`` (the province gazetteer) from the ``vietnamadminunits`` registry.

Run ``python -m govkg.loaders.generate_provinces`` after upgrading the registry (a ``dev`` extra);
``--check`` exits 1 when the shipped file is stale (the tests do the same comparison).

The registry is MIT-licensed but depends on ``unidecode`` (GPL), so it is not a runtime dependency:
govkg ships the generated JSON, and this module reads the registry's data files without importing
the package (its ``__init__`` pulls in shapely and geopy). Only names, codes, kinds and the 2025
merger map are copied; the registry's coordinates (geocoded) are not.

Shape of the generated file (one record per province *and era*; 63 + 34 = 97 records):

- ``source``: registry package, version, licence, copyright and the data files read.
- ``reorganisation_date``: ``"2025-07-01"``, when the 63 provinces became 34.
- ``provinces``: records with
  ``name`` (as news writes it: the registry's short name, "Long An", "Huế", except where that is a
  person's name: "Thành phố Hồ Chí Minh"), ``official`` (the registry's full name, "Tỉnh Long An"),
  ``kind`` ("tỉnh" | "thành phố"), ``era`` ("legacy" | "current"), ``valid_until`` (legacy:
  "2025-07-01") or ``valid_from`` (current: "2025-07-01"), ``code`` (the registry's province code
  in that era; codes were renumbered in 2025), ``aliases`` (other written forms found in the
  registry: its short name when ``name`` is the full one, upper-case initials such as "HN"), and
  ``successor`` (legacy: the 2025 province its whole territory became part of, possibly itself)
  or ``merged_from`` (current: the legacy provinces it was formed from, possibly only itself).

Many names exist in both eras (Tây Ninh before and after absorbing Long An); they are two records
here and one ``Province`` in the gazetteer. Hand-curated additions that are not registry data
(spelling variants, "TP.HCM", the former name "Thừa Thiên Huế", news-site hints) live in
``data/provinces_curated.json``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

from govkg.loaders.normalize import fold, normalize

REGISTRY = "vietnamadminunits"
REORGANISATION = "2025-07-01"
OUT_PATH = Path(__file__).with_name("data") / "provinces.json"
LEGACY_FILE = "data/parser_legacy.json"
CURRENT_FILE = "data/parser_from_2025.json"
CONVERTER_FILE = "data/converter_2025.json"
# Registry keys whose short name is a person's name: news writes the full name.
FULL_NAME_KEYS = {"thanhphohochiminh"}
KINDS = ("tỉnh", "thành phố")

COMMENT = (
    "GENERATED from the vietnamadminunits registry by `python -m govkg.loaders.generate_provinces` "
    "— do not edit by hand (curated additions: provinces_curated.json). One record per province and "
    "era: the 63 provinces valid until 2025-07-01 (era legacy, with their successor) and the 34 valid "
    "from 2025-07-01 (era current, with the legacy provinces merged into each). Fields are described "
    "in loaders/generate_provinces.py."
)


def registry_dir() -> Path | None:
    """The installed registry package's directory, found without importing it; None when absent."""
    spec = importlib.util.find_spec(REGISTRY)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _read(root: Path, name: str) -> dict[str, Any]:
    return json.loads((root / name).read_text(encoding="utf-8"))


def _kind(official: str) -> str:
    for kind in KINDS:
        if official.lower().startswith(kind + " "):
            return kind
    raise ValueError(f"registry province {official!r} is neither a tỉnh nor a thành phố")


def _names(key: str, entry: dict[str, Any]) -> tuple[str, str, str, list[str]]:
    """(name, official, kind, aliases) of one registry province entry."""
    official = normalize(entry["province"])
    short = normalize(entry["provinceShort"])
    kind = _kind(official)
    if not official.lower().endswith(short.lower()):
        raise ValueError(f"registry short name {short!r} is not the end of {official!r}")
    name = f"Thành phố {short}" if key in FULL_NAME_KEYS else short
    aliases = [short] if name != short else []
    initials = "".join(w[0] for w in fold(short).lower().replace("-", " ").split())
    if len(initials) >= 2 and initials in entry.get("provinceKeywords", []):
        aliases.append(initials.upper())  # "hn" -> "HN", "hcm" -> "HCM"
    return name, official, kind, aliases


def build(root: Path | None = None, registry_version: str | None = None) -> dict[str, Any]:
    """The content of provinces.json from the registry's data files in ``root`` (default: the
    installed registry, whose version is then recorded)."""
    if root is None:
        root = registry_dir()
        if root is None:
            raise RuntimeError(f"{REGISTRY} is not installed: pip install -e '.[dev]'")
        registry_version = version(REGISTRY)
    legacy = _read(root, LEGACY_FILE)["DICT_PROVINCE"]
    current = _read(root, CURRENT_FILE)["DICT_PROVINCE"]
    merged = _read(root, CONVERTER_FILE)["DICT_PROVINCE"]
    if set(merged) != set(current):
        raise ValueError("the registry's converter and its 34-province list disagree")

    successor: dict[str, str] = {}
    for new_key, old_keys in merged.items():
        for old in old_keys:
            if old not in legacy:
                raise ValueError(f"converter names unknown legacy province {old!r}")
            if old in successor:
                raise ValueError(f"legacy province {old!r} has two successors")
            successor[old] = new_key
    if set(successor) != set(legacy):
        raise ValueError(f"legacy provinces without a successor: {sorted(set(legacy) - set(successor))}")

    names = {("legacy", k): _names(k, v) for k, v in legacy.items()}
    names |= {("current", k): _names(k, v) for k, v in current.items()}
    kinds: dict[str, str] = {}
    for name, _official, kind, _aliases in names.values():
        if kinds.setdefault(name, kind) != kind:
            raise ValueError(f"{name!r} changes kind between eras; the gazetteer cannot represent that")

    def code(entry: dict[str, Any]) -> str:
        return str(entry["provinceCode"])

    records: list[dict[str, Any]] = []
    for k, entry in sorted(legacy.items(), key=lambda kv: code(kv[1])):
        name, official, kind, aliases = names["legacy", k]
        records.append(
            {
                "name": name,
                "official": official,
                "kind": kind,
                "era": "legacy",
                "valid_until": REORGANISATION,
                "code": code(entry),
                "aliases": aliases,
                "successor": names["current", successor[k]][0],
            }
        )
    for k, entry in sorted(current.items(), key=lambda kv: code(kv[1])):
        name, official, kind, aliases = names["current", k]
        parts = sorted(merged[k], key=lambda old: code(legacy[old]))
        records.append(
            {
                "name": name,
                "official": official,
                "kind": kind,
                "era": "current",
                "valid_from": REORGANISATION,
                "code": code(entry),
                "aliases": aliases,
                "merged_from": [names["legacy", old][0] for old in parts],
            }
        )
    return {
        "_comment": COMMENT,
        "source": {
            "package": REGISTRY,
            "version": registry_version,
            "licence": "MIT",
            "copyright": "Copyright (c) 2025 Tran Ngoc Minh Hieu",
            "url": "https://github.com/tranngocminhhieu/vietnamadminunits",
            "files": [LEGACY_FILE, CURRENT_FILE, CONVERTER_FILE],
        },
        "reorganisation_date": REORGANISATION,
        "provinces": records,
    }


def render(root: Path | None = None, registry_version: str | None = None) -> str:
    """The text of provinces.json: header keys indented, one province record per line."""
    data = build(root, registry_version)
    rows = [json.dumps(r, ensure_ascii=False) for r in data.pop("provinces")]
    head = json.dumps(data, ensure_ascii=False, indent=2)
    return head[:-2] + ',\n  "provinces": [\n    ' + ",\n    ".join(rows) + "\n  ]\n}\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args not in ([], ["--check"]):
        print("usage: python -m govkg.loaders.generate_provinces [--check]", file=sys.stderr)
        return 2
    try:
        text = render()
    except RuntimeError as err:
        print(err, file=sys.stderr)
        return 2
    if args == ["--check"]:
        stale = not OUT_PATH.exists() or OUT_PATH.read_text(encoding="utf-8") != text
        print(f"{OUT_PATH} is {'stale' if stale else 'up to date'}")
        return 1 if stale else 0
    OUT_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {OUT_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

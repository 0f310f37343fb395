"""Vietnamese text normalization: NFC, one tone-mark placement, diacritic folding, abbreviations.

Tone placement follows the convention the gold files use: ``hòa``, ``khỏe``, ``thủy``, ``Ủy``
(open ``oa``/``oe``/``uy`` carry the mark on the first vowel; a coda moves it to the last one:
``hoàn``, ``thuyền``; a vowel with a quality mark always carries it: ``người``, ``khuyến``).
The placement is computed per syllable from its onset, vowel nucleus and coda, so it works on any
Vietnamese syllable rather than on a word list. ``normalize_text`` keeps the string length when
the input is already NFC (the usual case), and otherwise returns a map back to original offsets.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng
# vowel qualities (breve, circumflex, horn) that attract the tone mark
QUALITY_MARKS = {"\u0306", "\u0302", "\u031b"}
VOWELS = set("aeiouy")
# a word: letters with the combining marks that follow them ("\w" leaves marks out, and a tone moved
# within a word must not land before a mark outside it, or the result is no longer NFC)
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{_MARKS}])*")


def _split_syllable(base: str) -> tuple[int, int] | None:
    """Return (start, end) of the vowel nucleus in ``base`` (lower case, tone removed, NFD)."""
    letters = [c for c in base]
    # positions of base letters (ignore combining quality marks, which follow their letter)
    idx = [i for i, c in enumerate(letters) if not unicodedata.combining(c)]
    plain = "".join(letters[i] for i in idx)
    start = 0
    while start < len(plain) and plain[start] not in VOWELS:
        start += 1
    if start == len(plain):
        return None
    # qu- and gi- onsets take their u / i when another vowel follows
    if plain[start] == "u" and start > 0 and plain[start - 1] == "q":
        start += 1
    elif (
        plain[start] == "i"
        and start > 0
        and plain[start - 1] == "g"
        and start + 1 < len(plain)
        and plain[start + 1] in VOWELS
    ):
        start += 1
    end = start
    while end < len(plain) and plain[end] in VOWELS:
        end += 1
    if start >= end:
        return None
    if any(c in VOWELS for c in plain[end:]):
        return None  # not one Vietnamese syllable
    return start, end


def _decompose(word: str) -> list[list[str]]:
    """NFD letters grouped with their combining marks."""
    groups: list[list[str]] = []
    for c in unicodedata.normalize("NFD", word):
        if unicodedata.combining(c) and groups:
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


@lru_cache(maxsize=65536)
def normalize_tone(word: str) -> str:
    """Move the tone mark of one syllable to its standard position (``hoà`` → ``hòa``)."""
    groups = _decompose(word)
    tones = [(i, m) for i, g in enumerate(groups) for m in g[1:] if m in TONE_MARKS]
    if len(tones) != 1:
        return word
    tone_at, tone = tones[0]
    bare = [[m for m in g if m not in TONE_MARKS] for g in groups]
    plain = "".join(g[0].lower() for g in bare)
    if plain[0] == "đ":
        plain = "d" + plain[1:]
    if not plain.isascii():
        return word
    span = _split_syllable(plain)
    if span is None:
        return word
    start, end = span
    nucleus = list(range(start, end))
    marked = [i for i in nucleus if any(m in QUALITY_MARKS for m in bare[i][1:])]
    coda = plain[end:]
    if marked:
        target = marked[-1]
    elif len(nucleus) == 1:
        target = nucleus[0]
    elif coda:
        target = nucleus[-1]
    elif len(nucleus) == 3:
        target = nucleus[1]
    else:  # open oa / oe / uy and all other open diphthongs: the first vowel (hòa, khỏe, thủy)
        target = nucleus[0]
    if target == tone_at:
        return word
    bare[target] = [bare[target][0], *bare[target][1:], tone]
    out = unicodedata.normalize("NFC", "".join("".join(g) for g in bare))
    return out if len(out) == len(unicodedata.normalize("NFC", word)) else word


def _normalize_nfc(text: str) -> str:
    return _WORD.sub(lambda m: normalize_tone(m.group()) if not m.group().isascii() else m.group(), text)


def normalize(text: str) -> str:
    """NFC plus one tone placement (``Uỷ ban`` → ``Ủy ban``)."""
    return _normalize_nfc(unicodedata.normalize("NFC", text))


def normalize_text(text: str) -> tuple[str, list[int] | None]:
    """Normalize ``text``; return it with a map from normalized to original offsets.

    The map is None when the lengths are equal and offsets are the same (input already NFC). When
    given, ``offsets[i]`` is the original offset of normalized character ``i`` and
    ``offsets[len(normalized)]`` is ``len(text)``.
    """
    nfc = unicodedata.normalize("NFC", text)
    if len(nfc) == len(text):
        return _normalize_nfc(nfc), None
    # map per grapheme chunk: a base character with its combining marks
    pieces: list[str] = []
    offsets: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        chunk = unicodedata.normalize("NFC", text[i:j])
        pieces.append(chunk)
        offsets.extend([i] * len(chunk))
        i = j
    offsets.append(len(text))
    return _normalize_nfc("".join(pieces)), offsets


def fold(text: str) -> str:
    """Remove diacritics (``đ`` → ``d``) for lookups that must ignore them."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def key(text: str) -> str:
    """Comparison key: normalized, lower case, folded white space."""
    return " ".join(normalize(text).lower().split())


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Abbreviation → expansion, from ``loaders/data/abbreviations.json``."""
    raw = resources.files("govkg.loaders").joinpath("data/abbreviations.json").read_text(encoding="utf-8")
    table: dict[str, str] = json.loads(raw)
    return {normalize(k): normalize(v) for k, v in table.items() if not k.startswith("_")}


def _variants(abbr: str) -> list[str]:
    """Spelling variants of an abbreviation: ``TT&TT``, ``TT & TT``, ``TT-TT``, ``TTTT``."""
    out = {abbr}
    for sep in ("&", "-"):
        if sep in abbr:
            out.add(abbr.replace(sep, f" {sep} "))
    if "&" in abbr or "-" in abbr:
        out.add(abbr.replace("&", "-"))
        out.add(abbr.replace("&", "").replace("-", ""))
        out.add(abbr.replace("-", "&"))
    return sorted(out, key=len, reverse=True)


@lru_cache(maxsize=1)
def _abbreviation_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    lookup: dict[str, str] = {}
    for abbr, full in abbreviations().items():
        for v in _variants(abbr):
            lookup.setdefault(" ".join(v.split()), full)
    alts = sorted(lookup, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"\s*") for a in alts)
    return re.compile(rf"(?<![\w&.-])(?:{body})(?![\w&])"), lookup


def expand_abbreviations(text: str) -> str:
    """Replace known abbreviations by their expansion (``UBND tỉnh`` → ``Ủy ban nhân dân tỉnh``)."""
    pattern, lookup = _abbreviation_pattern()

    def repl(m: re.Match[str]) -> str:
        found = " ".join(m.group().replace("&", " & ").replace("-", " - ").split())
        for k in (m.group(), " ".join(m.group().split()), found):
            if k in lookup:
                return lookup[k]
        compact = re.sub(r"\s+", "", m.group())
        for k, v in lookup.items():
            if re.sub(r"\s+", "", k) == compact:
                return v
        return m.group()

    return pattern.sub(repl, normalize(text))

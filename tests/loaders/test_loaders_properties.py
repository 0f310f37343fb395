"""Properties of normalization, dates and extraction over any text, Vietnamese-heavy or not.

Hypothesis builds the texts from Vietnamese letters (precomposed and with combining marks, old and
new tone placement), official words ("Bộ", "UBND tỉnh", titles, names), dates, digits, punctuation
and newlines, mixed with arbitrary Unicode. Examples that once failed are kept as @example.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from govkg.loaders.dates import article_date, dateline, find_dates, find_period, parse_date, present_year
from govkg.loaders.extract import extract
from govkg.loaders.normalize import expand_abbreviations, fold, key, normalize, normalize_text
from govkg.loaders.records import Article, Evidence

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
    "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
)
COMBINING = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"  # tones, then vowel qualities
WORDS = [
    "Bộ",
    "Bộ trưởng",
    "Thứ trưởng",
    "Bộ Thông tin và Truyền thông",
    "Bộ TT&TT",
    "UBND tỉnh",
    "UBND tỉnh Long An",
    "Ủy ban nhân dân",
    "Uỷ ban",
    "HĐND",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Bí thư Tỉnh ủy",
    "Sở",
    "ông",
    "bà",
    "Ông Nguyễn Văn An",
    "Bà Trần Thị Hòa",
    "Phạm Đức Long",
    "Hậu Giang",
    "TP.HCM",
    "thay mặt",
    "ký kết",
    "Biên bản ghi nhớ",
    "Thỏa thuận hợp tác",
    "Chương trình phối hợp",
    "giai đoạn 2022-2025",
    "nhiệm kỳ 2020 - 2025",
    "ngày",
    "Chiều ngày",
    "5/3/2024",
    "16/7",
    "21-3",
    "31/2",
    "29/2",
    "ngày 05 tháng 5 năm 2022",
    "tháng 5/2022",
    "năm 2024",
    "(Ảnh: ",
    "Ảnh: TTXVN",
    "hoà",
    "khoẻ",
    "thuỷ",
    "quyết",
    "gìn",
]
PUNCTUATION = list(".,;:!?()\"'“”–—-/&%…") + ["\n", "\n\n", " ", "  ", "\t", "\r\n", "\u00a0"]


def _syllable(letters: str, marks: str) -> str:
    return letters + marks


vietnamese_word = st.builds(
    _syllable, st.text(alphabet=VIETNAMESE, min_size=1, max_size=6), st.text(alphabet=COMBINING, max_size=2)
)
pieces = st.one_of(
    st.sampled_from(WORDS),
    vietnamese_word,
    st.sampled_from(PUNCTUATION),
    st.integers(min_value=0, max_value=3000).map(str),
    st.text(max_size=4),  # anything at all: other scripts, controls, surrogates are not in str
)
texts = st.lists(st.one_of(pieces, st.just(" ")), max_size=60).map("".join)
published = st.one_of(
    st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat)
)


def is_date_value(value: str) -> bool:
    """YYYY-MM-DD (a real day), YYYY-MM, YYYY or --MM-DD (a day that some year has)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            date.fromisoformat(value)
        except ValueError:
            return False
        return True
    if re.fullmatch(r"--\d{2}-\d{2}", value):
        try:
            date.fromisoformat(f"2000{value[1:]}")  # a leap year: 29 February exists
        except ValueError:
            return False
        return True
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return 1 <= int(value[5:]) <= 12
    return bool(re.fullmatch(r"\d{4}", value))


# -- normalization -------------------------------------------------------------------------------


@SETTINGS
@given(texts)
@example("Uỷ ban nhân dân tỉnh Hoà Bình")
@example("hoa\u0300 kho\u0309e")
@example("A\u00c0\u0300")  # once: the tone moved inside "AÀ" landed before the mark after it, not NFC
def test_normalize_is_idempotent_and_nfc(text):
    once = normalize(text)
    assert normalize(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert key(key(text)) == key(text)
    expanded = expand_abbreviations(text)
    assert expand_abbreviations(expanded) == expand_abbreviations(expanded)  # deterministic
    assert fold(fold(text)) == fold(text)
    assert not any(unicodedata.combining(c) for c in fold(text))


@SETTINGS
@given(texts)
@example("a\u0301\u0301b")
@example("A\u00c0\u0300")
@example("Hoa\u0300 Bi\u0300nh")
def test_normalize_text_maps_every_offset_back(text):
    norm, offsets = normalize_text(text)
    assert norm == normalize(text)
    if offsets is None:
        assert len(norm) == len(text)
        return
    assert len(offsets) == len(norm) + 1 and offsets[-1] == len(text)
    assert offsets == sorted(offsets) and all(0 <= o <= len(text) for o in offsets)
    assert offsets[0] == 0 or not text


# -- dates ---------------------------------------------------------------------------------------


@SETTINGS
@given(texts, published)
@example("ngày 31/2/2024", None)
@example("ngày 30/2", None)
@example("ngày 29/2", "2023-05-01")
@example("ngày 29/2", "2024-05-01")
@example("HÀ NỘI 31-4, Bộ ký", None)
def test_dates_are_real_dates_at_their_place_in_the_text(text, published):
    found = find_dates(text, published)
    assert [d.start for d in found] == sorted(d.start for d in found)
    for mention in found:
        assert 0 <= mention.start < mention.end <= len(text)
        assert is_date_value(mention.value), (mention, text[mention.start : mention.end])
        assert mention.has_year == (not mention.value.startswith("--"))
    first = parse_date(text, published)
    assert first == (found[0].value if found else None)
    lede = dateline(text, published)
    assert lede is None or is_date_value(lede)
    day = article_date(text, published, lede)
    assert day is None or is_date_value(day)
    period = find_period(text)
    assert period is None or (period[0] < period[1] and period[0] in text and period[1] in text)
    year = present_year(text)
    assert year is None or str(year) in text


# -- extraction ----------------------------------------------------------------------------------


def all_evidence(extraction) -> list[Evidence]:
    found = []
    for person in extraction.persons:
        found += [person.evidence, *(post.evidence for post in person.posts)]
    for organization in extraction.organizations:
        found.append(organization.evidence)
    for agreement in extraction.agreements:
        found += [agreement.evidence, *(s.evidence for s in agreement.signatories)]
    return [e for e in found if e is not None]


@SETTINGS
@given(texts, published, texts)
@example(
    "Bộ trưởng Nguyễn Mạnh Hùng và Chủ tịch UBND tỉnh Long An Trần Văn Cần ký kết biên bản hợp tác "
    "ngày 16/7.",
    None,
    "",
)
@example("Uy\u0309 ban nhân dân tỉnh Long An và Bô\u0323 Công Thương ký kết thỏa thuận hợp tác.", None, "")
def test_extract_never_fails_and_every_evidence_quotes_the_text(text, published, title):
    article = Article(id="h", text=text, title=title, published=published)
    extraction = extract(article)
    for evidence in all_evidence(extraction):
        assert 0 <= evidence.start <= evidence.end <= len(text)
        assert text[evidence.start : evidence.end] == evidence.sentence
        assert 0.0 <= evidence.confidence <= 1.0
    for agreement in extraction.agreements:
        assert agreement.date is None or is_date_value(agreement.date)
        assert agreement.title and len(agreement.parties) == len(set(agreement.parties))
    assert extraction.date is None or is_date_value(extraction.date)
    assert extraction.to_json(with_evidence=True)["text"] == text

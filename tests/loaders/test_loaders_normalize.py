"""Tone placement, folding and abbreviation expansion."""

import unicodedata

import pytest

from govkg.loaders.normalize import expand_abbreviations, fold, key, normalize, normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("hoà", "hòa"),
        ("Uỷ ban", "Ủy ban"),
        ("thuỷ", "thủy"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("khoẻ", "khỏe"),
        ("thoả thuận", "thỏa thuận"),
        ("tuỳ", "tùy"),
        ("hoàn", "hoàn"),
        ("khuyến", "khuyến"),
        ("người", "người"),
        ("quý", "quý"),
        ("giữa", "giữa"),
        ("gìn", "gìn"),
        ("của", "của"),
        ("ngoài", "ngoài"),
        ("khuỷu", "khuỷu"),
        ("HOÀ", "HÒA"),
        ("Thuỵ Điển", "Thụy Điển"),
    ],
)
def test_tone_placement(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_is_idempotent_and_length_preserving() -> None:
    text = "Phạm Tấn Hoà, Uỷ ban nhân dân tỉnh Khánh Hoà ký thoả thuận"
    once = normalize(text)
    assert normalize(once) == once
    assert len(once) == len(text)


def test_decomposed_input_maps_offsets_back() -> None:
    original = unicodedata.normalize("NFD", "Ông Hoà ký")
    norm, offsets = normalize_text(original)
    assert norm == "Ông Hòa ký"
    assert offsets is not None
    i = norm.index("ký")
    assert unicodedata.normalize("NFC", original[offsets[i] : offsets[i + 2]]) == "ký"


def test_fold() -> None:
    assert fold("Đồng Văn Thanh") == "Dong Van Thanh"
    assert fold("Ủy ban nhân dân") == "Uy ban nhan dan"


def test_key_compares_spellings() -> None:
    assert key("Phạm Tấn  Hoà") == key("phạm tấn hòa")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
        ("HĐND thành phố", "Hội đồng nhân dân thành phố"),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Bộ TTTT", "Bộ Thông tin và Truyền thông"),
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở NN-PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Bộ LĐ-TB&XH", "Bộ Lao động - Thương binh và Xã hội"),
        ("Bộ GD & ĐT", "Bộ Giáo dục và Đào tạo"),
        ("TP.HCM", "Thành phố Hồ Chí Minh"),
        ("TP. HCM", "Thành phố Hồ Chí Minh"),
        ("TP. Cần Thơ", "Thành phố Cần Thơ"),
    ],
)
def test_expand_abbreviations(raw: str, expected: str) -> None:
    assert expand_abbreviations(raw) == expected

"""The province gazetteer: generated from the vietnamadminunits registry, both sides of 2025-07-01."""

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from govkg.loaders.gazetteer import Province, gazetteer, lookup_key, successor_province
from govkg.loaders.generate_provinces import OUT_PATH, main, registry_dir, render
from govkg.loaders.normalize import normalize


def _shipped() -> dict:
    return json.loads(resources.files("govkg.loaders").joinpath("data/provinces.json").read_text("utf-8"))


def _provinces() -> list[Province]:
    return list({id(p): p for p in gazetteer().provinces.values()}.values())


def _lookup(text: str) -> Province | None:
    return gazetteer().provinces.get(lookup_key(text))


needs_registry = pytest.mark.skipif(registry_dir() is None, reason="vietnamadminunits is not installed")


@needs_registry
def test_provinces_json_is_not_stale() -> None:
    assert OUT_PATH.read_text(encoding="utf-8") == render(), (
        "loaders/data/provinces.json is stale: run `python -m govkg.loaders.generate_provinces`"
    )
    assert main(["--check"]) == 0


@needs_registry
def test_source_records_the_installed_registry() -> None:
    from importlib.metadata import version

    source = _shipped()["source"]
    assert source["package"] == "vietnamadminunits"
    assert source["version"] == version("vietnamadminunits")
    assert source["licence"] == "MIT"


def test_shipped_file_has_63_legacy_and_34_current_records() -> None:
    records = _shipped()["provinces"]
    legacy = [r for r in records if r["era"] == "legacy"]
    current = [r for r in records if r["era"] == "current"]
    assert len(legacy) == 63 and len({r["name"] for r in legacy}) == 63
    assert len(current) == 34 and len({r["name"] for r in current}) == 34
    assert all(r["valid_until"] == "2025-07-01" for r in legacy)
    assert all(r["valid_from"] == "2025-07-01" for r in current)
    assert all(r["name"] == normalize(r["name"]) for r in records)
    assert {r["kind"] for r in records} == {"tỉnh", "thành phố"}


def test_gazetteer_has_63_legacy_and_34_current_provinces() -> None:
    provinces = _provinces()
    assert sum(p.legacy for p in provinces) == 63
    assert sum(p.current for p in provinces) == 34
    assert {p.name for p in provinces if p.current and not p.legacy} == set()  # all 34 kept an old name
    assert {p.name for p in provinces if not p.legacy and not p.current} == {"Thừa Thiên Huế"}
    cities = {p.name for p in provinces if p.current and p.kind == "thành phố"}
    assert cities == {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Thành phố Hồ Chí Minh", "Cần Thơ"}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Long An", "Tây Ninh"),
        ("Tiền Giang", "Đồng Tháp"),
        ("Hà Giang", "Tuyên Quang"),
        ("Bình Dương", "Thành phố Hồ Chí Minh"),
        ("Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh"),
        ("Hậu Giang", "Cần Thơ"),
        ("Quảng Nam", "Đà Nẵng"),
        ("Kon Tum", "Quảng Ngãi"),
        ("Hòa Bình", "Phú Thọ"),
        ("Thừa Thiên Huế", "Huế"),
        ("Tây Ninh", "Tây Ninh"),
        ("Hà Nội", "Hà Nội"),
        ("TP.HCM", "Thành phố Hồ Chí Minh"),
    ],
)
def test_successor_province(old: str, new: str) -> None:
    p = successor_province(old)
    assert p is not None and p.name == new and p.current


def test_successor_fields() -> None:
    long_an = _lookup("Long An")
    assert long_an is not None
    assert (long_an.legacy, long_an.current, long_an.successor, long_an.valid_until) == (
        True,
        False,
        "Tây Ninh",
        "2025-07-01",
    )
    tay_ninh = _lookup("Tây Ninh")
    assert tay_ninh is not None and tay_ninh.successor is None
    assert set(tay_ninh.merged_from) == {"Long An", "Tây Ninh"}
    assert set(_lookup("Đồng Tháp").merged_from) == {"Tiền Giang", "Đồng Tháp"}
    assert successor_province("Bắc") is None
    assert successor_province("Hoàng Sa") is None


def test_merger_partitions_the_63() -> None:
    provinces = _provinces()
    legacy = {p.name for p in provinces if p.legacy}
    parts = [n for p in provinces if p.current for n in p.merged_from]
    assert sorted(parts) == sorted(legacy)  # each legacy province in exactly one new one
    for p in provinces:
        if p.current:
            assert all(successor_province(n) is p for n in p.merged_from)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("TP.HCM", "Thành phố Hồ Chí Minh"),
        ("TP. HCM", "Thành phố Hồ Chí Minh"),
        ("TPHCM", "Thành phố Hồ Chí Minh"),
        ("Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("Sài Gòn", "Thành phố Hồ Chí Minh"),
        ("Huế", "Huế"),
        ("Thừa Thiên Huế", "Thừa Thiên Huế"),
        ("Thừa Thiên - Huế", "Thừa Thiên Huế"),
        ("Thừa Thiên-Huế", "Thừa Thiên Huế"),
        ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("BR-VT", "Bà Rịa - Vũng Tàu"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("Hoà Bình", "Hòa Bình"),
        ("Bắc Cạn", "Bắc Kạn"),
        ("Đắc Lắc", "Đắk Lắk"),
        ("HN", "Hà Nội"),
    ],
)
def test_aliases_resolve_and_match(text: str, name: str) -> None:
    p = _lookup(text)
    assert p is not None and p.name == name
    assert re.fullmatch(gazetteer().province_pattern, normalize(text)), text


def test_display_is_unchanged() -> None:
    assert _lookup("Long An").display == "tỉnh Long An"
    assert _lookup("TP.HCM").display == "Thành phố Hồ Chí Minh"
    assert _lookup("Hà Nội").display == "thành phố Hà Nội"
    assert _lookup("Thừa Thiên Huế").display == "tỉnh Thừa Thiên Huế"
    assert _lookup("Huế").display == "thành phố Huế"


def test_no_alias_is_a_common_word() -> None:
    pattern = re.compile(rf"(?:{gazetteer().province_pattern})(?!\w)")
    for word in ("Bắc", "Nam", "Giang", "Long", "An", "Ninh", "Thành phố", "Vũng Tàu", "Bà Rịa"):
        assert not pattern.fullmatch(word), word
        assert _lookup(word) is None, word
    one_word = {a for a in gazetteer().provinces if " " not in a and "-" not in a}
    assert one_word <= {"hn", "hcm", "tphcm", "tp.hcm", "hue"}, one_word


def test_source_provinces_name_known_provinces() -> None:
    g = gazetteer()
    assert g.source_provinces["baolongan"] == "Long An"
    assert all(_lookup(name) is not None for name in g.source_provinces.values())


def _fake_registry(root: Path, converter: dict) -> Path:
    def entry(full: str, short: str, code: str, keywords: list[str]) -> dict:
        return {"province": full, "provinceShort": short, "provinceCode": code, "provinceKeywords": keywords}

    legacy = {
        "tinhhoabinh": entry("Tỉnh Hoà Bình", "Hoà Bình", "17", ["tinhhoabinh", "hoabinh"]),
        "tinhphutho": entry("Tỉnh Phú Thọ", "Phú Thọ", "25", ["tinhphutho", "phutho"]),
        "thanhphohochiminh": entry("Thành phố Hồ Chí Minh", "Hồ Chí Minh", "79", ["hochiminh", "hcm"]),
    }
    current = {
        "tinhphutho": entry("Tỉnh Phú Thọ", "Phú Thọ", "25", ["tinhphutho", "phutho"]),
        "thanhphohochiminh": entry("Thành phố Hồ Chí Minh", "Hồ Chí Minh", "79", ["hochiminh", "hcm"]),
    }
    (root / "data").mkdir()
    for name, data in (
        ("parser_legacy.json", legacy),
        ("parser_from_2025.json", current),
        ("converter_2025.json", converter),
    ):
        (root / "data" / name).write_text(json.dumps({"DICT_PROVINCE": data}), encoding="utf-8")
    return root


def test_generator_on_a_small_registry(tmp_path: Path) -> None:
    conv = {"tinhphutho": ["tinhhoabinh", "tinhphutho"], "thanhphohochiminh": ["thanhphohochiminh"]}
    text = render(_fake_registry(tmp_path, conv), "0.0-test")
    data = json.loads(text)
    assert data["source"]["version"] == "0.0-test"
    rows = {(r["era"], r["name"]): r for r in data["provinces"]}
    assert rows["legacy", "Hòa Bình"]["successor"] == "Phú Thọ"  # tone mark moved: Hoà -> Hòa
    assert rows["current", "Phú Thọ"]["merged_from"] == ["Hòa Bình", "Phú Thọ"]
    hcm = rows["current", "Thành phố Hồ Chí Minh"]
    assert (hcm["kind"], hcm["aliases"]) == ("thành phố", ["Hồ Chí Minh", "HCM"])


def test_generator_rejects_an_incomplete_merger(tmp_path: Path) -> None:
    conv = {"tinhphutho": ["tinhphutho"], "thanhphohochiminh": ["thanhphohochiminh"]}
    with pytest.raises(ValueError, match="without a successor"):
        render(_fake_registry(tmp_path, conv), "0.0-test")

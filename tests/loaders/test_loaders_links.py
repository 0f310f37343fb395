"""links.json: hand-curated Wikidata / ISO 3166-2 identifiers and English names of provinces and bodies."""

import re
from collections import Counter

import pytest

from govkg.loaders.gazetteer import load_data

Q_ID = re.compile(r"^Q[1-9]\d*$")
ISO_VN = re.compile(r"^VN-(\d{2}|[A-Z]{2})$")


@pytest.fixture(scope="module")
def links() -> dict:
    return load_data("links.json")


@pytest.fixture(scope="module")
def province_records() -> list[dict]:
    return load_data("provinces.json")["provinces"]


def _body_names() -> set[str]:
    bodies = load_data("bodies.json")
    return (
        {entry[0] for entry in bodies["ministries"]}
        | {entry[0] for entry in bodies["ministerial_agencies"]}
        | {entry[0] for entry in bodies["central"]}
    )


def _entries(links: dict) -> list[tuple[str, str, dict]]:
    return [
        (section, key, entry) for section in ("provinces", "bodies") for key, entry in links[section].items()
    ]


def test_file_says_it_is_hand_curated_and_lists_its_sources(links: dict) -> None:
    assert "HAND-CURATED" in links["_comment"]
    ids = [source["id"] for source in links["sources"]]
    assert len(ids) == len(set(ids))
    for source in links["sources"]:
        assert source["what"] and source["where"] and source["licence"], source["id"]


def test_province_keys_are_province_names(links: dict, province_records: list[dict]) -> None:
    names = {record["name"] for record in province_records}
    assert set(links["provinces"]) <= names, set(links["provinces"]) - names


def test_ministry_keys_are_body_names(links: dict) -> None:
    names = _body_names()
    assert set(links["bodies"]) <= names, set(links["bodies"]) - names


def test_every_entry_cites_known_sources(links: dict) -> None:
    known = {source["id"] for source in links["sources"]}
    for section, key, entry in _entries(links):
        cited = [entry["source"], *entry.get("also", [])]
        assert set(cited) <= known, (section, key, cited)
        assert len(cited) == len(set(cited)), (section, key, cited)


def test_wikidata_ids_are_well_formed_and_unique(links: dict) -> None:
    seen: Counter[str] = Counter()
    for section, key, entry in _entries(links):
        for field in ("wikidata", "wikidata_2025"):
            if field in entry:
                assert Q_ID.match(entry[field]), (section, key, entry[field])
                seen[entry[field]] += 1
    # a name used in both eras has one entry, so sharing an item never needs two entries
    assert [q for q, n in seen.items() if n > 1] == []


def test_iso_codes_are_well_formed_and_unique(links: dict) -> None:
    codes = [entry["iso3166_2"] for entry in links["provinces"].values() if "iso3166_2" in entry]
    assert all(ISO_VN.match(code) for code in codes), codes
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("era, count", [("legacy", 63), ("current", 34)])
def test_every_province_of_both_eras_has_an_english_name(
    links: dict, province_records: list[dict], era: str, count: int
) -> None:
    names = {record["name"] for record in province_records if record["era"] == era}
    assert len(names) == count
    missing = sorted(name for name in names if not links["provinces"].get(name, {}).get("en"))
    assert missing == []
    for name in names:
        english = links["provinces"][name]["en"]
        assert english.isascii() and english == english.strip(), (name, english)


def test_english_names_follow_the_usual_forms(links: dict) -> None:
    en = {key: entry["en"] for key, entry in links["provinces"].items()}
    assert en["Hà Nội"] == "Hanoi"
    assert en["Thành phố Hồ Chí Minh"] == "Ho Chi Minh City"
    assert en["Huế"] == "Hue"
    assert en["Long An"] == "Long An Province"
    assert en["Đắk Lắk"] == "Dak Lak Province"
    assert len(set(en.values())) == len(en)


def test_known_identifiers(links: dict) -> None:
    provinces = links["provinces"]
    assert provinces["Hà Nội"]["wikidata"] == "Q1858"
    assert provinces["Thành phố Hồ Chí Minh"]["wikidata"] == "Q1854"
    assert provinces["Hà Nội"]["iso3166_2"] == "VN-HN"
    assert provinces["Thành phố Hồ Chí Minh"]["iso3166_2"] == "VN-SG"
    assert links["bodies"]["Chính phủ Việt Nam"]["wikidata"] == "Q5589338"

"""End to end on the seed articles: key facts and evidence offsets."""

import json
from pathlib import Path

import pytest

from govkg.loaders.evaluation import score
from govkg.loaders.extract import extract
from govkg.loaders.normalize import key
from govkg.loaders.records import Article

SEEDS = Path("/work/shared/corpus/dev/seeds.jsonl")
pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="dev corpus not available")


@pytest.fixture(scope="module")
def seeds() -> list[dict]:
    return [json.loads(line) for line in SEEDS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def results(seeds: list[dict]) -> dict:
    out = {}
    for d in seeds:
        art = Article(
            d["id"], d["text"], d.get("title") or "", d.get("url"), d.get("published"), d.get("source")
        )
        out[d["id"]] = extract(art)
    return out


def _agreement(ex, parties: set[str]):
    want = {key(p) for p in parties}
    return next(a for a in ex.agreements if {key(p) for p in a.parties} == want)


def test_long_an_agreement(results: dict) -> None:
    a = _agreement(results["seed-000"], {"Bộ Thông tin và Truyền thông", "Ủy ban nhân dân tỉnh Long An"})
    assert a.kind == "CooperationAgreement"
    assert a.date == "--07-16"
    signed = {(key(s.person), key(s.on_behalf_of or "")) for s in a.signatories}
    assert signed == {
        (key("Nguyễn Mạnh Hùng"), key("Bộ Thông tin và Truyền thông")),
        (key("Trần Văn Cần"), key("Ủy ban nhân dân tỉnh Long An")),
    }


def test_hau_giang_memorandum(results: dict) -> None:
    ex = results["seed-004"]
    a = _agreement(ex, {"Bộ Thông tin và Truyền thông", "Ủy ban nhân dân tỉnh Hậu Giang"})
    assert a.kind == "MemorandumOfUnderstanding"
    assert a.date == "2022-05-05"
    assert a.period is not None and (a.period.start, a.period.end) == ("2022", "2023")
    signed = {(key(s.person), key(s.on_behalf_of or "")) for s in a.signatories}
    assert signed == {
        (key("Phạm Đức Long"), key("Bộ Thông tin và Truyền thông")),
        (key("Đồng Văn Thanh"), key("Ủy ban nhân dân tỉnh Hậu Giang")),
    }
    thanh = next(p for p in ex.persons if p.name == "Đồng Văn Thanh")
    assert {(p.title, p.organization) for p in thanh.posts} == {
        ("Phó Bí thư", "Tỉnh ủy Hậu Giang"),
        ("Chủ tịch", "Ủy ban nhân dân tỉnh Hậu Giang"),
    }


def test_credits_are_not_persons(results: dict) -> None:
    names = {key(p.name) for ex in results.values() for p in ex.persons}
    assert key("Bùi Giang") not in names
    assert key("Đức Hạnh") not in names
    assert key("Trà Long") not in names


def test_one_person_two_spellings(results: dict) -> None:
    hoa = [p for p in results["seed-002"].persons if key(p.name) == key("Phạm Tấn Hòa")]
    assert len(hoa) == 1


def test_evidence_offsets_point_at_sentences(results: dict) -> None:
    n = 0
    for ex in results.values():
        text = ex.article.text
        records = [*ex.persons, *ex.organizations, *ex.agreements]
        records += [post for p in ex.persons for post in p.posts]
        records += [s for a in ex.agreements for s in a.signatories]
        for r in records:
            assert r.evidence is not None, r
            assert text[r.evidence.start : r.evidence.end] == r.evidence.sentence
            n += 1
    assert n > 20


def test_seed_scores(seeds: list[dict], results: dict) -> None:
    predicted = [results[d["id"]].to_json() for d in seeds]
    assert score(seeds, predicted)["micro"].f1 >= 0.95

"""The evaluator on small hand-made gold / prediction pairs."""

from govkg.loaders.evaluation import Score, format_table, score

GOLD = {
    "id": "a",
    "persons": [
        {
            "name": "Phạm Tấn Hòa",
            "gender": None,
            "posts": [{"title": "Phó Chủ tịch", "organization": "Ủy ban nhân dân tỉnh Long An"}],
        },
    ],
    "organizations": [
        {
            "name": "Ủy ban nhân dân tỉnh Long An",
            "type": "PeoplesCommittee",
            "aliases": ["UBND tỉnh Long An"],
        },
        {"name": "Bộ Thông tin và Truyền thông", "type": "Ministry", "aliases": ["Bộ TT&TT"]},
    ],
    "agreements": [
        {
            "kind": "CooperationAgreement",
            "title": "x",
            "parties": ["Bộ Thông tin và Truyền thông", "Ủy ban nhân dân tỉnh Long An"],
            "signatories": [{"person": "Phạm Tấn Hòa", "on_behalf_of": "Ủy ban nhân dân tỉnh Long An"}],
            "date": "--07-16",
            "period": None,
        },
    ],
}


def test_perfect_match_through_aliases_and_spelling() -> None:
    pred = {
        "id": "a",
        "persons": [
            {
                "name": "Phạm Tấn  Hoà",
                "posts": [{"title": "Phó chủ tịch", "organization": "UBND tỉnh Long An"}],
            }
        ],
        "agreements": [
            {
                "kind": "CooperationAgreement",
                "parties": ["Bộ TT&TT", "Ủy ban nhân dân tỉnh Long An"],
                "signatories": [{"person": "Phạm Tấn Hòa", "on_behalf_of": "UBND tỉnh Long An"}],
                "date": "--07-16",
            },
        ],
    }
    scores = score([GOLD], [pred])
    assert scores["micro"].f1 == 1.0
    assert scores["micro"].tp == 5


def test_wrong_facts_score_below_one() -> None:
    pred = {
        "id": "a",
        "persons": [
            {"name": "Phạm Tấn Hòa", "posts": [{"title": "Chủ tịch", "organization": "UBND tỉnh Long An"}]},
            {"name": "Bùi Giang", "posts": []},
        ],
        "agreements": [
            {
                "kind": "MemorandumOfUnderstanding",
                "parties": ["Bộ TT&TT", "Ủy ban nhân dân tỉnh Long An"],
                "signatories": [],
                "date": "2022-07-16",
            },
        ],
    }
    scores = score([GOLD], [pred])
    assert scores["person"] == Score(1, 1, 0)
    assert scores["post"] == Score(0, 1, 1)
    assert scores["agreement"] == Score(0, 1, 1)
    assert scores["signatory"] == Score(0, 0, 1)
    assert scores["agreement_date"] == Score(0, 1, 1)
    assert scores["micro"].f1 < 1.0
    assert 0 < scores["micro"].precision < 1


def test_missing_article_counts_as_misses() -> None:
    scores = score([GOLD], [])
    assert scores["micro"].tp == 0 and scores["micro"].fn == 5
    assert scores["micro"].recall == 0.0


def test_format_table_is_aligned() -> None:
    table = format_table(score([GOLD], [GOLD]))
    lines = table.splitlines()
    assert lines[0].split()[0] == "kind"
    assert len({len(line) for line in lines}) == 1
    assert "micro" in table

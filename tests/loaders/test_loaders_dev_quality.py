"""The quality bar on every real dev article (issue 3): micro F1 ≥ 0.90, post and signatory F1 ≥ 0.85.

The scores are what `govkg eval ../shared/corpus/dev/*.jsonl` prints; a rule that helps one article
and hurts others shows here first.
"""

from pathlib import Path

import pytest

from govkg.loaders.evaluation import score
from govkg.loaders.extract import extract
from govkg.loaders.readers import read_annotated

DEV = Path("/work/shared/corpus/dev")
pytestmark = pytest.mark.skipif(not DEV.exists(), reason="dev corpus not available")


@pytest.fixture(scope="module")
def scores() -> dict:
    gold, predicted = [], []
    for path in sorted(DEV.glob("*.jsonl")):
        for record, article in read_annotated(path):
            gold.append(record)
            predicted.append(extract(article).to_json())
    assert len(gold) >= 29
    return score(gold, predicted)


def test_micro_f1_at_least_090(scores: dict) -> None:
    assert scores["micro"].f1 >= 0.90


@pytest.mark.parametrize("kind", ["post", "signatory"])
def test_post_and_signatory_f1_at_least_085(scores: dict, kind: str) -> None:
    assert scores[kind].f1 >= 0.85


@pytest.mark.parametrize("kind", ["person", "agreement", "agreement_date"])
def test_no_fact_kind_collapses(scores: dict, kind: str) -> None:
    assert scores[kind].f1 >= 0.80

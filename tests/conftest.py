"""Shared fixtures: a small hand-made extraction, so graph and query tests do not depend on the extractor."""

from pathlib import Path

import pytest

from govkg.graph.identity import Minter
from govkg.loaders.records import (
    Agreement,
    Article,
    Evidence,
    Extraction,
    Organization,
    Period,
    Person,
    Post,
    Signatory,
)

BASE = "https://w3id.org/govkg/id/"
SENTENCE = (
    "Bộ trưởng Nguyễn Mạnh Hùng và Chủ tịch UBND tỉnh Long An Trần Văn Cần ký kết biên bản hợp tác ngày 16/7."
)


@pytest.fixture
def minter():
    return Minter(BASE)


def make_extraction(article_id="t1", *, date="--07-16", title="Biên bản hợp tác"):
    text = f"Long An hợp tác\n\n{SENTENCE}"
    start = text.index(SENTENCE)
    ev = Evidence(SENTENCE, start, start + len(SENTENCE), 0.9)
    ministry, province = "Bộ Thông tin và Truyền thông", "Ủy ban nhân dân tỉnh Long An"
    return Extraction(
        Article(id=article_id, text=text, title="Long An hợp tác", published=None, source="example.vn"),
        persons=[
            Person("Nguyễn Mạnh Hùng", posts=[Post("Bộ trưởng", ministry, ev)], evidence=ev),
            Person("Trần Văn Cần", "male", posts=[Post("Chủ tịch", province, ev)], evidence=ev),
        ],
        organizations=[
            Organization(ministry, "Ministry", ["Bộ TT&TT"], ev),
            Organization(province, "PeoplesCommittee", ["UBND tỉnh Long An"], ev),
        ],
        agreements=[
            Agreement(
                "CooperationAgreement",
                title,
                [ministry, province],
                [Signatory("Nguyễn Mạnh Hùng", ministry, ev), Signatory("Trần Văn Cần", province, ev)],
                date,
                Period("2022", "2023"),
                ev,
            )
        ],
    )


@pytest.fixture
def extraction():
    return make_extraction()


DEV_CORPUS = Path("/work/shared/corpus/dev")


@pytest.fixture(scope="session")
def dev_store():
    """An in-memory store built from every dev article (skips when the corpus is not beside the repo)."""
    if not DEV_CORPUS.exists():
        pytest.skip("dev corpus not available")
    from govkg.graph.store import KnowledgeStore
    from govkg.pipeline import build

    store = KnowledgeStore.memory()
    build([str(p) for p in sorted(DEV_CORPUS.glob("*.jsonl"))], store, base_iri=BASE)
    return store

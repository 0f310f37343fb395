"""Shared fixtures: a small hand-made extraction, so graph and query tests do not depend on the extractor."""

import pytest
from samples import BASE, DEV_CORPUS, make_extraction

from govkg.graph.identity import Minter


@pytest.fixture
def minter():
    return Minter(BASE)


@pytest.fixture
def extraction():
    return make_extraction()


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

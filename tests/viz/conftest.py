"""Fixtures for the viz tests; the graph itself is built in viz_fixture.py."""

import pytest
from rdflib import Dataset
from viz_fixture import build_fixture_graph


@pytest.fixture
def fixture_graph() -> Dataset:
    return build_fixture_graph()

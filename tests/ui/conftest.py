"""Fixtures of the dock tests: the sample store (the dock itself: tests/conftest.py)."""
from __future__ import annotations

import pytest
from dashboard_data import build_store


@pytest.fixture()
def sample_store(tmp_path):
    """The path of a store holding the sample results and targets."""
    return build_store(tmp_path / "results.gpkg")


"""Fixtures of the app tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app.exchange_world import COMMUNITIES, World, build_street


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    """A street office with two communities, not yet enrolled in the exchange."""
    built = build_street(tmp_path, COMMUNITIES[:2])
    yield built
    built.close()

"""Weighted draws, typed (``Random.choices(*zip(*pairs))`` loses the element type)."""

from __future__ import annotations

from collections.abc import Sequence
from random import Random
from typing import TypeVar

T = TypeVar("T")


def pick(rng: Random, weighted: Sequence[tuple[T, float]]) -> T:
    """One item of ``(item, weight)`` pairs, drawn in proportion to the weights."""
    items = [item for item, _ in weighted]
    return rng.choices(items, [weight for _, weight in weighted])[0]


def pick_many(rng: Random, weighted: Sequence[tuple[T, float]], k: int) -> list[T]:
    items = [item for item, _ in weighted]
    return rng.choices(items, [weight for _, weight in weighted], k=k)

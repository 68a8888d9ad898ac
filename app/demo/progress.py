"""Progress in per-mille, reported at most once per percent or change of step."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]
"""``(done, total, what)``; ``what`` is a ``QT_TRANSLATE_NOOP("demo", …)`` text."""

TOTAL = 1000


class Reporter:
    """Throttles calls to the caller's callback so a GUI is not flooded (≤ ~130 calls)."""

    def __init__(self, callback: Progress | None) -> None:
        self._callback = callback
        self._last: tuple[int, str] | None = None

    def at(self, permille: int, what: str) -> None:
        if self._callback is None:
            return
        permille = max(0, min(TOTAL, permille))
        key = (permille // 10, what)
        if key == self._last:
            return
        self._last = key
        self._callback(permille, TOTAL, what)

    def span(self, start: int, end: int, what: str) -> Callable[[int, int], None]:
        """A callback ``(i, n)`` that maps step ``i`` of ``n`` into ``start``–``end``."""

        def step(i: int, n: int) -> None:
            self.at(start + (end - start) * i // max(n, 1), what)

        return step

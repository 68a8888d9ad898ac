"""The subcommand registry: every module in ``bench/benchmarks/`` registers its benchmarks.

A benchmark is a function taking the parsed arguments and returning an exit code; it declares
its options in an ``arguments`` function. To add one, create ``bench/benchmarks/NAME.py``::

    from bench.registry import benchmark

    def _arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--rows", type=int, default=10_000)

    @benchmark("minutes", "what it measures, one line", arguments=_arguments)
    def run(args: argparse.Namespace) -> int:
        ...
        return 0  # or 1 when a goal is missed

Convention: human-readable lines first, and as the LAST line of stdout one JSON object with
the figures, so scripts can read ``tail -n 1``.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

BENCHMARKS_PACKAGE = "bench.benchmarks"

Runner = Callable[[argparse.Namespace], int]
Arguments = Callable[[argparse.ArgumentParser], None]


@dataclass(frozen=True)
class Benchmark:
    name: str
    help: str
    run: Runner
    arguments: Arguments | None = None


REGISTRY: dict[str, Benchmark] = {}


def benchmark(
    name: str, help: str, *, arguments: Arguments | None = None
) -> Callable[[Runner], Runner]:
    """Registers the decorated function as the subcommand ``name``."""

    def register(run: Runner) -> Runner:
        if name in REGISTRY:
            raise ValueError(f"benchmark {name!r} is registered twice")
        REGISTRY[name] = Benchmark(name, help, run, arguments)
        return run

    return register


def discover() -> dict[str, Benchmark]:
    """Imports every module of ``bench.benchmarks`` so that each registers itself."""
    package = importlib.import_module(BENCHMARKS_PACKAGE)
    for module in pkgutil.iter_modules(package.__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{BENCHMARKS_PACKAGE}.{module.name}")
    return dict(sorted(REGISTRY.items()))

"""Runs one benchmark: ``python bench/run.py startup [--pairs N]``; ``--help`` lists them all.

Benchmarks start the application in subprocesses with ``sys.executable``, so run this with the
project's virtual environment (``/work/venv/bin/python bench/run.py …``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make ``bench``, ``app``, ``db`` importable
    sys.path.insert(0, str(ROOT))

from bench.registry import discover  # noqa: E402


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bench/run.py",
        description="共建台 benchmarks. The last line of output is one JSON object.",
    )
    commands = parser.add_subparsers(dest="benchmark", metavar="BENCHMARK", required=True)
    for entry in discover().values():
        sub = commands.add_parser(entry.name, help=entry.help, description=entry.help)
        if entry.arguments is not None:
            entry.arguments(sub)
        sub.set_defaults(run=entry.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())

"""Benchmarks, run as ``python bench/run.py NAME``; each one lives in ``bench/benchmarks/``."""

"""Benchmarks: ``python -m benchmarks [NAME ...] [--json]`` from the repository root."""

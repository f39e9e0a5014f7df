"""Benchmarks: a synthetic corpus generator (``bench.generate``) and the scale benchmark."""

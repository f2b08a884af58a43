"""Benchmarks: each writes a report under reports/."""

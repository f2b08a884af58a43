"""Evaluation and training entry points (they import assist; assist never imports them)."""

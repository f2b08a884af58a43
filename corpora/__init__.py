"""Builds the committed, masked corpora in ``corpora/real/`` (see README.md)."""

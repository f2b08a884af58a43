"""Decoding and file formats: bytes in, text out (no knowledge of law)."""

"""Length-preserving normalisation, numerals and span helpers (no knowledge of law)."""

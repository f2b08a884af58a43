"""Document generator: real excerpts wrapped in realistic documents with exact labels."""

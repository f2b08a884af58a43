"""One module per extracted field; every value carries start/end offsets into the raw text."""

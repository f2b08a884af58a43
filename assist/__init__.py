"""case-assist: reads Chinese court documents and finds what deserves supervision."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1"

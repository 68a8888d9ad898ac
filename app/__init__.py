"""Application core: use cases, validation, exports, CLI. Imports db, never Qt."""

__version__ = "0.1.0"

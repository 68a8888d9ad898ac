"""Storage layer: SQLAlchemy models, engine set-up and schema migrations. Imports neither app nor ui."""

"""Storage: SQLAlchemy models, engine set-up and migrations. Imports neither app nor ui."""

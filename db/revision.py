"""The schema revision this version of the program writes (the newest migration's id).

Kept apart from db.migrate so that it can be read without importing SQLAlchemy or Alembic.
"""

HEAD_REVISION = "0011"

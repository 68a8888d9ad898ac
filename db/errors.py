"""Errors the storage layer raises for the user to read (the message names the fix)."""


class DatabaseError(Exception):
    """A database that cannot be opened or used; ``str()`` is one sentence for the user."""


class SchemaTooNewError(DatabaseError):
    """The file was written by a newer Gongjian whose schema this version does not know."""


class MigrationError(DatabaseError):
    """An upgrade failed; the file has been restored from the backup taken before it."""

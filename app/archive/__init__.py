"""The archive bundle (归档包) of a meeting or a month: see :mod:`app.archive.bundle`."""

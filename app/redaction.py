"""Text that leaves the program (the log, stderr, an error dialog) without secrets or personal
data: a password in a database URL or connection string, ID numbers, mobile numbers.

A second line of defence: the engine already keeps SQL parameters out of its errors
(``hide_parameters``), but an exception's text can still quote a URL or a value.
"""

from __future__ import annotations

import re

MASK = "***"
_URL_PASSWORD = re.compile(r"([a-z][a-z0-9+.\-]*://[^:/@\s]*):[^@\s]*@", re.IGNORECASE)
_KEYWORD_PASSWORD = re.compile(r"\b(password|passwd|pwd)\s*=\s*('[^']*'|\"[^\"]*\"|\S+)", re.I)
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{6}(?:19|20)\d{2}\d{7}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def redacted(text: str) -> str:
    """``text`` with passwords and personal numbers replaced by ``***``."""
    text = _URL_PASSWORD.sub(rf"\1:{MASK}@", text)
    text = _KEYWORD_PASSWORD.sub(rf"\1={MASK}", text)
    text = _ID_NUMBER.sub(MASK, text)
    return _MOBILE.sub(MASK, text)

"""Passwords: how they are stored (scrypt) and which ones are accepted.

Stored as ``scrypt$N$r$p$salt$digest`` with OWASP's parameters for scrypt (N=2^17, r=8, p=1).
Hashes written before these parameters (``scrypt$salt$digest``, N=2^14) still sign in and are
replaced at that sign-in (``needs_rehash``).

A new password has at least 12 characters, or is a passphrase of four words; it is not one
of the most common passwords (the list zxcvbn ships), not digits only (a phone or an ID
number), and does not contain the user name. No rules about character classes: length and
rarity are what make a password hard to guess (OWASP ASVS V2.1).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, Message

CONTEXT = "passwords"
MIN_LENGTH = 12
PASSPHRASE_WORDS = 4
PASSPHRASE_WORD_LENGTH = 2
_SCHEME = "scrypt"
_MAX_MEMORY = 2**28  # scrypt needs 128 × r × N bytes: 128 MiB at N=2^17, r=8


@dataclass(frozen=True)
class ScryptCost:
    n: int
    r: int
    p: int


COST = ScryptCost(n=2**17, r=8, p=1)
LEGACY_COST = ScryptCost(n=2**14, r=8, p=1)  # the parameters of hashes without their own


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    cost = COST
    digest = _scrypt(password, salt, cost)
    return f"{_SCHEME}${cost.n}${cost.r}${cost.p}${salt.hex()}${digest.hex()}"


def password_matches(password: str, stored: str) -> bool:
    parsed = _parse(stored)
    if parsed is None:
        spend_a_hash(password)  # as long as a real check
        return False
    cost, salt, digest = parsed
    return hmac.compare_digest(_scrypt(password, salt, cost), digest)


def needs_rehash(stored: str) -> bool:
    """True when ``stored`` was made with weaker parameters than today's."""
    parsed = _parse(stored)
    return parsed is None or parsed[0] != COST


def spend_a_hash(password: str) -> None:
    """Takes as long as checking a password: unknown user names answer no faster."""
    _scrypt(password, b"\0" * 16, COST)


def _scrypt(password: str, salt: bytes, cost: ScryptCost) -> bytes:
    return hashlib.scrypt(
        password.encode(), salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=_MAX_MEMORY
    )


def _parse(stored: str) -> tuple[ScryptCost, bytes, bytes] | None:
    parts = stored.split("$")
    try:
        if len(parts) == 6 and parts[0] == _SCHEME:
            cost = ScryptCost(int(parts[1]), int(parts[2]), int(parts[3]))
            return cost, bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
        if len(parts) == 3 and parts[0] == _SCHEME:
            return LEGACY_COST, bytes.fromhex(parts[1]), bytes.fromhex(parts[2])
    except ValueError:
        return None
    return None


# which passwords are accepted


def password_problem(password: str, username: str = "") -> Message | None:
    """Why ``password`` is refused as a new password, or None when it is accepted."""
    words = password.split()
    passphrase = (
        len(words) >= PASSPHRASE_WORDS
        and all(len(w) >= PASSPHRASE_WORD_LENGTH for w in words)
        and len({w.lower() for w in words}) >= PASSPHRASE_WORDS - 1
    )
    if len(password) < MIN_LENGTH and not passphrase:
        return _message(
            QT_TRANSLATE_NOOP(
                "passwords",
                "密码至少要 {n} 个字符，或用空格隔开的 {words} 个词（如“春风 杨柳 万千 枝条”）。",
            ),
            n=MIN_LENGTH,
            words=PASSPHRASE_WORDS,
        )
    if password.isdigit():
        return _message(
            QT_TRANSLATE_NOOP(
                "passwords", "密码不能全是数字（手机号、生日、证件号容易被猜到），请加入字母或词。"
            )
        )
    if len(set(password)) < 5 or _is_common(password):
        return _message(
            QT_TRANSLATE_NOOP(
                "passwords", "这个密码太常见，很容易被猜到。请换一个，例如几个不相关的词。"
            )
        )
    name = username.strip().lower()
    if len(name) >= 3 and name in password.lower():
        return _message(QT_TRANSLATE_NOOP("passwords", "密码不能包含用户名。"))
    return None


def checked_new_password(password: str, again: str, username: str = "") -> str:
    """``password`` when it is accepted and typed the same twice; else a ValidationError
    naming the field."""
    problem = password_problem(password, username)
    if problem is not None:
        raise ValidationError("password", problem)
    if password != again:
        raise ValidationError(
            "password_again",
            _message(QT_TRANSLATE_NOOP("passwords", "两次输入的密码不一样，请重新输入。")),
        )
    return password


def _is_common(password: str) -> bool:
    from zxcvbn.matching import RANKED_DICTIONARIES  # ~30 ms, only when a password is set

    common = RANKED_DICTIONARIES["passwords"]
    text = password.lower()
    return text in common or "".join(text.split()) in common


def _message(template: str, **params: object) -> Message:
    return Message(CONTEXT, template, **params)

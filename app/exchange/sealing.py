"""Sealing files with AES-256-GCM: a lost USB stick leaks nothing, one changed byte is refused.

A sealed file is a magic line, a header in clear (JSON: who sends it to whom, so the receiver
picks the key) that the cipher authenticates too, a nonce and the ciphertext. An enrolment
file is sealed with a key derived by scrypt from a passphrase the street office shows once.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, Message

CONTEXT = "exchange"
KEY_BYTES = 32
_NONCE_BYTES = 12
_SALT_BYTES = 16
# OWASP's floor for scrypt; 128 MiB of memory for a moment, once per enrolment
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
_PASSPHRASE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
PASSPHRASE_GROUPS = 5


class SealError(UserError):
    """A file that is not a sealed file of ours, was changed, or needs another key."""


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_passphrase() -> str:
    """Five groups of four letters and digits (100 bits), easy to read out and type."""
    groups = (
        "".join(secrets.choice(_PASSPHRASE_ALPHABET) for _ in range(4))
        for _ in range(PASSPHRASE_GROUPS)
    )
    return "-".join(groups)


def seal(magic: bytes, header: dict[str, Any], key: bytes, payload: bytes) -> bytes:
    head = json.dumps(header, sort_keys=True).encode()
    nonce = secrets.token_bytes(_NONCE_BYTES)
    body = AESGCM(key).encrypt(nonce, payload, magic + head)
    return magic + len(head).to_bytes(4, "big") + head + nonce + body


def header_of(magic: bytes, data: bytes) -> dict[str, Any]:
    """The clear header of a sealed file (not yet authenticated: ``unseal`` checks it)."""
    if not data.startswith(magic) or len(data) < len(magic) + 4:
        raise _not_ours()
    size = int.from_bytes(data[len(magic) : len(magic) + 4], "big")
    try:
        header = json.loads(data[len(magic) + 4 : len(magic) + 4 + size])
    except ValueError:
        raise _not_ours() from None
    if not isinstance(header, dict):
        raise _not_ours()
    return header


def unseal(magic: bytes, data: bytes, key: bytes) -> bytes:
    header_of(magic, data)
    size = int.from_bytes(data[len(magic) : len(magic) + 4], "big")
    start = len(magic) + 4 + size
    head, nonce, body = (
        data[len(magic) + 4 : start],
        data[start : start + _NONCE_BYTES],
        data[start + _NONCE_BYTES :],
    )
    try:
        return AESGCM(key).decrypt(nonce, body, magic + head)
    except (InvalidTag, ValueError):
        raise SealError(
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "exchange",
                    "文件校验失败：它在传送中被改动或损坏，或不是用本站点的密钥加密的。"
                    "请让对方重新导出一份。",
                ),
            )
        ) from None


def new_kdf() -> dict[str, Any]:
    """The parameters of a new passphrase key, kept in the sealed file's header."""
    return {"salt": secrets.token_hex(_SALT_BYTES), "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P}


def passphrase_key(passphrase: str, kdf: dict[str, Any]) -> bytes:
    normalised = passphrase.strip().upper().replace(" ", "")
    try:
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        salt = bytes.fromhex(str(kdf["salt"]))
        if n > 2**20 or r > 16 or p > 4:  # a file asking for more memory than a PC has
            raise ValueError(n)
        return hashlib.scrypt(
            normalised.encode(), salt=salt, n=n, r=r, p=p, maxmem=2**30, dklen=KEY_BYTES
        )
    except (KeyError, TypeError, ValueError):
        raise _not_ours() from None


def _not_ours() -> SealError:
    return SealError(
        Message(
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "exchange", "这不是共建台的数据交换文件（文件头不对），或文件不完整。"
            ),
        )
    )

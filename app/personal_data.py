"""Which stored values are personal data (PIPL): ID numbers, phones and residents' addresses.

One table of columns serves every rule that treats them differently from other data: masking
on screen and in files (app/access.py), the audit log's salted digests (app/audit_chain.py) and
erasure (app/erasure.py). A list column or a record field of the same name is the same value.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from app.validation import mask_id_number, mask_mobile


class PersonalKind(StrEnum):
    ID_NUMBER = "id_number"
    PHONE = "phone"
    ADDRESS = "address"  # where a resident lives: erasable, not masked (the work needs it)


PERSONAL_FIELDS: Mapping[str, Mapping[str, PersonalKind]] = {
    "people": {"id_number": PersonalKind.ID_NUMBER, "mobile": PersonalKind.PHONE},
    # a resident unit's contact is a person, and the phone is theirs
    "resident_units": {"contact_phone": PersonalKind.PHONE},
    "issues": {"reporter_phone": PersonalKind.PHONE, "address": PersonalKind.ADDRESS},
}

MASKED_FIELDS: Mapping[str, PersonalKind] = {
    name: kind
    for fields in PERSONAL_FIELDS.values()
    for name, kind in fields.items()
    if kind is not PersonalKind.ADDRESS
}
"""Field names whose values are masked where personal data is not to be shown."""


def masked(kind: PersonalKind, value: str) -> str:
    """The value as someone who may not see it sees it (an empty value stays empty)."""
    if not value:
        return value
    if kind is PersonalKind.ID_NUMBER:
        return mask_id_number(value)
    if kind is PersonalKind.PHONE:
        return mask_mobile(value)
    return value

"""Validators for mainland ID numbers (GB 11643) and mobile numbers, and masking for display."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, Message, field_label

CONTEXT = "validation"
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
MOBILE_RE = re.compile(r"1[3-9][0-9]{9}")
ID_RE = re.compile(r"[0-9]{17}[0-9X]")
PHONE_SEPARATORS = str.maketrans("", "", " -()")
COUNTRY_CODES = ("+86", "0086")


def half_width(text: str) -> str:
    """``text`` as a person means it: NFKC folds full-width digits, letters and spaces and
    superscripts to plain ones, and any other decimal digit (Arabic-Indic, Devanagari …) is
    written as 0–9, so that ``１３９…`` and ``139…`` are one number to every check."""
    if text.isascii():
        return text
    folded = unicodedata.normalize("NFKC", text)
    if folded.isascii():
        return folded
    return "".join(
        str(unicodedata.decimal(c))
        if not c.isascii() and unicodedata.decimal(c, None) is not None
        else c
        for c in folded
    )


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits of an ID number."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def normalise_id_number(text: str) -> str:
    """The ID number as stored and compared: half-width, upper-case X, no spaces."""
    return "".join(half_width(text).upper().split())


def normalise_phone(text: str) -> str:
    """A phone number as stored and compared: half-width, without spaces, hyphens or
    brackets, and without the country code +86."""
    value = half_width(text).strip().translate(PHONE_SEPARATORS)
    for code in COUNTRY_CODES:
        if value.startswith(code) and len(value) > len(code) + 7:
            return value[len(code) :]
    return value


def id_number_problem(text: str) -> Message | None:
    """What is wrong with an ID number, or None when it is valid."""
    value = normalise_id_number(text)
    if len(value) != 18:
        return Message(
            CONTEXT,
            QT_TRANSLATE_NOOP("validation", "身份证号应为18位，现在是{n}位。"),
            n=len(value),
        )
    if ID_RE.fullmatch(value) is None:
        return Message(
            CONTEXT,
            QT_TRANSLATE_NOOP("validation", "身份证号前17位应为数字，最后一位为数字或X。"),
        )
    try:
        date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return Message(
            CONTEXT,
            QT_TRANSLATE_NOOP("validation", "身份证号第7–14位不是有效的出生日期（{d}）。"),
            d=value[6:14],
        )
    expected = id_check_char(value[:17])
    if value[17] != expected:
        return Message(
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "validation", "身份证号校验位不对：最后一位应为{expected}，请核对号码。"
            ),
            expected=expected,
        )
    return None


def is_valid_id_number(text: str) -> bool:
    return id_number_problem(text) is None


def is_valid_mobile(text: str) -> bool:
    return MOBILE_RE.fullmatch(normalise_phone(text)) is not None


def check_id_number(field: str, text: str) -> str:
    """The normalised ID number; raises ValidationError naming ``field`` if it is invalid."""
    problem = id_number_problem(text)
    if problem is not None:
        raise ValidationError(field, problem)
    return normalise_id_number(text)


def check_mobile(field: str, text: str) -> str:
    value = normalise_phone(text)
    if MOBILE_RE.fullmatch(value) is None:
        raise ValidationError(
            field,
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP("validation", "手机号应为以1开头的11位数字，例如13912345678。"),
            ),
        )
    return value


def check_required(field: str, text: str, label: Message | str, max_length: int) -> str:
    """Stripped text; raises when empty or longer than ``max_length`` characters. ``label``
    is the field's name: a ``Message``, or text marked ``QT_TRANSLATE_NOOP("fields", …)``."""
    label = field_label(label) if isinstance(label, str) else label
    value = text.strip()
    if not value:
        raise ValidationError(
            field,
            Message(CONTEXT, QT_TRANSLATE_NOOP("validation", "请填写{label}。"), label=label),
        )
    return check_length(field, value, label, max_length)


def check_length(field: str, text: str, label: Message | str, max_length: int) -> str:
    """Stripped text; raises when longer than ``max_length`` characters (``label`` as for
    ``check_required``)."""
    label = field_label(label) if isinstance(label, str) else label
    value = text.strip()
    if len(value) > max_length:
        template = QT_TRANSLATE_NOOP("validation", "{label}最多{max}个字，现在是{n}个。")
        raise _too_long(field, template, value, max_length, label=label)
    return value


def check_reason(field: str, text: str, missing: Message, max_length: int) -> str:
    """A reason a step requires, stripped; ``missing`` asks for it when there is none."""
    why = text.strip()
    if not why:
        raise ValidationError(field, missing)
    if len(why) > max_length:
        template = QT_TRANSLATE_NOOP("validation", "理由最多{max}个字，现在是{n}个。")
        raise _too_long(field, template, why, max_length)
    return why


def _too_long(
    field: str, template: str, text: str, max_length: int, **params: object
) -> ValidationError:
    """``text`` in ``field`` is longer than ``max_length``: ``template`` says by how much."""
    message = Message(CONTEXT, template, max=max_length, n=len(text), **params)
    return ValidationError(field, message)


def mask_id_number(value: str) -> str:
    """``320102199001011234`` → ``3201**********1234``."""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_mobile(value: str) -> str:
    """``13912345678`` → ``139****5678``."""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]

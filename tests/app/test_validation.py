"""ID numbers (GB 11643), mobiles, and masking."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.validation import (
    check_id_number,
    check_mobile,
    id_check_char,
    id_number_problem,
    is_valid_id_number,
    is_valid_mobile,
    mask_id_number,
    mask_mobile,
    normalise_id_number,
)

regions = st.sampled_from(["320102", "320106", "110105", "440304"])
births = st.dates(min_value=date(1930, 1, 1), max_value=date(2025, 12, 31))
sequences = st.integers(min_value=0, max_value=999)


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    first17 = f"{draw(regions)}{draw(births):%Y%m%d}{draw(sequences):03d}"
    return first17 + id_check_char(first17)


def test_a_published_example_is_valid() -> None:
    assert is_valid_id_number("11010519491231002X")
    assert is_valid_id_number("11010519491231002x")  # lower-case x is accepted, normalised
    assert check_id_number("id_number", " 11010519491231002x ") == "11010519491231002X"


@given(id_numbers())
def test_generated_numbers_with_their_check_digit_are_valid(number: str) -> None:
    assert id_number_problem(number) is None


@given(id_numbers(), st.integers(min_value=0, max_value=16), st.integers(1, 9))
def test_changing_one_digit_breaks_the_check(number: str, position: int, delta: int) -> None:
    digit = (int(number[position]) + delta) % 10
    changed = number[:position] + str(digit) + number[position + 1 :]
    problem = id_number_problem(changed)
    assert problem is not None  # a wrong check digit or, in the birth date, a bad date


@given(st.text(max_size=25))
def test_any_text_is_judged_without_crashing(text: str) -> None:
    assert isinstance(is_valid_id_number(text), bool)


def test_the_error_names_the_field_and_the_expected_check_digit() -> None:
    with pytest.raises(ValidationError) as caught:
        check_id_number("id_number", "110105194912310021")
    assert caught.value.field == "id_number"
    assert "X" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12345", "18位"), ("11010519491231002A", "数字"), ("110105194913310021", "出生日期")],
)
def test_each_kind_of_problem_has_its_own_message(text: str, expected: str) -> None:
    problem = id_number_problem(text)
    assert problem is not None and expected in str(problem)


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_mobiles(mobile: str) -> None:
    assert is_valid_mobile(mobile)
    assert check_mobile("mobile", f"{mobile[:3]}-{mobile[3:7]} {mobile[7:]}") == mobile


@pytest.mark.parametrize("text", ["", "12912345678", "1391234567", "139123456789", "abc"])
def test_bad_mobiles_are_refused_at_the_field(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_mobile("mobile", text)
    assert caught.value.field == "mobile"


def test_masks() -> None:
    assert mask_id_number("320102199001011234") == "3201**********1234"
    assert mask_mobile("13912345678") == "139****5678"
    assert mask_mobile("123") == "***"


@given(id_numbers())
def test_masked_id_keeps_length_and_ends(number: str) -> None:
    masked = mask_id_number(number)
    assert len(masked) == 18 and masked[:4] == number[:4] and masked[-4:] == number[-4:]


# Numbers typed with other digits: full-width (an IME left in full-width mode), superscripts,
# Arabic-Indic and others. The same number must be the same number to every check.
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
DIGIT_SETS = st.sampled_from([FULL_WIDTH, ARABIC_INDIC, SUPERSCRIPT])


@given(id_numbers(), DIGIT_SETS)
def test_an_id_number_in_other_digits_is_the_same_number(
    number: str, digits: dict[int, str]
) -> None:
    assert check_id_number("id_number", number.translate(digits)) == number
    assert normalise_id_number(f"\u3000{number.translate(digits)} ") == number


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), DIGIT_SETS)
def test_a_mobile_in_other_digits_is_the_same_number(mobile: str, digits: dict[int, str]) -> None:
    assert check_mobile("mobile", mobile.translate(digits)) == mobile
    assert check_mobile("mobile", f"+86 {mobile[:3]}－{mobile[3:]}") == mobile


any_digits = st.characters(categories=["Nd", "No", "Zs", "Cf"]) | st.sampled_from("Xx-＋+ ")


@given(st.text(any_digits, max_size=25))
def test_no_digit_of_any_script_crashes_a_check(text: str) -> None:
    """Before, a superscript digit passed ``isdigit()`` and then crashed ``int()``."""
    assert isinstance(is_valid_id_number(text), bool)
    assert isinstance(is_valid_mobile(text), bool)
    for check in (check_id_number, check_mobile):
        try:
            value = check("field", text)
        except ValidationError as error:
            assert error.field == "field"
        else:
            assert value.isascii() and value.isalnum()

"""Unit tests for the randomuser.me reference data of the offline record generator."""

import ast
import dataclasses
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from memberanalyzer.sources import generator_data
from memberanalyzer.sources.generator_data import (
    NATIONALITIES,
    PASSWORDS,
    TIMEZONES,
    TITLES,
    USERNAME_ADJECTIVES,
    USERNAME_NOUNS,
    NationalityProfile,
)

API_NATIONALITY_CODES = frozenset(
    "AU BR CA CH DE DK ES FI FR GB IE IN IR MX NL NO NZ RS TR UA US".split()
)

NAME_AND_ASCII_FIELDS = (
    ("male_first_names", "male_first_names_ascii"),
    ("female_first_names", "female_first_names_ascii"),
    ("last_names", "last_names_ascii"),
)
STRING_FIELDS = ("code", "country", "postcode_pattern", "phone_pattern", "cell_pattern")
TEXT_TUPLE_FIELDS = (
    "male_first_names",
    "female_first_names",
    "last_names",
    "cities",
    "states",
    "street_names",
)
MINIMUM_TUPLE_SIZES = {
    "male_first_names": 20,
    "female_first_names": 20,
    "last_names": 25,
    "cities": 15,
    "street_names": 15,
}
# A profile lists at least 6 states, or every one where the country has fewer.
MINIMUM_STATE_COUNT = 6
COUNTRIES_WITH_FEWER_STATES = {"DK": 5}

# Lower-case letters, with hyphens and apostrophes kept between letters as the API does.
ASCII_NAME = re.compile(r"[a-z]+(?:['-][a-z]+)*")
POSTCODE_PATTERN_CHARACTERS = frozenset("#A ")
PHONE_PATTERN_CHARACTERS = frozenset("#A0123456789 ()-")
ID_PATTERN_CHARACTERS = frozenset("#ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .-")
TIMEZONE_OFFSET = re.compile(r"[+-]1?[0-9]:[0-5][0-9]")

# Latin letters that Unicode decomposition does not reduce to ASCII.
LATIN_LETTERS_WITHOUT_DECOMPOSITION = {
    "ø": "o",
    "æ": "ae",
    "ß": "ss",
    "ı": "i",
    "đ": "dj",
}
NON_LATIN_PROFILES = frozenset({"IR", "UA"})
ZERO_WIDTH_NON_JOINER = "\u200c"

profiles = pytest.mark.parametrize(
    "profile", NATIONALITIES, ids=[profile.code for profile in NATIONALITIES]
)
LATIN_SCRIPT_PROFILES = [
    profile for profile in NATIONALITIES if profile.code not in NON_LATIN_PROFILES
]
latin_profiles = pytest.mark.parametrize(
    "profile",
    LATIN_SCRIPT_PROFILES,
    ids=[profile.code for profile in LATIN_SCRIPT_PROFILES],
)


def profile_by_code(code: str) -> NationalityProfile:
    """Return the profile with the given nationality code."""
    return next(profile for profile in NATIONALITIES if profile.code == code)


def all_patterns(profile: NationalityProfile) -> dict[str, tuple[str, ...]]:
    """Return the postcode, phone and cell patterns of a profile, variants included."""
    return {
        "postcode": (profile.postcode_pattern, *profile.postcode_pattern_variants),
        "phone": (profile.phone_pattern, *profile.phone_pattern_variants),
        "cell": (profile.cell_pattern, *profile.cell_pattern_variants),
    }


def latin_name_to_ascii(name: str) -> str:
    """Drop diacritics, spaces and dots from a Latin-script name and lower-case it."""
    letters: list[str] = []
    for character in name.lower():
        if character in LATIN_LETTERS_WITHOUT_DECOMPOSITION:
            letters.append(LATIN_LETTERS_WITHOUT_DECOMPOSITION[character])
            continue
        decomposed = unicodedata.normalize("NFD", character)
        letters.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(letters).replace(" ", "").replace(".", "")


def test_profiles_cover_api_nationalities() -> None:
    codes = {profile.code for profile in NATIONALITIES}

    assert codes == API_NATIONALITY_CODES


def test_profile_codes_unique() -> None:
    codes = [profile.code for profile in NATIONALITIES]

    assert len(codes) == len(set(codes))


def test_profiles_sorted_by_code() -> None:
    codes = [profile.code for profile in NATIONALITIES]

    assert codes == sorted(codes)


@profiles
def test_profile_string_fields_non_empty(profile: NationalityProfile) -> None:
    for field in STRING_FIELDS:
        assert getattr(profile, field) != "", field


@profiles
def test_profile_tuples_meet_minimum_sizes(profile: NationalityProfile) -> None:
    for field, minimum in MINIMUM_TUPLE_SIZES.items():
        assert len(getattr(profile, field)) >= minimum, field


@profiles
def test_profile_states_meet_minimum_size(profile: NationalityProfile) -> None:
    minimum = COUNTRIES_WITH_FEWER_STATES.get(profile.code, MINIMUM_STATE_COUNT)

    assert len(profile.states) >= minimum


@profiles
def test_profile_entries_non_empty_and_trimmed(profile: NationalityProfile) -> None:
    for field in TEXT_TUPLE_FIELDS:
        for entry in getattr(profile, field):
            assert entry != "", field
            assert entry == entry.strip(), (field, entry)


@profiles
def test_profile_entries_unique(profile: NationalityProfile) -> None:
    for field in TEXT_TUPLE_FIELDS:
        entries = getattr(profile, field)

        assert len(entries) == len(set(entries)), field


@profiles
def test_ascii_tuples_match_name_lengths(profile: NationalityProfile) -> None:
    for name_field, ascii_field in NAME_AND_ASCII_FIELDS:
        names = getattr(profile, name_field)
        ascii_names = getattr(profile, ascii_field)

        assert len(ascii_names) == len(names), ascii_field


@profiles
def test_ascii_names_lowercase_ascii(profile: NationalityProfile) -> None:
    for _, ascii_field in NAME_AND_ASCII_FIELDS:
        for ascii_name in getattr(profile, ascii_field):
            assert ASCII_NAME.fullmatch(ascii_name), (ascii_field, ascii_name)


@latin_profiles
def test_ascii_names_follow_latin_names(profile: NationalityProfile) -> None:
    for name_field, ascii_field in NAME_AND_ASCII_FIELDS:
        names = getattr(profile, name_field)
        ascii_names = getattr(profile, ascii_field)

        for name, ascii_name in zip(names, ascii_names, strict=True):
            assert ascii_name == latin_name_to_ascii(name), (ascii_field, name)


@profiles
def test_postcode_patterns_use_pattern_characters(profile: NationalityProfile) -> None:
    for pattern in all_patterns(profile)["postcode"]:
        assert "#" in pattern, pattern
        assert set(pattern) <= POSTCODE_PATTERN_CHARACTERS, pattern


@profiles
def test_phone_patterns_use_pattern_characters(profile: NationalityProfile) -> None:
    patterns = all_patterns(profile)

    for pattern in patterns["phone"] + patterns["cell"]:
        assert "#" in pattern, pattern
        assert set(pattern) <= PHONE_PATTERN_CHARACTERS, pattern


@profiles
def test_id_pattern_uses_pattern_characters(profile: NationalityProfile) -> None:
    if profile.id_value_pattern is None:
        pytest.skip("the API sends id.value null for this nationality")

    assert "#" in profile.id_value_pattern
    assert set(profile.id_value_pattern) <= ID_PATTERN_CHARACTERS


@profiles
def test_numeric_postcode_patterns_digits_only(profile: NationalityProfile) -> None:
    if not profile.postcode_is_number:
        pytest.skip("the API sends this postcode as a JSON string")

    for pattern in all_patterns(profile)["postcode"]:
        assert set(pattern) == {"#"}, pattern


@profiles
def test_id_value_null_only_with_empty_name(profile: NationalityProfile) -> None:
    assert (profile.id_name == "") == (profile.id_value_pattern is None)


@profiles
def test_profile_titles_non_empty(profile: NationalityProfile) -> None:
    assert len(profile.male_titles) > 0
    assert len(profile.female_titles) > 0


def test_titles_cover_both_genders() -> None:
    assert set(TITLES) == {"male", "female"}


def test_titles_default_to_api_english_titles() -> None:
    assert TITLES["male"] == ("Mr",)
    assert set(TITLES["female"]) == {"Ms", "Miss", "Mrs"}


def test_swiss_profile_uses_french_titles() -> None:
    swiss = profile_by_code("CH")

    assert swiss.male_titles == ("Monsieur",)
    assert set(swiss.female_titles) == {"Madame", "Mademoiselle"}


@profiles
def test_titles_default_outside_switzerland(profile: NationalityProfile) -> None:
    if profile.code == "CH":
        pytest.skip("CH has its own titles")

    assert profile.male_titles == TITLES["male"]
    assert profile.female_titles == TITLES["female"]


def test_iran_profile_uses_persian_script() -> None:
    iran = profile_by_code("IR")

    assert iran.country == "Iran"
    for field in TEXT_TUPLE_FIELDS:
        for entry in getattr(iran, field):
            letters = entry.replace(" ", "").replace(ZERO_WIDTH_NON_JOINER, "")

            assert all("\u0600" <= c <= "\u06ff" for c in letters), (field, entry)


def test_ukraine_profile_uses_cyrillic_script() -> None:
    ukraine = profile_by_code("UA")

    assert ukraine.country == "Ukraine"
    for field in TEXT_TUPLE_FIELDS:
        for entry in getattr(ukraine, field):
            letters = re.sub(r"[ '-]", "", entry)

            assert all("\u0400" <= c <= "\u04ff" for c in letters), (field, entry)


def test_profile_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        NATIONALITIES[0].code = "XX"  # type: ignore[misc]


def test_timezones_have_thirty_entries() -> None:
    assert len(TIMEZONES) == 30


def test_timezone_offsets_well_formed() -> None:
    for offset, description in TIMEZONES:
        assert offset == "0:00" or TIMEZONE_OFFSET.fullmatch(offset), offset
        assert description != "", offset


def test_timezone_offsets_sorted_and_unique() -> None:
    def offset_minutes(offset: str) -> int:
        hours, minutes = offset.lstrip("+-").split(":")
        sign = -1 if offset.startswith("-") else 1
        return sign * (int(hours) * 60 + int(minutes))

    minutes = [offset_minutes(offset) for offset, _ in TIMEZONES]

    assert minutes == sorted(set(minutes))


def test_timezone_zero_offset_unsigned() -> None:
    offsets = [offset for offset, _ in TIMEZONES]

    assert "0:00" in offsets
    assert "+0:00" not in offsets


def test_username_words_lowercase_letters() -> None:
    for word in USERNAME_ADJECTIVES + USERNAME_NOUNS:
        assert re.fullmatch(r"[a-z]+", word), word


def test_username_words_unique() -> None:
    assert len(USERNAME_ADJECTIVES) == len(set(USERNAME_ADJECTIVES))
    assert len(USERNAME_NOUNS) == len(set(USERNAME_NOUNS))


def test_passwords_short_lowercase_words() -> None:
    for password in PASSWORDS:
        assert re.fullmatch(r"[a-z0-9]{4,8}", password), password


def test_passwords_unique() -> None:
    assert len(PASSWORDS) == len(set(PASSWORDS))


def test_module_imports_standard_library_only() -> None:
    source = Path(generator_data.__file__).read_text(encoding="utf-8")
    imported: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            imported.add(node.module.split(".")[0])

    for module in imported:
        assert module in sys.stdlib_module_names, module

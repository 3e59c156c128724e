"""Property tests for GeneratorSource and write_ndjson, checked through the real member rules."""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from memberanalyzer.errors import ConfigurationError
from memberanalyzer.members.rules import normalise_members
from memberanalyzer.members.schema import RAW_PATHS, RAW_SCHEMA
from memberanalyzer.sources.files import JsonFileSource
from memberanalyzer.sources.generator import BLOCK_SIZE, GeneratorSource, write_ndjson
from memberanalyzer.sources.generator_data import NATIONALITIES, NationalityProfile

NOW = datetime(2026, 6, 1, tzinfo=UTC)
BIRTH_RANGE = (datetime(1944, 1, 1, tzinfo=UTC), datetime(2006, 12, 31, tzinfo=UTC))
LAST_REGISTRATION = datetime(2025, 12, 31, tzinfo=UTC)

PROFILES = {profile.code: profile for profile in NATIONALITIES}
# The nationalities that randomuser.me 1.4 offers.
API_NATIONALITY_CODES = frozenset(
    "AU BR CA CH DE DK ES FI FR GB IE IN IR MX NL NO NZ RS TR UA US".split()
)

seeds = st.integers(min_value=0, max_value=2**64 - 1)
counts = st.integers(min_value=0, max_value=300)
member_counts = st.integers(min_value=0, max_value=300)
few_examples = settings(max_examples=15, deadline=None)


def pattern_regex(pattern: str) -> str:
    """Translate a generator pattern ('#' digit, 'A' letter, anything else literal)."""
    parts = []
    for character in pattern:
        if character == "#":
            parts.append("[0-9]")
        elif character == "A":
            parts.append("[A-Z]")
        else:
            parts.append(re.escape(character))
    return "".join(parts)


def postcode_regex(profile: NationalityProfile) -> re.Pattern[str]:
    patterns = (profile.postcode_pattern, *profile.postcode_pattern_variants)
    return re.compile("|".join(f"(?:{pattern_regex(pattern)})" for pattern in patterns))


POSTCODES = {code: postcode_regex(profile) for code, profile in PROFILES.items()}


def ascii_forms(names: tuple[str, ...], ascii_names: tuple[str, ...]) -> dict[str, set[str]]:
    forms: dict[str, set[str]] = {}
    for name, ascii_name in zip(names, ascii_names, strict=True):
        forms.setdefault(name, set()).add(ascii_name)
    return forms


def generate(count: int, seed: int, nationalities: list[str] | None = None) -> pa.Table:
    batches = list(GeneratorSource(count, seed, nationalities).batches())
    return pa.Table.from_batches(batches, schema=RAW_SCHEMA)


def members_of(table: pa.Table) -> list[dict[str, object]]:
    result = normalise_members(table, NOW)
    members: list[dict[str, object]] = result.members.to_pylist()
    return members


def full_years_between(start: datetime, end: datetime) -> int:
    years = end.year - start.year
    if (end.month, end.day, end.timetz()) < (start.month, start.day, start.timetz()):
        years -= 1
    return years


@few_examples
@given(count=counts, seed=seeds)
def test_generator_batches_follow_raw_schema(count: int, seed: int) -> None:
    batches = list(GeneratorSource(count, seed).batches())
    numbers = [n for batch in batches for n in batch.column("record_number").to_pylist()]

    assert all(batch.schema.equals(RAW_SCHEMA) for batch in batches)
    assert sum(batch.num_rows for batch in batches) == count
    assert numbers == list(range(1, count + 1))


@few_examples
@given(count=member_counts, seed=seeds)
def test_generator_records_normalise_without_rejection(count: int, seed: int) -> None:
    result = normalise_members(generate(count, seed), NOW)

    assert result.rejected_by_reason == {}
    assert result.members.num_rows == count
    assert result.text_repairs == 0


@few_examples
@given(count=member_counts, seed=seeds)
def test_generator_members_match_profile(count: int, seed: int) -> None:
    for member in members_of(generate(count, seed)):
        profile = PROFILES[str(member["nationality"])]
        female = member["gender"] == "female"
        first_names = profile.female_first_names if female else profile.male_first_names
        titles = profile.female_titles if female else profile.male_titles

        assert member["country"] == profile.country
        assert member["city"] in profile.cities
        assert member["state"] in profile.states
        assert member["street_name"] in profile.street_names
        assert member["first_name"] in first_names
        assert member["last_name"] in profile.last_names
        assert member["title"] in titles


@few_examples
@given(count=member_counts, seed=seeds)
def test_generator_nationality_is_api_code(count: int, seed: int) -> None:
    nationalities = {member["nationality"] for member in members_of(generate(count, seed))}

    assert nationalities <= API_NATIONALITY_CODES


@few_examples
@given(count=member_counts, seed=seeds)
def test_generator_postcode_matches_profile(count: int, seed: int) -> None:
    for member in members_of(generate(count, seed)):
        code = str(member["nationality"])
        postcode = str(member["postcode"])

        assert POSTCODES[code].fullmatch(postcode), (code, postcode)
        if PROFILES[code].postcode_is_number:
            assert not postcode.startswith("0"), (code, postcode)


@few_examples
@given(count=member_counts, seed=seeds)
def test_generator_email_is_ascii_first_last(count: int, seed: int) -> None:
    for member in members_of(generate(count, seed)):
        profile = PROFILES[str(member["nationality"])]
        if member["gender"] == "female":
            first_forms = ascii_forms(profile.female_first_names, profile.female_first_names_ascii)
        else:
            first_forms = ascii_forms(profile.male_first_names, profile.male_first_names_ascii)
        last_forms = ascii_forms(profile.last_names, profile.last_names_ascii)
        email = str(member["email"])
        local_part, _, domain = email.partition("@")
        first, _, last = local_part.partition(".")

        assert email.isascii(), email
        assert domain == "example.com", email
        assert first in first_forms[str(member["first_name"])], email
        assert last in last_forms[str(member["last_name"])], email


@few_examples
@given(count=counts, seed=seeds)
def test_generator_uuid_is_version_4(count: int, seed: int) -> None:
    for text in generate(count, seed).column("login.uuid").to_pylist():
        parsed = uuid.UUID(text)

        assert parsed.version == 4, text
        assert parsed.variant == uuid.RFC_4122, text
        assert str(parsed) == text


@few_examples
@given(count=member_counts, seed=seeds)
def test_generator_dates_in_range(count: int, seed: int) -> None:
    for member in members_of(generate(count, seed)):
        birth = member["date_of_birth"]
        registered = member["registered_at"]
        assert isinstance(birth, datetime)
        assert isinstance(registered, datetime)

        assert BIRTH_RANGE[0] <= birth <= BIRTH_RANGE[1], birth
        assert birth < registered, (birth, registered)
        assert registered <= LAST_REGISTRATION, registered


@settings(max_examples=15, deadline=None)
@given(count=member_counts, seed=seeds)
def test_generator_registered_as_adult(count: int, seed: int) -> None:
    for member in members_of(generate(count, seed)):
        birth = member["date_of_birth"]
        registered = member["registered_at"]
        assert isinstance(birth, datetime)
        assert isinstance(registered, datetime)

        assert full_years_between(birth, registered) >= 18, (birth, registered)


def test_generator_registered_as_adult_known_seed() -> None:
    # Record 4 of 300 from seed 248: born 2006-09-26T14:47:33.720Z and registered
    # 2024-09-26T08:33:40.832Z, six hours before the 18th birthday.
    table = generate(300, 248)
    birth = datetime.fromisoformat(table.column("dob.date")[3].as_py())
    registered = datetime.fromisoformat(table.column("registered.date")[3].as_py())

    assert full_years_between(birth, registered) >= 18


@few_examples
@given(count=counts, seed=seeds)
def test_generator_same_seed_identical_batches(count: int, seed: int) -> None:
    first = list(GeneratorSource(count, seed).batches())
    second = list(GeneratorSource(count, seed).batches())

    assert len(first) == len(second)
    assert all(a.equals(b) for a, b in zip(first, second, strict=True))


@few_examples
@given(count=member_counts, seed=seeds, other_seed=seeds)
def test_generator_different_seeds_different_uuids(count: int, seed: int, other_seed: int) -> None:
    assume(seed != other_seed)

    uuids = set(generate(count, seed).column("login.uuid").to_pylist())
    other_uuids = set(generate(count, other_seed).column("login.uuid").to_pylist())

    assert uuids.isdisjoint(other_uuids)


def test_generator_blocks_independent_of_count() -> None:
    longer = list(GeneratorSource(BLOCK_SIZE + 10, seed=5).batches())
    exact = list(GeneratorSource(BLOCK_SIZE, seed=5).batches())
    # The source column names the count, so it is the one column expected to differ.
    compared = [name for name in RAW_SCHEMA.names if name != "source"]

    assert [batch.num_rows for batch in longer] == [BLOCK_SIZE, 10]
    assert longer[0].select(compared).equals(exact[0].select(compared))
    assert longer[1].column("record_number").to_pylist()[0] == BLOCK_SIZE + 1


def test_generator_nationalities_restrict() -> None:
    nationalities = set(generate(300, 1, ["gb", "fr"]).column("nat").to_pylist())

    assert nationalities == {"GB", "FR"}


def test_generator_unknown_nationality_rejected() -> None:
    with pytest.raises(ConfigurationError, match="XX"):
        GeneratorSource(10, 1, ["gb", "xx"])


def test_generator_negative_count_rejected() -> None:
    with pytest.raises(ConfigurationError):
        GeneratorSource(-1, 1)


def test_generator_negative_seed_rejected() -> None:
    with pytest.raises(ConfigurationError):
        list(GeneratorSource(3, seed=-1).batches())


@few_examples
@given(count=member_counts, seed=seeds)
def test_generator_ndjson_gives_same_members(
    tmp_path_factory: pytest.TempPathFactory, count: int, seed: int
) -> None:
    source = GeneratorSource(count, seed)
    path = tmp_path_factory.mktemp("generated") / "members.ndjson"

    written = write_ndjson(source, path)
    from_file = normalise_members(
        pa.Table.from_batches(list(JsonFileSource(path).batches()), schema=RAW_SCHEMA), NOW
    )
    direct = normalise_members(generate(count, seed), NOW)

    assert written == count
    assert from_file.rejected_by_reason == {}
    assert from_file.members.sort_by("member_id").equals(direct.members.sort_by("member_id"))


def test_generator_ndjson_raw_fields_match(tmp_path: Path) -> None:
    source = GeneratorSource(300, seed=11)
    path = tmp_path / "members.ndjson"
    write_ndjson(source, path)

    from_file = pa.Table.from_batches(list(JsonFileSource(path).batches()), schema=RAW_SCHEMA)
    direct = generate(300, 11)

    for name in (*RAW_PATHS, "user", "type_errors", "parse_error"):
        assert from_file.column(name).equals(direct.column(name)), name


def test_generator_ndjson_postcode_number_by_profile(tmp_path: Path) -> None:
    path = tmp_path / "members.ndjson"
    write_ndjson(GeneratorSource(300, seed=3), path)
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]

    for record in records:
        postcode = record["location"]["postcode"]
        numeric = PROFILES[record["nat"]].postcode_is_number

        assert isinstance(postcode, int) == numeric, (record["nat"], postcode)
        assert isinstance(postcode, str) != numeric, (record["nat"], postcode)


def test_generator_ndjson_numbers_where_api_sends_numbers(tmp_path: Path) -> None:
    path = tmp_path / "members.ndjson"
    write_ndjson(GeneratorSource(50, seed=3), path)
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]

    for record in records:
        assert isinstance(record["location"]["street"]["number"], int)
        assert isinstance(record["dob"]["age"], int)
        assert isinstance(record["registered"]["age"], int)
        assert isinstance(record["location"]["coordinates"]["latitude"], str)


def test_generator_restricted_ndjson_covers_both_postcode_kinds(tmp_path: Path) -> None:
    # GB postcodes are text and FR postcodes numbers, so both branches of the writer run.
    path = tmp_path / "members.ndjson"
    write_ndjson(GeneratorSource(100, seed=2, nationalities=["gb", "fr"]), path)
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    kinds = {(record["nat"], type(record["location"]["postcode"]).__name__) for record in records}

    assert kinds == {("GB", "str"), ("FR", "int")}


def test_generator_zero_count_yields_nothing() -> None:
    assert list(GeneratorSource(0, seed=1).batches()) == []

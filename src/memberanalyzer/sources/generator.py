"""Offline generator of member records in the exact randomuser.me shape, vectorised with numpy.

``GeneratorSource(count, seed)`` yields raw batches like any other source, with every field a
randomuser.me 1.4 response has, for all 21 nationalities the API offers. Names, cities, states
and postcode, phone and id formats follow each nationality (see ``generator_data``). The same
count and seed give the same records on any machine and any day: dates are drawn from fixed
ranges, not from the current date.

Records are drawn in blocks of ``BLOCK_SIZE``, each from its own random generator seeded with
(seed, block number), so a block never depends on how the caller batches the output.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from memberanalyzer.errors import ConfigurationError, OutputError
from memberanalyzer.members.age import ages_at
from memberanalyzer.members.calendar import civil_dates
from memberanalyzer.members.schema import RAW_SCHEMA
from memberanalyzer.sources.base import MemberSource
from memberanalyzer.sources.generator_data import (
    NATIONALITIES,
    PASSWORDS,
    TIMEZONES,
    USERNAME_ADJECTIVES,
    USERNAME_NOUNS,
    NationalityProfile,
)

__all__ = ["BLOCK_SIZE", "GeneratorSource", "write_ndjson"]

log = logging.getLogger(__name__)

BLOCK_SIZE = 100_000

# Fixed ranges keep the output independent of the day it is generated on.
_BIRTH_RANGE = (
    datetime(1944, 1, 1, tzinfo=UTC),
    datetime(2006, 12, 31, tzinfo=UTC),
)
_FIRST_REGISTRATION = datetime(2002, 1, 1, tzinfo=UTC)
_LAST_REGISTRATION = datetime(2025, 12, 31, tzinfo=UTC)
_AGE_REFERENCE_DATE = date(2026, 1, 1)  # the date dob.age and registered.age are counted at
# 18 years of 366 days: never before the 18th birthday, since 18 calendar years have at most
# 6,575 days.
_ADULT_MILLISECONDS = 18 * 366 * 86_400_000

_HEX = np.array([f"{byte:02x}".encode() for byte in range(256)], dtype="S2")
_ALPHANUMERIC = np.frombuffer(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", np.uint8
)
_DIGITS = np.frombuffer(b"0123456789", np.uint8)
_LETTERS = np.frombuffer(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", np.uint8)


@dataclass(frozen=True)
class _Pools:
    """Per-nationality value lists laid end to end, for vectorised drawing with offsets."""

    values: pa.Array
    offsets: np.ndarray
    sizes: np.ndarray

    @classmethod
    def build(cls, lists: Sequence[Sequence[str]]) -> _Pools:
        sizes = np.array([len(values) for values in lists], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        flat = [value for values in lists for value in values]
        return cls(pa.array(flat, pa.string()), offsets, sizes)

    def draw(self, rng: np.random.Generator, keys: np.ndarray) -> np.ndarray:
        """Draw one position per record from the list selected by ``keys``."""
        positions: np.ndarray = self.offsets[keys] + (
            rng.random(len(keys)) * self.sizes[keys]
        ).astype(np.int64)
        return positions

    def take(self, positions: np.ndarray) -> pa.Array:
        return self.values.take(pa.array(positions))


class GeneratorSource(MemberSource):
    """Generates ``count`` randomuser.me-shaped records from ``seed``."""

    def __init__(
        self, count: int, seed: int = 0, nationalities: Sequence[str] | None = None
    ) -> None:
        if count < 0:
            raise ConfigurationError(f"invalid --generate {count}: give a count of 0 or more")
        if seed < 0:
            raise ConfigurationError(f"invalid --seed {seed}: give a seed of 0 or more")
        self.count = count
        self.seed = seed
        self.profiles = _select_profiles(nationalities)
        self._pools = _build_pools(self.profiles)

    @property
    def description(self) -> str:
        return f"generator(count={self.count}, seed={self.seed})"

    def batches(self) -> Iterator[pa.RecordBatch]:
        for block, start in enumerate(range(0, self.count, BLOCK_SIZE)):
            size = min(BLOCK_SIZE, self.count - start)
            rng = np.random.default_rng([self.seed, block])
            yield self._block(rng, size, first_record=start + 1)

    def _block(self, rng: np.random.Generator, size: int, first_record: int) -> pa.RecordBatch:
        nat = rng.integers(0, len(self.profiles), size)
        female = rng.random(size) < 0.5
        nat_gender = nat * 2 + female.astype(np.int64)

        columns: dict[str, pa.Array] = {}
        columns.update(self._person(rng, nat, nat_gender, female))
        columns.update(self._address(rng, nat))
        columns.update(self._login(rng, size))
        columns.update(_dates(rng, size))
        columns.update(self._contact(rng, nat, female))
        columns["user"] = pa.nulls(size, pa.string())
        columns["type_errors"] = pa.array([[]] * size, pa.list_(pa.string()))
        columns["parse_error"] = pa.nulls(size, pa.string())
        columns["parse_error_detail"] = pa.nulls(size, pa.string())
        columns["source"] = pa.array([self.description] * size, pa.string())
        columns["record_number"] = pa.array(
            np.arange(first_record, first_record + size, dtype=np.int64)
        )
        columns["raw_record"] = pa.nulls(size, pa.string())
        return pa.RecordBatch.from_pydict(
            {name: columns[name] for name in RAW_SCHEMA.names}, schema=RAW_SCHEMA
        )

    def _person(
        self, rng: np.random.Generator, nat: np.ndarray, nat_gender: np.ndarray, female: np.ndarray
    ) -> dict[str, pa.Array]:
        pools = self._pools
        first = pools["first"].draw(rng, nat_gender)
        last = pools["last"].draw(rng, nat)
        title = pools["title"].draw(rng, nat_gender)
        first_ascii = pools["first_ascii"].take(first)
        last_ascii = pools["last_ascii"].take(last)
        return {
            "gender": pc.if_else(pa.array(female), "female", "male"),
            "name.title": pools["title"].take(title),
            "name.first": pools["first"].take(first),
            "name.last": pools["last"].take(last),
            "email": pc.binary_join_element_wise(first_ascii, ".", last_ascii, "@example.com", ""),
            "nat": pools["code"].take(nat),
        }

    def _address(self, rng: np.random.Generator, nat: np.ndarray) -> dict[str, pa.Array]:
        pools = self._pools
        size = len(nat)
        postcode_is_number = np.array([p.postcode_is_number for p in self.profiles])[nat]
        return {
            "location.street.number": _integers_as_text(rng.integers(1, 10_000, size)),
            "location.street.name": pools["street"].take(pools["street"].draw(rng, nat)),
            "location.city": pools["city"].take(pools["city"].draw(rng, nat)),
            "location.state": pools["state"].take(pools["state"].draw(rng, nat)),
            "location.country": pools["country"].take(nat),
            "location.postcode": _fill_patterns(
                rng, nat, self._patterns("postcode"), postcode_is_number
            ),
            "location.coordinates.latitude": _fixed_decimals(rng.uniform(-90, 90, size)),
            "location.coordinates.longitude": _fixed_decimals(rng.uniform(-180, 180, size)),
            **_timezones(rng, size),
        }

    def _login(self, rng: np.random.Generator, size: int) -> dict[str, pa.Array]:
        adjectives = pa.array(USERNAME_ADJECTIVES).take(
            pa.array(rng.integers(0, len(USERNAME_ADJECTIVES), size))
        )
        nouns = pa.array(USERNAME_NOUNS).take(pa.array(rng.integers(0, len(USERNAME_NOUNS), size)))
        digits = _integers_as_text(rng.integers(100, 1000, size))
        passwords = pa.array(PASSWORDS).take(pa.array(rng.integers(0, len(PASSWORDS), size)))
        return {
            "login.uuid": _uuid4_texts(rng, size),
            "login.username": pc.binary_join_element_wise(adjectives, nouns, digits, ""),
            "login.password": _json_strings(passwords),
            "login.salt": _json_strings(_random_text(rng, size, 8, _ALPHANUMERIC)),
            "login.md5": _json_strings(_random_hex(rng, size, 16)),
            "login.sha1": _json_strings(_random_hex(rng, size, 20)),
            "login.sha256": _json_strings(_random_hex(rng, size, 32)),
        }

    def _contact(
        self, rng: np.random.Generator, nat: np.ndarray, female: np.ndarray
    ) -> dict[str, pa.Array]:
        size = len(nat)
        no_numbers = np.zeros(size, dtype=bool)
        id_names = pa.array([p.id_name for p in self.profiles], pa.string()).take(pa.array(nat))
        portrait = _integers_as_text(rng.integers(0, 100, size))
        folder = pc.if_else(pa.array(female), "women/", "men/")
        return {
            "phone": _fill_patterns(rng, nat, self._patterns("phone"), no_numbers),
            "cell": _fill_patterns(rng, nat, self._patterns("cell"), no_numbers),
            "id.name": _json_strings(id_names),
            "id.value": _json_strings(_fill_patterns(rng, nat, self._patterns("id"), no_numbers)),
            "picture.large": _portrait_urls("", folder, portrait),
            "picture.medium": _json_strings(_portrait_urls("med/", folder, portrait)),
            "picture.thumbnail": _json_strings(_portrait_urls("thumb/", folder, portrait)),
        }

    def _patterns(self, kind: str) -> list[tuple[str, ...]]:
        """Return every pattern of ``kind`` per profile; an empty tuple means the value is null."""
        patterns: list[tuple[str, ...]] = []
        for profile in self.profiles:
            if kind == "postcode":
                patterns.append((profile.postcode_pattern, *profile.postcode_pattern_variants))
            elif kind == "phone":
                patterns.append((profile.phone_pattern, *profile.phone_pattern_variants))
            elif kind == "cell":
                patterns.append((profile.cell_pattern, *profile.cell_pattern_variants))
            else:
                patterns.append(
                    () if profile.id_value_pattern is None else (profile.id_value_pattern,)
                )
        return patterns


def _select_profiles(codes: Sequence[str] | None) -> tuple[NationalityProfile, ...]:
    if not codes:
        return NATIONALITIES
    by_code = {profile.code: profile for profile in NATIONALITIES}
    unknown = sorted({code.upper() for code in codes} - by_code.keys())
    if unknown:
        raise ConfigurationError(
            f"unknown nationality codes {unknown}; choose from {', '.join(sorted(by_code))}"
        )
    return tuple(by_code[code] for code in sorted({code.upper() for code in codes}))


def _build_pools(profiles: Sequence[NationalityProfile]) -> dict[str, _Pools]:
    """Lay out value lists so that key nat*2+female selects the gendered lists."""
    by_gender = [(p.male_first_names, p.female_first_names) for p in profiles]
    ascii_by_gender = [(p.male_first_names_ascii, p.female_first_names_ascii) for p in profiles]
    titles = [(p.male_titles, p.female_titles) for p in profiles]
    return {
        "first": _Pools.build([names for pair in by_gender for names in pair]),
        "first_ascii": _Pools.build([names for pair in ascii_by_gender for names in pair]),
        "title": _Pools.build([names for pair in titles for names in pair]),
        "last": _Pools.build([p.last_names for p in profiles]),
        "last_ascii": _Pools.build([p.last_names_ascii for p in profiles]),
        "city": _Pools.build([p.cities for p in profiles]),
        "state": _Pools.build([p.states for p in profiles]),
        "street": _Pools.build([p.street_names for p in profiles]),
        "country": _Pools.build([(p.country,) for p in profiles]),
        "code": _Pools.build([(p.code,) for p in profiles]),
    }


def _fill_patterns(
    rng: np.random.Generator,
    nat: np.ndarray,
    patterns: list[tuple[str, ...]],
    numeric: np.ndarray,
) -> pa.Array:
    """Fill '#' with digits and 'A' with letters, one pattern per record.

    A record whose nationality has several patterns gets one of them at random; a record
    whose nationality has none gets null. Numeric values never start with 0, because the
    API sends them as JSON numbers, which have no leading zeros.
    """
    size = len(nat)
    option_counts = np.array([len(options) for options in patterns], dtype=np.int64)
    first_option = np.concatenate([[0], np.cumsum(option_counts)[:-1]]).astype(np.int64)
    flat_patterns = [pattern for options in patterns for pattern in options]

    counts = option_counts[nat]
    choice = (rng.random(size) * np.maximum(counts, 1)).astype(np.int64)
    pattern_id = np.where(counts > 0, first_option[nat] + choice, len(flat_patterns))

    # Fill each pattern's rows together, then put the rows back in record order.
    order = np.argsort(pattern_id, kind="stable")
    group_sizes = np.bincount(pattern_id, minlength=len(flat_patterns) + 1)
    pieces: list[pa.Array] = []
    start = 0
    for index, pattern in enumerate(flat_patterns):
        rows = order[start : start + group_sizes[index]]
        start += group_sizes[index]
        if len(rows):
            pieces.append(_fill_one_pattern(rng, pattern, numeric[rows]))
    pieces.append(pa.nulls(int(group_sizes[-1]), pa.string()))

    in_pattern_order = pa.concat_arrays(pieces)
    record_positions = np.empty(size, dtype=np.int64)
    record_positions[order] = np.arange(size)
    return in_pattern_order.take(pa.array(record_positions))


def _fill_one_pattern(rng: np.random.Generator, pattern: str, numeric: np.ndarray) -> pa.Array:
    size = len(numeric)
    template = np.frombuffer(pattern.encode(), np.uint8)
    grid = np.tile(template, (size, 1))
    digit_slots = template == ord("#")
    letter_slots = template == ord("A")
    grid[:, digit_slots] = _DIGITS[rng.integers(0, 10, (size, int(digit_slots.sum())))]
    grid[:, letter_slots] = _LETTERS[rng.integers(0, 26, (size, int(letter_slots.sum())))]
    if digit_slots.any() and template[0] == ord("#"):
        grid[numeric, 0] = _DIGITS[rng.integers(1, 10, int(numeric.sum()))]
    return _bytes_rows_to_strings(grid)


def _json_strings(values: pa.Array) -> pa.Array:
    """Quote values as JSON strings, for the fields that sources hand over as JSON text.

    Plain quoting is enough because the generator's values hold no quote, backslash or
    control character.
    """
    return pc.binary_join_element_wise('"', values, '"', "")


def _integers_as_text(values: np.ndarray) -> pa.Array:
    return pc.cast(pa.array(values), pa.string())


def _fixed_decimals(values: np.ndarray) -> pa.Array:
    """Format floats with exactly four decimals ("-78.1478", "13.9330") as the API does."""
    scaled = np.rint(values * 10_000).astype(np.int64)
    magnitude = np.abs(scaled)
    whole = _integers_as_text(magnitude // 10_000)
    fraction = pc.utf8_lpad(_integers_as_text(magnitude % 10_000), 4, "0")
    sign = pc.if_else(pa.array(scaled < 0), "-", "")
    return pc.binary_join_element_wise(sign, whole, ".", fraction, "")


def _timezones(rng: np.random.Generator, size: int) -> dict[str, pa.Array]:
    chosen = pa.array(rng.integers(0, len(TIMEZONES), size))
    return {
        "location.timezone.offset": pa.array([offset for offset, _ in TIMEZONES]).take(chosen),
        "location.timezone.description": _json_strings(
            pa.array([text for _, text in TIMEZONES]).take(chosen)
        ),
    }


def _random_bytes(rng: np.random.Generator, size: int, width: int) -> np.ndarray:
    return rng.integers(0, 256, (size, width), dtype=np.uint8)


def _random_hex(rng: np.random.Generator, size: int, width: int) -> pa.Array:
    pairs = _HEX[_random_bytes(rng, size, width)]
    return _bytes_rows_to_strings(
        np.ascontiguousarray(pairs).view(np.uint8).reshape(size, width * 2)
    )


def _random_text(rng: np.random.Generator, size: int, width: int, alphabet: np.ndarray) -> pa.Array:
    return _bytes_rows_to_strings(alphabet[rng.integers(0, len(alphabet), (size, width))])


def _uuid4_texts(rng: np.random.Generator, size: int) -> pa.Array:
    """Random version 4 UUIDs in their 36-character text form."""
    raw = _random_bytes(rng, size, 16)
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80
    hex_digits = np.ascontiguousarray(_HEX[raw]).view(np.uint8).reshape(size, 32)
    text = np.full((size, 36), ord("-"), dtype=np.uint8)
    for start, end, target in ((0, 8, 0), (8, 12, 9), (12, 16, 14), (16, 20, 19), (20, 32, 24)):
        text[:, target : target + end - start] = hex_digits[:, start:end]
    return _bytes_rows_to_strings(text)


def _bytes_rows_to_strings(rows: np.ndarray) -> pa.Array:
    """Turn an (n, width) uint8 array of ASCII into n strings without a Python loop."""
    size, width = rows.shape
    data = pa.py_buffer(np.ascontiguousarray(rows).tobytes())
    offsets = pa.py_buffer(np.arange(0, (size + 1) * width, width, dtype=np.int32).tobytes())
    return pa.StringArray.from_buffers(size, offsets, data)


def _dates(rng: np.random.Generator, size: int) -> dict[str, pa.Array]:
    birth_low, birth_high = (int(moment.timestamp() * 1000) for moment in _BIRTH_RANGE)
    births = rng.integers(birth_low, birth_high, size)
    first_possible = np.maximum(
        births + _ADULT_MILLISECONDS, int(_FIRST_REGISTRATION.timestamp() * 1000)
    )
    last = int(_LAST_REGISTRATION.timestamp() * 1000)
    registrations = first_possible + (rng.random(size) * (last - first_possible)).astype(np.int64)

    birth_times = pa.array(births, pa.timestamp("ms", tz="UTC"))
    registration_times = pa.array(registrations, pa.timestamp("ms", tz="UTC"))
    return {
        "dob.date": _iso_texts(birth_times),
        "dob.age": pc.cast(ages_at(birth_times, _AGE_REFERENCE_DATE), pa.string()),  # JSON number
        "registered.date": _iso_texts(registration_times),
        "registered.age": pc.cast(ages_at(registration_times, _AGE_REFERENCE_DATE), pa.string()),
    }


def _iso_texts(moments: pa.Array) -> pa.Array:
    """Format UTC millisecond timestamps like the API: 1958-06-23T03:40:17.665Z.

    Arrow's strftime costs about 2 seconds per million values; assembling the digits with
    numpy takes a few milliseconds.
    """
    millis = pc.cast(moments, pa.int64()).to_numpy()
    days, in_day = np.divmod(millis, 86_400_000)
    year, month, day = civil_dates(days)
    grid = np.tile(np.frombuffer(b"0000-00-00T00:00:00.000Z", np.uint8), (len(millis), 1))
    for column, values, width in (
        (0, year, 4),
        (5, month, 2),
        (8, day, 2),
        (11, in_day // 3_600_000, 2),
        (14, in_day // 60_000 % 60, 2),
        (17, in_day // 1000 % 60, 2),
        (20, in_day % 1000, 3),
    ):
        _put_digits(grid, column, values, width)
    return _bytes_rows_to_strings(grid)


def _put_digits(grid: np.ndarray, column: int, values: np.ndarray, width: int) -> None:
    for position in range(width - 1, -1, -1):
        grid[:, column + position] = ord("0") + values % 10
        values = values // 10


def _portrait_urls(size_folder: str, gender_folder: pa.Array, number: pa.Array) -> pa.Array:
    prefix = f"https://randomuser.me/api/portraits/{size_folder}"
    return pc.binary_join_element_wise(prefix, gender_folder, number, ".jpg", "")


def write_ndjson(source: GeneratorSource, path: Path, threads: int = 2) -> int:
    """Write the generated records to ``path`` as randomuser.me NDJSON; returns the count.

    Numbers are written where the API writes numbers: street numbers, ages and the postcodes
    of nationalities whose postcodes are numeric.
    """
    numeric_nats = [profile.code for profile in source.profiles if profile.postcode_is_number]
    connection = duckdb.connect(config={"threads": threads})
    written = 0
    try:
        file = path.open("wb")
    except OSError as error:
        connection.close()
        raise OutputError(
            f"cannot write {path}: {error.strerror}; choose another --output"
        ) from error
    try:
        with file:
            for batch in source.batches():
                connection.register("batch", batch)
                lines = connection.sql(_NDJSON_QUERY, params=[numeric_nats]).fetchnumpy()["line"]
                connection.unregister("batch")
                file.write("\n".join(lines.tolist()).encode())
                file.write(b"\n")
                written += batch.num_rows
    finally:
        connection.close()
    log.info("wrote generated records path=%s count=%d", path, written)
    return written


_NDJSON_QUERY = """
SELECT to_json({
    'gender': "gender",
    'name': {'title': "name.title", 'first': "name.first", 'last': "name.last"},
    'location': {
        'street': {'number': "location.street.number"::BIGINT, 'name': "location.street.name"},
        'city': "location.city",
        'state': "location.state",
        'country': "location.country",
        'postcode': CASE WHEN list_contains(?, "nat") THEN "location.postcode"::JSON
                         ELSE to_json("location.postcode") END,
        'coordinates': {'latitude': "location.coordinates.latitude",
                        'longitude': "location.coordinates.longitude"},
        'timezone': {'offset': "location.timezone.offset",
                     'description': "location.timezone.description"::JSON}
    },
    'email': "email",
    'login': {'uuid': "login.uuid", 'username': "login.username",
              'password': "login.password"::JSON, 'salt': "login.salt"::JSON,
              'md5': "login.md5"::JSON, 'sha1': "login.sha1"::JSON,
              'sha256': "login.sha256"::JSON},
    'dob': {'date': "dob.date", 'age': "dob.age"::JSON},
    'registered': {'date': "registered.date", 'age': "registered.age"::JSON},
    'phone': "phone",
    'cell': "cell",
    'id': {'name': "id.name"::JSON, 'value': coalesce("id.value"::JSON, 'null'::JSON)},
    'picture': {'large': "picture.large", 'medium': "picture.medium"::JSON,
                'thumbnail': "picture.thumbnail"::JSON},
    'nat': "nat"
})::VARCHAR AS line
FROM batch
"""

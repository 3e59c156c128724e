"""Parsing of randomuser.me date strings into UTC instants, over Arrow arrays.

randomuser.me sends ``1958-06-23T03:40:17.665Z``; hand-edited files also hold the same without
milliseconds and date-only values (``1952-02-08``, also written ``1952-02-08Z``). A date-only
value is midnight UTC, and a date-time without a zone is read as UTC, so the result never
depends on the machine's timezone.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pyarrow as pa
import pyarrow.compute as pc

from memberanalyzer.members.schema import UTC_MICROS

__all__ = ["parse_utc_timestamps"]

_DATE_ONLY = r"^\d{4}-\d{2}-\d{2}Z?$"
_NAIVE_DATE_TIME = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$"
_ISO_UTC_OR_OFFSET = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$"


def parse_utc_timestamps(values: pa.Array) -> tuple[pa.Array, pa.Array]:
    """Parse ISO 8601 strings into UTC timestamps.

    Returns the timestamps (null where a value is null or invalid) and a boolean mask that is
    true where a non-null value could not be parsed, such as ``2020-02-30`` or ``yesterday``.
    """
    try:
        # Fast path: every value is already in the API's form, with a zone.
        parsed = pc.cast(values, UTC_MICROS)
        return parsed, pa.array([False] * len(values))
    except pa.ArrowInvalid:
        pass

    canonical = _to_canonical_iso(values)
    well_formed = pc.fill_null(pc.match_substring_regex(canonical, _ISO_UTC_OR_OFFSET), False)
    candidates = pc.if_else(well_formed, canonical, pa.scalar(None, pa.string()))

    try:
        parsed = pc.cast(candidates, UTC_MICROS)
    except pa.ArrowInvalid:
        # An impossible calendar date in the batch: find it value by value.
        parsed = _parse_one_by_one(candidates)

    invalid = pc.and_(pc.is_valid(values), pc.is_null(parsed))
    return parsed, invalid


def _to_canonical_iso(values: pa.Array) -> pa.Array:
    """Rewrite date-only and zone-less values as UTC date-times that Arrow's cast accepts."""
    trimmed = pc.utf8_trim_whitespace(values)
    date_only = pc.fill_null(pc.match_substring_regex(trimmed, _DATE_ONLY), False)
    naive = pc.fill_null(pc.match_substring_regex(trimmed, _NAIVE_DATE_TIME), False)

    as_midnight = pc.binary_join_element_wise(pc.utf8_rtrim(trimmed, "Z"), "T00:00:00Z", "")
    as_utc = pc.binary_join_element_wise(pc.replace_substring(trimmed, " ", "T"), "Z", "")
    return pc.if_else(date_only, as_midnight, pc.if_else(naive, as_utc, trimmed))


def _parse_one_by_one(candidates: pa.Array) -> pa.Array:
    parsed: list[datetime | None] = []
    for text in candidates.to_pylist():
        parsed.append(_parse_or_none(text))
    return pa.array(parsed, type=UTC_MICROS)


def _parse_or_none(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text).astimezone(UTC)
    except ValueError:
        return None

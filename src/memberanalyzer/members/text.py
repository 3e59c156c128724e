"""Detection and repair of mis-decoded text (mojibake) in member fields.

Text that was UTF-8 but was read as Latin-1 or Windows-1252 on its way ("MÃ¡laga") is fixed by
ftfy. ftfy 6.3 does not recognise UTF-8 read as Windows-1251 ("MГЎlaga" for "Málaga", as in some
saved randomuser.me responses). That case is repaired by a strict round trip instead. The text
is encoded back to Windows-1251 and must then decode as valid UTF-8. Genuine Cyrillic text almost
never passes that test, because its bytes in Windows-1251 are not valid UTF-8 sequences.
"""

from __future__ import annotations

from functools import lru_cache

import ftfy
import ftfy.badness
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["REPAIRED", "SUSPECTED", "repair_mojibake", "repair_text"]

REPAIRED = "repaired"
SUSPECTED = "suspected"


@lru_cache(maxsize=65536)
def repair_text(text: str) -> tuple[str, str | None]:
    """Return the repaired text and REPAIRED, SUSPECTED or None for clean text."""
    fixed = ftfy.fix_encoding(text)
    if fixed != text:
        return fixed, REPAIRED

    from_cp1251 = _undo_windows_1251(text)
    if from_cp1251 is not None:
        return from_cp1251, REPAIRED

    if ftfy.badness.is_bad(text):
        return text, SUSPECTED
    return text, None


def _undo_windows_1251(text: str) -> str | None:
    try:
        decoded = text.encode("cp1251").decode("utf-8")
    except UnicodeError:
        return None
    return decoded if decoded != text else None


def repair_mojibake(values: pa.Array) -> tuple[pa.Array, pa.Array]:
    """Repair mojibake in a string array.

    Returns the repaired values and a status array (REPAIRED, SUSPECTED or null). Only the
    distinct non-ASCII values are examined, so a million rows with a few thousand distinct
    names cost a few thousand calls.
    """
    statuses_none = pa.nulls(len(values), pa.string())
    non_ascii = pc.fill_null(pc.invert(pc.string_is_ascii(values)), False)
    if not pc.any(non_ascii).as_py():
        return values, statuses_none

    distinct = pc.unique(pc.filter(values, non_ascii))
    results = [repair_text(text) for text in distinct.to_pylist()]
    if all(status is None for _, status in results):
        return values, statuses_none

    positions = pc.index_in(values, value_set=distinct)
    fixed_texts = pa.array([fixed for fixed, _ in results], pa.string())
    statuses = pa.array([status for _, status in results], pa.string())
    repaired = pc.if_else(pc.is_valid(positions), pc.take(fixed_texts, positions), values)
    return repaired, pc.take(statuses, positions)

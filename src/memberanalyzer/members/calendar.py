"""UTC calendar dates of timestamps, computed with integer arithmetic over whole arrays.

Arrow's year(), month() and day() on timezone-aware timestamps convert every value through the
timezone database. Counting days since 1970-01-01 and converting them with integer arithmetic
gives the same UTC dates with a few array operations, which is faster over millions of members.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["civil_dates", "utc_date_parts"]

_MICROSECONDS_PER_DAY = 86_400_000_000


def utc_date_parts(moments: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return year, month, day of each timestamp in UTC, and a mask of the non-null ones.

    Null timestamps get 1970-01-01 in the date arrays; use the mask to tell them apart.
    """
    micros = pc.cast(pc.cast(moments, pa.timestamp("us", tz="UTC")), pa.int64())
    valid = pc.is_valid(micros).to_numpy(zero_copy_only=False)
    values = pc.fill_null(micros, 0).to_numpy(zero_copy_only=False)
    # Days since 1970 fit in 32 bits for any date in years -5,877,641 to 5,881,580, and
    # 32-bit arithmetic halves the memory traffic of the conversion.
    days = np.floor_divide(values, _MICROSECONDS_PER_DAY).astype(np.int32)
    year, month, day = civil_dates(days)
    return year, month, day, valid


def civil_dates(days: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Convert days since 1970-01-01 to proleptic Gregorian (year, month, day).

    This is the well-known era-based conversion: 146,097 days make one 400-year era.
    """
    shifted = days + 719_468
    era = np.floor_divide(shifted, 146_097)
    day_of_era = shifted - era * 146_097
    year_of_era = (
        day_of_era - day_of_era // 1460 + day_of_era // 36_524 - day_of_era // 146_096
    ) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    month_from_march = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * month_from_march + 2) // 5 + 1
    month = np.where(month_from_march < 10, month_from_march + 3, month_from_march - 9)
    year = year_of_era + era * 400 + (month <= 2)
    return year, month, day

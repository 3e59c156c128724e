"""Age in full years at an as-of date, and age groups with exact, configurable bounds.

Age is the number of birthdays a person has had by the as-of date, counted on UTC calendar
dates: a birthday on the as-of date counts, a birthday the day after does not, and someone born
on 29 February turns a year older on 1 March in non-leap years. randomuser.me's own ``dob.age``
is never used, because older API versions rounded it up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from memberanalyzer.errors import ConfigurationError
from memberanalyzer.members.calendar import utc_date_parts

__all__ = ["DEFAULT_AGE_BOUNDS", "AgeGroups", "ages_at"]

# Lower bounds of the groups after the first one: 0-17, 18-24, 25-34, ..., 55-64, 65+.
DEFAULT_AGE_BOUNDS: tuple[int, ...] = (18, 25, 35, 45, 55, 65)


def ages_at(births: pa.Array, as_of: date) -> pa.Array:
    """Compute each person's age in full years on ``as_of`` from UTC birth timestamps."""
    year, month, day, valid = utc_date_parts(births)

    # Comparing month*100+day handles 29 February: in a non-leap year, 0228 < 0229 (not yet)
    # and 0301 > 0229 (birthday passed).
    birthday_pending = (month * 100 + day) > (as_of.month * 100 + as_of.day)
    ages = (as_of.year - year - birthday_pending).astype(np.int32)
    return pa.array(ages, pa.int32(), mask=~valid)


@dataclass(frozen=True)
class AgeGroups:
    """Age groups given by the lower bounds of every group but the first, which starts at 0."""

    bounds: tuple[int, ...] = DEFAULT_AGE_BOUNDS

    def __post_init__(self) -> None:
        if not self.bounds:
            raise ConfigurationError("age bounds are empty: give at least one bound, e.g. 18")
        if any(bound <= 0 for bound in self.bounds):
            raise ConfigurationError(f"invalid age bounds {self.bounds}: every bound must be > 0")
        if list(self.bounds) != sorted(set(self.bounds)):
            raise ConfigurationError(
                f"invalid age bounds {self.bounds}: bounds must be strictly increasing, "
                "e.g. 18,25,35,45,55,65"
            )

    @classmethod
    def parse(cls, text: str) -> AgeGroups:
        """Parse comma-separated lower bounds such as ``18,25,35,45,55,65``."""
        try:
            bounds = tuple(int(part) for part in text.split(",") if part.strip())
        except ValueError:
            raise ConfigurationError(
                f"invalid age bounds {text!r}: expected comma-separated whole years, "
                "e.g. 18,25,35,45,55,65"
            ) from None
        return cls(bounds)

    @property
    def text(self) -> str:
        """Bounds as ``AgeGroups.parse`` reads them, such as ``18,25,35,45,55,65``."""
        return ",".join(str(bound) for bound in self.bounds)

    @property
    def labels(self) -> tuple[str, ...]:
        """Group labels in order, such as ``("0-17", "18-24", ..., "65+")``."""
        lowers = (0, *self.bounds)
        closed = [f"{low}-{high - 1}" for low, high in zip(lowers, self.bounds, strict=False)]
        return (*closed, f"{self.bounds[-1]}+")

    def label(self, ages: pa.Array) -> pa.DictionaryArray:
        """Map ages to group labels; negative or null ages get null.

        Returns a dictionary array over ``labels``, which groups faster than plain strings.
        """
        values = pc.fill_null(ages, -1).to_numpy(zero_copy_only=False)
        positions = np.searchsorted(np.asarray(self.bounds), values, side="right").astype(np.int8)
        indices = pa.array(positions, pa.int8(), mask=values < 0)
        return pa.DictionaryArray.from_arrays(indices, pa.array(self.labels, pa.string()))

"""The member rules: validation, normalisation, member ids, age and distribution logic.

Every engine (embedded DuckDB, Spark) and every source uses these functions; none of them
rewrites a rule. The functions work on Arrow record batches and tables.
"""

from memberanalyzer.members.age import DEFAULT_AGE_BOUNDS, AgeGroups, ages_at
from memberanalyzer.members.distributions import (
    DIMENSIONS,
    DISTRIBUTION_SCHEMA,
    count_dimensions,
    distributions_from_counts,
    member_dimensions,
)
from memberanalyzer.members.reasons import RejectReason
from memberanalyzer.members.rules import (
    GENDERS,
    NormalisedBatch,
    normalise_members,
    validate_members,
)
from memberanalyzer.members.schema import MEMBER_SCHEMA, RAW_SCHEMA, REJECTED_SCHEMA

__all__ = [
    "DEFAULT_AGE_BOUNDS",
    "DIMENSIONS",
    "DISTRIBUTION_SCHEMA",
    "GENDERS",
    "MEMBER_SCHEMA",
    "RAW_SCHEMA",
    "REJECTED_SCHEMA",
    "AgeGroups",
    "NormalisedBatch",
    "RejectReason",
    "ages_at",
    "count_dimensions",
    "distributions_from_counts",
    "member_dimensions",
    "normalise_members",
    "validate_members",
]

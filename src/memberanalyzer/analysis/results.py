"""The last step of every analysis engine: merge the partial counts and store the result.

Engines differ only in how they count members per dimension and value (Arrow batches in one
process, or Spark partitions); the merge, the percentages and what is stored are the same.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from memberanalyzer.errors import NothingToDoError
from memberanalyzer.members.age import AgeGroups
from memberanalyzer.members.distributions import DISTRIBUTION_SCHEMA, distributions_from_counts
from memberanalyzer.stores.base import MemberStore

__all__ = ["AnalysisResult", "store_distributions"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AnalysisResult:
    """Distributions of one as-of date and the number of members they count."""

    as_of: date
    member_count: int
    distributions: pa.Table


def store_distributions(
    store: MemberStore, as_of: date, age_groups: AgeGroups, partial_counts: list[pa.Table]
) -> AnalysisResult:
    """Merge ``partial_counts`` (COUNTS_SCHEMA) and replace the date's stored distributions.

    Raises ``NothingToDoError`` when no member was counted. The date's old distributions are
    then removed too, so no stale result remains.
    """
    if not partial_counts:
        store.replace_distributions(as_of, DISTRIBUTION_SCHEMA.empty_table(), age_groups, 0)
        raise NothingToDoError("the store contains no members: run `memberanalyzer ingest` first")

    distributions = distributions_from_counts(pa.concat_tables(partial_counts), as_of, age_groups)
    member_count = _member_count(distributions)
    store.replace_distributions(as_of, distributions, age_groups, member_count)
    if member_count == 0:
        raise NothingToDoError(
            f"no stored member was registered on or before {as_of.isoformat()}; "
            "choose a later --as-of date"
        )
    log.info(
        "analysis finished as_of=%s members=%d rows=%d", as_of, member_count, distributions.num_rows
    )
    return AnalysisResult(as_of, member_count, distributions)


def _member_count(distributions: pa.Table) -> int:
    gender_rows = distributions.filter(pc.equal(distributions.column("dimension"), "gender"))
    return int(pc.sum(gender_rows.column("count")).as_py() or 0)

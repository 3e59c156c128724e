"""The contract of a member store: members, rejected records and distributions."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from datetime import date

import pyarrow as pa

from memberanalyzer.members.age import AgeGroups

__all__ = ["MemberStore"]


class MemberStore(ABC):
    """Keeps members (one row per member_id), rejected records and computed distributions."""

    @abstractmethod
    def upsert_members(self, members: pa.Table) -> None:
        """Insert members, replacing any stored member with the same member_id.

        When ``members`` contains one member_id twice, the later row wins. Writing the same rows
        again leaves the store unchanged.
        """

    @abstractmethod
    def add_rejected(self, rejected: pa.Table) -> None:
        """Keep rejected records; a rejection already stored (same rejection_id) is skipped."""

    @abstractmethod
    def member_count(self) -> int:
        """Return how many members are stored."""

    @abstractmethod
    def find_member(self, member_id: str) -> dict[str, object] | None:
        """Return the stored member with ``member_id`` as a dict of its columns, or None."""

    @abstractmethod
    def member_tables(self, columns: Sequence[str], rows: int) -> Iterator[pa.Table]:
        """Yield the stored members' ``columns`` in tables of about ``rows`` rows."""

    @abstractmethod
    def replace_distributions(
        self, as_of: date, distributions: pa.Table, age_groups: AgeGroups, member_count: int
    ) -> None:
        """Replace every distribution row of ``as_of`` with ``distributions``, atomically.

        The age groups and member count are kept with them, so charts of that date label the
        groups as they were computed. A member count of 0 removes the date's analysis.
        """

    @abstractmethod
    def analysis(self, as_of: date) -> tuple[AgeGroups, int] | None:
        """Return the age groups and member count of the analysis of ``as_of``, if one ran."""

    @abstractmethod
    def distributions(self, as_of: date) -> pa.Table:
        """Return the distributions stored for ``as_of`` (empty when none were computed)."""

    @abstractmethod
    def close(self) -> None:
        """Flush and release the store."""

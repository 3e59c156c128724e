"""The contract every member source fulfils: raw record batches in ``RAW_SCHEMA``."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator

import pyarrow as pa

__all__ = ["MemberSource"]


class MemberSource(ABC):
    """A place member records come from: files, the randomuser.me API, the generator."""

    @property
    @abstractmethod
    def description(self) -> str:
        """Short text naming the source in logs and the run summary."""

    @abstractmethod
    def batches(self) -> Iterator[pa.RecordBatch]:
        """Yield raw record batches in ``RAW_SCHEMA``.

        Records that are bad but readable (invalid JSON on one line, a wrong type) are yielded
        with their problem marked, for the member rules to reject. An exception means the
        source itself failed (missing file, unreachable host); batches already yielded have
        been stored.
        """

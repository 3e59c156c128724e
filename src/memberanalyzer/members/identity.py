"""Deterministic identifiers: member ids for records without login.uuid, and rejection ids.

Both are UUID version 5 values computed from content, never random ones, so replaying the same
input finds the same member or the same rejection instead of creating a new one.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

__all__ = ["MEMBER_NAMESPACE", "REJECTION_NAMESPACE", "derive_member_id", "rejection_id"]

MEMBER_NAMESPACE = uuid.UUID("6f0c6d1e-4b7a-5c55-9a57-6d656d626572")
REJECTION_NAMESPACE = uuid.UUID("0b3f7f8e-2f39-5d0c-8a8e-72656a656374")

_SEPARATOR = "\x1f"  # ASCII unit separator: cannot appear in the JSON text of a field


def derive_member_id(identity_fields: Iterable[str | None]) -> str:
    """Derive a member id from the fields that identify a person.

    The caller passes e-mail, first name, last name, birth date and nationality as received;
    the e-mail is compared case-insensitively.
    """
    parts = [(part or "").strip() for part in identity_fields]
    parts[0] = parts[0].lower()
    return str(uuid.uuid5(MEMBER_NAMESPACE, _SEPARATOR.join(parts)))


def rejection_id(
    source: str | None, record_number: int | None, reason: str, raw_record: str
) -> str:
    """Derive the id of one rejection from where it came from, why, and the record itself."""
    key = _SEPARATOR.join([source or "", str(record_number or ""), reason, raw_record])
    return str(uuid.uuid5(REJECTION_NAMESPACE, key))

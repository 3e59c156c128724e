"""Why a record was rejected: the closed set of reason codes used everywhere.

Reason codes are stable identifiers: they are stored, exported and counted in run summaries,
so a dashboard or an alert can rely on them.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["RejectReason"]


class RejectReason(StrEnum):
    """Reason code stored with every rejected record."""

    INVALID_JSON = "invalid_json"
    # A Kafka message that is not a member in the Confluent Avro wire format.
    UNDECODABLE_MESSAGE = "undecodable_message"
    NOT_AN_OBJECT = "not_an_object"
    UNSUPPORTED_VERSION = "unsupported_version"
    WRONG_TYPE = "wrong_type"
    MISSING_FIELD = "missing_field"
    UNKNOWN_GENDER = "unknown_gender"
    INVALID_EMAIL = "invalid_email"
    INVALID_NATIONALITY = "invalid_nationality"
    INVALID_MEMBER_ID = "invalid_member_id"
    INVALID_DATE = "invalid_date"
    BIRTH_IN_FUTURE = "birth_in_future"
    REGISTERED_IN_FUTURE = "registered_in_future"
    REGISTERED_BEFORE_BIRTH = "registered_before_birth"
    INVALID_COORDINATES = "invalid_coordinates"
    INVALID_TIMEZONE_OFFSET = "invalid_timezone_offset"

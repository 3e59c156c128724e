"""Unique names, so each test module gets its own topics, subjects and keyspaces."""

from __future__ import annotations

import uuid


def unique_name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"

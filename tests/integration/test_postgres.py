"""The local PostgreSQL: the Airflow database and user exist and accept work."""

from __future__ import annotations

import psycopg
import pytest

from memberanalyzer.settings import Settings

pytestmark = pytest.mark.integration


def test_airflow_user_can_write(postgres_address: tuple[str, int], settings: Settings) -> None:
    host, port = postgres_address
    with psycopg.connect(
        host=host, port=port, user=settings.postgres_user, dbname=settings.postgres_database
    ) as connection:
        connection.execute("CREATE TEMPORARY TABLE probe (value text)")
        connection.execute("INSERT INTO probe VALUES ('ok')")
        row = connection.execute("SELECT value FROM probe").fetchone()

    assert row == ("ok",)

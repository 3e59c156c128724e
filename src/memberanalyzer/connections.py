"""Connection settings of the distributed mode's servers, built from the one settings object."""

from __future__ import annotations

from memberanalyzer.settings import Settings
from memberanalyzer.stores.cassandra_store import CassandraConfig
from memberanalyzer.transport.kafka import KafkaConfig

__all__ = ["cassandra_config", "kafka_config"]


def kafka_config(settings: Settings, partitions: int | None = None) -> KafkaConfig:
    return KafkaConfig(
        bootstrap_servers=settings.kafka_bootstrap_servers,
        schema_registry_url=settings.schema_registry_url,
        partitions=partitions or settings.kafka_partitions,
        replication_factor=settings.kafka_replication_factor,
        extra=dict(settings.kafka_config),
        schema_registry_extra=dict(settings.schema_registry_config),
    )


def cassandra_config(settings: Settings) -> CassandraConfig:
    password = settings.cassandra_password
    return CassandraConfig(
        host=settings.cassandra_host,
        port=settings.cassandra_port,
        keyspace=settings.cassandra_keyspace,
        replication=settings.cassandra_replication,
        local_dc=settings.cassandra_local_dc,
        username=settings.cassandra_username,
        password=password.get_secret_value() if password is not None else None,
    )

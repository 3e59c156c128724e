"""Transport of members between pipeline stages: Kafka topics with Avro values."""

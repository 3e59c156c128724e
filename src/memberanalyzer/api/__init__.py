"""The ingestion HTTP API and the live dashboard, served by ``memberanalyzer serve``.

``create_app`` builds the FastAPI application from the settings. Records go through the shared
JSON decoding and member rules; members and rejected records go to the embedded DuckDB store.
"""

from memberanalyzer.api.app import create_app

__all__ = ["create_app"]

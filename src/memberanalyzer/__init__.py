"""MemberAnalyzer: ingest randomuser.me-shaped member records, validate and store them, and
chart who the members are.

The embedded pipeline runs in one process on DuckDB: ``memberanalyzer run`` from the command
line, or the stage functions in ``memberanalyzer.engines.embedded`` from Python.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]

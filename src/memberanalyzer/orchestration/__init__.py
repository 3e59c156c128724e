"""The pipeline stages as orchestrator tasks: ingest, analysis and charts for one date.

``stages`` runs each stage on the engine chosen by the settings and returns only small values
(counts, dates, paths), which an orchestrator can pass between tasks. ``dates`` and
``connections`` turn what an orchestrator knows about a run into dates and settings. None of
these modules imports Airflow; ``airflow_context`` is the one adapter that does, for the DAGs
in ``dags/``.
"""

"""expectations: the Great Expectations suites of the pipeline, as code, and the batch runner.

Owns: the suites (`suites.py`, one function per suite), the data frames they run on (`frames.py`),
the lazily built ephemeral GX context (`context.py`), the runner (`runner.validate_batch`), users'
own expectations (`custom.check_custom_expectations`) and the JSON export (`python -m expectations.export`).
Imports `ocr_tasks` types and great_expectations (lazily: GX costs seconds to import); must not import
django, prefect, streamlit, flows, django_api or dashboard.
"""

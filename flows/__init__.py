"""Prefect flows of the pipeline and their thin tasks.

Owns: the flows (`process`, `maintenance`, `inbox`), the tasks that wrap one library call each
(`tasks`), how a flow reaches its inputs and outputs (the port in `port`, chosen in `settings`; the
in-memory one in `memory_port`), execution modes (`dispatch`, `runners`), the `ocr-engine process`
subcommand (`cli`) and the local Prefect stack used by `make run` (`serve`).

Imports `ocr_tasks`, `expectations` and prefect. Must not import django, `django_api`, streamlit or
`dashboard`: the Django side provides its port through the `OCR_PIPELINE_PORT` setting instead.
"""

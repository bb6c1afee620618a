"""Streamlit review dashboard: a client of the REST API (contract: `django_api/API.md`).

Owns: sign-in, projects and uploads, the review queue, document review with corrections and approval,
and the project overview. `dashboard.api_client` is the only module that talks HTTP; page scripts in
`dashboard/views/` read top to bottom and get their client from `dashboard.session`.

Must not import: ocr_tasks, expectations, flows, django_api, django, prefect (import-linter contract in
pyproject.toml). Everything it knows about the system comes over HTTP.
"""

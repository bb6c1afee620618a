"""The Django project and DRF app of the pipeline: projects, uploads, task records, REST endpoints, auth.

Owns `config/` (settings, urls, wsgi), `invoices/` (models, selectors that read, services that write,
thin API views) and `orchestration/` (the seam to the Prefect flows and the Django implementation of the
flows' port). Only `django_api.orchestration` may import `flows`, and only `orchestration/seam.py` imports
`flows.process` or `prefect`; everything else here is plain Django.
"""

"""The orchestration seam between the Django app and the Prefect flows.

`seam.py` is the only module of `django_api` that imports `flows.process` or `prefect` (lazily, inside
functions); `django_port.py` implements the flows' port (`flows.port.PipelinePort`, plain types) over the
Django models. Nothing else in `django_api` imports `flows`."""

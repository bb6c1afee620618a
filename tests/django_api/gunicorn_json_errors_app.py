"""A real gunicorn for `test_gunicorn_errors.py`: the API's gunicorn limits and error hook, a tiny app."""

from django_api.config.gunicorn_conf import (  # noqa: F401  (gunicorn reads them from this module)
    limit_request_field_size,
    limit_request_fields,
    limit_request_line,
    on_starting,
)

workers = 1
threads = 2


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [f"path of {len(environ.get('PATH_INFO', '')) + len(environ.get('QUERY_STRING', ''))}".encode()]

"""Settings, read from the environment (nothing secret is committed).

- `DJANGO_SECRET_KEY` is required unless `DJANGO_DEBUG=1` or `OCR_DEV_MODE=1` (then a dev key is used).
- `DATABASE_URL` selects PostgreSQL (or any dj-database-url URL); default SQLite (WAL, busy timeout).
- `OCR_STORAGE=s3` stores files with django-storages (`AWS_*` variables); default local disk.
- `OCR_PIPELINE_MODE=embedded|distributed`, `OCR_EXECUTOR=thread|sync|none`, `OCR_WORKERS`.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def _env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


def _env_int(name: str, default: int, *, minimum: int = 1) -> int:
    """A whole number from the environment, refused at start-up when it is not one or is too small."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name}={value} is below its minimum of {minimum}")
    return value


BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(os.environ.get("OCR_DATA_DIR", BASE_DIR / "var"))

DEBUG = _env_bool("DJANGO_DEBUG")
DEV_MODE = DEBUG or _env_bool("OCR_DEV_MODE")
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEV_MODE:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set: the installation `make run` set up keeps its key in "
            "var/secret_key (`export DJANGO_SECRET_KEY=$(cat var/secret_key)` before `manage.py` "
            "commands); or set DJANGO_DEBUG=1 or OCR_DEV_MODE=1 for a development key"
        )
    SECRET_KEY = "dev-only-insecure-key-never-used-in-production"

ALLOWED_HOSTS = [
    h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",  # only for migration 0005, which hashed its plain keys into ApiToken
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI assets served locally (no CDN)
    "django_api.invoices",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files (Swagger UI) under gunicorn
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
# security headers: no framing (the Swagger page), no MIME sniffing, no referrer to other sites
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

ROOT_URLCONF = "django_api.config.urls"
WSGI_APPLICATION = "django_api.config.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]

SQLITE_BUSY_TIMEOUT_MS = int(os.environ.get("OCR_SQLITE_BUSY_TIMEOUT_MS", "30000"))


def sqlite_database(path: Path | str) -> dict:
    """SQLite in WAL mode with a busy timeout and IMMEDIATE transactions: concurrent writers wait, never
    fail with "database is locked"."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
            "init_command": f"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}; "
            "PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        },
    }


if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {"default": sqlite_database(DATA_DIR / "db.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

MEDIA_ROOT = Path(os.environ.get("OCR_MEDIA_ROOT", DATA_DIR / "media"))
MEDIA_URL = "/media/"
STATIC_URL = "/static/"
# WhiteNoise serves the apps' static files (Swagger UI from drf-spectacular-sidecar) straight from the
# installed packages: no collectstatic step. Set STATIC_ROOT only if you collect them for a proxy.
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT") or None
WHITENOISE_USE_FINDERS = True

if os.environ.get("OCR_STORAGE", "local") == "s3":
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_STORAGE_BUCKET_NAME", "ocr-documents"),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "file_overwrite": False,
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "django_api.invoices.api.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # DRF's, with a form parser that names a JSON body sent without its content type
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "django_api.invoices.api.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "django_api.invoices.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": None,
    "URL_FORMAT_OVERRIDE": None,  # `?format=csv|xlsx|json` selects the export file, not a renderer
    # token login attempts per client address (password guessing); 429 `throttled` beyond
    "DEFAULT_THROTTLE_RATES": {"login": os.environ.get("OCR_LOGIN_RATE", "20/min")},
    # the client address is the peer's (REMOTE_ADDR) unless the operator declares how many trusted
    # proxies sit in front (`OCR_TRUSTED_PROXIES`): a client's own X-Forwarded-For is never believed
    "NUM_PROXIES": int(os.environ.get("OCR_TRUSTED_PROXIES", "0")),
}
# a login token is refused this many days after the login that created it (`POST /api/auth/logout/` ends
# it before); tokens are stored hashed (`invoices.models.ApiToken`)
OCR_TOKEN_MAX_AGE_DAYS: int = _env_int("OCR_TOKEN_MAX_AGE_DAYS", 30)
# throttle counters shared by every worker process of the machine and kept over restarts
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache"),
    }
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Invoice OCR pipeline API",
    "DESCRIPTION": "Upload invoices into projects, follow OCR tasks, review and export the results.\n\n"
    "**Authentication**: `POST /api/auth/token/` with `{username, password}` answers `{token}`; send it as "
    "`Authorization: Token <token>` (in Authorize below: `Token <token>`, the word included). "
    "**Finished tasks**: poll `GET .../ocr-status/{task_id}/` or add a webhook (`task.finished`, "
    "`task.failed`, `task.cancelled`, `document.approved`). **Pages**: `GET .../documents/?limit=&offset=` "
    "with `X-Total-Count` and `Link` headers. **Conflicts**: send a document's `ETag` as `If-Match` (or "
    "`result_version`) with a change: an older one answers 412 (409 for a body `result_version`) "
    "`stale_version`. **Errors**: every answer "
    ">= 400 is `{code, message, detail?}` with a stable `code`. More in `django_api/API.md`.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "django_api.invoices.api.schema_errors.add_error_responses",
        "django_api.invoices.api.schema_tags.tag_by_resource",
    ],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "ENUM_NAME_OVERRIDES": {
        "TaskStatusEnum": "django_api.invoices.models.tasks.TaskStatus",
        "DocumentStatusEnum": "django_api.invoices.models.documents.DocumentStatus",
    },
}

# --- uploads ---------------------------------------------------------------------------------------
OCR_MAX_FILE_BYTES = int(os.environ.get("OCR_MAX_FILE_BYTES", str(50 * 1024 * 1024)))
OCR_MAX_REQUEST_BYTES = int(os.environ.get("OCR_MAX_REQUEST_BYTES", str(200 * 1024 * 1024)))
OCR_MAX_FILES_PER_REQUEST = int(os.environ.get("OCR_MAX_FILES_PER_REQUEST", "100"))
OCR_MAX_PAGES = int(os.environ.get("OCR_MAX_PAGES", "500"))
OCR_MAX_PIXELS_PER_PAGE = int(os.environ.get("OCR_MAX_PIXELS_PER_PAGE", "60000000"))
# the page quota of an API upload (inbox sweeps have none: they process their task at once): pages in
# all the files of one request -> 413 `too_many_pages`, and pages waiting (documents pending or processing)
# in one project's queue -> 429 `queue_full`; at a few seconds per page on 2 cores, a full queue is about
# an hour of work, and no one request holds the machine for more than half of it
OCR_MAX_PAGES_PER_REQUEST: int = _env_int("OCR_MAX_PAGES_PER_REQUEST", 1000)
OCR_MAX_QUEUED_PAGES_PER_PROJECT: int = _env_int("OCR_MAX_QUEUED_PAGES_PER_PROJECT", 2000)
# bodies other than uploaded files (JSON, form fields): Django counts a multipart body without its files,
# so this bounds a PATCH of corrections (1,000 line items fit in well under 1 MB), not the uploads
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("OCR_MAX_JSON_BYTES", str(5 * 1024 * 1024)))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = OCR_MAX_FILES_PER_REQUEST + 1
OCR_LANGUAGES = os.environ.get("OCR_LANGUAGES", "eng")

# --- orchestration ---------------------------------------------------------------------------------
OCR_PIPELINE_MODE = os.environ.get("OCR_PIPELINE_MODE", "embedded")  # embedded | distributed
OCR_EXECUTOR = os.environ.get("OCR_EXECUTOR", "thread")  # thread | sync | none (embedded mode)
OCR_WORKERS = int(os.environ.get("OCR_WORKERS", str(os.cpu_count() or 1)))
OCR_FLOW = os.environ.get("OCR_FLOW", "flows.dispatch:task_submit")  # called with task_id=...
OCR_DEPLOYMENT = os.environ.get("OCR_DEPLOYMENT", "process-invoices/process-invoices")
OCR_MAX_ATTEMPTS = int(os.environ.get("OCR_MAX_ATTEMPTS", "3"))
# distributed mode: a Running flow run silent for this many heartbeat intervals
# (PREFECT_FLOWS_HEARTBEAT_FREQUENCY) has lost its worker; its task is re-queued (docs/operations.md)
OCR_HEARTBEAT_MISSED: int = _env_int("OCR_HEARTBEAT_MISSED", 3)
OCR_WORK_POOL = os.environ.get("OCR_WORK_POOL", "process")  # the pool whose workers /api/ocr-health/ lists
OCR_WORKER_STALE_SECONDS: int = _env_int("OCR_WORKER_STALE_SECONDS", 90)  # a worker silent longer: not live
OCR_QUEUE_MAX_DEPTH = int(os.environ.get("OCR_QUEUE_MAX_DEPTH", "1000"))
PREFECT_API_URL = os.environ.get("PREFECT_API_URL", "")
# without PREFECT_API_URL the embedded flow starts Prefect's ephemeral API in this process: give it 90 s
# (Prefect's 20 s default fails every task of a loaded machine), as the CLI and the tests do
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
PREFECT_UI_URL = os.environ.get("PREFECT_UI_URL", "http://127.0.0.1:4200")

# --- webhooks ----------------------------------------------------------------------------------------
# targets resolving to private, loopback, link-local or reserved addresses are refused (SSRF), when an
# endpoint is saved and again before every delivery attempt, unless this is on (a receiver on the LAN)
OCR_WEBHOOKS_ALLOW_PRIVATE: bool = _env_bool("OCR_WEBHOOKS_ALLOW_PRIVATE")
OCR_WEBHOOK_MAX_ATTEMPTS: int = _env_int("OCR_WEBHOOK_MAX_ATTEMPTS", 5)
OCR_WEBHOOK_BACKOFF_SECONDS: float = float(os.environ.get("OCR_WEBHOOK_BACKOFF_SECONDS", "2"))  # doubles
OCR_WEBHOOK_TIMEOUT_SECONDS: float = float(os.environ.get("OCR_WEBHOOK_TIMEOUT_SECONDS", "5"))
OCR_WEBHOOK_WORKERS: int = _env_int("OCR_WEBHOOK_WORKERS", 4)
OCR_WEBHOOK_FLOW = os.environ.get("OCR_WEBHOOK_FLOW", "flows.webhooks:deliver_webhooks")

# the API's own lines, and Django's error log (`django.request`: every 500 answered outside DRF, with its
# traceback) on stderr, also when DEBUG is off (Django's default console handler is for DEBUG only)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "django_api": {"handlers": ["console"], "level": os.environ.get("OCR_LOG_LEVEL", "INFO")},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

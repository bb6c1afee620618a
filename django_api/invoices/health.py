"""Health checks of what the pipeline needs: Tesseract, database, Prefect (in distributed mode with the
work pool's live workers), storage, queue. `status`: `unhealthy` when a check fails, `degraded` when all
pass but one says work cannot progress (no live worker polls the pool), else `healthy`."""

from __future__ import annotations

import threading
import time
import uuid
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

from django_api.invoices.selectors.tasks import queue_depth
from django_api.orchestration.seam import prefect_health

TESSERACT_INFO_TTL_SECONDS = 60.0
_tesseract_cache: dict[str, Any] = {}
_tesseract_lock = threading.Lock()


def _tesseract_info() -> tuple[str, list[str]]:
    """Tesseract's version and languages, asked at most once a minute: the health endpoint is public,
    and each ask spawns two `tesseract` processes (a client polling it must not fork the server to
    death). Failures are not cached."""
    with _tesseract_lock:
        cached = _tesseract_cache.get("info")
        if cached and time.monotonic() - cached[0] < TESSERACT_INFO_TTL_SECONDS:
            return cached[1]
        # without pytesseract's pandas import
        from ocr_tasks.engines.tesseract_install import import_pytesseract

        pytesseract = import_pytesseract()
        info = (str(pytesseract.get_tesseract_version()), sorted(pytesseract.get_languages(config="")))
        _tesseract_cache["info"] = (time.monotonic(), info)
        return info


def _tesseract() -> dict[str, Any]:
    try:
        version, languages = _tesseract_info()
    except Exception as exc:  # noqa: BLE001 (any failure means unhealthy)
        return {"ok": False, "message": f"tesseract unavailable: {exc}"}
    missing = [lang for lang in settings.OCR_LANGUAGES.split("+") if lang not in languages]
    return {
        "ok": not missing,
        "version": version,
        "languages": languages,
        **({"message": f"missing languages: {', '.join(missing)}"} if missing else {}),
    }


def _database() -> dict[str, Any]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "vendor": connection.vendor, "message": str(exc)}
    return {"ok": True, "vendor": connection.vendor}


def _storage() -> dict[str, Any]:
    name = f"health/{uuid.uuid4().hex}.txt"
    try:
        saved = default_storage.save(name, ContentFile(b"ok"))
        default_storage.delete(saved)
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "backend": type(default_storage._wrapped).__name__, "message": str(exc)}
    return {"ok": True, "backend": type(default_storage._wrapped).__name__}


def _queue() -> dict[str, Any]:
    try:
        depth = queue_depth()
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "message": str(exc)}
    limit = settings.OCR_QUEUE_MAX_DEPTH
    return {"ok": depth < limit, "depth": depth, "max_depth": limit}


def health_report() -> dict[str, Any]:
    checks = {
        "tesseract": _tesseract(),
        "database": _database(),
        "prefect": prefect_health(),
        "storage": _storage(),
        "queue": _queue(),
    }
    unhealthy = [name for name, check in checks.items() if not check.get("ok")]
    # up, but work waits: in distributed mode no worker polls the pool (the check's message says why)
    degraded = [name for name, check in checks.items() if check.get("ok") and check.get("degraded")]
    status = "unhealthy" if unhealthy else "degraded" if degraded else "healthy"
    return {
        "healthy": not unhealthy,
        "status": status,
        "unhealthy": unhealthy,
        "degraded": degraded,
        "checks": checks,
    }

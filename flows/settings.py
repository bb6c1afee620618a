"""Settings of the flows, read from the environment of the process that runs them.

| variable | meaning | default |
|---|---|---|
| `OCR_PIPELINE_PORT` | `module:factory`: a zero-argument factory returning a `PipelinePort` | in-memory |
| `OCR_PIPELINE_MODE` | `embedded` (flow called in-process) or `distributed` (`run_deployment`) | `embedded` |
| `OCR_DEPLOYMENT` | deployment run in distributed mode | `process-invoices/process-invoices` |
| `OCR_DASK_ADDRESS` | scheduler address: page OCR runs on that Dask cluster | unset (local thread pool) |
| `OCR_PAGE_CONCURRENCY` | pages recognised at the same time | number of CPUs |
| `OCR_WORKDIR` | folder for rendered page images (shared when Dask workers are remote) | system temp |
| `OCR_RETRY_DELAY_SECONDS` | first retry delay of transient failures (doubles each retry) | `2` |
| `OCR_WORKER_LIMIT` | flow runs one Prefect worker runs at once (`--limit`); `0`: no limit | number of CPUs |

The port is built once per process. `use_port(port)` overrides it for a block (tests, the CLI).
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from flows.port import PipelinePort

EMBEDDED, DISTRIBUTED = "embedded", "distributed"
DEFAULT_PORT = "flows.memory_port:default_port"
DEFAULT_DEPLOYMENT = "process-invoices/process-invoices"

_lock = threading.Lock()
_port: PipelinePort | None = None
_override: list[PipelinePort] = []


class ConfigurationError(RuntimeError):
    """A setting of the flows is wrong (raised at start-up, never mid-run)."""


class InvalidSetting(ConfigurationError):
    """An environment variable of the flows holds a value it cannot take; `name` is the variable."""

    code = "invalid_setting"

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


def load_factory(path: str) -> Callable[[], PipelinePort]:
    """Resolve `package.module:factory`."""
    module_name, sep, attribute = path.partition(":")
    if not sep or not module_name or not attribute:
        raise ConfigurationError(f"OCR_PIPELINE_PORT must be 'module:factory', got {path!r}")
    try:
        factory = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as exc:
        raise ConfigurationError(f"cannot load the pipeline port {path!r}: {exc}") from exc
    if not callable(factory):
        raise ConfigurationError(f"{path!r} is not callable")
    return factory


def get_port() -> PipelinePort:
    """The port flows of this process use: an override set by `use_port`, else the configured one."""
    global _port
    if _override:
        return _override[-1]
    with _lock:
        if _port is None:
            port = load_factory(os.environ.get("OCR_PIPELINE_PORT", DEFAULT_PORT))()
            if not isinstance(port, PipelinePort):
                raise ConfigurationError(f"{type(port).__name__} does not implement PipelinePort")
            _port = port
        return _port


@contextmanager
def use_port(port: PipelinePort) -> Iterator[PipelinePort]:
    """Make every flow of this process use `port` inside the block."""
    _override.append(port)
    try:
        yield port
    finally:
        _override.remove(port)


def pipeline_mode() -> str:
    mode = os.environ.get("OCR_PIPELINE_MODE", EMBEDDED).strip().lower()
    if mode not in (EMBEDDED, DISTRIBUTED):
        raise ConfigurationError(f"OCR_PIPELINE_MODE must be embedded or distributed, got {mode!r}")
    return mode


def deployment_name() -> str:
    return os.environ.get("OCR_DEPLOYMENT", DEFAULT_DEPLOYMENT)


def dask_address() -> str | None:
    return os.environ.get("OCR_DASK_ADDRESS") or None


def page_concurrency() -> int:
    value = os.environ.get("OCR_PAGE_CONCURRENCY")
    return max(1, int(value)) if value else max(1, os.cpu_count() or 1)


def workdir() -> str | None:
    return os.environ.get("OCR_WORKDIR") or None


def worker_limit(env: Mapping[str, str] | None = None) -> int | None:
    """How many flow runs one worker runs at once (`prefect worker start --limit`): `OCR_WORKER_LIMIT`,
    by default the machine's cores (a run is a Python process of ~250 MB, and one task's pages already
    use every core); 0: no limit (Prefect's default, every run that comes starts at once), returned as
    None. Anything else than a whole number >= 0 is an `InvalidSetting` naming the variable."""
    raw = (os.environ if env is None else env).get("OCR_WORKER_LIMIT", "").strip()
    if not raw:
        return os.cpu_count() or 1
    try:
        limit = int(raw)
    except ValueError:
        raise InvalidSetting(
            "OCR_WORKER_LIMIT",
            f"OCR_WORKER_LIMIT={raw!r} is not a whole number: set how many flow runs one worker runs at "
            "once (e.g. 2), 0 for no limit, or leave it unset for the number of CPUs",
        ) from None
    if limit < 0:
        raise InvalidSetting(
            "OCR_WORKER_LIMIT",
            f"OCR_WORKER_LIMIT={limit} is negative: set a whole number >= 1, 0 for no limit, or leave it "
            "unset for the number of CPUs",
        )
    return limit or None


def retry_delay_seconds() -> float:
    return float(os.environ.get("OCR_RETRY_DELAY_SECONDS", "2"))

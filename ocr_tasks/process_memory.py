"""Giving freed memory back to the system in long-running processes (the API worker runs flows for days).

glibc keeps freed heap pages in its arenas for reuse, so a process grows to the peak of its largest job
and stays there; `malloc_trim(0)` returns the free pages at the top of each arena and every whole free
page inside it. Called after each RapidOCR reading (a few hundred MB of tensors) and after each flow run
in the API's embedded executor (`django_api.orchestration.seam`).
"""

from __future__ import annotations

import ctypes
import functools


@functools.cache
def _libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim  # noqa: B018  (glibc only: musl and macOS have no malloc_trim)
    except (OSError, AttributeError):
        return None
    return libc


def give_back_freed_memory() -> bool:
    """Return freed heap memory to the system; False when the C library cannot (not glibc)."""
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True

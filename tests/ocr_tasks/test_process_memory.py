"""Freed memory goes back to the system where the C library can do it (glibc), and nothing breaks where
it cannot."""

from __future__ import annotations

import ctypes

from ocr_tasks import process_memory


def test_on_glibc_freed_memory_is_given_back():
    process_memory._libc.cache_clear()
    assert process_memory.give_back_freed_memory() is True


def test_without_malloc_trim_it_does_nothing(monkeypatch):
    def no_glibc(name):
        raise OSError(f"{name}: cannot open shared object file")

    process_memory._libc.cache_clear()
    monkeypatch.setattr(ctypes, "CDLL", no_glibc)
    try:
        assert process_memory.give_back_freed_memory() is False
    finally:
        process_memory._libc.cache_clear()

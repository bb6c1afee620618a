"""HEIC/HEIF photos (the default format of iPhone cameras) opened through Pillow with pillow-heif.

`enable_heif()` registers the opener once per process; every place that opens a stored image with Pillow
calls it first (ingest, the upload checks, the page preview). pillow-heif applies the photo's rotation
(the container's `irot`/`imir`) while decoding and reports the EXIF orientation as 1 afterwards, so code
that honours EXIF orientation does not turn the photo twice. The size is read from the header, before any
pixel is decoded (the decompression-bomb limits apply as to other images).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def enable_heif() -> None:
    """Let `PIL.Image.open` read HEIC/HEIF files (idempotent)."""
    from pillow_heif import register_heif_opener

    register_heif_opener()

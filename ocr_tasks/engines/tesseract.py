"""Tesseract: one `image_to_data` reading per page, on the image file's path: through Tesseract's C API
in this process (`engines.tesseract_api`, when tesserocr is built against the same libtesseract as the
CLI: the same output, no process per page) or through pytesseract and the CLI.

Before recognition the page's skew is measured (numpy, milliseconds) and, when the page looks sideways,
its orientation is asked of Tesseract's OSD; a corrected copy is written only when a correction is
applied (a turn, a skew, a stamp's red ink or the uneven light of a photographed page taken out:
`orientation.prepared`; a page photographed at an angle warped flat first: `orientation.flat_page`, and its
skew measured on the warped page). After recognition, a poor result (few or unconfident words) gets one second
reading: turned as OSD says (an upside-down page), or as it is when OSD had turned it; the clearly better
reading is kept.
`OMP_THREAD_LIMIT=1` is set for Tesseract, in this process and in the CLI's: pages run in parallel
instead (threads in the flow, as the C API releases the GIL while it recognises; worker processes in
`recognise.PageRecogniser`), and Tesseract's own threads only cost CPU. Pixels and confidences are
converted to `BBox` and 0-1 at this boundary (`ocr_tasks.layout.tesseract_rows`).
"""

from __future__ import annotations

import functools
import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from ocr_tasks.config import OcrConfig
from ocr_tasks.engines import column_blocks, orientation, tesseract_api
from ocr_tasks.engines.tesseract_install import import_pytesseract, tesseract_version
from ocr_tasks.errors import CorruptDocument, OcrEngineError, OcrTimeout
from ocr_tasks.ingest.pages import PageInput
from ocr_tasks.layout.tesseract_rows import blocks_from_tesseract
from ocr_tasks.ocr_types import OCR, OcrPage

POOR_MEAN_CONFIDENCE = 0.55  # below this (or fewer than POOR_MIN_WORDS words) OSD gets a second look
POOR_MIN_WORDS = 3
BETTER_MARGIN = 0.1  # mean-confidence gain a rotated re-read needs to replace the first reading
OSD_MIN_CONFIDENCE = 1.0  # Tesseract's orientation confidence needed to rotate a page
OSD_SIDEWAYS_CONFIDENCE = 0.3  # lower bar when the profiles already say the page is sideways
AMBIGUOUS_SIDEWAYS_RATIO = 0.8  # profiles this close: a poor page may be sideways even if OSD cannot tell


def installed_languages() -> list[str]:
    """Tesseract language packs installed here (`eng`, `deu`, `osd`...); empty when Tesseract is missing.
    Asked once per process and Tesseract command (extraction asks on every document, and `tesseract
    --list-langs` is a process of its own): a pack installed later is seen after a restart. A failure is
    not remembered."""
    try:
        return list(_languages_of(import_pytesseract().pytesseract.tesseract_cmd))
    except Exception:  # noqa: BLE001 - Tesseract missing or broken: no languages
        return []


@functools.lru_cache(maxsize=4)
def _languages_of(command: str) -> tuple[str, ...]:
    """The packs `command` lists (`lru_cache` keeps no exception: a failure is asked again next time)."""
    return tuple(sorted(import_pytesseract().get_languages(config="")))


class TesseractEngine:
    """The default engine. Picklable; holds no state beyond its command."""

    name = "tesseract"

    def __init__(self, tesseract_cmd: str | None = None) -> None:
        self.tesseract_cmd = tesseract_cmd
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")

    @property
    def version(self) -> str:
        return tesseract_version()

    # -- recognition --------------------------------------------------------------------------
    def recognise(self, page: PageInput, config: OcrConfig) -> OcrPage:
        if page.image_path is None:
            raise OcrEngineError(f"page {page.index + 1} has no image to recognise")
        started = time.perf_counter()
        deadline = started + config.limits.page_timeout_seconds
        pytesseract = import_pytesseract()
        if self.tesseract_cmd:
            pytesseract.pytesseract.tesseract_cmd = self.tesseract_cmd
        image = _open(page.image_path)
        flat = _flat_page(image, page)  # a page photographed at an angle, warped flat (or None)
        gray = None
        geometry = orientation.PageGeometry(skew=0.0, sideways=False)
        if config.deskew or config.detect_orientation:
            # a second handle: JPEG draft mode (used for the small copy) must not touch `image`
            gray = orientation.analysis_image(flat if flat is not None else _open(page.image_path))
            geometry = orientation.measure_geometry(gray)
        rotation, osd_done = 0, False
        if config.detect_orientation and geometry.sideways:
            rotation = self._osd_rotation(page.image_path, deadline, OSD_SIDEWAYS_CONFIDENCE)
            osd_done = True

        def skew_after(turn: int) -> float:
            if not config.deskew:
                return 0.0
            return (
                geometry.skew if turn == 0 else orientation.measure_geometry(_rotate_array(gray, turn)).skew
            )

        with tempfile.TemporaryDirectory(prefix="ocr-page-") as tmp:
            best = self._attempt(
                page, image, rotation, skew_after(rotation), config, deadline, Path(tmp), flat
            )
            if config.detect_orientation and _looks_poor(best):
                for retry in self._second_looks(page, rotation, osd_done, geometry, deadline):
                    candidate = self._attempt(
                        page, image, retry, skew_after(retry), config, deadline, Path(tmp), flat
                    )
                    if _clearly_better(candidate, best):
                        best = candidate
        return replace(best, seconds=time.perf_counter() - started)

    def _second_looks(self, page, rotation, osd_done, geometry, deadline) -> list[int]:
        """Rotations worth a second reading after a poor first one: unturned when OSD had turned the page
        (the profiles may have wrongly called it sideways); OSD's answer when it was not asked yet (an
        upside-down page); both sideways turns when OSD cannot tell and the profiles allow a sideways page
        (faint receipts, on which OSD finds too few characters)."""
        if rotation:
            return [0]
        if not osd_done:
            turn = self._osd_rotation(page.image_path, deadline, OSD_MIN_CONFIDENCE)
            if turn:
                return [turn]
        if geometry.sideways_ratio >= AMBIGUOUS_SIDEWAYS_RATIO:
            return [90, 270]
        return []

    def _attempt(self, page, image, rotation, skew, config, deadline, tmp: Path, flat=None) -> OcrPage:
        """One recognition of the page turned by `rotation` and deskewed by `skew` (`flat`: the page warped
        flat, `orientation.flat_page`, when it was photographed at an angle)."""
        applied_skew = skew if abs(skew) >= orientation.MIN_SKEW else 0.0
        path, width, height = page.image_path, page.width, page.height
        try:
            image.load()
        except Exception as exc:
            raise CorruptDocument(f"page {page.index + 1} cannot be decoded: {exc}") from exc
        if rotation or applied_skew or flat is not None:
            corrected = orientation.correct(image, rotation=rotation, skew=applied_skew, flat=flat)
        else:  # a stamp's ink and a photographed page's uneven light are taken out even with no turn
            corrected = orientation.prepared(image)
        if corrected is not None:
            # BMP: written in milliseconds (PNG takes 0.1-0.3 s a page), read by Tesseract as fast
            path = str(tmp / f"corrected-{rotation}-{len(list(tmp.iterdir()))}.bmp")
            dpi = image.info.get("dpi")
            corrected.save(path, format="BMP", **({"dpi": dpi} if dpi else {}))
            width, height = corrected.size
        else:
            width, height = image.size
        if config.erase_rules:  # dark bands turned, ruling lines and dotted leaders erased
            path = _cleaned_page(image if corrected is None else corrected, path, tmp, rotation) or path
        data = self._image_to_data(path, config, deadline)
        if config.psm in column_blocks.COLUMN_PSMS:  # columns whose lines one psm 6 line mixed, read apart
            data = column_blocks.read_columns(data, lambda: _open(path), self._reader(config, deadline))
        blocks = blocks_from_tesseract(data, width, height)
        ocr_page = OcrPage(
            index=page.index,
            width=width,
            height=height,
            dpi=page.dpi,
            blocks=blocks,
            source=OCR,
            engine=self.name,
            engine_version=self.version,
            rotation=rotation,
            skew=applied_skew,
            language=config.languages,
            rectified=flat is not None,
        )
        return ocr_page

    def _reader(self, config: OcrConfig, deadline: float):
        """A PIL image -> its `image_to_data` dict, read as the page was, within the page's deadline."""

        def read(image) -> dict:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise OcrTimeout(f"OCR took longer than {config.limits.page_timeout_seconds:g} s")
            return read_image_data(image, languages=config.languages, psm=config.psm, timeout=remaining)

        return read

    def _image_to_data(self, path: str, config: OcrConfig, deadline: float) -> dict:
        pytesseract = import_pytesseract()

        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            raise OcrTimeout(f"OCR took longer than {config.limits.page_timeout_seconds:g} s")
        if not self.tesseract_cmd and tesseract_api.available():
            return tesseract_api.image_to_data(path, config, remaining)
        try:
            return pytesseract.image_to_data(
                path,
                lang=config.languages,
                config=f"--psm {config.psm}",
                output_type=pytesseract.Output.DICT,
                timeout=remaining,
            )
        except pytesseract.TesseractError as exc:  # a RuntimeError too: caught first
            raise OcrEngineError(f"tesseract failed: {' '.join(str(exc.message).split()) or exc}") from exc
        except pytesseract.TesseractNotFoundError as exc:
            raise OcrEngineError("tesseract is not installed or not on PATH") from exc
        except RuntimeError as exc:  # pytesseract's "Tesseract process timeout"
            if "timeout" in str(exc).lower():
                raise OcrTimeout(f"OCR took longer than {config.limits.page_timeout_seconds:g} s") from exc
            raise OcrEngineError(f"tesseract failed: {exc}") from exc

    def _osd_rotation(self, path: str, deadline: float, min_confidence: float) -> int:
        """Clockwise rotation (0/90/180/270) OSD says the page needs, 0 when unsure or when OSD fails."""
        pytesseract = import_pytesseract()

        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            return 0
        try:
            osd = pytesseract.image_to_osd(
                path,
                config="--psm 0 -c min_characters_to_try=10",
                output_type=pytesseract.Output.DICT,
                timeout=remaining,
            )
        except (pytesseract.TesseractError, RuntimeError):
            return 0  # too few characters, timeout: keep the page as it is
        rotate = int(osd.get("rotate", 0)) % 360
        confidence = float(osd.get("orientation_conf", 0.0))
        return rotate if rotate in (90, 180, 270) and confidence >= min_confidence else 0


def _open(path: str):
    from PIL import Image

    try:
        return Image.open(path)
    except Exception as exc:
        raise CorruptDocument(f"page image cannot be read: {exc}") from exc


def _flat_page(image, page: PageInput):
    """`orientation.flat_page` of the page image (None when it is no photo of a page at an angle)."""
    try:
        image.load()
    except Exception as exc:
        raise CorruptDocument(f"page {page.index + 1} cannot be decoded: {exc}") from exc
    return orientation.flat_page(image)


def _cleaned_page(image, path: str, tmp: Path, rotation: int) -> str | None:
    """Path of a copy of the page with its dark bands' light text turned dark (`inverted_bands`), its
    ruling lines and dotted leaders erased (`ruling_lines`, `leader_dots`), None when it has none of them
    (or the page cannot be decoded: the original is read as it is)."""
    import numpy as np
    from PIL import Image

    from ocr_tasks.engines import inverted_bands, leader_dots, ruling_lines  # OpenCV: with the first scan

    try:
        gray = np.asarray(image.convert("L"))
    except Exception:
        return None
    turned = inverted_bands.lighten_dark_bands(gray)  # white letters on dark bands made dark on light
    gray = gray if turned is None else turned
    unruled = ruling_lines.erase_ruling_lines(gray)
    cleaned = leader_dots.erase_leader_dots(gray if unruled is None else unruled)
    cleaned = unruled if cleaned is None else cleaned
    cleaned = turned if cleaned is None else cleaned
    if cleaned is None:
        return None
    out = str(tmp / f"unruled-{rotation}-{len(list(tmp.iterdir()))}.bmp")
    dpi = image.info.get("dpi")
    Image.fromarray(cleaned).save(out, format="BMP", **({"dpi": dpi} if dpi else {}))
    return out


def _rotate_array(gray, rotation: int):
    import numpy as np

    return np.rot90(gray, k=-(rotation // 90)) if gray is not None else None


def _score(page: OcrPage) -> float:
    """Sum of confidences of the words with at least two letters or digits (higher: better reading)."""
    return sum(w.confidence for w in page.words if sum(ch.isalnum() for ch in w.text) >= 2)


def _clearly_better(candidate: OcrPage, current: OcrPage) -> bool:
    """A re-read after rotation replaces the first reading only when it is clearly more confident
    (garbage read from an upside-down page has a low mean confidence, but can have many 'words')."""
    return candidate.confidence >= current.confidence + BETTER_MARGIN and _score(candidate) > _score(current)


def _looks_poor(page: OcrPage) -> bool:
    words = page.words
    return len(words) < POOR_MIN_WORDS or page.confidence < POOR_MEAN_CONFIDENCE


__all__ = ["TesseractEngine", "import_pytesseract", "installed_languages", "tesseract_version"]


def read_image_data(image, *, languages: str, psm: int, timeout: float) -> dict:
    """`pytesseract.image_to_data` (DICT) of a PIL image: through the C API when it is available (no PNG
    file, no process), else pytesseract and the CLI. Errors propagate (callers decide what a failed
    second reading means)."""
    if tesseract_api.available():
        return tesseract_api.pil_image_to_data(image, languages=languages, psm=psm, timeout=timeout)
    pytesseract = import_pytesseract()
    return pytesseract.image_to_data(
        image, lang=languages, config=f"--psm {psm}", output_type=pytesseract.Output.DICT, timeout=timeout
    )


def read_image_text(image, *, languages: str, psm: int, timeout: float) -> str:
    """`pytesseract.image_to_string` of a PIL image, through the C API when it is available."""
    if tesseract_api.available():
        return tesseract_api.pil_image_to_string(image, languages=languages, psm=psm, timeout=timeout)
    return import_pytesseract().image_to_string(image, lang=languages, config=f"--psm {psm}", timeout=timeout)

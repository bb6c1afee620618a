"""Scan-like copies: pages rendered with pypdfium2 at 150-200 dpi, tilted, blurred, noisy, JPEG-compressed,
now and then photographed (perspective and uneven light), saved as an image-only PDF (no text layer)."""

from __future__ import annotations

import io
import random
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter


def _perspective_coefficients(source, target) -> list[float]:
    """Coefficients for Image.transform(PERSPECTIVE) mapping output points `target` to input `source`."""
    rows = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    matrix = np.array(rows, dtype=float)
    vector = np.array([c for point in source for c in point], dtype=float)
    return np.linalg.solve(matrix, vector).tolist()


def _photo(image: Image.Image, rng: random.Random) -> Image.Image:
    w, h = image.size
    jitter = [(rng.uniform(0, 0.04) * w, rng.uniform(0, 0.03) * h) for _ in range(4)]
    corners = [(0, 0), (w, 0), (w, h), (0, h)]
    source = [
        (corners[0][0] - jitter[0][0], corners[0][1] - jitter[0][1]),
        (corners[1][0] + jitter[1][0], corners[1][1] - jitter[1][1]),
        (corners[2][0] + jitter[2][0], corners[2][1] + jitter[2][1]),
        (corners[3][0] - jitter[3][0], corners[3][1] + jitter[3][1]),
    ]
    coefficients = _perspective_coefficients(source, corners)
    warped = image.transform(image.size, Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BILINEAR)
    shade = np.linspace(rng.uniform(0.6, 0.85), 1.0, w if rng.random() < 0.5 else h)
    grid = np.tile(shade, (h, 1)) if len(shade) == w else np.tile(shade[:, None], (1, w))
    array = np.asarray(warped, dtype=float)
    if array.ndim == 3:
        grid = grid[:, :, None]
    return Image.fromarray(np.clip(array * grid, 0, 255).astype(np.uint8))


def degrade(image: Image.Image, rng: random.Random) -> Image.Image:
    fill = 255 if image.mode == "L" else (255, 255, 255)
    angle = rng.uniform(0.3, 2.0) * rng.choice([-1, 1])
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill)
    if rng.random() < 0.2:
        image = _photo(image, rng)
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.2, 0.9)))
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(
        0, rng.uniform(3, 12), np.asarray(image).shape
    )
    image = Image.fromarray(np.clip(np.asarray(image, dtype=float) + noise, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=rng.randint(35, 70))
    return Image.open(io.BytesIO(buffer.getvalue()))


def scan_copy(pdf: bytes, out: Path, seed: int) -> None:
    """An image-only PDF of `pdf` with scan degradations, deterministic in seed."""
    rng = random.Random(seed)
    dpi = rng.randint(150, 200)
    grey = rng.random() < 0.6
    document = pdfium.PdfDocument(pdf)
    try:
        pages = [page.render(scale=dpi / 72, grayscale=grey).to_pil() for page in document]
    finally:
        document.close()
    images = [degrade(page.convert("L" if grey else "RGB"), rng) for page in pages]
    images[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=images[1:])

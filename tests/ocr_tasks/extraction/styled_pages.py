"""A small pen for drawing held-out invoices the way producers print them, beyond `rendered_pages.py`'s rows
of left-aligned chunks: right-aligned amounts, grey bands behind table headings and zebra rows, boxes and
rules, dotted leaders (`Total ........ 120.00`), a letterhead that is only a drawn logo (no text), any
font size; for round 4 also a page of any size (landscape A4, a till roll), a rubber stamp in red ink at an
angle (`BEZAHLT`, `PAID`) and pen strokes drawn by hand (a tick, a signature, an underline). Coordinates are
millimetres from the top-left corner of the page; text positions are baselines. The result is a PDF with a
text layer (reportlab, Helvetica), read as `rendered_pages` reads it.
"""

from __future__ import annotations

import io
from collections.abc import Callable

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0


class Pen:
    """Draws on a reportlab canvas in millimetres from the top-left; `page()` starts a new page."""

    def __init__(self, canvas, height: float = PAGE_HEIGHT) -> None:
        self._canvas = canvas
        self._height = height

    def _y(self, y_mm: float) -> float:
        return (self._height - y_mm) * MM

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        size: float = 9.0,
        bold: bool = False,
        right: bool = False,
        grey: float = 0.0,
    ) -> None:
        """`text` with its baseline at `y`; `right`: `x` is where the text ends (amounts in columns); `grey`:
        the ink's grey (1: white letters on a dark band)."""
        font = "Helvetica-Bold" if bold else "Helvetica"
        self._canvas.setFont(font, size)
        self._canvas.setFillGray(grey)
        if right:
            self._canvas.drawRightString(x * MM, self._y(y), text)
        else:
            self._canvas.drawString(x * MM, self._y(y), text)

    def width(self, text: str, *, size: float = 9.0, bold: bool = False) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(text, "Helvetica-Bold" if bold else "Helvetica", size) / MM

    def leader(
        self, x0: float, x1: float, y: float, label: str, value: str, *, size: float = 9.0, bold: bool = False
    ) -> None:
        """`label ........ value`: the label at `x0`, the value ending at `x1`, dots filling the gap."""
        self.text(x0, y, label, size=size, bold=bold)
        self.text(x1, y, value, size=size, bold=bold, right=True)
        start = x0 + self.width(label, size=size, bold=bold) + 1.5
        end = x1 - self.width(value, size=size, bold=bold) - 1.5
        dots = "." * max(3, int((end - start) / self.width(".", size=size)))
        self.text(start, y, dots, size=size)

    def band(self, x0: float, y0: float, x1: float, y1: float, *, grey: float = 0.82) -> None:
        """A filled grey rectangle (a table heading's band, a zebra row); draw it before its text."""
        self._canvas.setFillGray(grey)
        self._canvas.rect(x0 * MM, self._y(y1), (x1 - x0) * MM, (y1 - y0) * MM, stroke=0, fill=1)
        self._canvas.setFillGray(0)

    def box(self, x0: float, y0: float, x1: float, y1: float, *, line: float = 0.8) -> None:
        """A rectangle's outline (a box around the totals or an information block)."""
        self._canvas.setLineWidth(line)
        self._canvas.rect(x0 * MM, self._y(y1), (x1 - x0) * MM, (y1 - y0) * MM, stroke=1, fill=0)

    def rule(self, x0: float, x1: float, y: float, *, line: float = 0.5) -> None:
        self._canvas.setLineWidth(line)
        self._canvas.line(x0 * MM, self._y(y), x1 * MM, self._y(y))

    def logo(self, x: float, y: float, *, size: float = 22.0) -> None:
        """A letterhead logo drawn as shapes only (a ring, a square and three bars): no text to read."""
        c = self._canvas
        c.setFillGray(0.25)
        c.circle((x + size / 2) * MM, self._y(y + size / 2), size / 2 * MM, stroke=0, fill=1)
        c.setFillGray(1)
        c.circle((x + size / 2) * MM, self._y(y + size / 2), size / 3.2 * MM, stroke=0, fill=1)
        c.setFillGray(0.4)
        c.rect(
            (x + size / 2 - size / 8) * MM,
            self._y(y + size / 2 + size / 8),
            size / 4 * MM,
            size / 4 * MM,
            stroke=0,
            fill=1,
        )
        for k in range(3):
            c.rect(
                (x + size + 3) * MM, self._y(y + 5 + k * 5.5), (30 - k * 7) * MM, 2.6 * MM, stroke=0, fill=1
            )
        c.setFillGray(0)

    def stamp(
        self,
        x: float,
        y: float,
        text: str,
        *,
        angle: float = 18.0,
        size: float = 26.0,
        red: float = 0.85,
        multiply: bool = False,
    ) -> None:
        """A rubber stamp in red ink centred at (`x`, `y`), turned `angle` degrees counter-clockwise: the word
        in bold capitals in a double frame, drawn over what is printed there (the ink lets it show);
        `multiply`: ink over print darkens it as real ink over toner does (black stays black), instead of
        mixing with it."""
        c = self._canvas
        c.saveState()
        if multiply:
            c.setBlendMode("Multiply")
        c.translate(x * MM, self._y(y))
        c.rotate(angle)
        c.setFillColorRGB(red, 0.16, 0.18, alpha=0.8)
        c.setStrokeColorRGB(red, 0.16, 0.18, alpha=0.8)
        c.setFont("Helvetica-Bold", size)
        width = self.width(text, size=size, bold=True)
        c.drawCentredString(0, -size * 0.35, text)
        height = size / MM * 0.95
        c.setLineWidth(2.2)
        c.roundRect(
            -(width / 2 + 4) * MM, -(height / 2 + 1) * MM, (width + 8) * MM, (height + 2) * MM, 3 * MM
        )
        c.setLineWidth(0.9)
        c.roundRect(
            -(width / 2 + 5.5) * MM, -(height / 2 + 2.5) * MM, (width + 11) * MM, (height + 5) * MM, 4 * MM
        )
        c.restoreState()

    def stroke(self, points: list[tuple[float, float]], *, line: float = 1.1, ink=(0.1, 0.2, 0.55)) -> None:
        """A pen stroke by hand through `points` (mm): a smooth curve in blue ink (a tick, a signature)."""
        c = self._canvas
        c.saveState()
        c.setStrokeColorRGB(*ink)
        c.setLineWidth(line)
        c.setLineCap(1)
        path = c.beginPath()
        path.moveTo(points[0][0] * MM, self._y(points[0][1]))
        for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
            mx, my = (x0 + x1) / 2, (y0 + y1) / 2
            path.curveTo(x0 * MM, self._y(y0), mx * MM, self._y(my), x1 * MM, self._y(y1))
        c.drawPath(path, stroke=1, fill=0)
        c.restoreState()

    def page(self) -> None:
        self._canvas.showPage()


def draw_pdf(draw: Callable[[Pen], None], *, size: tuple[float, float] = (PAGE_WIDTH, PAGE_HEIGHT)) -> bytes:
    """The PDF `draw` makes with a `Pen` on pages of `size` (mm; A4 portrait unless told: a landscape page,
    a till roll), one page, more after each `pen.page()`."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(size[0] * MM, size[1] * MM))
    draw(Pen(pdf, size[1]))
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()

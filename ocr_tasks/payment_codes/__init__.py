"""Payment QR codes printed on invoices, read as evidence: the Swiss QR-bill (Swiss Payments Code, `SPC`,
SIX Implementation Guidelines 2.x, with the Swico `//S1/` bill information) and the EPC QR code
("GiroCode", `BCD`, EPC069-12 versions 001 and 002).

`payloads` parses a decoded payload into a `PaymentCode` (or rejects it with a typed reason: a code is
never trusted blindly); `detect` finds and decodes QR codes on a page image with OpenCV. Extraction turns
the codes into field evidence (`ocr_tasks.extraction.payment_evidence`).

Pure library: imports no django, prefect, streamlit or great_expectations; OpenCV and numpy are imported
only inside `detect`'s functions.
"""

from ocr_tasks.payment_codes.payloads import PaymentCode, PaymentCodeRejected, parse_payment_code

__all__ = ["PaymentCode", "PaymentCodeRejected", "parse_payment_code"]

"""Normalisers: printed dates, amounts, currencies and countries to canonical values.

Owns the pure text -> value functions used by extraction (`dates`, `amounts`, `currency`, `countries`).
Must not import anything from `ocr_tasks.extraction`, the OCR engines, or any framework; standard library
only, so it stays fast to import and trivially testable.
"""

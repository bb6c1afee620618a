"""ocr_tasks: the pure library of the invoice OCR pipeline.

Owns ingest, OCR engines, layout, field extraction, anomaly models, exporters and the `ocr-engine` CLI.
Must not import django, prefect, streamlit, great_expectations, or the other packages of this project.
Configuration arrives as arguments (`ocr_tasks.config.OcrConfig`). Keep imports light: heavy
libraries are imported inside the functions that need them.
"""

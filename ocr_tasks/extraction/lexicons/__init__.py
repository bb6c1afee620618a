"""Label lexicons, one JSON file per language (data only; read by `ocr_tasks.extraction.keywords`)."""

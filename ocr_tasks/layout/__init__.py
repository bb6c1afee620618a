"""Layout: words -> lines -> blocks in reading order, and conversion to layoutparser's data model.

`blocks_from_tesseract` uses Tesseract's own block/paragraph/line numbering of one `image_to_data`
call (line box = union of its word boxes); `blocks_from_lines` groups text-layer lines by vertical gaps.
layoutparser is imported lazily, inside `to_layoutparser`/`from_layoutparser` (it is slow to import).
Must not import engines, ingest, django, prefect or streamlit.
"""

from ocr_tasks.layout.grouping import blocks_from_lines
from ocr_tasks.layout.layoutparser_adapter import from_layoutparser, to_layoutparser
from ocr_tasks.layout.tesseract_rows import blocks_from_tesseract

__all__ = ["blocks_from_lines", "blocks_from_tesseract", "from_layoutparser", "to_layoutparser"]

"""Vendor memory: what reviewers taught the project about each vendor's documents, used on that vendor's
next document (issue 15). Pure library: no Django, Prefect or storage here; the caller stores a
`VendorMemory` as JSON (`to_dict` / `from_dict`) per project and passes a project's memories to
`extract_invoice(..., memories=...)`.

- `lessons`: `FieldLesson`, `VendorMemory` (frozen, JSON round trip).
- `identity`: `vendor_identifiers` (vat:, iban:, tax:, name:, strongest first), `find_memory`.
- `learning`: `learn` (a reviewed document -> the vendor's memory), `forget_field`.
- `recall`: memory candidates for `extract_invoice` (label, side, shape, place; track record).
- `template_export`: `memory_template` (invoice2data YAML).
- `locate`, `shapes`: where a value is printed and what it looks like.

Contract notes (additions to the brief, nothing renamed):
- `FieldLesson.corrected` (bool, default False, in `to_dict`/`from_dict`; older dicts load as False): the
  lesson was taught by a correction of the general engine (or a later review corrected the engine where
  the lesson agreed). Such lessons give strong memory candidates (a score floor that wins over the
  engine); lessons only ever confirmed give weak ones (they raise the confidence of the engine's equal
  value and fill a field the engine leaves empty), so a memory never makes a vendor's fields worse than
  the engine that was right on them. `Invoice.memory["fields"]` lists the fields whose value the memory
  gave, alone or agreeing with the engine; `learn` counts a correction of those as a miss.
- `learn` keeps the memory's `key` unless the review brings a stronger identifier (a VAT id for a memory
  keyed by name): then the key becomes that identifier, so a caller storing memories by key must update
  the record `find_memory` found. A new memory takes its identifiers from the extraction and `final`; a
  known one gains only identifiers given in `final` (reviewed or confirmed values), never an
  unreviewed reading. `learn` returns a memory with no lessons (rather than None) when the vendor is
  identified but nothing on the page could be located.
- `find_memory` ignores an identifier that several memories carry; `extract_invoice` falls back to a
  memory whose VAT id, IBAN or tax number is printed on the page only when exactly one memory has the
  most of them printed and its VAT id does not contradict the one the engine read.

Imports `ocr_tasks.extraction` (rows, candidates, keywords); `ocr_tasks.extraction.extract` imports this
package lazily (only when memories are given), so neither import cycles nor slows the other.
"""

from ocr_tasks.vendor_memory.identity import find_memory, normalise_name, vendor_identifiers
from ocr_tasks.vendor_memory.learning import forget_field, learn
from ocr_tasks.vendor_memory.lessons import FieldLesson, VendorMemory
from ocr_tasks.vendor_memory.recall import memory_candidates
from ocr_tasks.vendor_memory.template_export import memory_template

__all__ = [
    "FieldLesson",
    "VendorMemory",
    "find_memory",
    "forget_field",
    "learn",
    "memory_candidates",
    "memory_template",
    "normalise_name",
    "vendor_identifiers",
]

"""Vendor memory: what reviewers taught the project about each vendor's documents, used on that vendor's
next document (issue 15). Pure library: no Django, Prefect or storage here; the caller stores a
`VendorMemory` as JSON (`to_dict` / `from_dict`) per project and passes a project's memories to
`extract_invoice(..., memories=...)`.

- `lessons`: `FieldLesson`, `VendorMemory` (frozen, JSON round trip).
- `identity`: `vendor_identifiers` (vat:, iban:, tax:, name:, head:, strongest first), `find_memory`,
  `document_memory` (the look-up `extract_invoice` does), `review_memory` (the memory a review teaches).
- `letterhead`: the text of the first rows of page 1, a vendor's weakest identifier (`head:`).
- `learning`: `learn` (a reviewed document -> the vendor's memory), `forget_field`.
- `recall`: memory candidates for `extract_invoice` (label, side, shape, place; track record).
- `region_recall`: on the OCR path, a remembered region the page's text gave no value read again
  (one crop per field, with `ExtractionOptions.region_reader`).
- `template_export`: `memory_template` (invoice2data YAML).
- `locate`, `shapes`: where a value is printed and what it looks like.
- `label_rules` (+ `label_stop_words.json`): which printed text a lesson may keep as a label: not another
  field's label (`BTW bedrag` over the subtotal: the nearest label naming the field, else a neutral one,
  else the place only), not prose (`in the image below:`: stop-words outside a lexicon phrase, length).

Contract notes (additions to the brief, nothing renamed):
- `FieldLesson.corrected` (bool, default False, in `to_dict`/`from_dict`; older dicts load as False): the
  lesson was taught by a correction of the general engine (or a later review corrected the engine where
  the lesson agreed). Such lessons give strong memory candidates (a score floor that wins over the
  engine); lessons only ever confirmed give weak ones (they raise the confidence of the engine's equal
  value and fill a field the engine leaves empty), so a memory never makes a vendor's fields worse than
  the engine that was right on them. `Invoice.memory["fields"]` lists the fields whose value the memory
  gave, alone or agreeing with the engine; `learn` counts a correction of those as a miss.
- `learn` keeps the memory's `key` unless the review brings a stronger identifier (a VAT id for a memory
  keyed by name) or replaces an unreviewed key: then the key becomes that identifier, so a caller storing
  memories by key must update the record it found. Identity comes from reviewed values (`learn(...,
  identity=...)`, by default the identifying fields in `final`): a new memory takes the reviewed
  identifiers and, for the identifying fields not reviewed yet, the engine's reading marked
  `VendorMemory.unreviewed` (a correction is used at once); a reviewed value replaces every unreviewed
  identifier of its kind, key included; a known memory gains only reviewed identifiers. A letterhead
  (`head:`) is kept too, never as the key. `learn` returns a memory with no lessons (rather than None)
  when the vendor is identified but nothing on the page could be located.
- `find_memory` ignores an identifier that several memories carry; `extract_invoice` falls back to a
  memory whose VAT id, IBAN or tax number is printed on the page only when exactly one memory has the
  most of them printed and its VAT id does not contradict the one the engine read; then to a memory
  whose letterhead matches the page's (rapidfuzz ratio >= 90, no other memory within 3 points).

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

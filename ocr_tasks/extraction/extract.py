"""`extract_invoice`: rows -> candidates -> scores -> cross-field choice -> `Invoice`.

Steps: build rows; guess the country and the day/month order; generate candidates for every field; score
them; optionally re-read the regions that matter (the total); pick amounts jointly so that
subtotal + tax = total where the page allows it; derive the vendor address from the chosen vendor; detect
the currency; apply a matching template's fields on top; extract line items.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ocr_tasks.extraction.address_blocks import customer_block_candidates, recipient_names
from ocr_tasks.extraction.amount_choice import choose_amounts
from ocr_tasks.extraction.amount_fields import amount_candidates, tax_rate_candidates
from ocr_tasks.extraction.candidates import Candidate, group_by_field
from ocr_tasks.extraction.customer_fields import (
    customer_candidates,
    is_field_label,
    vendor_id_outside_customer_block,
    without_customer_label,
)
from ocr_tasks.extraction.date_fields import align_second_reading, date_candidates
from ocr_tasks.extraction.document_type import document_type_field, is_credit_note, is_quote, settled_at_till
from ocr_tasks.extraction.identifier_fields import labelled_identifier_candidates, payment_terms_candidates
from ocr_tasks.extraction.keywords import concept_pattern
from ocr_tasks.extraction.language import detect_language
from ocr_tasks.extraction.line_items import extract_line_items
from ocr_tasks.extraction.options import ExtractionOptions, RegionReader
from ocr_tasks.extraction.party_fields import vendor_address_candidate, vendor_name_candidates
from ocr_tasks.extraction.payment_evidence import apply_payment_codes, currency_from_code
from ocr_tasks.extraction.receipt_reread import rows_read_again
from ocr_tasks.extraction.reread import reread_identifiers, reread_total_candidates
from ocr_tasks.extraction.rows import Row, document_rows
from ocr_tasks.extraction.scoring import best, calibrated, margin_discount, score_candidates
from ocr_tasks.extraction.self_billing import is_self_billed, suppliers_tax_ids, swap_parties
from ocr_tasks.extraction.settle import settle_due
from ocr_tasks.extraction.tax_id_fields import iban_candidates, tax_id_candidates, with_country_prefix
from ocr_tasks.extraction.templates import Template, apply_template, match_template
from ocr_tasks.extraction.terms_pages import without_terms_pages
from ocr_tasks.field_registry import FIELDS
from ocr_tasks.geometry import bbox_union
from ocr_tasks.invoice_types import FIELD_NAMES, FieldValue, Invoice, LineItem
from ocr_tasks.normalise.amounts import format_amount
from ocr_tasks.normalise.countries import COUNTRY_CURRENCY, country_packs, guess_country, language_country
from ocr_tasks.normalise.currency import (
    choose_currency,
    dollar_country,
    printed_dollar,
    weighted_currency_marks,
)
from ocr_tasks.normalise.dates import infer_day_first
from ocr_tasks.ocr_types import OcrDocument

if TYPE_CHECKING:  # imported lazily at run time: the vendor memory imports this package's modules
    from ocr_tasks.vendor_memory.lessons import VendorMemory

# Fields that need their own label to be reported at all (an unlabelled date is never a due date).
_NEEDS_LABEL = {spec.name: spec.needs_label for spec in FIELDS if spec.needs_label}
# How strong a required label must be (0.5 lets an OCR-garbled label count); a label above is a column
# header, where only an exact one counts (a fuzzy `Montant` is no `Montant dû`)
_LABEL_MINIMUM = {"label_above": 1.0}


def _generate(
    rows: list[Row], options: ExtractionOptions, day_first: bool | None, *, exact_text: bool = False
) -> list[Candidate]:
    """Candidates of every field; `exact_text`: the rows come from a PDF text layer (no OCR slips)."""
    candidates: list[Candidate] = []
    credit_note = is_credit_note(rows)
    candidates += amount_candidates(
        rows, decimal_separator=options.decimal_separator, credit_note=credit_note
    )
    candidates += tax_rate_candidates(rows)
    candidates += date_candidates(
        rows,
        day_first=day_first,
        today=options.today or date.today(),
        exact_text=exact_text,
        languages=tuple(options.languages),
    )
    candidates += _marked_vendor_candidates(rows)
    candidates += labelled_identifier_candidates(rows, "invoice_number", credit_note=credit_note)
    if is_quote(rows):  # a quote's own number (`Angebotsnummer`), on an invoice the quote it follows
        candidates += labelled_identifier_candidates(rows, "invoice_number", label_key="quote_number")
    candidates += labelled_identifier_candidates(rows, "po_number")
    candidates += tax_id_candidates(rows)
    candidates += iban_candidates(rows)
    candidates += payment_terms_candidates(rows)
    candidates += customer_candidates(rows)
    return [c for c in candidates if _has_required_label(c)]


_CONTACT = re.compile(r"@|www\.|https?://", re.IGNORECASE)


def _marked_vendor_candidates(rows: list[Row]) -> list[Candidate]:
    """Vendor-name candidates; the recipient's block name and contact data (an e-mail address, a web
    address) are marked as what they are."""
    recipients = recipient_names(rows)
    out = vendor_name_candidates(rows)
    for c in out:
        value = c.value.lower()  # the name, or two rows that hold it (`TVA FR... Boulangerie Fournier SARL`)
        c.features["recipient_block"] = float(value in recipients or any(r in value for r in recipients if r))
        c.features["contact"] = float(bool(_CONTACT.search(c.raw_text)))
    return out


def candidates_for(document: OcrDocument, options: ExtractionOptions | None = None) -> list[Candidate]:
    """Every unscored candidate of a document, as `extract_invoice` generates them (used for training)."""
    options = options or ExtractionOptions()
    rows = without_terms_pages(document_rows(document))  # no candidates from terms of sale
    country = options.country or guess_country("\n".join(r.text for r in rows))
    return _generate(rows, options, _day_first(rows, options, country), exact_text=_exact_text(document))


def _exact_text(document: OcrDocument) -> bool:
    """Whether every page was read from a PDF text layer (its characters are exact, not recognised)."""
    return bool(document.pages) and all(p.source == "text_layer" for p in document.pages)


def _day_first(rows: list[Row], options: ExtractionOptions, country: str | None = None) -> bool | None:
    if options.day_first is not None:
        return options.day_first
    inferred = infer_day_first(r.text for r in rows)
    pack = country_packs().get(options.country or country or "")
    if inferred is None and pack is not None and pack.day_first is False:
        return False  # the country prints month first (US)
    return inferred


SECOND_READING_FIELDS = frozenset(spec.name for spec in FIELDS if spec.second_reading)


def _second_reading_candidates(
    primary: list[Candidate], second: OcrDocument, options: ExtractionOptions, day_first: bool | None
) -> list[Candidate]:
    """Amount and date candidates of another OCR reading of the same pages; values both readings show
    get `readings_agree` (on both sides)."""
    extra = [
        c for c in _generate(document_rows(second), options, day_first) if c.field in SECOND_READING_FIELDS
    ]
    first_values = {(c.field, c.value) for c in primary}
    second_values = {(c.field, c.value) for c in extra}
    for c in primary:
        if c.field in SECOND_READING_FIELDS:
            c.features["readings_agree"] = float((c.field, c.value) in second_values)
    for c in extra:
        c.features["readings_agree"] = float((c.field, c.value) in first_values)
        c.features["second_reading"] = 1.0
        c.row_index = -1  # its rows are not the primary reading's rows
    align_second_reading(primary, extra)
    return extra


def _has_required_label(c: Candidate) -> bool:
    """Fields in `_NEEDS_LABEL` need one of their labels and none that says the value is something else."""
    keys = _NEEDS_LABEL.get(c.field)
    if not keys:
        return True
    if c.field == "amount_due" and not c.features.get("has_decimals"):
        return False  # `Payment due within 7 days`: a number of days under an amount-due label
    labelled = any(c.features.get(k, 0.0) >= _LABEL_MINIMUM.get(k, 0.5) for k in keys)
    return labelled and c.features.get("negative_label", 0.0) < 1.0


# fields of the vendor's that a buyer's id may fill by mistake: candidates marked as the buyer's are dropped
_VENDOR_ACCOUNT_FIELDS = ("vendor_tax_id", "iban")


def _drop_buyers_accounts(grouped: dict[str, list[Candidate]]) -> None:
    """The buyer's own VAT id or IBAN (a candidate marked as the buyer's) is never the vendor's."""
    for name in _VENDOR_ACCOUNT_FIELDS:
        grouped[name] = [c for c in grouped.get(name, []) if c.features.get("customer_label", 0.0) < 1.0]


def _vendors_accounts(grouped: dict[str, list[Candidate]], *, self_billed: bool) -> None:
    """The buyer's accounts dropped (in place); on a self-billed invoice, whose vendor is the addressee,
    the VAT id printed as the addressee's is the vendor's (`self_billing`)."""
    if self_billed:
        grouped["vendor_tax_id"] = suppliers_tax_ids(grouped.get("vendor_tax_id", []))
    else:
        _drop_buyers_accounts(grouped)


_PRICE_IN_NAME = re.compile(r"\d[.,]\d{2}(?!\d)")
# a street with its house number, then the postcode and town (`C/ Pelayo 7, 46007 Valencia`): an address line
_STREET_AND_TOWN = re.compile(r"^[^\d,]{2,}\s\d{1,4}[a-zA-Z]?,\s*\d{4,5}\s+[^\W\d]")
# a document's title with its number (`AVIS D'ÉCHÉANCE N° 2024-T2-014`) names no customer
_TITLED = concept_pattern(("invoice_title", "credit_note_title", "receipt_title", "quote_title"))
# nor does a letter's subject line (`Betreft: vervanging verwarmingsketel, werf Lindelaan 9`, `Objet : ...`)
_SUBJECT = concept_pattern(("subject_line",))
_SUBJECT_LINE = re.compile(r"(?:" + _SUBJECT.pattern + r")\s*:", _SUBJECT.flags)


def _choose_customer(
    chosen: dict[str, Candidate], grouped: dict[str, list[Candidate]], rows: list[Row], *, self_billed: bool
) -> None:
    """The customer among the labelled blocks and the page's address blocks, knowing the vendor: a block
    that holds the vendor's name is not the customer's, and a ship-to block yields to a billed party. On a
    self-billed invoice the addressee (who supplies and is paid) is the vendor, the issuer the customer."""
    vendor = chosen.get("vendor_name")
    pool = list(grouped.get("customer_name", [])) + customer_block_candidates(rows, vendor)
    # another field's label (`Identificativo fiscale ai fini IVA`) or an item row with its price
    # (`2 x Kaisersemmel à 0,45`) names no customer
    pool = [
        c
        for c in pool
        if not is_field_label(c.value)
        and not _PRICE_IN_NAME.search(c.value)
        and not _TITLED.match(c.value)
        and not _SUBJECT_LINE.match(c.value)
        and not _STREET_AND_TOWN.match(c.value)
    ]
    for c in pool:
        c.value = without_customer_label(c.value)
    for c in pool:
        c.features["is_vendor"] = float(vendor is not None and c.value.lower() == vendor.value.lower())
    if settled_at_till(rows):  # a till receipt names its customer only where it says so (`Kunde:`)
        pool = [c for c in pool if not c.features.get("unmarked")]
    score_candidates(pool, scorer="hand")
    winner = best(pool)
    billed = [c for c in pool if c.features.get("label_bill_to") or c.features.get("block_bill_to")]
    if winner is not None and winner.features.get("block_ship_to") and billed and best(billed).score > 0:
        winner = best(billed)  # `Bill To` beside `Ship To`: the buyer is the billed party
    if winner is None or winner.score <= 0:  # no label, sender line or place says it is the recipient
        chosen.pop("customer_name", None)
    else:
        chosen["customer_name"] = winner
    if self_billed:
        swap_parties(chosen)
    else:
        vendor_id_outside_customer_block(chosen, grouped, rows)


def _to_field(c: Candidate) -> FieldValue:
    return FieldValue(
        name=c.field,
        value=c.value,
        raw_text=c.raw_text,
        confidence=round(c.confidence, 4),
        page=c.page,
        bbox=c.bbox,
    )


# Extra weight of a currency mark on the row of the chosen total or amount due: the totals' currency
# decides over marks elsewhere on the page (a reference OCR misread as a sign, a price list's column).
TOTALS_MARK_BONUS = 2.0


def _on_row(row: Row, c: Candidate) -> bool:
    middle = (c.bbox.y0 + c.bbox.y1) / 2
    return c.page == row.page and row.bbox.y0 <= middle <= row.bbox.y1


def _currency_field(rows: list[Row], country: str | None, chosen: dict[str, Candidate]) -> FieldValue | None:
    """The document's currency from its weighted marks (`normalise.currency`), those on the totals' rows
    counting more, else the country's; the raw text and box are those of the first mark of that code. A
    `$` is the dollar the page names by its code when it names one (`Total NZD  $1,426.00`), else the
    country's. With no country evidence the page's language may name one (`kr` on a Swedish page: SEK)."""
    country = country or language_country(detect_language(r.text for r in rows))
    totals = [chosen[name] for name in ("total", "amount_due") if name in chosen]
    dollar = printed_dollar("\n".join(r.text for r in rows))
    signs = (dollar_country(dollar) if dollar else None) or country  # what `$` means
    weighted: list[tuple[str, float]] = []
    for row in rows:
        bonus = TOTALS_MARK_BONUS if any(_on_row(row, c) for c in totals) else 0.0
        weighted += [
            (code, weight + bonus if weight else 0.0)
            for code, weight in weighted_currency_marks(row.text, country=signs)
        ]
    code = choose_currency(weighted, country=country)
    if code is None:
        code = COUNTRY_CURRENCY.get((country or "").upper())
        return FieldValue("currency", code, "", 0.5, 0, None) if code else None
    count = sum(1 for _, weight in weighted if weight)
    for row in rows:
        if any(c == code and w for c, w in weighted_currency_marks(row.text, country=signs)):
            m = re.search(r"(" + re.escape(code) + r"|[€£$¥₹]|RM|S\$|Rp)", row.text)
            bbox = row.span_bbox(m.start(), m.end()) if m else row.bbox
            return FieldValue(
                "currency", code, m.group(0) if m else code, min(0.98, 0.7 + 0.07 * count), row.page, bbox
            )
    return FieldValue("currency", code, "", 0.3, 0, None)


_TAX_LINE = concept_pattern(("tax",))


def _tax_of_item_lines(fields: dict[str, FieldValue], items) -> None:
    """The tax of a page that prints it only as item lines (a folio's `Transient Occupancy Tax 14%  40.46`
    after each night): when the chosen tax is one of those lines' amounts, the tax is their sum (in place)."""
    tax = fields.get("tax_amount")
    if tax is None or tax.bbox is None:
        return
    lines = [
        item.cells["amount"]
        for item in items
        if "amount" in item.cells
        and _TAX_LINE.search(item.get("description") or "")
        and re.search(r"\d\s?%", item.get("description") or "")  # a tax with its rate, no `(no VAT)`
    ]
    if len(lines) < 2 or not any(c.bbox == tax.bbox and c.page == tax.page for c in lines):
        return
    total = sum((Decimal(c.value) for c in lines), Decimal(0))
    fields["tax_amount"] = FieldValue(
        "tax_amount",
        format_amount(total),
        " + ".join(c.raw_text for c in lines),
        tax.confidence * 0.8,
        tax.page,
        bbox_union([c.bbox for c in lines if c.page == tax.page]),
    )


def _net_of_items(fields: dict[str, FieldValue], items, grouped: dict[str, list[Candidate]]) -> None:
    """The net and tax of a page that prints no subtotal row (a ruled GST invoice: the items, then `Output
    CGST 6%` and `Output SGST 6%` rows, then `Total`): when the chosen net and tax do not make the total, and
    the items' amounts plus the amounts of the tax-labelled rows between the last item and the total make it
    to the cent, the items' sum is the net and those rows' sum the tax (in place)."""
    total, net, tax = (fields.get(n) for n in ("total", "subtotal", "tax_amount"))
    amounts = [item.cells["amount"] for item in items if "amount" in item.cells]
    if total is None or total.bbox is None or not amounts or any(a.bbox is None for a in amounts):
        return
    if (
        net is not None
        and tax is not None
        and Decimal(net.value) + Decimal(tax.value) == Decimal(total.value)
    ):
        return
    last = amounts[-1]
    if last.page != total.page or last.bbox.y1 >= total.bbox.y0:
        return
    rows_between = {}
    for c in grouped.get("tax_amount", []):
        if (
            c.page == total.page
            and last.bbox.y1 <= c.bbox.center[1] <= total.bbox.y0
            and c.features.get("label_left", 0.0) >= 1.0
            and c.features.get("rightmost")
            and Decimal(c.value) > 0
        ):
            rows_between[c.row_index] = c
    parts = [rows_between[i] for i in sorted(rows_between)]
    items_sum = sum((Decimal(a.value) for a in amounts), Decimal(0))
    tax_sum = sum((Decimal(c.value) for c in parts), Decimal(0))
    if not parts or items_sum + tax_sum != Decimal(total.value):
        return
    confidence = min(total.confidence, *(a.confidence for a in amounts)) * 0.8
    raw = " + ".join(a.raw_text for a in amounts)
    fields["subtotal"] = FieldValue("subtotal", format_amount(items_sum), raw, confidence, last.page, None)
    fields["tax_amount"] = FieldValue(
        "tax_amount",
        format_amount(tax_sum),
        " + ".join(c.raw_text for c in parts),
        min(c.confidence for c in parts),
        total.page,
        bbox_union([c.bbox for c in parts]),
    )


def _line_items(rows: list[Row], options: ExtractionOptions) -> list[LineItem]:
    """The page's line items; on a scan or photo whose first reading gives none, once more with the price
    parts of a till roll's rows read again (`receipt_reread`: a faded roll's garbled amounts)."""
    if not options.line_items:
        return []
    credit_note = is_credit_note(rows)
    items = extract_line_items(rows, decimal_separator=options.decimal_separator, credit_note=credit_note)
    if not items and options.region_reader is not None:
        again = rows_read_again(rows, options.region_reader)
        if again is not None:
            items = extract_line_items(
                again, decimal_separator=options.decimal_separator, credit_note=credit_note
            )
    return items


def _type_document(fields: dict[str, FieldValue], rows: list[Row]) -> None:
    """The `document_type` field (in place); a quote asks for no payment: its sum is no amount due."""
    addressed = "customer_name" in fields or "due_date" in fields
    fields["document_type"] = document_type_field(rows, addressed=addressed)
    if fields["document_type"].value == "quote":
        fields.pop("amount_due", None)


def _memory_of(
    memories: Sequence[VendorMemory], grouped: dict[str, list[Candidate]], rows: list[Row], full_text: str
) -> VendorMemory | None:
    """The memory of the document's vendor: by the general engine's best vendor VAT id, IBAN and name,
    else by a VAT id, IBAN or tax number of a memory printed anywhere on the page, else by the
    letterhead (`vendor_memory.identity.document_memory`)."""
    from ocr_tasks.vendor_memory.identity import document_memory, identifiers_of

    values = {name: _top_value(grouped.get(name, [])) for name in ("vendor_tax_id", "iban", "vendor_name")}
    return document_memory(memories, identifiers_of(values), rows, full_text)


def _top_value(cands: list[Candidate]) -> str | None:
    """The best-scoring value (as `best` orders them, without touching the candidates' confidences)."""
    if not cands:
        return None
    return min(cands, key=lambda c: (-c.score, c.page, c.bbox.y0, c.bbox.x0)).value


def _recall(
    memories: Sequence[VendorMemory],
    grouped: dict[str, list[Candidate]],
    rows: list[Row],
    full_text: str,
    day_first: bool | None,
    region_reader: RegionReader | None = None,
) -> tuple[VendorMemory | None, list[Candidate]]:
    """The document's vendor memory among `memories` and its candidates (none without a memory); with a
    region reader (the OCR path), the remembered regions where the page's text gave a lesson no value
    are read again (`vendor_memory.region_recall`)."""
    memory = _memory_of(memories, grouped, rows, full_text) if memories else None
    if memory is None:
        return None, []
    from ocr_tasks.vendor_memory.recall import memory_candidates

    found = memory_candidates(rows, memory, day_first=day_first)
    if region_reader is not None:
        from ocr_tasks.vendor_memory.region_recall import reread_candidates

        recalled = {c.field for c in found}
        found += reread_candidates(
            rows, memory, region_reader, recalled=recalled, engine_fields=set(grouped), day_first=day_first
        )
    return memory, found


def _apply_memory(
    memory: VendorMemory | None,
    chosen: dict[str, Candidate],
    memory_cands: list[Candidate],
    grouped: dict[str, list[Candidate]],
    options: ExtractionOptions,
) -> dict[str, Any] | None:
    """A memory candidate wins its field unless the chosen one scored higher (a weak one only fills an
    empty field: see `vendor_memory.recall`). Its confidence follows the
    lesson's track record (not the general calibration), and rises when the general engine's own best
    candidate agrees. `Invoice.memory`: the memory's key and the fields whose value it gave (alone or
    with the general engine); None without a memory."""
    if memory is None:
        return None
    used = []
    for c in memory_cands:
        current = chosen.get(c.field)
        if current is None or (
            current.value != c.value
            and not c.features["memory_weak"]
            and "memory" not in current.features
            and current.score < c.features["memory_score"]
        ):
            chosen[c.field] = current = c
        if current.value != c.value:
            continue  # the general engine's choice scored higher
        confidence = c.features["memory_confidence"]
        if _top_value([g for g in grouped.get(c.field, []) if "memory" not in g.features]) == c.value:
            confidence = max(current.confidence, min(0.97, 1.0 - (1.0 - confidence) * 0.5))
        current.confidence = confidence
        used.append(c.field)
    fields = [n for n in FIELD_NAMES if n in used and chosen[n].confidence >= options.min_confidence]
    return {"vendor": memory.key, "fields": fields}


def _prefix_vat_id(chosen: dict[str, Candidate], country: str | None) -> None:
    """The vendor's VAT id in its EU form when printed without the country prefix (`P.IVA 00743110157`)."""
    if "vendor_tax_id" in chosen:
        chosen["vendor_tax_id"].value = with_country_prefix(chosen["vendor_tax_id"].value, country)


def _no_due_date_of_the_invoice_date(chosen: dict[str, Candidate]) -> None:
    """A due date read from the very words of the invoice date is no due date."""
    if (
        "invoice_date" in chosen
        and "due_date" in chosen
        and chosen["due_date"].value == chosen["invoice_date"].value
        and chosen["due_date"].bbox == chosen["invoice_date"].bbox
    ):
        del chosen["due_date"]


def _address_the_vendor(chosen: dict[str, Candidate], rows: list[Row], *, capped: bool) -> None:
    """The chosen vendor's address block, when it has one (`capped`: no surer than the name)."""
    address = vendor_address_candidate(rows, chosen.get("vendor_name"))
    if address is None:
        return
    score_candidates([address], scorer="hand")
    if capped:
        address.confidence = min(address.confidence, chosen["vendor_name"].confidence + 0.1)
    chosen["vendor_address"] = address


def extract_invoice(
    document: OcrDocument,
    *,
    templates: Sequence[Template] = (),
    options: ExtractionOptions | None = None,
    memories: Sequence[VendorMemory] = (),
) -> Invoice:
    """Fields (value, raw text, confidence, page, box) and line items of one document. With `memories`
    (the project's vendor memories), the vendor's lessons add candidates that compete as strong evidence
    (`Invoice.memory` says which memory and fields)."""
    options = options or ExtractionOptions()
    rows = without_terms_pages(document_rows(document))  # no candidates from terms of sale
    texts = [r.text for r in rows]
    full_text = "\n".join(texts)
    country = options.country or guess_country(full_text)
    day_first = _day_first(rows, options, country)

    candidates = _generate(rows, options, day_first, exact_text=_exact_text(document))
    if options.second_reading is not None:
        candidates += _second_reading_candidates(candidates, options.second_reading, options, day_first)
    score_candidates(candidates, scorer=options.scorer)
    if options.region_reader is not None:
        extra = reread_total_candidates(
            rows, candidates, options.region_reader, decimal_separator=options.decimal_separator
        )
        score_candidates(extra, scorer=options.scorer)
        candidates += extra
    grouped = group_by_field(candidates)
    memory, memory_cands = _recall(memories, grouped, rows, full_text, day_first, options.region_reader)
    grouped = group_by_field(candidates + [c for c in memory_cands if not c.features["memory_weak"]])
    self_billed = is_self_billed(rows)
    _vendors_accounts(grouped, self_billed=self_billed)

    chosen: dict[str, Candidate | None] = choose_amounts(grouped)
    for name, cands in grouped.items():
        if name not in chosen:
            chosen[name] = best(cands)
    chosen = {name: c for name, c in chosen.items() if c is not None}
    settle_due(chosen, grouped, rows)
    _no_due_date_of_the_invoice_date(chosen)
    _choose_customer(chosen, grouped, rows, self_billed=self_billed)
    reread_identifiers(chosen, options.region_reader)
    _prefix_vat_id(chosen, country)
    _address_the_vendor(chosen, rows, capped=True)

    if options.calibrate:
        for name, c in chosen.items():
            c.confidence = calibrated(name, c.confidence) * margin_discount(c.margin)
    memory_used = _apply_memory(memory, chosen, memory_cands, grouped, options)
    vendor_before = chosen.get("vendor_name")
    payment_code = apply_payment_codes(chosen, grouped, options.payment_codes)
    if chosen.get("vendor_name") is not vendor_before:  # the code named another vendor: its address
        chosen.pop("vendor_address", None)
        _address_the_vendor(chosen, rows, capped=False)
    fields: dict[str, FieldValue] = {
        name: _to_field(c) for name, c in chosen.items() if c.confidence >= options.min_confidence
    }
    currency = currency_from_code(_currency_field(rows, country, chosen), options.payment_codes, payment_code)
    if currency is not None:
        fields["currency"] = currency
    if rows:
        _type_document(fields, rows)

    template_name = None
    template = match_template(templates, full_text)
    if template is not None:
        template_name = template.name
        fields.update(apply_template(template, rows))
    items = _line_items(rows, options)
    _tax_of_item_lines(fields, items)
    _net_of_items(fields, items, grouped)
    ordered = {name: fields[name] for name in FIELD_NAMES if name in fields}
    language = detect_language((r.text for r in rows), tuple(options.languages))
    return Invoice(
        fields=ordered,
        line_items=tuple(items),
        template=template_name,
        language=language,
        memory=memory_used,
        payment_code=payment_code,
    )

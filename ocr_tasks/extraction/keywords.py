"""Label lexicons per field (English, German, French, Dutch, Malay) and a noise-tolerant label matcher.

A label is the text printed before a value on its row, or just above it in the same column. Matching is
exact on word boundaries first, then fuzzy (rapidfuzz partial ratio) so that OCR noise such as `T0TAL` or
`Totai` still counts, with a lower strength.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

LABELS: dict[str, tuple[str, ...]] = {
    "total": (
        "total", "grand total", "total amount", "amount total", "total incl", "total inclusive", "nett total",
        "net total", "total payable", "total due", "total rm", "total sales", "totaal", "totaalbedrag",
        "te betalen", "gesamtbetrag", "gesamt", "summe", "endbetrag", "rechnungsbetrag", "montant total",
        "total ttc", "net à payer", "jumlah", "amount", "balance", "total (rm)", "total amt", "nett",
        "totaal incl", "totaalprijs", "bedrag", "round total", "rounded total", "total rounded", "total round",
    ),
    "subtotal": (
        "subtotal", "sub total", "sub-total", "total excl", "total excluding", "excluding gst", "excl. btw",
        "excl btw", "subtotaal", "totaal excl", "zwischensumme", "nettobetrag", "netto", "total ht",
        "sous-total", "untaxed amount", "net amount", "total before tax", "amount before gst",
        "total sales (excluding gst)", "total excl. gst", "totaal exclusief", "exclusief btw", "exclusief",
        "excl. vat", "excl vat", "excl. tax", "excl tax", "exkl. mwst", "exkl mwst", "hors taxes", "untaxed",
        "amount excl", "netto bedrag", "grondslag", "bemessungsgrundlage", "base ht", "taxable amount",
        "taxable", "amount before tax",
    ),
    "tax_amount": (
        "tax", "vat", "gst", "sst", "btw", "mwst", "ust", "tva", "total tax", "total gst", "total vat",
        "tax amount", "gst amount", "vat amount", "sales tax", "service tax", "mehrwertsteuer", "umsatzsteuer",
        "btw bedrag", "taxes", "steuerbetrag", "montant tva", "gst payable",
    ),
    "amount_due": (
        "amount due", "balance due", "total due", "due", "to pay", "te betalen", "zu zahlen", "à payer",
        "amount payable", "openstaand", "restbetrag", "payable",
    ),
    "invoice_date": (
        "date", "invoice date", "inv date", "bill date", "receipt date", "datum", "factuurdatum",
        "rechnungsdatum", "date de facture", "date facture", "tarikh", "issue date", "issued", "dated",
        "doc date", "trans date", "transaction date", "order date", "orderdatum", "bestelldatum",
    ),
    "due_date": (
        "due date", "payment due", "due", "vervaldatum", "fälligkeitsdatum", "fällig", "échéance",
        "date d'échéance", "pay by", "payable by", "uiterste betaaldatum", "betalen voor",
    ),
    "invoice_number": (
        "invoice no", "invoice number", "invoice #", "invoice", "inv no", "inv #", "inv", "bill no",
        "receipt no", "receipt #", "receipt", "doc no", "document no", "factuurnummer", "factuur",
        "factuurnr", "rechnungsnummer", "rechnung nr", "rechnung", "numéro de facture", "facture n°",
        "no. facture", "cash bill", "bill #", "ref", "reference", "transaction no", "trans no", "slip no",
        "order no", "tax invoice no", "no", "inv#", "invoice#", "receipt#", "bill#", "doc#", "document #",
        "cash bill no", "cash inv no", "cash invoice no", "no resit", "resit no", "resit", "no bil", "bil no",
        "trans #", "transaction #", "txn no", "txn #", "ref no", "reference no", "order #", "check no", "check #",
        "chk no", "chk #", "ticket no", "ticket #", "folio no", "rechnungs nr", "rechnung nr", "rg nr", "beleg nr",
        "belegnummer", "bon nr", "bonnummer", "factuur nr", "n° de facture", "facture no", "ticket n°",
    ),
    "po_number": (
        "po number", "po no", "p.o.", "po #", "purchase order", "order number", "bestelnummer", "bestellnummer",
        "bon de commande", "your reference", "uw referentie",
    ),
    "vendor_tax_id": (
        "gst id", "gst reg", "gst no", "gst reg no", "vat no", "vat number", "vat id", "tax id", "btw nr",
        "btw-nummer", "btw nummer", "btw", "ust-idnr", "ust-id", "steuernummer", "tva intracommunautaire",
        "n° tva", "siret", "abn", "sst reg", "sst id", "company reg", "roc", "kvk", "tin",
    ),
    "payment_terms": (
        "payment terms", "terms", "betalingstermijn", "betalingsvoorwaarden", "zahlungsbedingungen",
        "conditions de paiement", "zahlungsziel", "payment term",
    ),
    "customer": (
        "bill to", "billed to", "invoice to", "sold to", "customer", "client", "ship to", "deliver to",
        "klant", "kunde", "rechnungsempfänger", "factuuradres", "afleveradres", "destinataire",
        "invoice address", "delivery address",
    ),
    "tax_rate": ("tax rate", "vat rate", "gst rate", "btw %", "mwst %", "rate", "tarief"),
}

# Labels that mark an amount as something other than the field (cash handed over, change, ...).
NEGATIVE: dict[str, tuple[str, ...]] = {
    "total": (
        "cash", "change", "tendered", "tender", "paid", "rounding", "round adj", "discount", "qty",
        "quantity", "items", "item", "sub total", "subtotal", "excl", "exclusive", "excluding", "gst", "tax",
        "vat", "btw", "saving", "savings", "points", "card", "visa", "master", "credit", "refund", "deposit",
        "unit", "price", "before", "service charge", "sst", "balance", "tip", "kembali", "tunai",
    ),
    "subtotal": ("gst", "tax", "cash", "change", "qty", "incl", "inclusive", "grand", "rounding"),
    "tax_amount": ("incl", "inclusive", "excl", "excluding", "id", "reg", "no", "nr", "summary", "code"),
    "invoice_date": ("due", "vervaldatum", "fällig", "échéance", "expiry", "exp", "order", "delivery"),
    "amount_due": ("change", "cash", "tendered", "tender", "kembali", "paid", "rounding", "discount", "change due"),
    "due_date": ("invoice date", "factuurdatum", "rechnungsdatum", "date de facture", "order date", "issue date",
                 "orderdatum", "bestelldatum", "inv date", "bill date"),
}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, accents kept, punctuation except `#%` turned into spaces, whitespace collapsed."""
    return " ".join(re.sub(r"[^\w#%]+", " ", text.lower()).split())


@lru_cache(maxsize=4096)
def _compiled(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(fold(phrase)) + r"(?![a-z0-9])")


@lru_cache(maxsize=16384)  # the same row labels are scored for many candidates and fields
def label_strength(label: str, phrases: tuple[str, ...], *, fuzzy: bool = True) -> float:
    """1.0 for an exact phrase match in `label` (longer phrases beat shorter: +0.02 per extra word), up to
    0.8 for a fuzzy one of a phrase of at least 5 letters, else 0."""
    text = fold(label)
    if not text:
        return 0.0
    best = 0.0
    for phrase in phrases:
        folded = fold(phrase)
        if not folded:
            continue
        if _compiled(phrase).search(text):
            best = max(best, 1.0 + 0.02 * (folded.count(" ")))
        elif fuzzy and len(folded) >= 5:
            ratio = fuzz.partial_ratio(folded, text) / 100.0
            if ratio >= 0.8:
                best = max(best, 0.8 * (ratio - 0.8) / 0.2)
    return best


def has_label(label: str, field: str) -> float:
    return label_strength(label, LABELS.get(field, ()))


_INCLUSIVE = re.compile(r"\b(incl\w*|inkl\w*|i\s?n?clusive|ttc|with)[.\s]*(of\s+)?(gst|tax|vat|btw|mwst|sst|tva)\b|"
                        r"\b(gst|tax|vat|btw|mwst|sst|tva)\.?\s*(incl\w*|inkl\w*)", re.IGNORECASE)


def has_negative(label: str, field: str) -> float:
    """Strength of labels saying the value is something else; `incl. GST` is not a tax label."""
    if field in ("total", "amount_due"):
        label = _INCLUSIVE.sub(" ", label)
    return label_strength(label, NEGATIVE.get(field, ()), fuzzy=False)


def has_inclusive(label: str) -> float:
    return 1.0 if _INCLUSIVE.search(label) else 0.0

"""Candidates for the parties: vendor name and address (the header block), customer name and address.

The vendor is printed near the top (receipts: first rows, often in capitals with a legal form such as
`SDN BHD`, `B.V.`, `GmbH`); its address follows it until a row of contact or tax data. A legal-form name
anywhere (invoice footers: `Coolblue B.V. - Weena 664`) is a candidate too. The customer is read in
`customer_fields` (under a label) and `address_blocks` (the address window).
"""

from __future__ import annotations

import re
import unicodedata
from statistics import median

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ocr_tasks.extraction.candidates import Candidate
from ocr_tasks.extraction.item_table_header import is_items_header
from ocr_tasks.extraction.keywords import (
    LABELS,
    concept_alternation,
    concept_pattern,
    label_strength,
    letters_joined,
    phrases,
    words_alternation,
)
from ocr_tasks.extraction.rows import Row, row_cells
from ocr_tasks.geometry import BBox, bbox_union
from ocr_tasks.normalise.countries import legal_form_patterns

# A company's legal form (the country packs' `legal_forms`) or a business word of a shop's or firm's name
# (the lexicons' `business_word`: `ENTERPRISE`, `TRADING`, `KEDAI`, `BAKERY`): the text names a business
LEGAL_FORM = re.compile(
    r"\b("
    + "|".join([*legal_form_patterns(), *(re.escape(w) for w in phrases("business_word"))])
    + r")(?:\b|(?<=\.))",  # a form that ends in its dot (`SUPPLY CO.`) ends there
    re.IGNORECASE,
)


def _legal_form_pattern(phrase: str) -> str:
    """A legal form as printed: its dots required except the last, a space allowed after each."""
    body = re.escape(phrase.rstrip("."))
    body = body.replace(r"\.", r"\.\s?").replace(r"\ ", r"\s?")
    return body + (r"\.?" if phrase.endswith(".") else "")


# Legal forms that make a text a company name (the `legal_form` concept of the lexicons, all countries,
# plus the OCR slips of `SDN BHD` and `B.V`); longest first so that `GmbH & Co. KG` wins over `GmbH`.
_STRONG_LEGAL = re.compile(
    r"(?<![A-Za-z])("
    + "|".join(
        [r"S[DO]N\.?\s?BHD", r"B\.\s?V(?:\.|\b)", r"(?:PTE\.?\s|PTY\.?\s)?LTD", r"N\.V\."]
        + [_legal_form_pattern(p) for p in sorted(phrases("legal_form"), key=len, reverse=True)]
        # short forms that are words too (`AB`, `AS`: Swedish, Norwegian) only as printed, in capitals
        + [
            f"(?-i:{re.escape(p.upper())})"
            for p in sorted(phrases("legal_form_capitals"), key=len, reverse=True)
        ]
    )
    + r")(?![A-Za-z])",
    re.IGNORECASE,
)
_PARTY_LABEL = concept_pattern(("bill_to", "ship_to"))  # `Cliente:`, `Rechnungsempfänger` in a name


def _unaccented(text: str) -> str:
    """`text` with the accents of its letters dropped, one character for one."""
    return "".join(unicodedata.normalize("NFD", ch)[0] for ch in text)


# the same labels with their accents dropped, as OCR often reads them (`Rechnungsempfanger`)
_PARTY_LABEL_PLAIN = re.compile(_unaccented(_PARTY_LABEL.pattern), _PARTY_LABEL.flags)
# A document title of any lexicon (`FATTURA IMMEDIATA`, `Factura`, `Gutschrift`) is no name
_TITLE_WORD = re.compile(
    r"(?<!\w)(?:"
    + concept_alternation("invoice_title", "credit_note_title", "receipt_title", min_length=5)
    + r")(?!\w)",
    re.IGNORECASE,
)
# A phone label of any lexicon with its number (`Téléphone: 05 18 27 56 82`, `Tlf.: +34 ...`) in a name
_PHONE_NUMBER = re.compile(
    r"(?<!\w)(?:" + concept_alternation("phone", min_length=2) + r")\s*[.:]?\s*[+(\d]", re.IGNORECASE
)
# Words no vendor's name holds (the lexicons' `not_name`: document, contact and till words, `Bill to`,
# `Rechnungsadresse`, `Co. Reg`)
_NOT_NAME = re.compile(r"\b(" + words_alternation("not_name") + r")\b", re.IGNORECASE)
# Words that no address holds (the lexicons' `address_stop`: contact, tax and till data, document words,
# `Tel`, `GST`, `Rechnungsnummer`, `Caisse`, `Scontrino`): a row with one ends the vendor's address block
_STOP_ADDRESS = concept_pattern(("address_stop",))
_REG_NO = re.compile(
    r"^\W*\(?\s*(co\.?\s*)?(reg\.?\s*)?(no\.?)?\s*[:.]?\s*[\dA-Z]{0,3}\d{4,}[-\s]?[A-Z]?\s*\)?\W*$",
    re.IGNORECASE,
)
# A row of company data under a name (the lexicons' `registration_lead` at its start: `Co. Reg. No`, `ROC`,
# `GST`, as OCR reads it `6ST`) or a registration number alone (`(1234567-X)`)
_REGISTRATION_ROW = re.compile(
    r"^\W*(" + words_alternation("registration_lead", gap=r"[.\s-]*") + r"|\(?\d{4,}-?[A-Z]\)?$)",
    re.IGNORECASE,
)
_DATE_TIME_ROW = re.compile(r"[\w\s/.,:-]{0,30}\d{1,2}:\d{2}(:\d{2})?\s*(am|pm)?", re.IGNORECASE)
# A phone number (`+60 3-...`, `03- 7846`) or a contact word (the lexicons' `phone` and `contact_channel`:
# `Tel`, `Fax`, `Hotline`, `WhatsApp`), also run into its number (`TEL07-3523888`), under an address
_PHONE_ROW = re.compile(
    r"(\+\d{2,3}[\s-]?\d|\b0\d{1,2}-\s?\d{3,4}|(?<!\w)(?:"
    + concept_alternation("phone", "contact_channel", min_length=2)
    + r")(?![^\W\d_]))",
    re.IGNORECASE,
)
_AMOUNT_IN_ROW = re.compile(r"\d[.,]\d{2}(?!\d)")
# Contact and legal data under a shop's or firm's address (the lexicons' phone, VAT-id, tax-number and
# registration labels: `Tél : 01 42 05 18 77`, `SIRET 355 746 108 21079`, `NIF: 47821305G`): a label of four
# letters or more anywhere on the row, a shorter one (`Tél`, `NIF`, `KvK`, `TVA`) where it starts the row
_CONTACT_CONCEPTS = ("phone", "vat_id", "tax_number", "company_registration")
_CONTACT_OR_ID_IN_ROW = re.compile(
    r"(?<!\w)(?:" + concept_alternation(*_CONTACT_CONCEPTS, min_length=4) + r")(?!\w)", re.IGNORECASE
)
_CONTACT_OR_ID_LEAD = re.compile(
    r"^\W*(?:" + concept_alternation(*_CONTACT_CONCEPTS, min_length=3) + r")(?!\w)", re.IGNORECASE
)
_LONG_NUMBER = re.compile(
    r"\d{9,}"
)  # a tax or phone number whose label OCR garbled (`687 1D No :000305020352`)
# a sales-tax id's label anywhere on the row (the lexicons' `tax_id_mark`: `GST`, `ID No`)
_TAX_ID_IN_ROW = re.compile(r"\b(?:" + words_alternation("tax_id_mark", gap=r"\s*") + r")\b", re.IGNORECASE)
# Words of an address line (the lexicons' `address_hint` concept: street words, regions such as the
# Malaysian states of the receipts) and postcodes
_ADDRESS_HINT = re.compile(
    r"\b(\d{4,5}|no\.?|"
    + "|".join(re.escape(w) for w in sorted(phrases("address_hint"), key=len, reverse=True))
    + r")(?:\b|(?<=\.))",
    re.IGNORECASE,
)


# Legal forms long enough (6+ letters: `sdn bhd`, `pte ltd`, `gmbh & co kg`) to be recognised with one OCR
# slip at the end of a name (`Sdn bid`, `SDN EHD`); shorter ones (`AG`, `BV`) would match any word.
_FUZZY_LEGAL_MIN_LETTERS = 6
_FUZZY_LEGAL_FORMS: tuple[str, ...] = tuple(
    sorted(
        {
            letters
            for p in phrases("legal_form")
            if len(letters := re.sub(r"[^a-z]", "", p.lower())) >= _FUZZY_LEGAL_MIN_LETTERS
        }
    )
)


def fuzzy_legal_tail(name: str) -> bool:
    """Whether the last one to four words of a name are a long legal form read with at most one wrong,
    missing or extra letter (`ANZEL ADVERTISING (M) Sdn bid`, `GARDENIA BAKERIES SDN EHD`)."""
    words = name.split()
    for size in (1, 2, 3, 4):
        if len(words) <= size:  # the legal form alone is no name
            break
        tail = re.sub(r"[^a-z]", "", " ".join(words[-size:]).lower())
        if len(tail) >= _FUZZY_LEGAL_MIN_LETTERS - 1 and any(
            Levenshtein.distance(tail, form, score_cutoff=1) <= 1 for form in _FUZZY_LEGAL_FORMS
        ):
            return True
    return False


def _strong_legal(text: str) -> bool:
    """A legal form that makes `text` a company name, exact or with one OCR slip at its end."""
    return bool(_STRONG_LEGAL.search(text)) or fuzzy_legal_tail(clean_name(text))


# A company registration number printed right after the name, on the next row (`(162761-M)`,
# `JM0325955-V`, `Co-REG:860571-D`, `HRB 12345`) or in brackets on the name's row (`ACME SDN BHD
# (139386 X)`): the name is the company's, the sender's.
_REGISTRATION_BESIDE = re.compile(r"[(\[{]\s*[A-Z]{0,3}\d{4,}[-\s]?[A-Z]?\s*[)}\]]")
_REGISTRATION_LABEL = concept_pattern(("company_registration",))
_REGISTRATION_LABEL_ROW = re.compile(r"^\W*(co[.\s-]*(reg|no)|reg\.?\s*no|company\s*(reg|no))", re.IGNORECASE)


def _is_registration_row(text: str) -> bool:
    text = text.strip()
    if _REG_NO.match(text) or (_REGISTRATION_LABEL_ROW.match(text) and re.search(r"\d{4,}", text)):
        return True
    m = _REGISTRATION_LABEL.match(text)
    return m is not None and bool(re.search(r"\d{4,}", text[m.end() :]))


def registration_next(rows: list[Row], span: list[Row]) -> bool:
    """Whether a company registration number follows the name: in brackets on its last row, or alone on
    the next row of the same page."""
    last = span[-1]
    if _REGISTRATION_BESIDE.search(last.text):
        return True
    index = rows.index(last)
    following = rows[index + 1] if index + 1 < len(rows) else None
    return following is not None and following.page == last.page and _is_registration_row(following.text)


# A name below the sender's contact or tax rows, in the upper half of the page, is another party's (the
# customer printed under a receipt's header); footers (the sender's legal name under its bank data) are
# not concerned.
_CONTACT_OR_TAX_ROW = re.compile(
    r"\b(tel\w*|phone|fax|e-?mail|[g6c]st\s*(id|no|reg)|sst\s*(id|no|reg)|vat\s*(id|no|reg))\b|"
    r"\b0\d{1,2}-\s?\d{3,4}",
    re.IGNORECASE,
)


def after_sender_contact(rows: list[Row], first: Row) -> bool:
    """Whether `first` (upper half of its page) comes after a contact or tax row of the same page that
    is itself not the first text of the page."""
    if first.bbox.center[1] >= 0.5:
        return False
    index = rows.index(first)
    same_page = [r for r in rows[:index] if r.page == first.page]
    return any(_CONTACT_OR_TAX_ROW.search(r.text) for r in same_page[1:])


# OCR confidence under which a row is more likely a logo or a stamp read as letters than a name
_LOW_OCR_CONFIDENCE = 0.45


def low_ocr_confidence(confidence: float) -> float:
    """0 for a confidently read name, rising to 1 as the OCR confidence falls to 0.15 and below."""
    return min(max((_LOW_OCR_CONFIDENCE - confidence) / 0.3, 0.0), 1.0)


def letters_ratio(text: str) -> float:
    chars = [c for c in text if not c.isspace()]
    return sum(c.isalpha() for c in chars) / len(chars) if chars else 0.0


def _upper_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def row_confidence(row: Row) -> float:
    return row.span_confidence(0, len(row.text))


_DOC_TITLE = re.compile(
    r"^(tax\s+invoice|simplified\s+tax\s+invoice|invoice|receipt|factuur|rechnung|facture|"
    r"bill|cash\s+bill|official\s+receipt)\b[\s.:|-]*",
    re.IGNORECASE,
)
# A document title printed in capitals on the name's row, right of it (`Martinez-Miller  INVOICE`,
# `Compañía Españolas S.Com.FACTURA ORDINARIA`): the title and what follows it are no part of a name
# printed in mixed case.
_TRAILING_TITLE = re.compile(
    r"(?<=\S)\s*(?:"
    + "|".join(
        re.escape(t.upper()).replace(r"\ ", r"\s+")
        for t in sorted(phrases("invoice_title", "credit_note_title"), key=len, reverse=True)
    )
    + r")(?![a-zà-ÿ])[\sA-ZÀ-Ý\d./#:-]*$"
)
# A document title alone, in any lexicon language (`FATTURA` on the top row, the vendor's name below)
_TITLE_ALONE = re.compile(
    r"\W*(?:" + concept_alternation("invoice_title", "credit_note_title", "receipt_title") + r")\W*",
    re.IGNORECASE,
)
# A document title printed apart from the name on its row, across a column gap, in any case
# (`KEYSTONE JANITORIAL SUPPLY CO.      INVOICE`, `Julien Marchand      FACTURE N° F2024-118`, a quote's
# `Plomberie Martin      DEVIS N° D-2024-031`): no part of it
_GAP_TITLE = re.compile(
    r"\s{2,}[*=#~-]*\s*(?:"
    + "|".join(
        re.escape(t).replace(r"\ ", r"\s+")
        for t in sorted(phrases("invoice_title", "credit_note_title", "quote_title"), key=len, reverse=True)
    )
    + r")(?!\w)(?:\s+\S{1,4})?(?:\s*\S*\d\S*)?\W*$",
    re.IGNORECASE,
)
# A banner set off by rows of stars or rules after a column gap (`***  I N V O I C E  ***` as OCR reads it,
# `*** TNVOICE`): no part of the name before it
_BANNER = re.compile(r"\s{2,}[*=#~]{2,}.*$")
# A document title of any lexicon printed left of the name across a column gap (`FAKTURA      Bergen
# Regnskapskontor AS`, `KREDITFAKTURA      Västkustens Grossist AB`: the title over the addressee, the
# letterhead right): no part of the name. Not before a label and its value (`Faktura VAT      Miejsce
# wystawienia: Kraków`), which stays a row of the title block. A letter-spaced title may come apart in
# pieces (`FA KT U RA`, as OCR reads `F A K T U R A`)
_LEADING_GAP_TITLE = re.compile(
    r"^[*=#~-]*\s*(?:"
    + "|".join(
        r"\s+".join(r"\s?".join(re.escape(ch) for ch in word) for word in t.split())
        for t in sorted(phrases("invoice_title", "credit_note_title", "quote_title"), key=len, reverse=True)
    )
    + r")(?!\w)[\s.:*=#~-]*?\s{2,}(?=[^:\s][^:]*$)",
    re.IGNORECASE,
)


# A field's label alone left of the name across a column gap (`Invoice Date      Coastline Decks Pty Ltd`:
# a column of labels over their values beside the letterhead): no part of the name
_LEADING_GAP_LABEL = re.compile(
    r"^\W*(?:"
    + concept_alternation("invoice_date", "invoice_number", "due_date", "order_number", "customer_number")
    + r")(?!\w)\s*:?\s{2,}(?=[^\W\d_])",
    re.IGNORECASE,
)
# A page number line (`Page 1 / 2`, `Seite 1 von 2`, `Pagina 1 van 1`, `Página 1 de 3`): the lexicons'
# `page_word` and `page_of` phrases
_PAGE_LINE = re.compile(
    r"^\W*("
    + concept_alternation("page_word", min_length=1)
    + r")\.?\s*\d+\s*(/|"
    + concept_alternation("page_of", min_length=1)
    + r")\s*\d+\W*$",
    re.IGNORECASE,
)
# A street line: a few words ending in a house number (`Alexanderring 55`, `Alf-Werner-Ring 6-8`)
_HOUSE_NUMBER_LINE = re.compile(r"^[^\W\d][\w\-.' ]{2,40}\s\d{1,4}[a-z]?(?:\s?[-/]\s?\d{1,4}[a-z]?)?$")


# A logo or icon read as a few glyphs, printed apart before the name (`Q V4  Au bon moulin SARL`).
_LEADING_SPECK = re.compile(r"^(?![^\s]*[A-Za-zÀ-ÿ]{3})\S{1,3}(?: \S{1,3})?\s{2,}(?=\S)")


# A seller label before the name (`Verkauft von Müller GmbH`, `Sold by ...`, `Lieferant: ...`: a phrase of
# several words, or one word with its colon) and a short label with its colon (`To: Harbour Ltd` on a
# payment advice, `An: ...`): no part of the name.
_SELLER_LEAD = re.compile(
    r"^\W*(?:(?:"
    + concept_alternation("seller", min_length=2)
    + r")\s*:|"
    + "|".join(
        r"[\s.\-]*".join(re.escape(w) for w in p.split()) for p in phrases("seller") if " " in p.strip()
    )
    + r")\s*(?=\S)",
    re.IGNORECASE,
)
_SHORT_LABEL_LEAD = re.compile(r"^[^\W\d_]{1,4}\s?:\s+(?=\S)")
# A payment sentence up to its payee (`Please pay by bank transfer to Pennine Joinery Ltd, NatWest, ...`,
# `Make checks payable to`, `t.n.v.`, `a favore di`: the lexicons' `payee`): the company after it is the name
_PAYEE_LEAD = re.compile(
    r"^.{0,80}?(?<!\w)(?:" + concept_alternation("payee", min_length=4) + r")\s*:?\s+(?=[^\W\d_])",
    re.IGNORECASE,
)
# A name's own label with its colon (`Denominazione: Edilnova S.p.A.`, `Raison sociale : ...`, the lexicons'
# `name_label`)
_NAME_LABEL_LEAD = re.compile(
    r"^\W*(?:" + concept_alternation("name_label", min_length=3) + r")\s*:\s*(?=\S)", re.IGNORECASE
)


def _brand_beside_name(text: str) -> str:
    """A logo's word mark printed left of the company's legal name across a column gap (`alpenstack
    Alpenstack Cloud GmbH`, `Savonnerie des Calanques      Savonnerie des Calanques SARL`): the legal name,
    when it holds the mark and ends the row with its legal form, or any name that starts with the mark's
    words (`dijkhuis      Dijkhuis Webontwikkeling`, a freelancer's trade name without a legal form)."""
    parts = re.split(r"\s{2,}", text)
    if len(parts) == 2 and not LEGAL_FORM.search(parts[0]):
        mark, name = (" ".join(part.casefold().split()) for part in parts)
        if len(mark) >= 3 and mark in name and LEGAL_FORM.search(parts[1]):
            return parts[1]
        if len(mark) >= 3 and name.startswith(mark + " "):
            return parts[1]  # the mark repeats the name's first words (`dijkhuis  Dijkhuis Webontwikkeling`)
    return text


def _owner_beside_name(text: str) -> str:
    """A trade name with its owner printed right of it across a column gap (`Partyservice Köhler      Inh.
    Sabine Köhler`, a spreadsheet letterhead's two merged cells): the trade name, without the owner's part
    and what follows it."""
    parts = re.split(r"\s{2,}", text)
    for i, part in enumerate(parts[1:], 1):
        if _OWNER_LABEL.match(part):
            return "  ".join(parts[:i])
    return text


# a letterhead's name and its profession or tagline apart by a middle dot or a bar (OCR reads a middle dot
# as `«`, `»` or `•`)
_TAGLINE_SEPARATOR = re.compile(r"\s+[·|•«»]\s+")


_POSTCODE_AND_PLACE = re.compile(r"(?:^|\s)(?:[A-Z]{1,2}-)?\d{4,5}\s+[^\W\d_]{2,}")


def _name_before_address(text: str) -> str:
    """A letterhead's name with its address on the same row across a column gap (`GASTRO-GROSSHANDEL BRAUN
    KG      ARTUR-LADEBECK-STR. 40  33647 BIELEFELD`): the name, a part without digits before a street with
    its house number or a postcode and place."""
    parts = re.split(r"\s{2,}", text.strip())
    if (
        len(parts) >= 2
        and not re.search(r"\d", parts[0])
        and any(_POSTCODE_AND_PLACE.search(part) or _HOUSE_NUMBER_LINE.match(part) for part in parts[1:])
    ):
        return parts[0]
    return text


def _one_of_twins(text: str) -> str:
    """One of two equal names printed side by side across a column gap (`SOLD TO` / `SHIP TO` blocks of one
    company: `PRAIRIE AG EQUIPMENT INC      PRAIRIE AG EQUIPMENT INC`)."""
    parts = re.split(r"\s{2,}", text.strip())
    if len(parts) == 2 and len(parts[0]) >= 3 and _folded(parts[0]) == _folded(parts[1]):
        return parts[0]
    return text


# words of a name between two legal forms: letters (with `&`, `'`, `.`, `-`), no digits or separators
_NAME_WORDS_BETWEEN = re.compile(r"(?:\s+(?:&|[^\W\d_][^\W\d_'.&-]*\.?))+\s+")


def _legal_form_further_on(text: str, m: re.Match[str]) -> re.Match[str] | None:
    """A legal form after `m` with only words of a name between them (`PRAIRIE AG EQUIPMENT INC`: the
    short form `AG` is a word of the name), else None."""
    later = _STRONG_LEGAL.search(text, m.end())
    if later is None or not _NAME_WORDS_BETWEEN.fullmatch(text[m.end() : later.start()]):
        return None
    return later


def clean_name(text: str) -> str:
    """The printed name without surrounding punctuation, a leading document title (`FACTUUR.`), a
    leading seller label (`Verkauft von`), name label (`Denominazione:`) or short label (`To:`), an owner
    beside it across a column gap (`Inh. Sabine Köhler`), a tagline after a middle dot (`· Arquitecta`), a
    registration number in brackets, or what follows a company's legal form (`Coolblue B.V. - Weena 664`
    -> `Coolblue B.V.`); an OCR-slipped `SON BHD` is read as `SDN BHD`."""
    text = _LEADING_SPECK.sub("", text.strip())
    payee = _PAYEE_LEAD.match(text)
    if payee is not None and _STRONG_LEGAL.search(text, payee.end()):
        text = text[payee.end() :]  # a company named as the payee of a payment sentence
    text = _owner_beside_name(_brand_beside_name(text))
    parts = _TAGLINE_SEPARATOR.split(text, maxsplit=1)
    if len(parts) == 2 and len(re.findall(r"[^\W\d_]{2,}", parts[0])) >= 2:
        text = parts[0]  # `Marta Sanz Ortega · Arquitecta`: the name before a middle dot, not the tagline
    text = _SHORT_LABEL_LEAD.sub("", _NAME_LABEL_LEAD.sub("", _SELLER_LEAD.sub("", text)))
    text = _LEADING_GAP_TITLE.sub("", letters_joined(text))
    text = _BANNER.sub("", _GAP_TITLE.sub("", _LEADING_GAP_LABEL.sub("", text)))
    text = _name_before_address(_one_of_twins(text))
    # two names printed in columns side by side (`Garage Meier AG      Bäckerei Roth GmbH`): the first one's
    # legal form ends it, whatever form the second name ends with
    columns = re.search(r"\S\s{2,}\S", text) is not None
    text = re.sub(r"\s+", " ", text)
    text = re.split(r"\s*[(\[{]\s*[A-Z]{0,3}\d{3,}", text)[0]
    text = re.sub(r"^[^\w(]+", "", text)
    text = _DOC_TITLE.sub("", text)
    title = _TRAILING_TITLE.search(text)
    if title is not None and re.search(r"[a-zà-ÿ]", text[: title.start()]):  # `ACME INVOICE SERVICES` stays
        text = text[: title.start()]
    m = _STRONG_LEGAL.search(text)
    while not columns and m is not None and (later := _legal_form_further_on(text, m)) is not None:
        m = later  # `PRAIRIE AG EQUIPMENT INC`: `AG` is a word of the name, which ends at `INC`
    if m and m.start() == 0 and re.match(r"\s+\w", text[m.end() :]):
        m = _STRONG_LEGAL.search(
            text, m.end()
        )  # a legal form first (`SCI Presqu'île Invest`) starts the name
        if m is None:  # the name ends at the row's first separator (`SAS Parkings du Rhône · SIREN ...`)
            text = re.sub(r"[^\w.)]+$", "", re.split(r"\s*[·|•]\s*|\s+-\s+", text)[0])
    if m:
        end = m.end() + (1 if text[m.end() : m.end() + 1] == "." else 0)
        text = text[:end]
    else:
        text = re.sub(r"[^\w.)]+$", "", text)
    return _SDN_BHD_SLIP.sub(lambda m: "SDN BHD" if m.group(0).isupper() else "Sdn Bhd", text.strip())


# `SDN BHD` (Malaysian private limited) as OCR often reads it: `SON BHD`, `S0N BHD`, `SDN BHO`
_SDN_BHD_SLIP = re.compile(r"\bS[DO0]N\.?\s?BH[DO0]\b\.?", re.IGNORECASE)


_DOMAIN_RE = re.compile(r"(?:https?://(?:www\.)?|www\.|@)([a-z0-9][a-z0-9-]{2,})\.[a-z]{2,}", re.IGNORECASE)
_MAIL_PROVIDERS = {
    "gmail",
    "yahoo",
    "hotmail",
    "outlook",
    "live",
    "icloud",
    "aol",
    "gmx",
    "ymail",
    "streamyx",
    "example",
}


def web_domains(text: str) -> set[str]:
    """Second-level names of the web sites and e-mail domains printed on the document."""
    return {m.group(1).lower().replace("-", "") for m in _DOMAIN_RE.finditer(text)} - _MAIL_PROVIDERS


def domain_match(name: str, domains: set[str]) -> float:
    """How well a name matches a printed web/e-mail domain (1.0: `Azure Interior` ~ `azure-interior.com`)."""
    squashed = re.sub(r"[^a-z0-9]", "", _STRONG_LEGAL.sub("", name).lower())
    if len(squashed) < 3 or not domains:
        return 0.0
    best = max(fuzz.ratio(squashed, d) / 100.0 for d in domains)
    contained = any(len(d) >= 4 and d in squashed for d in domains)
    return max(best if best >= 0.75 else 0.0, 0.8 if contained else 0.0)


def _legal_only(text: str) -> bool:
    """Whether `text` is only a legal form (`CO. (M) SDN BHD`): the tail of a name wrapped over two rows."""
    rest = LEGAL_FORM.sub(" ", clean_name(text))
    rest = re.sub(r"\b(co|m|\(m\))\b|[^A-Za-z]", " ", rest, flags=re.IGNORECASE)
    return bool(LEGAL_FORM.search(text)) and len(rest.replace(" ", "")) <= 2


# a row of company data (`SIRET`, `USt-IdNr.`, `KvK`, `IBAN`): the name printed on it is the issuer's
_LEGAL_DATA = concept_pattern(("company_registration", "vat_id", "tax_number", "iban"))


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _named_by_legal_data(name: str, span: list[int], legal_rows: list[tuple[int, str]]) -> bool:
    """Whether another row that prints company data (registration, VAT id, tax number, IBAN) names `name`:
    the footer's `Atelier Pixel & Plume SARL – SIRET ... – RCS Lyon` names the letterhead's `Atelier Pixel
    & Plume`, not the addressee printed as high on the page."""
    folded = _folded(name)
    if len(folded) < 6 or _legal_only(name):
        return False
    return any(index not in span and folded in text for index, text in legal_rows)


def _wrapped_name(span: list[Row], typical: float) -> bool:
    """Two rows of one name printed larger than the text (a shop's name wrapped on a narrow till roll:
    `Boulangerie Pâtisserie` over `Morel`): both at the same letter height, well above the page's typical
    one, the second of letters only."""
    if len(span) != 2:
        return False
    first, second = span
    return (
        first.height > 1.15 * typical
        and abs(second.height - first.height) <= 0.12 * first.height
        and not re.search(r"\d", second.text)
        and letters_ratio(second.text) >= 0.8
        and not _ADDRESS_HINT.search(second.text)
    )


_SEGMENT = re.compile(r"\S+(?: \S+)*")  # a row's text between column gaps (two spaces)


def _customer_label_over(above: Row, row: Row, name: str) -> bool:
    """Whether a customer label on the row above heads `name` on `row`: the label's own column segment lies
    over the name (`DATOS DEL EMISOR  DATOS DEL CLIENTE` over `Lucía Navarro Gil  Traducciones Levante
    S.L.`: the client's label heads the right column, not the issuer's name at the left); the name's column
    is where its first word stands. A label that no segment holds alone heads the row as a whole."""
    if label_strength(above.text, LABELS["customer"], fuzzy=False) < 1.0:
        return False
    labels = [
        above.span_bbox(m.start(), m.end())
        for m in _SEGMENT.finditer(above.text)
        if label_strength(m.group(0), LABELS["customer"], fuzzy=False) >= 1.0
    ]
    first = name.split()[0] if name.split() else name
    start = row.text.find(first)
    if not labels or start < 0:
        return True
    box = row.span_bbox(start, start + len(first))  # where the name starts: the column it is in
    return any(min(label.x1, box.x1) > max(label.x0, box.x0) for label in labels)


def vendor_name_candidates(rows: list[Row]) -> list[Candidate]:
    """Top rows (and two-row combinations) plus any row with a strong legal form."""
    if not rows:
        return []
    legal_rows = [(i, _folded(r.text)) for i, r in enumerate(rows) if _LEGAL_DATA.search(r.text)]
    heights = [r.height for r in rows] or [0.01]
    typical = median(heights) or 0.01
    first_page = [r for r in rows if r.page == rows[0].page]
    domains = web_domains("\n".join(r.text for r in rows))
    out: list[Candidate] = []
    for position, row in enumerate(first_page):
        strong = _strong_legal(row.text)
        lead = sender_line_name(row.text)
        if position >= 8 and not strong and lead is None:
            continue
        spans: list[tuple[list[Row], str | None]] = []
        if position < 8 or strong:
            spans.append(([row], None))
        if position + 1 < len(first_page) and position < 8:
            spans.append(([row, first_page[position + 1]], None))
        if lead is not None:
            spans.append(([row], lead))
        for span, sender_name in spans:
            text = sender_name or clean_name(" ".join(r.text for r in span))
            if len(text) < 3 or letters_ratio(text) < 0.5 or _PARTY_LABEL_PLAIN.match(_unaccented(text)):
                continue  # a row headed by a bill-to or ship-to label is the addressee's
            if _TITLE_ALONE.fullmatch(text):
                continue  # a document title alone (`FATTURA`, `Factura`) names no one
            last_index = rows.index(span[-1])
            first_index = rows.index(span[0])
            after_customer_label = first_index > 0 and _customer_label_over(
                rows[first_index - 1], span[0], text
            )
            address_rows, _ = address_after(rows, last_index, max_rows=4)
            address_hints = sum(1 for r in address_rows if _ADDRESS_HINT.search(r.text))
            ocr_confidence = sum(w.confidence for r in span for w in r.words) / sum(
                len(r.words) for r in span
            )
            legal = bool(LEGAL_FORM.search(text)) or fuzzy_legal_tail(text)
            out.append(
                Candidate(
                    field="vendor_name",
                    value=text,
                    raw_text=" ".join(r.text for r in span),
                    page=row.page,
                    bbox=bbox_union(r.bbox for r in span),
                    ocr_confidence=ocr_confidence,
                    features={
                        "position": min(position, 10) / 10.0,
                        "first_text_row": float(position == 0),
                        "legal_form": float(legal),
                        "strong_legal": float(strong or any(_strong_legal(r.text) for r in span)),
                        "strong_legal_far": float(strong and position >= 8),
                        "after_customer_label": float(after_customer_label),
                        "legal_only": float(_legal_only(text)),
                        "legal_continuation": float(
                            len(span) == 2
                            and _legal_only(span[1].text)
                            and not LEGAL_FORM.search(span[0].text)
                        ),
                        "legal_at_end": float(
                            bool(LEGAL_FORM.search(span[-1].text)) or fuzzy_legal_tail(text)
                        ),
                        "upper": _upper_ratio(text),
                        "letters": letters_ratio(text),
                        "height": min(max(r.height for r in span) / typical, 3.0) / 3.0,
                        "not_name": float(
                            bool(
                                _NOT_NAME.search(text)
                                or _PARTY_LABEL_PLAIN.search(_unaccented(text))
                                or _PAGE_LINE.match(text)
                                or _PHONE_NUMBER.search(text)
                                or _TITLE_WORD.search(text)
                            )
                        ),
                        "address_like": float(
                            bool(_ADDRESS_HINT.search(text) or _HOUSE_NUMBER_LINE.match(text))
                        ),
                        "two_rows": float(len(span) == 2),
                        "owner_line": float(any(_OWNER_LABEL.match(r.text.strip()) for r in span)),
                        "wrapped_name": float(_wrapped_name(span, typical)),
                        "short": float(len(text) < 6),
                        "rel_y": row.bbox.center[1],
                        "centered": 1.0
                        - min(abs(sum(r.bbox.center[0] for r in span) / len(span) - 0.5) * 2, 1),
                        "followed_by_address": min(address_hints, 2) / 2.0,
                        "domain_match": domain_match(text, domains),
                        "registration_next": float(registration_next(rows, span)),
                        "after_sender_contact": float(after_sender_contact(rows, span[0])),
                        "low_ocr_confidence": low_ocr_confidence(ocr_confidence),
                        "sender_line": float(sender_name is not None),
                        "named_by_legal_data": float(
                            _named_by_legal_data(text, [rows.index(r) for r in span], legal_rows)
                        ),
                    },
                    row_index=rows.index(row),
                )
            )
    return out


# A one-row sender address (the letterhead's small print over the address window, or a footer line): parts
# apart by `·`, `|` or `•`, one of them a postcode and place; its first part names the sender
_SENDER_PARTS = re.compile(r"\s*[·|•●]\s*")
_POSTCODE_PART = re.compile(r"^(?:[A-Z]{1,2}-)?\d{4,5}\s+[^\W\d_]|^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")


_OWNER_LABEL = concept_pattern(("owner_label",))


def sender_line_name(text: str) -> str | None:
    """The name heading a one-row sender address (`Malerbetrieb Schröder · Inh. Kai Schröder ·
    Gartenstraße 9 · 34117 Kassel`: a street with its house number, then a part that starts with the
    postcode): a first part of letters only that reads as no label, contact or address; None for any other
    row (a bank line)."""
    parts = [p.strip(" ,") for p in _SENDER_PARTS.split(text.strip()) if p.strip(" ,")]
    addressed = any(
        _POSTCODE_PART.search(parts[i]) and _HOUSE_NUMBER_LINE.match(parts[i - 1])
        for i in range(2, len(parts))
    )
    if len(parts) < 3 or not addressed:
        return None
    name = clean_name(parts[0])
    if (
        _OWNER_LABEL.match(
            name
        )  # `Inh. Detlef Krause · Lange Reihe 9 · ...`: the owner, under the trade name
        or len(name) < 3
        or re.search(r"[\d:@]", name)
        or letters_ratio(name) < 0.8
        or _NOT_NAME.search(name)
        or _PARTY_LABEL_PLAIN.search(_unaccented(name))
        or _ADDRESS_HINT.search(name)
        or _HOUSE_NUMBER_LINE.match(name)
    ):
        return None
    return name


def _same_column(anchor: Row, row: Row) -> bool:
    """Whether `row` continues the block of `anchor`: horizontally overlapping, or left-aligned with it."""
    a, b = anchor.bbox, row.bbox
    overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
    return (
        overlap > 0.3 * min(a.width, b.width)
        or abs(a.x0 - b.x0) < 0.03
        or abs(a.center[0] - b.center[0]) < 0.05
    )


def _column_text(anchor: Row, row: Row) -> str:
    """The text of `row` in the column of `anchor`: the cells that overlap it horizontally or start at its
    left edge (`22063 Roccapreturo` of `22063 Roccapreturo   Numero fattura   FT 2024/327` under a name at the
    left), so that another column's words (a document label, an amount) do not end the address block.
    The whole row when no cell is in the column."""
    a = _party_cell(anchor)
    cells = [
        cell
        for cell in row_cells(row)
        if min(a.x1, cell[-1].bbox.x1) - max(a.x0, cell[0].bbox.x0) > 0 or abs(cell[0].bbox.x0 - a.x0) < 0.03
    ]
    if not cells:
        return row.text.strip()
    return " ".join(w.text for cell in cells for w in cell).strip()


def _party_cell(anchor: Row) -> BBox:
    """Where a party's block stands on its first row: the first cell that is no document title or label
    (`Électricité Garnier Frères` of `Électricité Garnier Frères   AVOIR`, `Firma GmbH` of `RECHNUNG   Firma
    GmbH`); the whole row when every cell is one."""
    for cell in row_cells(anchor):
        text = " ".join(w.text for w in cell)
        if letters_ratio(text) >= 0.5 and not _TITLE_ALONE.fullmatch(text) and not _STOP_ADDRESS.search(text):
            return bbox_union(w.bbox for w in cell)
    return anchor.bbox


def _skipped_before_address(text: str, *, started: bool) -> bool:
    """A row between a name and its address that is not part of it: a company registration number, a
    tax number, a time stamp, the owner under a trade name (`Inh. Jörg Brenner e.K.`) or a speck of noise."""
    if _REG_NO.match(text):
        return True
    if started:
        return False
    return bool(
        _OWNER_LABEL.match(text)
        or (
            re.fullmatch(r"[\W\d\sA-Z-]{0,20}\)?", text)
            and re.search(r"\d{4,}", text)
            and not _ADDRESS_HINT.search(text)
        )
        or _REGISTRATION_ROW.search(text)
        or _DATE_TIME_ROW.fullmatch(text)
        or sum(ch.isalnum() for ch in text) < 3
    )


def _ends_address(text: str, *, started: bool) -> bool:
    """A row that ends the address block: contact, amounts, tax data, document words, or no letters."""
    if started and (
        _PHONE_ROW.search(text)
        or _AMOUNT_IN_ROW.search(text)
        or _TAX_ID_IN_ROW.search(text)
        or _LONG_NUMBER.search(text)
        or _CONTACT_OR_ID_IN_ROW.search(text)
        or _CONTACT_OR_ID_LEAD.match(text)
    ):
        return True
    if _STOP_ADDRESS.search(text) and (started or not _ADDRESS_HINT.search(text.split(":")[0])):
        return True
    return letters_ratio(text) < 0.15 and not re.search(r"\d{5}", text)


def address_after(rows: list[Row], start_index: int, *, max_rows: int = 5) -> tuple[list[Row], str]:
    """Rows of the address block that starts after row `start_index` (same page, same column, no large
    vertical gap), and its text."""
    block: list[Row] = []
    if start_index < 0 or start_index >= len(rows):
        return block, ""
    anchor = rows[start_index]
    previous = anchor
    skipped = False
    for row in rows[start_index + 1 : start_index + 1 + max_rows + 2]:
        if row.page != anchor.page:
            break
        if not _same_column(anchor, row):
            continue
        gap = row.bbox.y0 - previous.bbox.y1
        if gap > 2.5 * max(row.height, previous.height):
            break
        if skipped and gap > max(row.height, previous.height):
            break  # a blank line after a tax or registration row: that party's block is over
        text = row.text.strip()
        previous = row
        skipped = _skipped_before_address(text, started=bool(block))
        if skipped:
            continue
        # once the block has begun, only its own column can end it (`22063 Roccapreturo   Numero fattura`);
        # a first row that carries another column's document label starts no address
        own = _column_text(anchor, row) if block else text
        if _ends_address(own, started=bool(block)) or is_items_header(row):
            break  # contact or tax data, amounts, the items table's header
        block.append(row)
        if len(block) >= max_rows:
            break
    return block, " ".join(re.sub(r"^[^\w(]+|[|]+$", "", r.text.strip()) for r in block)


def vendor_address_candidate(rows: list[Row], vendor: Candidate | None) -> Candidate | None:
    if vendor is None:
        return None
    vendor_rows = [
        i
        for i, r in enumerate(rows)
        if r.page == vendor.page
        and r.bbox.y0 <= vendor.bbox.y1
        and r.bbox.y1 >= vendor.bbox.y0
        and vendor.bbox.vertical_overlap(r.bbox) > 0.3
    ]
    if not vendor_rows:
        return None
    block, text = address_after(rows, max(vendor_rows))
    if not block:
        return None
    hints = sum(1 for r in block if _ADDRESS_HINT.search(r.text))
    return Candidate(
        field="vendor_address",
        value=re.sub(r"\s+", " ", text).strip(" ,"),
        raw_text="\n".join(r.text for r in block),
        page=vendor.page,
        bbox=bbox_union(r.bbox for r in block),
        ocr_confidence=sum(w.confidence for r in block for w in r.words) / sum(len(r.words) for r in block),
        features={"address_hints": min(hints, 3) / 3.0, "rows": len(block) / 5.0},
    )

"""Held-out invoices from ERP line printers (issue 13, round 6b): fixed-width Courier pages as SAP
(SAPscript / Smart Forms), AS/400 spool files, Navision reports and DATEV-era programs print them, written
as plain-text sources in `erp_invoices/` and put on paper by `bench/print_erp_invoices.py` (GNU enscript and
Ghostscript's ps2pdf, or ReportLab on a character grid with the preprinted form's frames and green-bar bands
drawn under the text; build-time tools only, the PDFs are committed). Columns aligned by spaces, labels
far from their values or joined by dotted leaders (`Rechnungs-Nr. .......: 90012345`), capitals and
abbreviations (`RG-NR.`, `RECH.DAT.`, `KD-NR.`, `FATT. N.`, `NUM. FACTURA`, `MERCHANDISE`), umlauts spelt
out (`UEBERTRAG`, `FAELLIG`), trailing minus on a credit note (`1.173,30-`), amounts with and without
thousands separators, prices per 100 (`PE 100`), sub-totals per delivery note and carried-forward sums
over three pages, a frame drawn with characters (`+-----+` / `| FATT. N. | 2026/000412 |`), `SOLD TO` /
`SHIP TO` side by side, Skonto terms beside the net term, reverse charge, a deposit. en (US, GB), de (DE,
AT), fr, nl, es, it. VAT ids and IBANs carry valid check digits. The expectations
(`erp_invoices/expectations.json`) were written from the printed pages and committed before the product
read them (batch 1: 69df3e3).

Measurement, the first run of batch 1 (10 invoices, 12 pages; `bench/held_out_pdfs.py --folder
tests/ocr_tasks/extraction/erp_invoices`): text layer 11 of 131 checks wrong (macro 0.921), 200 dpi 13 of
131 (macro 0.907). Their causes, each fixed by a general rule (tests below):
- `UEBERTRAG 4.314,80`, a carried-forward sum spelt without its umlaut, read as an item, so the three-page
  invoice's delivery-note sections did not add up and only the first was kept: every lexicon phrase with
  an umlaut or `ß` is also matched as a printer without them spells it (`keywords._spellings`);
- the AS/400 invoice: `MERCHANDISE` is the goods' net (en lexicon), so `TERMS ... NET 30` no longer won the
  subtotal as 30.00; `DES MOINES IA 50321-1180`, a US address line in USPS capitals without a comma, names
  the country and so the currency of a page without `$` (the US pack's `address_line`); the vendor
  `MIDWEST FASTENER & SUPPLY CO.  *** I N V O I C E ***` lost to `PRAIRIE AG` cut from the `SOLD TO` /
  `SHIP TO` row: a form that ends in its dot (`CO.`) is a legal form, a letter-spaced title beside a name
  is cut (`party_fields._letters_joined`), two equal names side by side are one (`_one_of_twins`) and `AG`
  followed by more name words and `INC` is a word of the name (`_legal_form_further_on`);
- `BON LIVR. N° ..: BL2600977` typed the French invoice a receipt (`bon` is a Dutch receipt's title): a
  receipt word that starts a longer label of another document is no title (`document_type._receipt_titled`,
  fr `delivery_note`);
- the item rows under the table's header made an address block (`ROULEMENT ROTULE 22212 EK C3` reads as a
  postcode line) that won the customer: address blocks end at the items header
  (`address_blocks.address_blocks`); then the buyer's VAT id at the foot of its unlabelled block was the
  vendor's: an id inside the chosen customer's block is the buyer's
  (`customer_fields.vendor_id_outside_customer_block`);
- the Italian frame of characters joined `FATT. N. | 2026/000412 | OFFICINE ROSSETTI S.R.L.` into one row:
  a frame's sides (bars one above the other) and corners are no words (`rows._without_frames`), and
  `FATT. N.` labels the invoice number (it lexicon; `RECH.DAT.` and others as data too);
- `Zahlbar bis 26.03.2026 mit 2 % Skonto ..., bis 11.04.2026 ohne Abzug.`: the cash discount's deadline is
  no due date, the net term's date beside it is (`settle._net_beside_discount`);
- `DISC-230  DISCO CORTE INOX` read as a discount row (`disc`): an article code of letters and digits joined
  by hyphens is no label word (`line_items._ARTICLE_CODE`).
After these fixes batch 1 reads 0 of 131 wrong from the text layer.

Batch 2, six more written after those fixes (1018d96: a US credit memo, a Belgian factuur, an Italian
fattura with a deposit, a Spanish factura with pronto pago, a DATEV Rechnung, a French facture with
escompte), first run: text layer 12 of 79 wrong (macro 0.857), 200 dpi 14 of 79 (0.833). Fixed (a8d65d8):
the letter-spaced `C R E D I T   M E M O` (`keywords.letters_joined`), the credited invoice's date under
`ORIG. INVOICE` (`date_fields._under_invoice_reference`), `7.250%` read as an amount (amount_fields), a
discount's deadline against a labelled due date (settle), `CLIENT  411CAPI` (customer_fields), a name with
its address on the row (`party_fields._name_before_address`). At 200 dpi then 10 of 210 wrong; fixed
(6484b5d): amounts Tesseract split after the decimal comma (`extraction/split_decimals.py`), `CREDIT  MEMO`
read as words apart by a gap, a `*** TNVOICE ***` banner. All 16: text layer 0 of 210 wrong, 200 dpi 1 of
210 (the Spanish `C.I.F.` label read `C.1I.F.`, so the bare NIF after it has no label); bench/README has the
tables.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from schwifty import IBAN
from stdnum.eu import vat as eu_vat
from stdnum.gb import vat as gb_vat

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from ocr_tasks.extraction.amount_fields import amount_candidates
from ocr_tasks.extraction.keywords import LABELS, concept_pattern, label_strength, letters_joined, phrases
from ocr_tasks.extraction.line_items import _is_totals_row
from ocr_tasks.extraction.party_fields import LEGAL_FORM, clean_name
from ocr_tasks.extraction.rows import document_rows, page_rows
from ocr_tasks.extraction.split_decimals import decimals_rejoined
from ocr_tasks.geometry import BBox
from ocr_tasks.normalise.countries import guess_country
from ocr_tasks.ocr_types import Block, Line, OcrDocument, OcrPage, SourceDocument, Word
from tests.ocr_tasks.extraction.layout_pages import text_layer_page
from tests.ocr_tasks.extraction.pdf_folders import FolderReadings, pdf_cases

FOLDER = Path(__file__).with_name("erp_invoices")
CASES = pdf_cases(FOLDER)
RASTERISED = ("credit_memo_us", "invoice_gb_erp", "navision_factuur_nl")  # Courier at 200 dpi, ~10-20 s each

# (case, field, why the text-layer reading still misses it)
_MISSES: list[tuple[str, str, str]] = []
READINGS = FolderReadings(CASES, _MISSES)
TODAY = ExtractionOptions(today=date(2026, 6, 30))


@pytest.mark.parametrize(("case", "name"), READINGS.params(fields=True))
def test_field_from_the_text_layer(case, name, tmp_path_factory):
    READINGS.assert_field(case, name, tmp_path_factory)


@pytest.mark.parametrize(("case", "name"), READINGS.params(fields=False))
def test_line_items_from_the_text_layer(case, name, tmp_path_factory):
    READINGS.assert_items(case, tmp_path_factory)


@pytest.mark.parametrize("case", RASTERISED)
def test_fields_of_the_page_rasterised_at_200_dpi(case, tmp_path_factory):
    """The same page without its text layer, read by Tesseract as a scan: every field and the items."""
    READINGS.assert_rasterised(case, tmp_path_factory)


def test_every_source_has_its_pdf_its_layout_and_expectations():
    """Each plain-text source is printed and described (a source added without its PDF, its layout or its
    expectations would be measured by nothing)."""
    import json

    sources = {p.stem for p in FOLDER.glob("*.txt")}
    layouts = {k for k in json.loads((FOLDER / "layout.json").read_text(encoding="utf-8")) if k[0] != "_"}
    assert sources == set(CASES) == layouts
    assert all(case.pdf.exists() and case.pdf.read_bytes().startswith(b"%PDF") for case in CASES.values())
    assert all(str(case.notes["source"]) == f"{name}.txt" for name, case in CASES.items())


def test_the_pages_identifiers_carry_valid_check_digits():
    """The ids printed on the pages are real-format ids (a miss is the extraction's, not the data's)."""
    for case in CASES.values():
        if case.expected.get("iban"):
            IBAN(case.expected["iban"])  # raises on a bad check digit
        vat = case.expected.get("vendor_tax_id")
        if vat:
            valid = gb_vat.is_valid(vat) if vat.startswith("GB") else eu_vat.is_valid(vat)
            assert valid or eu_vat.is_valid("ES" + vat), (case.name, vat)  # a Spanish NIF printed bare


def test_the_expected_amounts_add_up():
    """The pages' arithmetic: subtotal + tax (+ the US freight) = total, and the items add up to the net."""
    between = {"as400_invoice_us": 38.50}
    for case in CASES.values():
        expected = case.expected
        tax = (
            expected["tax_amount"][0] if isinstance(expected["tax_amount"], tuple) else expected["tax_amount"]
        )
        subtotal = float(expected["subtotal"])
        assert subtotal + float(tax) + between.get(case.name, 0.0) == pytest.approx(
            float(expected["total"])
        ), case.name
        assert sum(float(a) for a in case.items) == pytest.approx(subtotal), case.name


# --- the general rules behind the fixes, on pages built in code -------------------------------------------


def test_a_label_spelt_without_its_umlaut_is_read():
    """A line printer without umlauts spells `Übertrag` `UEBERTRAG`, `fällig` `FAELLIG`, `Großhandel`
    `GROSSHANDEL`: the lexicon phrase matches both spellings."""
    assert "uebertrag" in phrases("carried_forward")
    assert concept_pattern(("carried_forward",)).search("UEBERTRAG   4.314,80")
    assert label_strength("FAELLIG AM", LABELS["due_date"], fuzzy=False) >= 1.0


def _us_page():
    return text_layer_page(
        [
            [("MIDWEST FASTENER & SUPPLY CO.", 0.08), ("*** I N V O I C E ***", 0.59)],
            [("1450 INDUSTRIAL PKWY", 0.08)],
            [("DES MOINES IA 50321-1180", 0.08), ("INVOICE NO. . . . :", 0.51), ("0417736", 0.69)],
            [("INVOICE DATE. . . :", 0.51), ("03/17/26", 0.69)],
            [("TERMS . . . . . . :", 0.51), ("NET 30", 0.69)],
            [],
            [("SOLD TO:", 0.08), ("SHIP TO:", 0.44)],
            [("PRAIRIE AG EQUIPMENT INC", 0.10), ("PRAIRIE AG EQUIPMENT INC", 0.46)],
            [("PO BOX 2210", 0.10), ("3300 RIVER RD", 0.46)],
            [("CEDAR RAPIDS IA 52406", 0.10), ("MARION IA 52302", 0.46)],
            [],
            [("MERCHANDISE", 0.58), ("557.80", 0.79)],
            [("FREIGHT", 0.58), ("38.50", 0.80)],
            [("SALES TAX 7.000%", 0.58), ("39.05", 0.80)],
            [("INVOICE TOTAL", 0.58), ("635.35", 0.79)],
        ]
    )


def test_an_as400_invoice_names_its_vendor_net_and_currency():
    """`MERCHANDISE` is the net (not `NET 30` of the terms); a USPS address line without a comma names the
    country and its currency; the letterhead beside a letter-spaced title is the vendor, not the buyer's
    name printed twice under `SOLD TO` / `SHIP TO`."""
    invoice = extract_invoice(_us_page(), options=TODAY)
    assert invoice.fields["subtotal"].value == "557.80"
    assert invoice.fields["currency"].value == "USD"
    assert invoice.fields["vendor_name"].value == "MIDWEST FASTENER & SUPPLY CO."
    assert invoice.fields["customer_name"].value == "PRAIRIE AG EQUIPMENT INC"


def test_a_us_address_line_in_capitals_names_the_country():
    assert (
        guess_country("MIDWEST FASTENER\nDES MOINES IA 50321-1180  INVOICE NO. 1\nCHICAGO IL 60680") == "US"
    )
    # a German seat in capitals is no US state and ZIP
    assert guess_country("WEBER GMBH\nGESCHAEFTSSITZ IN 34123 KASSEL") != "US"


def test_names_of_a_line_printers_letterhead():
    assert (
        clean_name("MIDWEST FASTENER & SUPPLY CO.  *** I N V O I C E ***") == "MIDWEST FASTENER & SUPPLY CO."
    )
    assert clean_name("PRAIRIE AG EQUIPMENT INC      PRAIRIE AG EQUIPMENT INC") == "PRAIRIE AG EQUIPMENT INC"
    assert clean_name("Stahlbau Pichler AG - Puntigamer Str. 127") == "Stahlbau Pichler AG"
    assert LEGAL_FORM.search("KEYSTONE JANITORIAL SUPPLY CO.")


def _french_page(delivery_label: str):
    return text_layer_page(
        [
            [("ROULEMENTS DU RHONE SAS", 0.08), ("FACTURE", 0.70)],
            [("Z.I. des Aulnes - 12 rue Ampère", 0.08)],
            [("69200 VENISSIEUX", 0.08), ("FACT. N° ......:", 0.57), ("FC2600318", 0.72)],
            [("DATE FACT. ....:", 0.57), ("16/03/2026", 0.72)],
            [(delivery_label, 0.57), ("BL2600977", 0.72)],
            [],
            [("ATELIERS MECANIQUES PERRIN SARL", 0.47)],
            [("Service Comptabilité", 0.47)],
            [("4 chemin des Forges", 0.47)],
            [("38300 BOURGOIN-JALLIEU", 0.47)],
            [("N° TVA : FR78916800469", 0.47)],
            [],
            [("REF.", 0.08), ("DESIGNATION", 0.19), ("QTE", 0.51), ("P.U. HT", 0.60), ("MONTANT HT", 0.78)],
            [("6205-2RS", 0.08), ("ROULEMENT A BILLES 6205 2RS", 0.19), ("40", 0.52), ("7,85", 0.63),
             ("314,00", 0.80)],
            [("22212-EK", 0.08), ("ROULEMENT ROTULE 22212 EK C3", 0.19), ("4", 0.53), ("186,40", 0.61),
             ("745,60", 0.80)],
            [],
            [("TOTAL HT", 0.55), ("1 059,60", 0.77)],
            [("TVA 20,00 %", 0.55), ("211,92", 0.79)],
            [("TOTAL TTC", 0.55), ("1 271,52", 0.77)],
            [],
            [("SAS au capital de 250 000 EUR - N° TVA intracommunautaire : FR89377351689", 0.08)],
        ]
    )  # fmt: skip


@pytest.mark.parametrize("label", ["BON LIVR. N° ..:", "BON DE LIVRAISON N°", "BON DE COMMANDE N°"])
def test_a_delivery_notes_or_orders_bon_is_no_receipt_title(label):
    invoice = extract_invoice(_french_page(label), options=TODAY)
    assert invoice.fields["document_type"].value == "invoice"


def test_a_receipts_title_still_types_a_receipt():
    page = text_layer_page(
        [[("KASSABON", 0.3)], [("Koffie", 0.1), ("2,50", 0.6)], [("Totaal", 0.1), ("2,50", 0.6)]]
    )
    assert extract_invoice(page, options=TODAY).fields["document_type"].value == "receipt"


def test_the_buyers_block_on_the_right_and_its_vat_id():
    """Item rows under the table's header make no address block (`ROULEMENT ROTULE 22212 EK` is no
    postcode line): the customer is the unlabelled block on the right, and the VAT id at its foot is the
    buyer's, not the vendor's."""
    invoice = extract_invoice(_french_page("BON LIVR. N° ..:"), options=TODAY)
    assert invoice.fields["customer_name"].value == "ATELIERS MECANIQUES PERRIN SARL"
    assert invoice.fields["vendor_tax_id"].value == "FR89377351689"


def test_a_frame_drawn_with_characters_is_no_text():
    """`| FATT. N. | 2026/000412 |` under `+------+`: the frame's sides and corners are dropped, the cells
    stay apart by a column gap; a lone bar between the parts of a footer stays."""
    page = text_layer_page(
        [
            [("+-----------------------+", 0.09), ("Spett.le", 0.42)],
            [("|", 0.09), ("FATT. N.", 0.11), ("|", 0.22), ("2026/000412", 0.24), ("|", 0.40),
             ("OFFICINE ROSSETTI S.R.L.", 0.42)],
            [("|", 0.09), ("DATA DOC.", 0.11), ("|", 0.22), ("27/02/2026", 0.24), ("|", 0.40),
             ("Via Emilia Ovest 480", 0.42)],
            [("+-----------------------+", 0.09), ("41123 Modena (MO)", 0.42)],
            [],
            [("Verhoeven B.V. | KvK 17094512 | Btw NL172811375B01", 0.1)],
        ]
    )  # fmt: skip
    texts = [row.text for row in page_rows(page.pages[0])]
    assert texts[1].startswith("FATT. N.  2026/000412  OFFICINE")
    assert "+--" not in texts[0] and "|" not in "".join(texts[1:4])
    assert texts[-1].count("|") == 2
    invoice = extract_invoice(page, options=TODAY)
    assert invoice.fields["invoice_number"].value == "2026/000412"


def test_abbreviated_labels_of_erp_forms():
    assert label_strength("FATT. N.", LABELS["invoice_number"], fuzzy=False) >= 1.0
    assert label_strength("RECH.DAT.", LABELS["invoice_date"], fuzzy=False) >= 1.0


def test_a_cash_discounts_deadline_is_no_due_date():
    page = text_layer_page(
        [
            [("Rechnungs-Nr. .......:", 0.5), ("90012345", 0.72)],
            [("Rechnungsdatum ......:", 0.5), ("12.03.2026", 0.72)],
            [],
            [("Endbetrag EUR", 0.5), ("2.291,23", 0.8)],
            [],
            [("Zahlungsbedingungen:", 0.05), ("Zahlbar bis 26.03.2026 mit 2 % Skonto (45,82 EUR),", 0.25)],
            [("bis 11.04.2026 ohne Abzug.", 0.25)],
        ]
    )
    assert extract_invoice(page, options=TODAY).fields["due_date"].value == "2026-04-11"


def test_an_article_code_is_no_label_word():
    """`DISC-230` is an article (a cutting disc), no discount label."""
    assert not _is_totals_row("DISC-230  DISCO CORTE INOX 230X1,9  50  UD  3,20  5")
    assert _is_totals_row("DESCUENTO 5 %")
    page = text_layer_page(
        [
            [("CODIGO", 0.08), ("DESCRIPCION", 0.18), ("CANT.", 0.50), ("PRECIO", 0.64), ("IMPORTE", 0.82)],
            [("DISC-230", 0.08), ("DISCO CORTE INOX 230X1,9", 0.18), ("50", 0.52), ("3,20", 0.65),
             ("160,00", 0.82)],
            [("GUA-FLEX", 0.08), ("GUANTE SOLDADOR CUERO T.10", 0.18), ("12", 0.52), ("9,45", 0.65),
             ("113,40", 0.82)],
            [],
            [("BASE IMPONIBLE", 0.5), ("273,40", 0.82)],
        ]
    )  # fmt: skip
    items = extract_invoice(page, options=TODAY).line_items
    assert [item.cells["amount"].value for item in items] == ["160.00", "113.40"]


# --- batch 2's fixes ---------------------------------------------------------------------------------------


def test_a_letter_spaced_title_types_the_document():
    """`C R E D I T   M E M O` beside the letterhead: a credit note (its amounts read as magnitudes)."""
    assert (
        letters_joined("GREAT LAKES SUPPLY, INC.  C R E D I T   M E M O")
        == "GREAT LAKES SUPPLY, INC.  CREDIT MEMO"
    )
    page = text_layer_page(
        [
            [("GREAT LAKES INDUSTRIAL SUPPLY, INC.", 0.08), ("C R E D I T   M E M O", 0.56)],
            [("TOLEDO OH 43611", 0.08), ("CREDIT MEMO NO. . :", 0.50), ("CM-204417", 0.69)],
            [("CREDIT DATE . . . :", 0.50), ("04/22/26", 0.69)],
            [("ORIG. INVOICE . . :", 0.50), ("0411928", 0.69)],
            [("INVOICE DATE. . . :", 0.50), ("03/30/26", 0.69)],
            [],
            [("MERCHANDISE", 0.58), ("287.40-", 0.79)],
            [("SALES TAX 7.250%", 0.58), ("20.84-", 0.80)],
            [("TOTAL CREDIT", 0.58), ("308.24-", 0.79)],
        ]
    )
    fields = extract_invoice(page, options=TODAY).fields
    assert fields["document_type"].value == "credit_note"
    assert fields["invoice_number"].value == "CM-204417"
    # the date under the credited invoice's number is that invoice's
    assert fields["invoice_date"].value == "2026-04-22"
    # a US sales tax rate with three decimals is a rate, not the amount 7250.00
    assert fields["tax_amount"].value == "20.84"
    assert fields["total"].value == "308.24"


def test_a_number_before_a_percent_sign_is_no_amount():
    """`SALES TAX 7.250%`: a US rate with three decimals is no amount 7250.00."""
    rows = page_rows(text_layer_page([[("SALES TAX  7.250%", 0.5), ("20.84", 0.8)]]).pages[0])
    values = {c.value for c in amount_candidates(rows)}
    assert "20.84" in values and "7250.00" not in values


@pytest.mark.parametrize(
    ("discount", "due"),
    [
        (
            "PRONTO PAGO: 2% DE DESCUENTO (20,97 EUR) SI SE ABONA ANTES DEL 15/05/2026.",
            "VENCIMIENTO: 05/06/2026",
        ),
        ("Escompte de 2 % (20,29 EUR) pour règlement avant le 15/05/2026.", "ECHEANCE   06/06/2026"),
    ],
)
def test_a_discount_deadline_yields_to_the_labelled_due_date(discount, due):
    page = text_layer_page(
        [
            [("FECHA / DATE ...:", 0.05), ("06/05/2026", 0.25)],
            [(due, 0.05)],
            [],
            [("TOTAL", 0.5), ("1.048,49", 0.8)],
            [],
            [(discount, 0.05)],
        ]
    )
    assert extract_invoice(page, options=TODAY).fields["due_date"].value[:7] == "2026-06"


def test_a_customer_code_beside_client_is_no_name():
    """`CLIENT  411CAPI` in the info frame is the customer's code; the unlabelled block on the right names
    the customer."""
    page = text_layer_page(
        [
            [("COMPTOIR ALIMENTAIRE DU SUD-OUEST SAS", 0.05)],
            [("200 route de Paris", 0.05)],
            [("31200 TOULOUSE", 0.05), ("HOTEL LE CAPITOLE SARL", 0.55)],
            [("FACTURE N°", 0.05), ("26-01877", 0.25), ("Service Achats", 0.55)],
            [("CLIENT", 0.05), ("411CAPI", 0.25), ("8 place Wilson", 0.55)],
            [("DATE", 0.05), ("07/05/2026", 0.25), ("31000 TOULOUSE", 0.55)],
            [],
            [("TOTAL TTC", 0.5), ("1 014,66", 0.8)],
        ]
    )
    assert extract_invoice(page, options=TODAY).fields["customer_name"].value == "HOTEL LE CAPITOLE SARL"


def test_a_letterheads_name_with_its_address_on_the_row():
    assert (
        clean_name("GASTRO-GROSSHANDEL BRAUN KG           ARTUR-LADEBECK-STR. 40 33647 BIELEFELD")
        == "GASTRO-GROSSHANDEL BRAUN KG"
    )
    assert clean_name("Pennine Packaging Ltd   Unit 7  Huddersfield HD7 5QG") == "Pennine Packaging Ltd"


# --- at 200 dpi: what Tesseract makes of Courier ------------------------------------------------------------


def _ocr_page(lines: list[list[tuple[str, float, float]]]) -> OcrDocument:
    """An OCR page of lines of (word, x0, x1) at rows 0.02 apart (boxes as Tesseract gives them)."""
    built = []
    for i, words in enumerate(lines):
        y = 0.1 + 0.02 * i
        built.append(Line.of([Word(text, BBox(x0, y, x1, y + 0.008), 0.9) for text, x0, x1 in words]))
    page = OcrPage(index=0, width=1654, height=2339, dpi=200, blocks=(Block.of(built),), source="ocr")
    return OcrDocument(SourceDocument("erp", "memory://erp", "image/png", "0" * 64), (page,))


def test_an_amount_split_after_its_decimal_comma_is_joined_again():
    """Tesseract reads Courier's `2.215,30` as `2.215,` and `30` (boxes overlapping): one amount."""
    doc = _ocr_page(
        [
            [
                ("SUMME", 0.49, 0.54),
                ("LIEFERSCHEIN", 0.55, 0.66),
                ("2.215,", 0.812, 0.881),
                ("30", 0.866, 0.883),
            ],
            [("20", 0.10, 0.12), ("KABEL", 0.2, 0.25), ("178,", 0.80, 0.845), ("40-", 0.847, 0.875)],
            [("ART", 0.10, 0.13), ("12,", 0.2, 0.23), ("30", 0.5, 0.52)],  # far apart: two numbers
        ]
    )
    texts = [row.text for row in document_rows(doc)]
    assert texts[0].endswith("2.215,30") and texts[1].endswith("178,40-")
    assert texts[2].endswith("12,  30")
    # a text layer's characters are exact and left alone
    assert decimals_rejoined(replace(doc.pages[0], source="text_layer")).lines[0].words[2].text == "2.215,"


def test_a_letter_spaced_title_read_as_words_apart_by_gaps_is_read():
    """OCR reads `C R E D I T   M E M O` as `CREDIT` and `MEMO` across a column gap."""
    page = text_layer_page(
        [
            [("GREAT LAKES INDUSTRIAL SUPPLY, INC.", 0.08), ("CREDIT", 0.57), ("MEMO", 0.69)],
            [("TOLEDO OH 43611", 0.08), ("CREDIT MEMO NO.", 0.5), ("CM-204417", 0.69)],
            [("TOTAL CREDIT", 0.58), ("308.24-", 0.79)],
        ]
    )
    assert extract_invoice(page, options=TODAY).fields["document_type"].value == "credit_note"


def test_a_banner_after_the_name_is_cut():
    assert clean_name("MIDWEST FASTENER & SUPPLY CO.  *** TNVOICE ***") == "MIDWEST FASTENER & SUPPLY CO."

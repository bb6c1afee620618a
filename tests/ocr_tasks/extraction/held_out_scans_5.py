"""Round 5 of the held-out scan check (issue 13): three invoices drawn with the reportlab pen
(`styled_pages.Pen`) and captured as keystoned phone photos (`capture_forms.keystoned_photo`: the whole
page in the frame on a darker surface, 12-18 degrees off axis). en-GB, fr, nl; VAT ids and IBANs carry
valid check digits (python-stdnum, schwifty).

The expectations (what a reader of the page writes down) were written before the product was run on the
pages, and before any perspective correction existed. `bench/held_out_scans.py --rounds 5` reads them
(keys `5:<case>`) from the text layer, at 200 dpi, degraded, and as the keystoned photo (`captured`)."""

from __future__ import annotations

from datetime import date

from tests.ocr_tasks.extraction.held_out_scans_3 import _table
from tests.ocr_tasks.extraction.held_out_scans_4 import _lines, _right_block
from tests.ocr_tasks.extraction.styled_pages import Pen

TODAY = date(2025, 6, 1)


def keystone_invoice_gb(pen: Pen) -> None:
    """A Leeds catering supplier's invoice: the firm and its VAT registration left, `Invoice No.` and the
    dates in a block at the right, `Invoice to`, three items, `Subtotal` / `VAT @ 20%` / `Total` /
    `Amount due`, bank details at the foot."""
    pen.text(18, 20, "Aire Valley Catering Supplies Ltd", size=15, bold=True)
    _lines(
        pen,
        18,
        27,
        ["Unit 4, Kirkstall Road", "Leeds LS4 2AZ", "VAT Reg. No. GB 271 8394 36"],
        size=8.5,
        step=4,
    )
    pen.text(192, 20, "INVOICE", size=18, bold=True, right=True)
    _right_block(
        pen,
        135,
        192,
        30,
        [("Invoice No.", "AV-10482"), ("Invoice date", "08/05/2024"), ("Due date", "07/06/2024")],
    )
    pen.text(18, 52, "Invoice to", bold=True)
    _lines(pen, 18, 57, ["Harrogate Events Ltd", "12 Station Parade", "Harrogate HG1 1TS"])
    columns = [(18, False), (125, True), (155, True), (192, True)]
    y = _table(
        pen,
        82,
        columns,
        ["Description", "Qty", "Unit price", "Net"],
        [
            ["Chafing dish, stainless, 9 litre", "4", "38.50", "154.00"],
            ["Catering tongs, pack of 12", "3", "14.20", "42.60"],
            ["Insulated food carrier", "2", "89.95", "179.90"],
        ],
    )
    _right_block(pen, 130, 192, y + 6, [("Subtotal", "376.50"), ("VAT @ 20%", "75.30"), ("Total", "451.80")])
    pen.rule(128, 192, y + 19)
    pen.text(130, y + 24, "Amount due", bold=True)
    pen.text(192, y + 24, "£451.80", bold=True, right=True)
    pen.text(18, y + 40, "Payment within 30 days to NatWest, IBAN GB29 NWBK 6016 1331 9268 19", size=8.5)


def keystone_facture_fr(pen: Pen) -> None:
    """A Lyon print shop's facture: the shop with SIRET and TVA intracommunautaire, the client at the
    right, `Facture N°`, `Date`, `Échéance`, three items, `Total HT` / `TVA 20 %` / `Total TTC` /
    `Net à payer`, the IBAN at the foot."""
    pen.text(18, 20, "Imprimerie Saint-Jean", size=15, bold=True)
    _lines(
        pen,
        18,
        27,
        ["8 rue Mercière, 69002 Lyon", "SIRET 732 829 320 00074", "TVA intracom. FR44732829320"],
        size=8.5,
        step=4,
    )
    _lines(pen, 125, 48, ["Boulangerie Perrin", "24 cours Gambetta", "69007 Lyon"], size=10, step=5)
    pen.text(18, 72, "FACTURE", size=16, bold=True)
    _right_block(
        pen,
        18,
        80,
        80,
        [("Facture N°", "F-2024-0388"), ("Date", "21/05/2024"), ("Échéance", "20/06/2024")],
    )
    columns = [(18, False), (125, True), (155, True), (192, True)]
    y = _table(
        pen,
        104,
        columns,
        ["Désignation", "Qté", "P.U. HT", "Montant HT"],
        [
            ["Flyers A5 quadri recto-verso (1000 ex.)", "2", "86,00", "172,00"],
            ["Affiches A2 (50 ex.)", "1", "145,00", "145,00"],
            ["Cartes de visite (500 ex.)", "3", "39,50", "118,50"],
        ],
    )
    _right_block(
        pen, 130, 192, y + 6, [("Total HT", "435,50 €"), ("TVA 20 %", "87,10 €"), ("Total TTC", "522,60 €")]
    )
    pen.rule(128, 192, y + 19)
    pen.text(130, y + 24, "Net à payer", bold=True)
    pen.text(192, y + 24, "522,60 €", bold=True, right=True)
    pen.text(18, y + 40, "Règlement par virement : IBAN FR76 3000 6000 0112 3456 7890 189", size=8.5)


def keystone_factuur_nl(pen: Pen) -> None:
    """An Utrecht bicycle shop's factuur: the shop with KvK and btw-nummer, the customer under it,
    `Factuurnummer` / `Factuurdatum` / `Vervaldatum` at the right, parts and labour, `Subtotaal` /
    `BTW 21%` / `Totaal` / `Te betalen`, the IBAN at the foot."""
    pen.text(18, 20, "Rijwielhandel Oudegracht", size=15, bold=True)
    _lines(
        pen,
        18,
        27,
        ["Oudegracht 212, 3511 NR Utrecht", "KvK 30212417", "Btw-nr. NL004495445B01"],
        size=8.5,
        step=4,
    )
    pen.text(18, 50, "Factuur aan", bold=True)
    _lines(pen, 18, 55, ["Café De Zwaan", "Lijnmarkt 9", "3511 KE Utrecht"])
    pen.text(192, 20, "FACTUUR", size=18, bold=True, right=True)
    _right_block(
        pen,
        130,
        192,
        50,
        [("Factuurnummer", "2024-1107"), ("Factuurdatum", "03-06-2024"), ("Vervaldatum", "17-06-2024")],
    )
    columns = [(18, False), (125, True), (155, True), (192, True)]
    y = _table(
        pen,
        82,
        columns,
        ["Omschrijving", "Aantal", "Prijs", "Bedrag"],
        [
            ["Fietsband 28 inch", "4", "24,95", "99,80"],
            ["Remblokken set", "6", "8,50", "51,00"],
            ["Arbeidsloon (uur)", "2", "55,00", "110,00"],
        ],
    )
    _right_block(
        pen, 130, 192, y + 6, [("Subtotaal", "€ 260,80"), ("BTW 21%", "€ 54,77"), ("Totaal", "€ 315,57")]
    )
    pen.rule(128, 192, y + 19)
    pen.text(130, y + 24, "Te betalen", bold=True)
    pen.text(192, y + 24, "€ 315,57", bold=True, right=True)
    pen.text(18, y + 40, "Graag binnen 14 dagen overmaken op NL91 ABNA 0417 1643 00", size=8.5)


CASES = {
    "keystone_gb": (
        keystone_invoice_gb,
        {
            "document_type": "invoice",
            "invoice_number": "AV-10482",
            "invoice_date": "2024-05-08",
            "due_date": "2024-06-07",
            "vendor_name": "Aire Valley Catering Supplies Ltd",
            "customer_name": "Harrogate Events Ltd",
            "currency": "GBP",
            "subtotal": "376.50",
            "tax_amount": "75.30",
            "total": "451.80",
            "amount_due": "451.80",
            "vendor_tax_id": "GB271839436",
            "iban": "GB29NWBK60161331926819",
        },
        3,
        "keystoned photo",
        None,
    ),
    "keystone_fr": (
        keystone_facture_fr,
        {
            "document_type": "invoice",
            "invoice_number": "F-2024-0388",
            "invoice_date": "2024-05-21",
            "due_date": "2024-06-20",
            "vendor_name": "Imprimerie Saint-Jean",
            "customer_name": "Boulangerie Perrin",
            "currency": "EUR",
            "subtotal": "435.50",
            "tax_amount": "87.10",
            "total": "522.60",
            "amount_due": "522.60",
            "vendor_tax_id": "FR44732829320",
            "iban": "FR7630006000011234567890189",
        },
        3,
        "keystoned photo",
        None,
    ),
    "keystone_nl": (
        keystone_factuur_nl,
        {
            "document_type": "invoice",
            "invoice_number": "2024-1107",
            "invoice_date": "2024-06-03",
            "due_date": "2024-06-17",
            "vendor_name": "Rijwielhandel Oudegracht",
            "customer_name": "Café De Zwaan",
            "currency": "EUR",
            "subtotal": "260.80",
            "tax_amount": "54.77",
            "total": "315.57",
            "amount_due": "315.57",
            "vendor_tax_id": "NL004495445B01",
            "iban": "NL91ABNA0417164300",
        },
        3,
        "keystoned photo",
        None,
    ),
}

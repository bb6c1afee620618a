"""Items-table headers in six languages (compounds, abbreviations with a dot) and the cells of item rows
(article codes and sizes stay in the description, a VAT-rate column is no amount, a leading position is
no part of the description)."""

from __future__ import annotations

import pytest

from ocr_tasks.extraction.item_table_header import _column_hits
from ocr_tasks.extraction.line_items import extract_line_items
from ocr_tasks.extraction.rows import document_rows
from tests.ocr_tasks.extraction.layout_pages import text_layer_page


def _header_columns(text: str) -> set[str]:
    row = document_rows(text_layer_page([[(text, 0.08)]]))[0]
    return set(_column_hits(row))


@pytest.mark.parametrize(
    "header",
    [
        "Omschrijving Aantal Stukprijs BTW Bedrag",
        "Regel Aant. Eenh. Artikel Tarief Regeltotaal",  # abbreviation, compound
        "# Beschrijving Hoev. Eenheid Prijs per stuk Regeltotaal",
        "Descripción Cantidad Precio unitario Importe",
        "Ref. Denominación Uds. Precio ud. Importe",
        "Descrizione Quantità Prezzo unitario Importo",
        "Cod. Descrizione Q.tà U.M. Prezzo Sconto Importo IVA",
        "Pos Artikelnr. Beschreibung Anz. Einzelpr. Betrag",
        "Art.-Nr. Bezeichnung Menge E-Preis G-Preis",
        "Désignation Qté P.U. HTVA Total HTVA",
        "Description Qty Unit price VAT Net",
    ],
)
def test_header_names_description_quantity_price_and_amount(header):
    assert {"description", "quantity", "unit_price", "amount"} <= _header_columns(header)


def _items(rows):
    return [
        {k: v.value for k, v in item.cells.items()}
        for item in extract_line_items(document_rows(text_layer_page(rows)))
    ]


def test_codes_sizes_and_a_vat_column_in_item_rows():
    rows = [
        [
            ("Cod.", 0.06),
            ("Descrizione", 0.15),
            ("Q.tà", 0.50),
            ("Prezzo unitario", 0.60),
            ("Importo", 0.78),
            ("IVA", 0.91),
        ],
        [
            ("VT-8", 0.06),
            ("Viti autofilettanti 8 mm (conf. 500)", 0.15),
            ("10", 0.51),
            ("45,00", 0.63),
            ("450,00", 0.78),
            ("22", 0.91),
        ],
        [
            ("TR-2", 0.06),
            ("Trapano a percussione 850 W", 0.15),
            ("4", 0.51),
            ("200,00", 0.62),
            ("800,00", 0.78),
            ("22", 0.91),
        ],
        [],
        [("Imponibile", 0.60), ("1.250,00", 0.80)],
    ]
    items = _items(rows)
    assert [(i["description"], i["quantity"], i["unit_price"], i["amount"]) for i in items] == [
        ("VT-8  Viti autofilettanti 8 mm (conf. 500)", "10.00", "45.00", "450.00"),
        ("TR-2  Trapano a percussione 850 W", "4.00", "200.00", "800.00"),
    ]


def test_leading_position_and_unit_words_are_no_description():
    rows = [
        [
            ("Pos.", 0.06),
            ("Bezeichnung", 0.12),
            ("Menge", 0.52),
            ("Einh.", 0.60),
            ("Einzelpreis", 0.67),
            ("Gesamt", 0.84),
        ],
        [
            ("1", 0.06),
            ("Wartung Heizungsanlage", 0.12),
            ("1", 0.54),
            ("Pausch.", 0.60),
            ("380,00", 0.69),
            ("380,00", 0.84),
        ],
        [
            ("2", 0.06),
            ("Monteurstunden", 0.12),
            ("3,5", 0.53),
            ("Std.", 0.60),
            ("68,00", 0.69),
            ("238,00", 0.84),
        ],
    ]
    items = _items(rows)
    assert [(i["description"], i["quantity"], i["amount"]) for i in items] == [
        ("Wartung Heizungsanlage", "1.00", "380.00"),
        ("Monteurstunden", "3.50", "238.00"),
    ]


def test_priced_rows_under_the_price_columns_only_are_no_items():
    """A totals block whose rows carry no totals word (`Importo lordo merce`, `Trasporto`) after one item."""
    rows = [
        [("#", 0.09), ("Descrizione articolo", 0.20), ("Q.tà", 0.50), ("Prezzo", 0.60), ("Importo", 0.80)],
        [
            ("1", 0.09),
            ("Cavo di rete Cat6 5 m", 0.20),
            ("4,50", 0.50),
            ("1.253,55", 0.60),
            ("5.640,98", 0.80),
        ],
        [],
        [("Importo lordo merce", 0.50), ("5.640,98", 0.80)],
        [("Trasporto", 0.50), ("52,48", 0.80)],
        [("Imponibile", 0.50), ("5.693,46", 0.80)],
    ]
    assert [item["description"] for item in _items(rows)] == ["Cavo di rete Cat6 5 m"]


def test_with_no_amount_label_the_rightmost_money_is_the_amount_and_the_one_before_the_price():
    """A French table whose unit price is headed on two rows (`Prix` / `unitaire`) and whose line net is
    headed `Prix HT`: the one-row header names a price but no amount; the price label sits over the last
    column. Each item's amount is the rightmost money and its price the one before (it was the reverse)."""
    rows = [
        [("Prix", 0.62)],
        [("Description", 0.06), ("Quantité", 0.40), ("unitaire", 0.61), ("Rem.", 0.72), ("Prix HT", 0.82)],
        [
            ("Nougat de l'Abbaye 250g", 0.06),
            ("20 Unit(s)", 0.40),
            ("4,55 €", 0.61),
            ("10%", 0.72),
            ("81,90 €", 0.82),
        ],
        [("Biscuits aux raisins 300g", 0.06), ("15 Unit(s)", 0.40), ("3,20 €", 0.61), ("48,00 €", 0.82)],
        [("Huile d'olive à l'ancienne", 0.06), ("25 Liter(s)", 0.40), ("19,80 €", 0.61), ("495,00 €", 0.82)],
        [],
        [("Total HT", 0.62), ("624,90 €", 0.82)],
    ]
    items = _items(rows)
    assert [(i.get("unit_price"), i.get("amount")) for i in items] == [
        ("4.55", "81.90"),
        ("3.20", "48.00"),
        ("19.80", "495.00"),
    ]
    assert [i.get("quantity") for i in items] == ["20.00", "15.00", "25.00"]
    # the 10% under `Rem.` is the item's discount, not its VAT rate
    assert items[0].get("discount_percent") == "10.00" and items[0].get("tax_rate") is None


def test_a_percentage_under_the_vat_label_stays_the_tax_rate_beside_a_discount_column():
    rows = [
        [
            ("Beschreibung", 0.06),
            ("Menge", 0.40),
            ("Preis", 0.52),
            ("Rabatt", 0.64),
            ("MwSt", 0.74),
            ("Betrag", 0.85),
        ],
        [("Wartung Klimaanlage", 0.06), ("2", 0.41), ("100,00", 0.52), ("19%", 0.74), ("200,00", 0.85)],
        [("Filterset", 0.06), ("1", 0.41), ("50,00", 0.52), ("10%", 0.64), ("19%", 0.74), ("45,00", 0.85)],
    ]
    items = _items(rows)
    assert [i.get("tax_rate") for i in items] == ["19.00", "19.00"]
    assert [i.get("discount_percent") for i in items] == [None, "10.00"]
    assert [i.get("amount") for i in items] == ["200.00", "45.00"]


def test_an_amount_label_left_of_the_price_is_the_quantity_when_a_total_follows():
    """`Amount  Product  VAT  Price  Total` (an `Anzahl` translated as amount): the line amount is under
    `Total`, right of the price; the first column holds the quantity."""
    rows = [
        [("Amount", 0.06), ("Product", 0.16), ("VAT", 0.55), ("Price", 0.66), ("Total", 0.82)],
        [
            ("1.00", 0.06),
            ("Design (hours): Of a sample", 0.16),
            ("7%", 0.55),
            ("160.00 €", 0.66),
            ("160.00 €", 0.82),
        ],
        [
            ("400.00", 0.06),
            ("Ballons: various colors", 0.16),
            ("19%", 0.55),
            ("0.79 €", 0.66),
            ("316.00 €", 0.82),
        ],
    ]
    items = _items(rows)
    assert [(i.get("quantity"), i.get("unit_price"), i.get("amount")) for i in items] == [
        ("1.00", "160.00", "160.00"),
        ("400.00", "0.79", "316.00"),
    ]
    assert [i.get("tax_rate") for i in items] == ["7.00", "19.00"]

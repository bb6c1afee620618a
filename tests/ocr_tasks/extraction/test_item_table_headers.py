"""Items-table headers in six languages (compounds, abbreviations with a dot) and the cells of item rows
(article codes and sizes stay in the description, a VAT-rate column is no amount, a leading position is
no part of the description)."""

from __future__ import annotations

import pytest

from ocr_tasks.extraction.line_items import _column_hits, extract_line_items
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

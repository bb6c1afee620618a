"""Round 8c of the held-out scan check (issue 13): ten Spanish, Italian and French invoices drawn with the
reportlab pen (`styled_pages.Pen`) in the typography those countries print: superscript ordinals (`n.º`,
`Nº`, `N°`), `C.I.F.` / `N.I.F.` / `P. IVA` / `C.F.` / `SIRET`, euro amounts whose cents are printed raised
in smaller type (`49,⁹⁰ €`, `€ 2 277,⁰⁰`), letterheads in large small capitals, two columns side by side
whose lines sit a little apart, rich accents (`Núñez`, `Gràcia`, `Lucà`, `Garnier-Mérel`), and footers in
7 pt with the registro mercantil / REA / RCS data, the VAT id and the IBAN. Captured as flat-bed scans in
grey, slightly skewed: half at 200 dpi (`scan`), half at 300 dpi (`scan 300 dpi`); `bench/held_out_scans.py
--rounds 8` also reads each one rasterised at 200 dpi without skew. VAT ids, CIF/NIF, SIRET and IBANs carry
valid check digits (python-stdnum, schwifty).

A name printed both alone (the letterhead) and with its legal form or owner (the footer) may be written
down either way (a tuple of both). The expectations (what a reader of the page writes down) were written
and committed before the product read the pages (keys `8:<case>`)."""

from __future__ import annotations

from datetime import date

from tests.ocr_tasks.extraction.held_out_scans_3 import _table
from tests.ocr_tasks.extraction.held_out_scans_4 import _lines, _right_block
from tests.ocr_tasks.extraction.styled_pages import Pen

TODAY = date(2025, 7, 1)
FOOTER_SIZE = 7.0
PT_IN_MM = 25.4 / 72


def _raised(
    pen: Pen,
    x: float,
    y: float,
    head: str,
    cents: str,
    *,
    size: float = 9.0,
    bold: bool = False,
    tail: str = "",
) -> None:
    """An amount ending at `x` whose cents are printed raised in smaller type: `head` (`49,`, `€ 12`) on the
    baseline, `cents` raised by a third of the type size at 60 % of it, then `tail` (` €`) on the baseline."""
    small = size * 0.6
    end = x
    if tail:
        pen.text(end, y, tail, size=size, bold=bold, right=True)
        end -= pen.width(tail, size=size, bold=bold)
    pen.text(end, y - size * 0.36 * PT_IN_MM, cents, size=small, bold=bold, right=True)
    end -= pen.width(cents, size=small, bold=bold)
    pen.text(end, y, head, size=size, bold=bold, right=True)


def _small_caps(pen: Pen, x: float, y: float, text: str, *, size: float, bold: bool = True) -> None:
    """`text` in small capitals: each word's first letter at `size`, its other letters as capitals at 78 %."""
    small = size * 0.78
    for word in text.split(" "):
        head, rest = word[:1], word[1:].upper()
        pen.text(x, y, head, size=size, bold=bold)
        x += pen.width(head, size=size, bold=bold)
        if rest:
            pen.text(x, y, rest, size=small, bold=bold)
            x += pen.width(rest, size=small, bold=bold)
        x += pen.width(" ", size=size, bold=bold)


def _footer(pen: Pen, lines, *, y: float = 280.0, centre: bool = True) -> None:
    """The footer in 7 pt, each line centred on the page (or from the left margin)."""
    pen.rule(18, 192, y - 4, line=0.3)
    for k, line in enumerate(lines):
        x = 105 - pen.width(line, size=FOOTER_SIZE) / 2 if centre else 18
        pen.text(x, y + k * 3.2, line, size=FOOTER_SIZE)


ITEM_COLUMNS = [(18, False), (130, True), (160, True), (192, True)]


def factura_cif_es(pen: Pen) -> None:
    """A Madrid joinery's factura: the letterhead with `C.I.F.` under it, `Factura n.º`, `Fecha`,
    `Vencimiento` at the right, the client under `Cliente`, three items, `Base imponible` / `IVA 21 %` /
    `Total factura`; the IBAN only in the 7 pt footer with the registro mercantil data."""
    pen.text(18, 20, "Carpintería Núñez Hermanos, S.L.", size=15, bold=True)
    _lines(
        pen,
        18,
        27,
        ["Calle de Embajadores 118, 28045 Madrid", "Tel. 914 672 315", "C.I.F. B86421732"],
        size=8.5,
        step=4,
    )
    pen.text(192, 20, "FACTURA", size=18, bold=True, right=True)
    _right_block(
        pen,
        132,
        192,
        30,
        [("Factura n.º", "2025/0147"), ("Fecha", "14/03/2025"), ("Vencimiento", "13/04/2025")],
    )
    pen.text(18, 52, "Cliente", bold=True)
    _lines(pen, 18, 57, ["Panadería Ibáñez, S.C.", "Calle de Toledo 41", "28005 Madrid"])
    y = _table(
        pen,
        82,
        ITEM_COLUMNS,
        ["Descripción", "Cant.", "Precio", "Importe"],
        [
            ["Puerta de roble macizo, 82,5 cm", "2", "385,00", "770,00"],
            ["Instalación y ajuste de herrajes", "1", "290,00", "290,00"],
            ["Barniz al agua, acabado satinado", "3", "60,00", "180,00"],
        ],
    )
    _right_block(
        pen,
        125,
        192,
        y + 6,
        [("Base imponible", "1.240,00 €"), ("IVA 21 %", "260,40 €"), ("Total factura", "1.500,40 €")],
    )
    pen.text(18, y + 34, "Forma de pago: transferencia bancaria a 30 días.", size=8.5)
    _footer(
        pen,
        [
            "Carpintería Núñez Hermanos, S.L. · Inscrita en el Registro Mercantil de Madrid, Tomo 31.842, "
            "Folio 112, Hoja M-572.903",
            "IBAN ES73 2100 0418 4745 0200 4371 · BIC CAIXESBBXXX",
        ],
    )


def factura_superindice_es(pen: Pen) -> None:
    """A Valencia bookshop's factura with every price's cents printed raised (`49,⁹⁰`), books at IVA 4 %,
    `Nº` before the number, the owner's `N.I.F.` with a hyphen, no due date (paid on delivery), the IBAN in
    the 7 pt footer."""
    pen.text(18, 20, "Librería Almudévar", size=16, bold=True)
    _lines(
        pen,
        18,
        27,
        ["Inés Almudévar Peña", "Plaza de la Reina 9, 46003 València", "N.I.F.: 48213976-L"],
        size=8.5,
        step=4,
    )
    pen.text(192, 20, "FACTURA", size=18, bold=True, right=True)
    _right_block(pen, 140, 192, 30, [("Nº", "A-2025-0093"), ("Fecha", "22/05/2025")])
    pen.text(110, 52, "Datos del cliente", bold=True)
    _lines(
        pen,
        110,
        57,
        ["Colegio Público Virgen del Puig", "Calle de Sueca 27", "46006 València", "Q4668012J"],
    )
    head = ["Concepto", "Uds.", "Precio", "Importe"]
    rows = [
        ("Diccionario de la lengua española", "2", ("49,", "90"), ("99,", "80")),
        ("Atlas histórico de España", "1", ("35,", "50"), ("35,", "50")),
        ("Cuadernos de caligrafía (lote de 10)", "3", ("12,", "50"), ("37,", "50")),
    ]
    y = _table(pen, 88, ITEM_COLUMNS, head, [[name, qty, "", ""] for name, qty, _, _ in rows])
    for k, (_, _, price, amount) in enumerate(rows):
        row_y = 88 + 7.5 + k * 6
        _raised(pen, 160, row_y, *price, tail=" €")
        _raised(pen, 192, row_y, *amount, tail=" €")
    for k, (label, head_, cents) in enumerate(
        [("Base imponible", "172,", "80"), ("IVA 4 %", "6,", "91"), ("Total a pagar", "179,", "71")]
    ):
        bold = k == 2
        pen.text(130, y + 6 + k * 6, label, bold=bold, size=10 if bold else 9)
        _raised(pen, 192, y + 6 + k * 6, head_, cents, tail=" €", bold=bold, size=10 if bold else 9)
    pen.text(18, y + 32, "Pagado al contado en el momento de la entrega.", size=8.5)
    _footer(
        pen,
        [
            "Librería Almudévar · Inés Almudévar Peña · N.I.F. 48213976-L · "
            "Plaza de la Reina 9, 46003 València",
            "Cuenta para pagos: IBAN ES70 0049 1500 0105 1234 5678",
        ],
    )


def factura_dos_columnas_es(pen: Pen) -> None:
    """A Barcelona print shop's factura: a letterhead in large small capitals, the shop's details and the
    client's box side by side with the box's lines 1 mm lower than the details' (less than half a line
    apart), `Factura nº`, three items, the IBAN and the registro mercantil in the 7 pt footer."""
    _small_caps(pen, 18, 22, "Reprografía Gràcia, S.A.", size=20)
    _lines(
        pen,
        18,
        34,
        ["Carrer Gran de Gràcia 151", "08012 Barcelona", "C.I.F. A-28719359", "Tel. 932 187 446"],
        size=9,
        step=4.5,
    )
    pen.box(112, 30, 192, 52, line=0.5)
    _lines(
        pen,
        115,
        35,
        ["Estudio Martínez Llorente, S.L.P.", "Carrer de Verdi 73, 2º 1ª", "08012 Barcelona", "B65832917"],
        size=9,
        step=4.5,
    )
    pen.text(18, 64, "FACTURA", size=14, bold=True)
    _right_block(
        pen,
        18,
        80,
        71,
        [("Factura nº", "F-25-00318"), ("Fecha", "03/06/2025"), ("Vencimiento", "03/07/2025")],
    )
    y = _table(
        pen,
        94,
        ITEM_COLUMNS,
        ["Descripción", "Cantidad", "Precio", "Importe"],
        [
            ["Impresión digital A3 color", "250", "0,48", "120,00"],
            ["Encuadernación en espiral", "12", "3,75", "45,00"],
            ["Plastificado mate", "40", "1,10", "44,00"],
        ],
    )
    _right_block(
        pen, 125, 192, y + 6, [("Base imponible", "209,00 €"), ("IVA 21 %", "43,89 €"), ("TOTAL", "252,89 €")]
    )
    _footer(
        pen,
        [
            "Reprografía Gràcia, S.A. · Registro Mercantil de Barcelona, Tomo 40.117, Folio 86, "
            "Hoja B-361.205, Inscripción 1ª",
            "Pago por transferencia: IBAN ES49 0182 5322 2602 0150 3567",
        ],
    )


def factura_fecha_larga_es(pen: Pen) -> None:
    """A Seville ceramics workshop's factura: dates written out (`5 de mayo de 2025`), `Nº de factura`,
    `N.I.F.` of the company in the letterhead, the client at the right under `Facturar a`, three items,
    the totals with `Total a pagar`; IBAN and registro mercantil in the 7 pt footer."""
    pen.text(18, 20, "Cerámicas Triana Ortúzar, S.L.", size=15, bold=True)
    _lines(
        pen,
        18,
        27,
        ["Calle Alfarería 58, 41010 Sevilla", "N.I.F. B46190278"],
        size=8.5,
        step=4,
    )
    pen.text(120, 46, "Facturar a:", bold=True)
    _lines(pen, 120, 51, ["Hostal Giralda Peñuelas, S.L.", "Calle Mateos Gago 12", "41004 Sevilla"])
    pen.text(18, 48, "FACTURA", size=16, bold=True)
    _lines(
        pen,
        18,
        56,
        ["Nº de factura: CT-2025-211", "Fecha: 5 de mayo de 2025", "Vencimiento: 4 de junio de 2025"],
        step=5,
    )
    y = _table(
        pen,
        82,
        ITEM_COLUMNS,
        ["Artículo", "Cant.", "Precio", "Importe"],
        [
            ["Azulejo sevillano 15x15 (caja)", "6", "42,50", "255,00"],
            ["Plato decorado a mano", "4", "28,75", "115,00"],
            ["Transporte y embalaje", "1", "35,00", "35,00"],
        ],
        zebra=0.93,
    )
    _right_block(
        pen,
        125,
        192,
        y + 6,
        [("Base imponible", "405,00 €"), ("IVA (21 %)", "85,05 €"), ("Total a pagar", "490,05 €")],
    )
    _footer(
        pen,
        [
            "Cerámicas Triana Ortúzar, S.L. · Registro Mercantil de Sevilla, Tomo 6.204, Folio 57, "
            "Hoja SE-104.772",
            "IBAN ES59 2085 0104 3303 0041 9021",
        ],
    )


def fattura_piva_it(pen: Pen) -> None:
    """A Milan print shop's fattura: `P. IVA` under the letterhead, `Fattura n.` and `Data` and `Scadenza`
    at the right, `Spett.le` above the customer, `Imponibile` / `IVA 22%` / `Totale documento`, the REA,
    share capital and IBAN in the 7 pt footer."""
    pen.text(18, 20, "Tipografia Bernasconi & Figli S.r.l.", size=15, bold=True)
    _lines(
        pen,
        18,
        27,
        ["Via Lodovico il Moro 27, 20143 Milano (MI)", "P. IVA 03187240159"],
        size=8.5,
        step=4,
    )
    _right_block(
        pen,
        135,
        192,
        24,
        [("Fattura n.", "118/2025"), ("Data", "07/04/2025"), ("Scadenza", "07/05/2025")],
    )
    pen.text(112, 50, "Spett.le", size=9)
    _lines(pen, 112, 55, ["Pasticceria Lucà S.n.c.", "Corso di Porta Ticinese 88", "20123 Milano (MI)"])
    y = _table(
        pen,
        82,
        ITEM_COLUMNS,
        ["Descrizione", "Q.tà", "Prezzo", "Importo"],
        [
            ["Biglietti da visita (500 pz.)", "2", "45,00", "90,00"],
            ["Brochure A4 pieghevole (1.000 pz.)", "1", "620,00", "620,00"],
            ["Etichette adesive (2.000 pz.)", "1", "270,00", "270,00"],
        ],
    )
    _right_block(
        pen,
        122,
        192,
        y + 6,
        [("Imponibile", "€ 980,00"), ("IVA 22%", "€ 215,60"), ("Totale documento", "€ 1.195,60")],
    )
    pen.text(18, y + 30, "Pagamento: bonifico bancario a 30 gg data fattura.", size=8.5)
    _footer(
        pen,
        [
            "Tipografia Bernasconi & Figli S.r.l. · Cap. soc. € 50.000,00 i.v. · R.E.A. MI-1873402 · "
            "C.F. e P. IVA 03187240159",
            "Banca: IBAN IT25 O030 6909 6061 0000 0012 345",
        ],
    )


def fattura_apici_it(pen: Pen) -> None:
    """A Sicilian hardware shop's fattura with the euro sign first and the cents raised (`€ 89,⁹⁰`), `N°`
    before the number, a sole trader (`di Nicolò Orrù`) under the shop's name, no due date (`Rimessa
    diretta`), `P. IVA` and IBAN in the 7 pt footer only."""
    pen.text(18, 20, "Ferramenta Sant'Agata", size=16, bold=True)
    _lines(pen, 18, 27, ["di Nicolò Orrù", "Via Etnea 312, 95129 Catania (CT)"], size=8.5, step=4)
    pen.text(192, 20, "FATTURA", size=16, bold=True, right=True)
    _right_block(pen, 140, 192, 30, [("N°", "2025/0456"), ("Data", "12/05/2025")])
    pen.text(18, 46, "Destinatario", bold=True)
    _lines(pen, 18, 51, ["Impresa Edile Carù S.r.l.", "Via Vittorio Emanuele II 40", "95131 Catania (CT)"])
    head = ["Articolo", "Q.tà", "Prezzo", "Importo"]
    rows = [
        ("Trapano a percussione 750 W", "1", ("€ 89,", "90"), ("€ 89,", "90")),
        ("Set di punte HSS (19 pz.)", "2", ("€ 24,", "50"), ("€ 49,", "00")),
        ("Tassello nylon 8 mm (conf. 100)", "3", ("€ 7,", "90"), ("€ 23,", "70")),
    ]
    y = _table(pen, 80, ITEM_COLUMNS, head, [[name, qty, "", ""] for name, qty, _, _ in rows])
    for k, (_, _, price, amount) in enumerate(rows):
        row_y = 80 + 7.5 + k * 6
        _raised(pen, 160, row_y, *price)
        _raised(pen, 192, row_y, *amount)
    for k, (label, head_, cents) in enumerate(
        [("Imponibile", "€ 162,", "60"), ("IVA 22%", "€ 35,", "77"), ("Totale fattura", "€ 198,", "37")]
    ):
        bold = k == 2
        pen.text(125, y + 6 + k * 6, label, bold=bold, size=10 if bold else 9)
        _raised(pen, 192, y + 6 + k * 6, head_, cents, bold=bold, size=10 if bold else 9)
    pen.text(18, y + 30, "Pagamento: rimessa diretta.", size=8.5)
    _footer(
        pen,
        [
            "Ferramenta Sant'Agata di Nicolò Orrù · Via Etnea 312, 95129 Catania · P. IVA 07294630814 · "
            "REA CT-301456",
            "IBAN IT27 U050 3411 7010 0000 0256 731",
        ],
    )


def fattura_maiuscoletto_it(pen: Pen) -> None:
    """A Calabrian winery's fattura: the letterhead in large small capitals with an accent (`Cantine
    Lucà`), the customer in a box at the right, `N° fattura`, `Scadenza`; the VAT id, REA and IBAN only in
    a two-line 7 pt footer."""
    _small_caps(pen, 18, 24, "Cantine Lucà S.a.s.", size=22)
    pen.text(18, 31, "Vini di Calabria dal 1958", size=9)
    pen.box(115, 40, 192, 62, line=0.5)
    _lines(pen, 118, 46, ["Enoteca Bertè S.r.l.", "Via dei Mille 19", "87100 Cosenza (CS)"], size=9.5, step=5)
    pen.text(18, 46, "FATTURA", size=14, bold=True)
    _right_block(
        pen,
        18,
        78,
        53,
        [("N° fattura", "37/A"), ("Data", "28/02/2025"), ("Scadenza", "31/03/2025")],
    )
    y = _table(
        pen,
        80,
        ITEM_COLUMNS,
        ["Descrizione", "Q.tà", "Prezzo unit.", "Importo"],
        [
            ["Greco di Bianco DOC 2022 (cartone 6 bt.)", "5", "72,00", "360,00"],
            ["Cirò Rosso Classico 2021 (cartone 6 bt.)", "4", "58,50", "234,00"],
            ["Spese di trasporto", "1", "25,00", "25,00"],
        ],
    )
    _right_block(
        pen,
        125,
        192,
        y + 6,
        [("Imponibile", "619,00 €"), ("IVA 22%", "136,18 €"), ("Totale da pagare", "755,18 €")],
    )
    _footer(
        pen,
        [
            "Cantine Lucà S.a.s. di Lucà Domenico & C. · Contrada Pùmpisi 4, 88046 Lamezia Terme (CZ) · "
            "P. IVA 04628510937 · REA CZ-198234",
            "Coordinate bancarie: IBAN IT24 W020 0801 6640 0010 4382 176",
        ],
    )


def nota_credito_it(pen: Pen) -> None:
    """A Turin design studio's nota di credito for an invoice: `NOTA DI CREDITO N. NC 4/2025 del ...`, the
    invoice it refers to, one reversed item at its magnitude, `C.F. e P. IVA` in the letterhead, the IBAN
    in the 7 pt footer."""
    pen.text(18, 20, "Studio Pellè S.r.l.s.", size=15, bold=True)
    _lines(
        pen,
        18,
        27,
        ["Via Po 18, 10123 Torino (TO)", "C.F. e P. IVA 05183720647"],
        size=8.5,
        step=4,
    )
    pen.text(115, 44, "Spett.le", size=9)
    _lines(pen, 115, 49, ["Farmacia Moretti S.n.c.", "Corso Vinzaglio 7", "10121 Torino (TO)"])
    pen.text(18, 72, "NOTA DI CREDITO N. NC 4/2025 del 16/06/2025", size=12, bold=True)
    pen.text(18, 78, "Rif. fattura n. 61/2025 del 30/05/2025", size=9)
    y = _table(
        pen,
        90,
        ITEM_COLUMNS,
        ["Descrizione", "Q.tà", "Prezzo", "Importo"],
        [["Storno: revisione del logo non eseguita", "1", "150,00", "150,00"]],
    )
    _right_block(
        pen,
        118,
        192,
        y + 6,
        [("Imponibile", "150,00 €"), ("IVA 22%", "33,00 €"), ("Totale nota di credito", "183,00 €")],
    )
    _footer(
        pen,
        [
            "Studio Pellè S.r.l.s. · Capitale sociale € 1.000,00 · R.E.A. TO-1290417",
            "Rimborso tramite bonifico · IBAN IT93 F083 2703 2210 0000 0006 540",
        ],
    )


def facture_siret_fr(pen: Pen) -> None:
    """A Rennes joinery's facture: `SIRET` under the letterhead, `Facture N°`, `Échéance`, the client at
    the right, two items at TVA 10 %, `Net à payer` with its cents raised; TVA number, RCS and IBAN in the
    7 pt footer."""
    pen.text(18, 20, "Menuiserie Lefèvre & Fils", size=15, bold=True)
    _lines(
        pen,
        18,
        27,
        ["14 rue de Saint-Malo, 35000 Rennes", "SIRET 482 196 359 00012"],
        size=8.5,
        step=4,
    )
    _lines(pen, 120, 46, ["Crêperie Le Goëland", "3 place des Lices", "35000 Rennes"], size=10, step=5)
    pen.text(18, 66, "FACTURE", size=16, bold=True)
    _right_block(
        pen,
        18,
        84,
        74,
        [("Facture N°", "2025-0412"), ("Date", "17/04/2025"), ("Échéance", "17/05/2025")],
    )
    y = _table(
        pen,
        98,
        ITEM_COLUMNS,
        ["Désignation", "Qté", "P.U. HT", "Montant HT"],
        [
            ["Fenêtre chêne double vitrage 120x135", "2", "845,00", "1 690,00"],
            ["Pose et dépose de l'existant", "1", "380,00", "380,00"],
        ],
    )
    _right_block(
        pen,
        125,
        192,
        y + 6,
        [("Total HT", "2 070,00 €"), ("TVA 10 %", "207,00 €"), ("Total TTC", "2 277,00 €")],
    )
    pen.rule(123, 192, y + 19)
    pen.text(125, y + 25, "Net à payer", bold=True, size=10)
    _raised(pen, 192, y + 25, "2 277,", "00", tail=" €", bold=True, size=10)
    _footer(
        pen,
        [
            "Menuiserie Lefèvre & Fils SARL au capital de 8 000 € – RCS Rennes 482 196 359 – "
            "N° TVA intracommunautaire FR 56 482 196 359",
            "Règlement par virement : IBAN FR76 3000 4008 2300 0102 9471 601 – BIC BNPAFRPPXXX",
        ],
    )


def facture_petites_capitales_fr(pen: Pen) -> None:
    """A Bordeaux publisher's facture: the letterhead in large small capitals with accents (`Éditions
    Garnier-Mérel`), `Facture n°`, the library at the right under `Client`, two books at TVA 5,5 %; SIRET,
    TVA and IBAN in the 7 pt footer only."""
    _small_caps(pen, 18, 24, "Éditions Garnier-Mérel", size=22)
    pen.text(18, 31, "Maison d'édition indépendante", size=9)
    pen.text(120, 44, "Client", bold=True)
    _lines(pen, 120, 49, ["Bibliothèque municipale de Bègles", "77 rue Calixte Camelle", "33130 Bègles"])
    pen.text(18, 48, "FACTURE", size=15, bold=True)
    _right_block(
        pen,
        18,
        82,
        56,
        [("Facture n°", "GM-25-0087"), ("Date", "02/06/2025"), ("Échéance", "02/07/2025")],
    )
    y = _table(
        pen,
        86,
        ITEM_COLUMNS,
        ["Titre", "Qté", "Prix HT", "Total HT"],
        [
            ["« Les Rivières oubliées » (broché)", "10", "18,50", "185,00"],
            ["« Carnets d'Émile » (relié)", "5", "27,00", "135,00"],
        ],
    )
    _right_block(
        pen,
        125,
        192,
        y + 6,
        [("Total HT", "320,00 €"), ("TVA 5,5 %", "17,60 €"), ("Total TTC", "337,60 €")],
    )
    _footer(
        pen,
        [
            "Éditions Garnier-Mérel SAS au capital de 20 000 € · 12 quai des Chartrons, 33000 Bordeaux · "
            "SIRET 793 182 460 00014 · TVA FR40793182460",
            "IBAN FR76 1027 8060 5000 0204 6730 177 · BIC CMCIFR2A",
        ],
    )


def _expected(
    number,
    invoice_date,
    due,
    vendor,
    customer,
    subtotal,
    tax,
    total,
    due_amount,
    tax_id,
    iban,
    *,
    document_type="invoice",
):
    fields = {
        "document_type": document_type,
        "invoice_number": number,
        "invoice_date": invoice_date,
        "due_date": due,
        "vendor_name": vendor,
        "customer_name": customer,
        "currency": "EUR",
        "subtotal": subtotal,
        "tax_amount": tax,
        "total": total,
        "amount_due": due_amount,
        "vendor_tax_id": tax_id,
        "iban": iban,
    }
    return {field: value for field, value in fields.items() if value is not None}


SCAN_200, SCAN_300 = "scan", "scan 300 dpi"

CASES = {
    "factura_cif_es": (
        factura_cif_es,
        _expected(
            "2025/0147",
            "2025-03-14",
            "2025-04-13",
            "Carpintería Núñez Hermanos, S.L.",
            "Panadería Ibáñez, S.C.",
            "1240.00",
            "260.40",
            "1500.40",
            None,
            "B86421732",
            "ES7321000418474502004371",
        ),
        3,
        SCAN_200,
        None,
    ),
    "factura_superindice_es": (
        factura_superindice_es,
        _expected(
            "A-2025-0093",
            "2025-05-22",
            None,
            "Librería Almudévar",
            "Colegio Público Virgen del Puig",
            "172.80",
            "6.91",
            "179.71",
            "179.71",
            "48213976L",
            "ES7000491500010512345678",
        ),
        3,
        SCAN_300,
        None,
    ),
    "factura_dos_columnas_es": (
        factura_dos_columnas_es,
        _expected(
            "F-25-00318",
            "2025-06-03",
            "2025-07-03",
            "Reprografía Gràcia, S.A.",
            "Estudio Martínez Llorente, S.L.P.",
            "209.00",
            "43.89",
            "252.89",
            None,
            "A28719359",
            "ES4901825322260201503567",
        ),
        3,
        SCAN_200,
        None,
    ),
    "factura_fecha_larga_es": (
        factura_fecha_larga_es,
        _expected(
            "CT-2025-211",
            "2025-05-05",
            "2025-06-04",
            "Cerámicas Triana Ortúzar, S.L.",
            "Hostal Giralda Peñuelas, S.L.",
            "405.00",
            "85.05",
            "490.05",
            "490.05",
            "B46190278",
            "ES5920850104330300419021",
        ),
        3,
        SCAN_300,
        None,
    ),
    "fattura_piva_it": (
        fattura_piva_it,
        _expected(
            "118/2025",
            "2025-04-07",
            "2025-05-07",
            "Tipografia Bernasconi & Figli S.r.l.",
            "Pasticceria Lucà S.n.c.",
            "980.00",
            "215.60",
            "1195.60",
            None,
            "03187240159",
            "IT25O0306909606100000012345",
        ),
        3,
        SCAN_200,
        None,
    ),
    "fattura_apici_it": (
        fattura_apici_it,
        _expected(
            "2025/0456",
            "2025-05-12",
            None,
            ("Ferramenta Sant'Agata", "Ferramenta Sant'Agata di Nicolò Orrù"),
            "Impresa Edile Carù S.r.l.",
            "162.60",
            "35.77",
            "198.37",
            None,
            "07294630814",
            "IT27U0503411701000000256731",
        ),
        3,
        SCAN_300,
        None,
    ),
    "fattura_maiuscoletto_it": (
        fattura_maiuscoletto_it,
        _expected(
            "37/A",
            "2025-02-28",
            "2025-03-31",
            "Cantine Lucà S.a.s.",
            "Enoteca Bertè S.r.l.",
            "619.00",
            "136.18",
            "755.18",
            "755.18",
            "04628510937",
            "IT24W0200801664000104382176",
        ),
        3,
        SCAN_200,
        None,
    ),
    "nota_credito_it": (
        nota_credito_it,
        _expected(
            "NC 4/2025",
            "2025-06-16",
            None,
            "Studio Pellè S.r.l.s.",
            "Farmacia Moretti S.n.c.",
            "150.00",
            "33.00",
            "183.00",
            None,
            "05183720647",
            "IT93F0832703221000000006540",
            document_type="credit_note",
        ),
        1,
        SCAN_300,
        None,
    ),
    "facture_siret_fr": (
        facture_siret_fr,
        _expected(
            "2025-0412",
            "2025-04-17",
            "2025-05-17",
            ("Menuiserie Lefèvre & Fils", "Menuiserie Lefèvre & Fils SARL"),
            "Crêperie Le Goëland",
            "2070.00",
            "207.00",
            "2277.00",
            "2277.00",
            "FR56482196359",
            "FR7630004008230001029471601",
        ),
        2,
        SCAN_200,
        None,
    ),
    "facture_petites_capitales_fr": (
        facture_petites_capitales_fr,
        _expected(
            "GM-25-0087",
            "2025-06-02",
            "2025-07-02",
            ("Éditions Garnier-Mérel", "Éditions Garnier-Mérel SAS"),
            "Bibliothèque municipale de Bègles",
            "320.00",
            "17.60",
            "337.60",
            None,
            "FR40793182460",
            "FR7610278060500002046730177",
        ),
        2,
        SCAN_300,
        None,
    ),
}

"""The long invoices of round 9c (`make_multipage_invoices.py`): parties, items and the words each language
prints on such documents. Items are drawn from a seeded random generator per case, so a rerun is the same."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Party:
    name: str
    lines: tuple[str, ...]  # street, postcode and city, country
    vat: str | None = None
    iban: str | None = None
    registry: str = ""  # the footer's other company data (registry court, SIRET, KvK, phone)


@dataclass(frozen=True)
class Item:
    code: str
    description: str
    quantity: int
    unit: str
    price: Decimal
    rate: Decimal

    @property
    def amount(self) -> Decimal:
        return (self.price * self.quantity).quantize(CENT, ROUND_HALF_UP)


@dataclass(frozen=True)
class Spec:
    name: str
    batch: int
    lang: str
    # weasy-, chromium- (auto or pages), reportlab-long, reportlab-pages, libreoffice-pages
    producer: str
    currency: str
    vendor: Party
    customer: Party
    number: str
    date: str
    due: str | None
    items: tuple[Item, ...]
    groups: tuple[tuple[str, int], ...] = ()  # (delivery note number, how many items) in order
    rows_per_page: int = 30  # pages laid out by the template: rows after page 1's letterhead
    carried: bool = False  # carried-forward rows at page bottoms and tops
    vat_summary_page: bool = False
    terms_pages: int = 0
    paid: Decimal = Decimal(0)
    prints_due: bool = True
    document_type: str = "invoice"
    repeat_header: bool = True  # pages laid out by the template: the column header on every page
    extra: dict = field(default_factory=dict)

    @property
    def producer_name(self) -> str:
        return self.producer.split("-")[0]


# the words each language prints (document content, not the product's knowledge)
WORDS = {
    "de": {
        "title": "Rechnung",
        "number": "Rechnungsnummer",
        "date": "Rechnungsdatum",
        "due": "Fällig am",
        "customer_no": "Kundennummer",
        "pos": "Pos.",
        "code": "Artikel-Nr.",
        "desc": "Bezeichnung",
        "qty": "Menge",
        "unit": "Einheit",
        "price": "Einzelpreis",
        "amount": "Gesamtpreis",
        "vat": "USt.",
        "net": "Nettobetrag",
        "tax": "zzgl. USt. {rate} % auf {base}",
        "total": "Rechnungsbetrag",
        "due_label": "Zahlbetrag",
        "paid": "abzgl. Anzahlung vom 02.10.2025",
        "page": "Seite {p} von {n}",
        "carry_bottom": "Übertrag",
        "carry_top": "Übertrag von Seite {p}",
        "group": "Lieferschein {n}",
        "group_sum": "Zwischensumme Lieferschein {n}",
        "summary": "USt.-Aufstellung",
        "summary_cols": ("USt.-Satz", "Netto", "USt.", "Brutto"),
        "vat_label": "USt-IdNr.",
        "iban_label": "IBAN",
        "terms_title": "Allgemeine Geschäftsbedingungen",
        "pay": "Zahlbar bis {due} ohne Abzug. Bitte geben Sie bei Zahlung die Rechnungsnummer an.",
        "months": None,
    },
    "en": {
        "title": "INVOICE",
        "number": "Invoice No.",
        "date": "Invoice Date",
        "due": "Due Date",
        "customer_no": "Account No.",
        "pos": "Line",
        "code": "Item Code",
        "desc": "Description",
        "qty": "Qty",
        "unit": "Unit",
        "price": "Unit Price",
        "amount": "Amount",
        "vat": "VAT",
        "net": "Subtotal",
        "tax": "VAT {rate}% on {base}",
        "total": "Total",
        "due_label": "Balance Due",
        "paid": "Less payment received 02/10/2025",
        "page": "Page {p} of {n}",
        "carry_bottom": "Carried forward",
        "carry_top": "Brought forward from page {p}",
        "group": "Delivery note {n}",
        "group_sum": "Subtotal delivery note {n}",
        "summary": "VAT Summary",
        "summary_cols": ("VAT rate", "Net", "VAT", "Gross"),
        "vat_label": "VAT Reg. No.",
        "iban_label": "IBAN",
        "terms_title": "Terms and Conditions of Sale",
        "pay": "Payment due by {due}. Please quote the invoice number with your remittance.",
    },
    "fr": {
        "title": "FACTURE",
        "number": "Facture n°",
        "date": "Date de facture",
        "due": "Date d'échéance",
        "customer_no": "Code client",
        "pos": "Pos.",
        "code": "Référence",
        "desc": "Désignation",
        "qty": "Qté",
        "unit": "Unité",
        "price": "Prix unitaire HT",
        "amount": "Montant HT",
        "vat": "TVA",
        "net": "Total HT",
        "tax": "TVA {rate} % sur {base}",
        "total": "Total TTC",
        "due_label": "Net à payer",
        "paid": "Acompte versé le 02/10/2025",
        "page": "Page {p} / {n}",
        "carry_bottom": "À reporter",
        "carry_top": "Report de la page {p}",
        "group": "Bon de livraison {n}",
        "group_sum": "Sous-total bon de livraison {n}",
        "summary": "Récapitulatif TVA",
        "summary_cols": ("Taux", "Base HT", "Montant TVA", "Total TTC"),
        "vat_label": "N° TVA intracom.",
        "iban_label": "IBAN",
        "terms_title": "Conditions générales de vente",
        "pay": "Paiement à réception, au plus tard le {due}. Pas d'escompte pour paiement anticipé.",
    },
    "nl": {
        "title": "FACTUUR",
        "number": "Factuurnummer",
        "date": "Factuurdatum",
        "due": "Vervaldatum",
        "customer_no": "Klantnummer",
        "pos": "Pos.",
        "code": "Artikelnr.",
        "desc": "Omschrijving",
        "qty": "Aantal",
        "unit": "Eenheid",
        "price": "Prijs per stuk",
        "amount": "Bedrag",
        "vat": "Btw",
        "net": "Totaal excl. btw",
        "tax": "Btw {rate}% over {base}",
        "total": "Totaal incl. btw",
        "due_label": "Te betalen",
        "paid": "Reeds betaald",
        "page": "Pagina {p} van {n}",
        "carry_bottom": "Transport",
        "carry_top": "Transport van pagina {p}",
        "group": "Pakbon {n}",
        "group_sum": "Subtotaal pakbon {n}",
        "summary": "Btw-specificatie",
        "summary_cols": ("Btw-tarief", "Grondslag", "Btw", "Totaal"),
        "vat_label": "Btw-nummer",
        "iban_label": "IBAN",
        "terms_title": "Algemene leveringsvoorwaarden",
        "pay": "Gelieve het bedrag vóór {due} over te maken onder vermelding van het factuurnummer.",
    },
    "es": {
        "title": "FACTURA",
        "number": "Nº de factura",
        "date": "Fecha de factura",
        "due": "Vencimiento",
        "customer_no": "Nº de cliente",
        "pos": "Lín.",
        "code": "Código",
        "desc": "Descripción",
        "qty": "Cant.",
        "unit": "Ud.",
        "price": "Precio unit.",
        "amount": "Importe",
        "vat": "IVA",
        "net": "Base imponible",
        "tax": "IVA {rate} % s/ {base}",
        "total": "Total factura",
        "due_label": "Total a pagar",
        "paid": "Anticipo recibido",
        "page": "Página {p} de {n}",
        "carry_bottom": "Suma y sigue",
        "carry_top": "Suma anterior",
        "group": "Albarán {n}",
        "group_sum": "Subtotal albarán {n}",
        "summary": "Resumen de IVA",
        "summary_cols": ("Tipo", "Base", "Cuota", "Total"),
        "vat_label": "CIF",
        "iban_label": "IBAN",
        "terms_title": "Condiciones generales de venta",
        "pay": "Forma de pago: transferencia bancaria con vencimiento el {due}.",
    },
    "it": {
        "title": "FATTURA",
        "number": "Fattura n.",
        "date": "Data fattura",
        "due": "Scadenza",
        "customer_no": "Codice cliente",
        "pos": "Riga",
        "code": "Codice",
        "desc": "Descrizione",
        "qty": "Q.tà",
        "unit": "U.M.",
        "price": "Prezzo unitario",
        "amount": "Importo",
        "vat": "IVA",
        "net": "Totale imponibile",
        "tax": "IVA {rate}% su {base}",
        "total": "Totale fattura",
        "due_label": "Netto a pagare",
        "paid": "Acconto ricevuto",
        "page": "Pagina {p} di {n}",
        "carry_bottom": "A riportare",
        "carry_top": "Riporto",
        "group": "DDT n. {n}",
        "group_sum": "Totale DDT n. {n}",
        "summary": "Riepilogo IVA",
        "summary_cols": ("Aliquota", "Imponibile", "Imposta", "Totale"),
        "vat_label": "P.IVA",
        "iban_label": "IBAN",
        "terms_title": "Condizioni generali di vendita",
        "pay": "Pagamento: bonifico bancario a 30 giorni, scadenza {due}.",
    },
}

_GOODS = {
    "de": [
        "Schraube DIN 912 M{n}x40 verzinkt",
        "Sechskantmutter M{n} Edelstahl A2",
        "Kabelbinder {n}x200 mm schwarz",
        "Dübel SX {n}x50",
        "Holzbauschraube {n}x120 Torx",
        "Winkelverbinder {n}0 mm",
        "Kupferrohr {n} mm (Stange 5 m)",
        "Presskupplung {n} mm",
        "Dichtband PTFE {n} m",
        "Bohrer HSS {n},0 mm",
        "Trennscheibe {n}25 mm Inox",
    ],
    "en": [
        "Copy paper A4 80gsm (box of {n})",
        "Toner cartridge type {n}A black",
        "Ring binder {n}0 mm blue",
        "Ballpoint pens, pack of {n}",
        "Archive box {n} litre",
        "Desk organiser model {n}",
        "Label roll {n}x36 mm",
        "Whiteboard marker set of {n}",
        "Stapler heavy duty {n}0 sheets",
        "Envelopes C4 pack of {n}0",
    ],
    "fr": [
        "Farine T{n}5 sac 25 kg",
        "Sucre semoule {n} kg",
        "Beurre doux plaque {n} kg",
        "Levure fraîche {n}00 g",
        "Chocolat noir {n}0 % pistoles",
        "Crème fraîche {n}5 % MG 5 L",
        "Œufs frais plateau de {n}0",
        "Amandes effilées {n} kg",
        "Sel fin sac {n} kg",
        "Papier cuisson rouleau {n}0 m",
    ],
    "nl": [
        "Tegellijm flex {n} kg",
        "Voegmiddel grijs {n} kg",
        "Gipsplaat {n}2,5 mm",
        "Metalstud C{n}0 3 m",
        "Isolatieplaat PIR {n}0 mm",
        "Kitkoker sanitair {n}",
        "Schroeven gips {n}5 mm (doos)",
        "Primer {n} liter",
        "Afplaktape {n}0 mm",
        "Hoekprofiel {n} m",
    ],
    "es": [
        "Tubo PVC {n}0 mm (barra 3 m)",
        "Codo PVC {n}0 mm 90°",
        "Grifo monomando modelo {n}",
        "Cable H07V-K {n},5 mm² (rollo)",
        "Interruptor serie {n}",
        "Cinta aislante {n} m",
        "Caja de registro {n}0x100",
        "Silicona neutra {n}00 ml",
        "Taco nylon {n} mm (bolsa)",
        'Llave de paso {n}/2"',
    ],
    "it": [
        "Filtro olio rif. {n}07",
        "Pastiglie freno kit {n}",
        "Candela accensione tipo {n}",
        "Cinghia distribuzione {n}",
        "Lampada H{n} 12V",
        "Olio motore 5W{n}0 1 L",
        "Spazzola tergicristallo {n}0 cm",
        "Batteria {n}0 Ah",
        "Liquido refrigerante {n} L",
        "Guarnizione testata {n}",
    ],
}
_UNITS = {
    "de": ["Stk", "Pck", "m"],
    "en": ["ea", "box", "pk"],
    "fr": ["u", "sac", "kg"],
    "nl": ["st", "doos", "m"],
    "es": ["ud", "caja", "m"],
    "it": ["pz", "conf", "kit"],
}


def items(name: str, lang: str, count: int, rates: tuple[str, ...], prefix: str) -> tuple[Item, ...]:
    """`count` items of the language's goods, seeded by the case name; rates drawn from `rates`."""
    rng = random.Random(name)
    out = []
    for index in range(count):
        words = rng.choice(_GOODS[lang]).format(n=rng.randint(2, 9))
        price = Decimal(rng.randint(45, 48000)) / 100
        out.append(
            Item(
                code=f"{prefix}{rng.randint(100, 999)}{index:03d}",
                description=words,
                quantity=rng.choice([1, 1, 2, 3, 4, 5, 6, 10, 12, 20, 25]),
                unit=rng.choice(_UNITS[lang]),
                price=price,
                rate=Decimal(rng.choice(rates)),
            )
        )
    return tuple(out)


def _spread(total: int, parts: int, rng: random.Random) -> list[int]:
    cuts = sorted(rng.sample(range(2, total - 1), parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def groups(name: str, count: int, parts: int, first: int) -> tuple[tuple[str, int], ...]:
    sizes = _spread(count, parts, random.Random(name + "groups"))
    return tuple((str(first + 7 * i), size) for i, size in enumerate(sizes))


SPECS: list[Spec] = []

# the terms-and-conditions pages' clauses: numbers, dates, rates and amounts that are no invoice fields
TERMS = {
    "de": [
        "Geltungsbereich: Diese Bedingungen gelten für alle Lieferungen ab dem 01.01.2024 in der "
        "Fassung vom 15.03.2025.",
        "Zahlungsverzug: Bei Verzug berechnen wir Zinsen von 9 Prozentpunkten über dem Basiszinssatz "
        "sowie eine Pauschale von 40,00 EUR.",
        "Mindestbestellwert 150,00 EUR netto; darunter berechnen wir einen Mindermengenzuschlag von "
        "12,50 EUR.",
        "Mängelrügen sind innerhalb von 8 Tagen nach Erhalt der Ware schriftlich anzuzeigen, "
        "Rücksendungen nur nach Absprache.",
        "Eigentumsvorbehalt: Die Ware bleibt bis zur vollständigen Bezahlung aller Forderungen unser "
        "Eigentum (§ 449 BGB).",
        "Gerichtsstand ist Hamburg. Es gilt deutsches Recht unter Ausschluss des UN-Kaufrechts vom "
        "11.04.1980.",
    ],
    "en": [
        "These terms apply to every order accepted on or after 1 January 2024 and replace the "
        "version of 12 May 2021.",
        "Late payment: interest of 8% per annum above the Bank of England base rate and a fixed sum "
        "of £40.00 per invoice.",
        "Orders under £75.00 net carry a small order charge of £9.95; deliveries over £250.00 are "
        "carried free.",
        "Shortages or damage must be reported within 3 working days; returns accepted within 30 "
        "days, restocking fee 15%.",
        "Title to the goods remains with the seller until payment in full of all sums due under clause 7.2.",
        "These terms are governed by the laws of England and Wales. Company registered in England "
        "No. 08412763.",
    ],
    "fr": [
        "Les présentes conditions s'appliquent à toute commande passée à compter du 01/01/2024.",
        "Pénalités de retard : trois fois le taux d'intérêt légal, indemnité forfaitaire pour frais "
        "de recouvrement de 40,00 €.",
        "Franco de port à partir de 300,00 € HT ; en dessous, participation forfaitaire de 14,90 € HT.",
        "Toute réclamation doit être formulée sous 48 heures ; escompte pour paiement anticipé : 0 %.",
        "Clause de réserve de propriété : les marchandises restent notre propriété jusqu'au paiement "
        "intégral (loi 80-335 du 12/05/1980).",
        "Tribunal de commerce de Lyon seul compétent. Conditions mises à jour le 15/03/2025.",
    ],
    "nl": [
        "Deze voorwaarden zijn gedeponeerd bij de Kamer van Koophandel op 01-03-2024 onder nummer 2024/118.",
        "Bij te late betaling is de wettelijke handelsrente verschuldigd, vermeerderd met 15% "
        "incassokosten, minimaal € 40,00.",
        "Bestellingen onder € 100,00 worden belast met € 12,50 orderkosten.",
        "Klachten dienen binnen 8 dagen na levering schriftelijk te worden gemeld.",
        "Alle geleverde zaken blijven eigendom van leverancier tot volledige betaling (artikel 3:92 BW).",
        "Op alle overeenkomsten is Nederlands recht van toepassing; bevoegd is de rechtbank Rotterdam.",
    ],
    "es": [
        "Las presentes condiciones se aplican a todos los pedidos desde el 01/01/2024.",
        "Intereses de demora según la Ley 3/2004, de 29 de diciembre: tipo del BCE más 8 puntos y "
        "40,00 € por costes de cobro.",
        "Portes pagados a partir de 200,00 € de base imponible; por debajo se cargan 9,50 €.",
        "Las reclamaciones se atenderán en un plazo de 7 días desde la entrega.",
        "La mercancía es propiedad del vendedor hasta su completo pago.",
        "Para cualquier controversia, las partes se someten a los Juzgados de Valencia.",
    ],
    "it": [
        "Le presenti condizioni valgono per tutti gli ordini dal 01/01/2024.",
        "In caso di ritardato pagamento si applicano gli interessi di mora ai sensi del D.Lgs. "
        "231/2002 e 40,00 € di spese.",
        "Ordine minimo 80,00 € IVA esclusa; spese di trasporto 12,00 € sotto i 250,00 €.",
        "Eventuali reclami devono pervenire entro 8 giorni dal ricevimento della merce.",
        "La merce resta di proprietà del venditore fino al saldo (art. 1523 c.c.).",
        "Foro competente esclusivo: Bologna. Aggiornate al 15/03/2025.",
    ],
}

SPECS += [
    Spec(
        name="rechnung_grosshandel_de",
        batch=1,
        lang="de",
        producer="weasy-pages",
        currency="EUR",
        vendor=Party(
            "Hanseatische Befestigungstechnik GmbH",
            ("Billstraße 112", "20539 Hamburg", "Deutschland"),
            vat="DE205978870",
            iban="DE83370400440532013011",
            registry="Amtsgericht Hamburg HRB 148230",
        ),
        customer=Party("Tischlerei Brandt & Söhne OHG", ("Am Mühlenteich 7", "21423 Winsen (Luhe)")),
        number="RE-2025-04718",
        date="2025-10-14",
        due="2025-11-13",
        items=items("rechnung_grosshandel_de", "de", 84, ("19",), "HB-"),
        rows_per_page=34,
        carried=True,
    ),
    Spec(
        name="invoice_wholesale_en",
        batch=1,
        lang="en",
        producer="chromium-auto",
        currency="GBP",
        vendor=Party(
            "Pennine Office Supplies Ltd",
            ("Unit 4, Calder Trade Park", "Huddersfield HD1 6QT", "United Kingdom"),
            vat="GB345071627",
            iban="GB29NWBK60161331926819",
            registry="Registered in England No. 08412763",
        ),
        customer=Party("Harrowgate Lettings LLP", ("22 Victoria Avenue", "Harrogate HG1 5QY")),
        number="INV-118204",
        date="2025-09-30",
        due="2025-10-30",
        items=items("invoice_wholesale_en", "en", 72, ("20",), "PO"),
        terms_pages=2,
    ),
    Spec(
        name="facture_fournitures_fr",
        batch=1,
        lang="fr",
        producer="reportlab-long",
        currency="EUR",
        vendor=Party(
            "Moulins et Fournils du Rhône SAS",
            ("14 rue de la Villette", "69003 Lyon", "France"),
            vat="FR41381951219",
            iban="FR7630004008280001052941258",
            registry="SIREN 381 951 219 RCS Lyon · Capital 150 000 €",
        ),
        customer=Party("Boulangerie Pâtisserie Girardin", ("3 place du Marché", "38200 Vienne")),
        number="FA-2025-10931",
        date="2025-11-03",
        due="2025-12-03",
        items=items("facture_fournitures_fr", "fr", 118, ("5.5", "20"), "MF"),
        vat_summary_page=True,
    ),
    Spec(
        name="factuur_groothandel_nl",
        batch=1,
        lang="nl",
        producer="weasy-auto",
        currency="EUR",
        vendor=Party(
            "Bouwmaterialen Van Dijk B.V.",
            ("Industrieweg 38", "3044 AS Rotterdam", "Nederland"),
            vat="NL118213027B01",
            iban="NL91ABNA0417164300",
            registry="KvK 24381125",
        ),
        customer=Party("Afbouwbedrijf De Graaf V.O.F.", ("Kerkstraat 19", "2801 JB Gouda")),
        number="F2025-3318",
        date="2025-10-22",
        due="2025-11-21",
        items=items("factuur_groothandel_nl", "nl", 64, ("21", "9"), "VD"),
        groups=groups("factuur_groothandel_nl", 64, 4, 88410),
    ),
    Spec(
        name="factura_suministros_es",
        batch=1,
        lang="es",
        producer="libreoffice-pages",
        currency="EUR",
        vendor=Party(
            "Suministros Levante Fontanería S.L.",
            ("Avda. del Puerto 215", "46023 Valencia", "España"),
            vat="B27493295",
            iban="ES8021000418424502000513",
            registry="Reg. Merc. Valencia T. 9821, F. 44, H. V-160233",
        ),
        customer=Party("Reformas Albufera S.L.", ("C/ Mayor 41", "46470 Catarroja")),
        number="FV25-002871",
        date="2025-10-08",
        due="2025-11-07",
        items=items("factura_suministros_es", "es", 58, ("21",), "SL"),
        rows_per_page=24,
        carried=True,
        paid=Decimal("500.00"),
    ),
    Spec(
        name="fattura_ricambi_it",
        batch=1,
        lang="it",
        producer="reportlab-pages",
        currency="EUR",
        vendor=Party(
            "Ricambi Auto Emilia S.r.l.",
            ("Via Emilia Ponente 402", "40133 Bologna", "Italia"),
            vat="IT46490520858",
            iban="IT18X0306909606100000063171",
            registry="REA BO-512877 · Cap. soc. 50.000 € i.v.",
        ),
        customer=Party("Autofficina Martelli Snc", ("Via Roma 18", "40026 Imola")),
        number="2025/1184",
        date="2025-10-31",
        due="2025-11-30",
        items=items("fattura_ricambi_it", "it", 56, ("22",), "RA"),
        rows_per_page=32,
        carried=True,
        terms_pages=1,
    ),
]

# batch 2, written after batch 1's fixes
SPECS += [
    Spec(
        name="invoice_catalogue_en",
        batch=2,
        lang="en",
        producer="reportlab-long",
        currency="EUR",
        vendor=Party(
            "Liffey Catering Equipment Ltd",
            ("Unit 12, Ballymount Industrial Estate", "Dublin 12, D12 X5R8", "Ireland"),
            vat="IE0835924K",
            iban="IE29AIBK93115212345678",
            registry="Registered in Ireland No. 498211",
        ),
        customer=Party("Wicklow Bay Hotel Group DAC", ("Strand Road", "Bray, Co. Wicklow A98 E2K4")),
        number="LCE-2025-07731",
        date="2025-11-12",
        due="2025-12-12",
        items=items("invoice_catalogue_en", "en", 600, ("23", "13.5"), "LC"),
        extra={"due_line": True},
    ),
    Spec(
        name="gutschrift_de",
        batch=2,
        lang="de",
        producer="chromium-pages",
        currency="EUR",
        vendor=Party(
            "Rheinland Elektrogroßhandel GmbH & Co. KG",
            ("Industriestraße 41", "50389 Wesseling", "Deutschland"),
            vat="DE186735881",
            iban="DE92500105175319482710",
            registry="Amtsgericht Köln HRA 31177",
        ),
        customer=Party("Elektro Hoffmann GmbH", ("Bonner Straße 88", "53332 Bornheim")),
        number="GS-2025-00412",
        date="2025-11-18",
        due=None,
        items=items("gutschrift_de", "de", 70, ("19",), "RE"),
        rows_per_page=26,
        carried=True,
        repeat_header=False,
        document_type="credit_note",
        extra={
            "words": {
                "title": "Gutschrift",
                "number": "Gutschrift-Nr.",
                "date": "Datum",
                "total": "Gutschriftsbetrag",
                "pay": "Der Betrag wird mit Ihrer nächsten Rechnung verrechnet.",
            }
        },
    ),
    Spec(
        name="facture_travaux_fr",
        batch=2,
        lang="fr",
        producer="weasy-auto",
        currency="EUR",
        vendor=Party(
            "Matériaux du Bocage SARL",
            ("ZA de la Gare, 5 rue des Forges", "85000 La Roche-sur-Yon", "France"),
            vat="FR51621074426",
            iban="FR7610278060270002028320116",
            registry="SIRET 621 074 426 00018 · RCS La Roche-sur-Yon",
        ),
        customer=Party("SARL Bâtiment Guérin Frères", ("12 impasse des Lilas", "85300 Challans")),
        number="F25-11-0457",
        date="2025-11-05",
        due="2025-12-05",
        items=items("facture_travaux_fr", "fr", 90, ("10", "20"), "MB"),
        groups=groups("facture_travaux_fr", 90, 5, 2025110),
        terms_pages=1,
        extra={"due_line": True},
    ),
    Spec(
        name="factuur_transport_nl",
        batch=2,
        lang="nl",
        producer="libreoffice-pages",
        currency="EUR",
        vendor=Party(
            "Groothandel Brabant Techniek B.V.",
            ("Ekkersrijt 4102", "5692 DA Son en Breugel", "Nederland"),
            vat="NL398835603B01",
            iban="NL30RABO0301234567",
            registry="KvK 17083341",
        ),
        customer=Party("Installatiebedrijf Verhoeven B.V.", ("Molenstraat 7", "5211 HK 's-Hertogenbosch")),
        number="2025-11-0932",
        date="2025-11-10",
        due="2025-12-10",
        items=items("factuur_transport_nl", "nl", 75, ("21",), "BT"),
        rows_per_page=26,
        carried=True,
        paid=Decimal("1000.00"),
    ),
    Spec(
        name="fattura_ddt_it",
        batch=2,
        lang="it",
        producer="chromium-auto",
        currency="EUR",
        vendor=Party(
            "Distribuzione Alimentare Tirrenica S.p.A.",
            ("Via Aurelia Nord 118", "57121 Livorno", "Italia"),
            vat="IT77026890457",
            iban="IT02N0200802480000104123456",
            registry="REA LI-133907 · Cap. soc. 1.200.000 € i.v.",
        ),
        customer=Party("Ristorante Il Gabbiano S.r.l.", ("Lungomare Marconi 7", "57128 Livorno")),
        number="FT 2025/3108",
        date="2025-11-14",
        due="2025-12-14",
        items=items("fattura_ddt_it", "it", 80, ("22", "10"), "DA"),
        groups=groups("fattura_ddt_it", 80, 4, 7710),
        vat_summary_page=True,
    ),
    Spec(
        name="factura_mensual_es",
        batch=2,
        lang="es",
        producer="weasy-pages",
        currency="EUR",
        vendor=Party(
            "Distribuciones Eléctricas del Ebro S.A.",
            ("Polígono Malpica, calle E 12", "50016 Zaragoza", "España"),
            vat="B13856679",
            iban="ES7300491500042910261234",
            registry="Reg. Merc. Zaragoza T. 4120, F. 18, H. Z-59102",
        ),
        customer=Party("Instalaciones Moncayo S.L.", ("C/ San Miguel 23", "50001 Zaragoza")),
        number="A-2025/10877",
        date="2025-10-31",
        due="2025-11-30",
        items=items("factura_mensual_es", "es", 66, ("21", "10"), "DE"),
        rows_per_page=30,
        carried=True,
        repeat_header=False,
        vat_summary_page=True,
        terms_pages=1,
    ),
]

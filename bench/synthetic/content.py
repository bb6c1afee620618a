"""The invoice's content: parties, dates, items and consistent arithmetic, and the locale's number, date and
currency formats. Layout-free: a family decides what of this is printed and where."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .parties import LOCALES, Party, make_party
from .vocabulary import DETAILS, LABELS, MONTHS, PRODUCTS

CENT = Decimal("0.01")
RATES = {
    "DE": [Decimal(19), Decimal(7)],
    "AT": [Decimal(20), Decimal(10)],
    "CH": [Decimal("8.1"), Decimal("2.6")],
    "FR": [Decimal(20), Decimal("5.5"), Decimal(10)],
    "BE": [Decimal(21), Decimal(6)],
    "NL": [Decimal(21), Decimal(9)],
    "ES": [Decimal(21), Decimal(10)],
    "IT": [Decimal(22), Decimal(10), Decimal(4)],
    "GB": [Decimal(20), Decimal(5)],
    "US": [Decimal("7.25"), Decimal("6.5"), Decimal("8.875"), Decimal(6)],
}
# number style: (thousands separator, decimal separator)
NUMBER_STYLES = {
    "dot_comma": (".", ","),
    "space_comma": ("\u00a0", ","),
    "thin_comma": (" ", ","),
    "comma_dot": (",", "."),
    "apos_dot": ("'", "."),
    "plain_comma": ("", ","),
    "plain_dot": ("", "."),
}
LOCALE_NUMBERS = {
    "en_US": ["comma_dot"],
    "en_GB": ["comma_dot"],
    "de_DE": ["dot_comma", "dot_comma", "plain_comma"],
    "de_AT": ["dot_comma", "thin_comma"],
    "de_CH": ["apos_dot", "apos_dot", "plain_dot"],
    "fr_FR": ["space_comma", "thin_comma", "plain_comma", "dot_comma"],
    "fr_BE": ["dot_comma", "thin_comma"],
    "nl_NL": ["dot_comma", "dot_comma", "plain_comma"],
    "nl_BE": ["dot_comma", "thin_comma"],
    "es_ES": ["dot_comma", "dot_comma", "plain_comma"],
    "it_IT": ["dot_comma", "dot_comma", "plain_comma"],
}
SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$", "CHF": "CHF"}
NUMBER_PATTERNS = [
    "RE-{y}-{n5}",
    "{y}-{n4}",
    "INV-{n5}",
    "F{y}/{n4}",
    "FA{yy}-{n4}",
    "{n6}",
    "{yy}/{n5}",
    "{yy}{n6}",
    "R{n7}",
    "{y}{n5}",
    "FT {y}/{n3}",
    "A-{y}-{n6}",
]


@dataclass
class Line:
    pos: int
    article: str
    desc: list[str]
    qty: Decimal
    unit: str
    price: Decimal
    rate: Decimal
    amount: Decimal


@dataclass
class Formats:
    lang: str
    locale: str
    number_style: str
    long_dates: bool
    currency_mode: str  # symbol_before, symbol_after, code_before, code_after, none
    negative_style: str = "minus"  # minus, trailing, parens
    rate_space: bool = True

    def number(self, value: Decimal, places: int = 2) -> str:
        thousands, decimal = NUMBER_STYLES[self.number_style]
        negative = value < 0
        text = f"{abs(value):,.{places}f}"
        whole, _, frac = text.partition(".")
        whole = whole.replace(",", thousands)
        text = f"{whole}{decimal}{frac}" if frac else whole
        if not negative:
            return text
        return {"minus": f"-{text}", "trailing": f"{text}-", "parens": f"({text})"}[self.negative_style]

    def qty(self, value: Decimal) -> str:
        return self.number(value, 0) if value == value.to_integral() else self.number(value, 2)

    def money(self, value: Decimal, currency: str, *, mark: bool = True) -> str:
        text = self.number(value)
        if not mark or self.currency_mode == "none":
            return text
        symbol = SYMBOLS[currency]
        mode = self.currency_mode
        if mode == "symbol_before":
            return f"{symbol}{text}" if symbol in "$£" else f"{symbol} {text}"
        if mode == "symbol_after":
            return f"{text} {symbol}"
        if mode == "code_before":
            return f"{currency} {text}"
        return f"{text} {currency}"

    def rate(self, value: Decimal) -> str:
        places = 0 if value == value.to_integral() else len(str(value).split(".")[1])
        return self.number(value, places) + (" %" if self.rate_space else "%")

    def date(self, day: dt.date, *, long: bool | None = None) -> str:
        long = self.long_dates if long is None else long
        if long:
            return self._long_date(day)
        if self.locale == "en_US":
            return day.strftime("%m/%d/%Y")
        if self.lang == "de":
            return day.strftime("%d.%m.%Y")
        if self.lang == "nl":
            return day.strftime("%d-%m-%Y")
        return day.strftime("%d/%m/%Y")

    def _long_date(self, day: dt.date) -> str:
        month = MONTHS[self.lang][day.month - 1]
        if self.locale == "en_US":
            return f"{month} {day.day}, {day.year}"
        if self.lang == "de":
            return f"{day.day}. {month} {day.year}"
        if self.lang == "es":
            return f"{day.day} de {month} de {day.year}"
        return f"{day.day} {month} {day.year}"


@dataclass
class Invoice:
    id: str
    family: str
    lang: str
    locale: str
    country: str
    currency: str
    doc_type: str
    number: str
    date: dt.date
    due: dt.date | None
    terms_days: int
    delivery: dt.date
    customer_no: str
    order_no: str
    delivery_note: str
    vendor: Party
    customer: Party
    ship_to: Party | None
    lines: list[Line]
    fmt: Formats
    rng: random.Random
    discount_rate: Decimal = Decimal(0)
    discount: Decimal = Decimal(0)
    shipping: Decimal = Decimal(0)
    prepaid: Decimal = Decimal(0)
    sign: int = 1
    bases: dict = field(default_factory=dict)  # rate -> (net base, tax)
    subtotal: Decimal = Decimal(0)
    tax: Decimal = Decimal(0)
    total: Decimal = Decimal(0)
    amount_due: Decimal = Decimal(0)
    related_number: str = ""

    def word(self, key: str, **values) -> str:
        """One variant of a label (drawn from the document's own random stream)."""
        return self.rng.choice(LABELS[self.lang][key]).format(**values)

    def signed(self, value: Decimal) -> Decimal:
        return value * self.sign

    def money(self, value: Decimal, *, mark: bool = True) -> str:
        return self.fmt.money(self.signed(value), self.currency, mark=mark)

    @property
    def items_net(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    def label(self) -> dict:
        def amount(value: Decimal) -> str:
            # EN 16931: the document type carries the direction, so a credit note's amounts are
            # labelled as magnitudes whichever sign the family prints
            return f"{value:.2f}"

        label = {
            "invoice_number": self.number,
            "invoice_date": self.date.isoformat(),
            "due_date": self.due.isoformat() if self.due else None,
            "vendor_name": self.vendor.name,
            "customer_name": self.customer.name,
            "currency": self.currency,
            "subtotal": amount(self.subtotal),
            "tax_amount": amount(self.tax),
            "total": amount(self.total),
            "amount_due": amount(self.amount_due),
            "vendor_tax_id": self.vendor.vat_id,
            "iban": self.vendor.iban,
            "line_items": len(self.lines),
            "document_type": self.doc_type,
            "language": self.lang,
            "country": self.country,
            "family": self.family,
            "prepaid": amount(self.prepaid),
        }
        return {key: value for key, value in label.items() if value is not None}


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def invoice_number(rng: random.Random, day: dt.date) -> str:
    pattern = rng.choice(NUMBER_PATTERNS)
    values = {f"n{k}": str(rng.randint(10 ** (k - 1), 10**k - 1)) for k in range(3, 8)}
    return pattern.format(y=day.year, yy=f"{day.year % 100:02d}", **values)


def _line(rng: random.Random, lang: str, pos: int, rates: list[Decimal], spec) -> Line:
    desc = [rng.choice(PRODUCTS[lang])]
    if rng.random() < spec.multiline:
        for template in rng.sample(DETAILS[lang], rng.randint(1, 2)):
            desc.append(template.format(n=rng.randint(1000, 99999), a="01/03", b="31/03"))
    hours = rng.random() < 0.3
    qty = Decimal(rng.choice([1, 1, 2, 3, 4, 5, 10, 12, 20, 25])) + (Decimal("0.5") if hours else 0)
    price = money(
        Decimal(rng.randint(150, 250000)) / 100 if rng.random() < 0.7 else Decimal(rng.randint(5, 90))
    )
    multi = spec.multi_rate and len(rates) > 1 and rng.random() < 0.5
    rate = rng.choice(rates[1:]) if multi else rates[0]
    units = LABELS[lang]["units"]
    unit = units[2] if hours else rng.choice(units)
    article = f"{rng.choice('ABCKMTX')}{rng.randint(100, 99999):05d}"
    return Line(pos, article, desc, qty, unit, price, rate, money(qty * price))


def _compute(inv: Invoice, spec) -> None:
    rates = sorted({line.rate for line in inv.lines}, reverse=True)
    if spec.us_tax:
        rates = rates[:1]
    discount_total = Decimal(0)
    bases = {}
    for rate in rates:
        items = sum((line.amount for line in inv.lines if spec.us_tax or line.rate == rate), Decimal(0))
        share = money(items * inv.discount_rate / 100)
        discount_total += share
        bases[rate] = items - share
    standard = rates[0]
    bases[standard] += inv.shipping
    inv.discount = discount_total
    inv.bases = {rate: (base, money(base * rate / 100)) for rate, base in bases.items()}
    inv.subtotal = inv.items_net - inv.discount + inv.shipping
    inv.tax = sum((tax for _, tax in inv.bases.values()), Decimal(0))
    inv.total = inv.subtotal + inv.tax
    inv.amount_due = inv.total - inv.prepaid


def _formats(rng: random.Random, lang: str, locale: str, currency: str, spec) -> Formats:
    styles = LOCALE_NUMBERS[locale]
    modes = ["symbol_after", "code_after", "symbol_before", "code_before", "none"]
    if currency in ("USD", "GBP"):
        modes = ["symbol_before", "symbol_before", "code_before", "none"]
    if currency == "CHF":
        modes = ["code_before", "code_after"]
    return Formats(
        lang=lang,
        locale=locale,
        number_style=rng.choice(styles),
        long_dates=rng.random() < spec.long_dates,
        currency_mode=rng.choice(modes),
        negative_style=spec.negative_style,
        rate_space=rng.random() < 0.6,
    )


def _dates(rng: random.Random) -> tuple[dt.date, int, dt.date]:
    day = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randint(0, 1400))
    terms = rng.choice([7, 10, 14, 14, 30, 30, 30, 45, 60])
    delivery = day - dt.timedelta(days=rng.randint(0, 12))
    return day, terms, delivery


def make_invoice(doc_id: str, spec, lang: str, seed: int) -> Invoice:
    """Content of one document of a family (`spec`: a layouts.Family) in a language; deterministic."""
    rng = random.Random(seed)
    locale, country, currency = rng.choice(LOCALES[lang])
    if spec.us_tax and lang == "en":  # a US family in another language: its own country, one tax rate
        locale, country, currency = "en_US", "US", "USD"
    elif country == "US" and not spec.allow_us:
        locale, country, currency = "en_GB", "GB", "GBP"
    day, terms, delivery = _dates(rng)
    rates = RATES[country] if country != "US" else [rng.choice(RATES["US"])]
    count = rng.randint(*spec.items)
    lines = [_line(rng, lang, i + 1, rates, spec) for i in range(count)]
    credit = rng.random() < spec.credit
    inv = Invoice(
        id=doc_id,
        family=spec.name,
        lang=lang,
        locale=locale,
        country=country,
        currency=currency,
        doc_type="credit_note" if credit else "invoice",
        number=invoice_number(rng, day),
        date=day,
        due=day + dt.timedelta(days=terms) if rng.random() < spec.due_printed and not credit else None,
        terms_days=terms,
        delivery=delivery,
        customer_no=str(rng.randint(10000, 999999)),
        order_no=f"{rng.choice(['PO', 'B', '', 'ORD-'])}{rng.randint(1000, 9999999)}",
        delivery_note=str(rng.randint(100000, 9999999)),
        vendor=make_party(country, rng, vendor=True),
        customer=make_party(country, rng, vendor=False, person=rng.random() < 0.15),
        ship_to=make_party(country, rng, vendor=False) if spec.ship_to else None,
        lines=lines,
        fmt=_formats(rng, lang, locale, currency, spec),
        rng=rng,
    )
    if credit:
        inv.sign = -1 if spec.negative_credit else 1
        inv.related_number = invoice_number(rng, day - dt.timedelta(days=20))
    if rng.random() < spec.discount:
        inv.discount_rate = Decimal(rng.choice([2, 3, 5, 10]))
    if rng.random() < spec.shipping:
        inv.shipping = money(Decimal(rng.randint(490, 8900)) / 100)
    _compute(inv, spec)
    if not credit and rng.random() < spec.prepaid:
        inv.prepaid = money(inv.total * Decimal(rng.choice([20, 30, 50])) / 100).quantize(Decimal(1))
        inv.amount_due = inv.total - inv.prepaid
    return inv

"""Payment QR payloads parsed into a `PaymentCode`: the Swiss QR-bill (`SPC`, SIX Implementation Guidelines
for the QR-bill 2.x) with its Swico `//S1/` bill information, and the EPC QR code (`BCD`, EPC069-12 001/002).

A payload is data from the page, not from a trusted party: it is checked against the standard's shape
(header, number of lines, field lengths, character set), its IBAN by schwifty (check digits, the country's
length), its references by python-stdnum (QR reference: `ch.esr`, creditor reference: `iso11649`), its
amount and currency by their formats; anything else is rejected with a `PaymentCodeRejected` carrying a
stable `reason`. Nothing of a payload is executed or interpreted beyond these fields.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from schwifty import IBAN
from schwifty.exceptions import SchwiftyException
from stdnum import iso11649
from stdnum.ch import esr

from ocr_tasks.geometry import BBox

# SIX IG 2.x: at most 997 characters; EPC069-12: at most 331 bytes. A payload longer than the larger is
# no payment code of either kind (checked before anything is split).
MAX_PAYLOAD = 997
MAX_EPC_BYTES = 331
# Characters a payload may hold besides its line breaks: no control characters (an injected escape,
# a NUL), nothing outside the Basic Multilingual Plane the standards' Latin character sets allow.
_FORBIDDEN = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\U00010000-\U0010ffff]")
_AMOUNT = re.compile(r"\d{1,9}(?:\.\d{1,2})?")
_SPC_VERSION = re.compile(r"02\d\d")
_COUNTRY = re.compile(r"[A-Z]{2}")
_BIC = re.compile(r"[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?")
_PURPOSE = re.compile(r"[A-Z]{4}")
# SIX IG field lengths (name 70, street/line 70, building number 16, postcode 16, town 35, message 140,
# bill information 140, alternative procedure 100) and EPC069-12's (name 70, remittance 35 / 140, info 70)
_SPC_MAX = {5: 70, 6: 70, 7: 70, 8: 16, 9: 35, 21: 70, 22: 70, 23: 70, 24: 16, 25: 35, 29: 140, 31: 140}
_EPC_MAX = {5: 70, 9: 35, 10: 140, 11: 70}


class PaymentCodeRejected(ValueError):
    """A decoded QR payload that is no valid payment code; `reason` is stable (`not_a_payment_code`,
    `too_long`, `forbidden_character`, `unsupported_version`, `field_count`, `field_too_long`, `bad_iban`,
    `bad_amount`, `bad_currency`, `bad_reference`, `bad_field`)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class PaymentCode:
    """What a payment code states. Amounts are decimal strings (`"1234.50"`), the IBAN compact and
    upper case, dates ISO; None where the code leaves a field empty. `kind`: `spc` or `epc`.
    `invoice_number`, `invoice_date` and `vat_number` come from the Swico bill information (`/10/`,
    `/11/`, `/30/`). `page` and `bbox` say where the code was printed (None when parsed from text)."""

    kind: str
    iban: str
    currency: str
    amount: str | None = None
    creditor_name: str | None = None
    creditor_country: str | None = None
    bic: str | None = None
    debtor_name: str | None = None
    reference_type: str | None = None
    reference: str | None = None
    message: str | None = None
    invoice_number: str | None = None
    invoice_date: str | None = None
    vat_number: str | None = None
    page: int = 0
    bbox: BBox | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in asdict(self).items() if k != "bbox"}
        out["bbox"] = self.bbox.to_list() if self.bbox else None
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PaymentCode:
        values = {k: data.get(k) for k in cls.__dataclass_fields__ if k not in {"bbox", "page"}}
        bbox = BBox.from_list(data["bbox"]) if data.get("bbox") else None
        return cls(**values, page=int(data.get("page", 0)), bbox=bbox)


def parse_payment_code(payload: str, *, page: int = 0, bbox: BBox | None = None) -> PaymentCode:
    """The payment code a decoded QR payload states; `PaymentCodeRejected` when it is none or malformed."""
    if not isinstance(payload, str):
        raise PaymentCodeRejected("not_a_payment_code", "not text")
    if len(payload) > MAX_PAYLOAD:
        raise PaymentCodeRejected("too_long", f"{len(payload)} characters")
    if _FORBIDDEN.search(payload):
        raise PaymentCodeRejected("forbidden_character")
    lines = payload.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[0] == "SPC":
        return _swiss(lines, page, bbox)
    if lines[0] == "BCD":
        if len(payload.encode("utf-8")) > MAX_EPC_BYTES:
            raise PaymentCodeRejected("too_long", f"{len(payload.encode('utf-8'))} bytes")
        return _epc(lines, page, bbox)
    raise PaymentCodeRejected("not_a_payment_code", repr(lines[0][:10]))


def _checked_lengths(lines: list[str], limits: dict[int, int]) -> list[str]:
    lines = [line.strip() for line in lines]
    for index, limit in limits.items():
        if index < len(lines) and len(lines[index]) > limit:
            raise PaymentCodeRejected("field_too_long", f"line {index + 1}: {len(lines[index])} > {limit}")
    return lines


def _iban(value: str, countries: tuple[str, ...] = ()) -> str:
    try:
        iban = IBAN(re.sub(r"\s", "", value))
    except (SchwiftyException, ValueError) as exc:
        raise PaymentCodeRejected("bad_iban", str(exc)[:80]) from None
    if countries and iban.country_code not in countries:
        raise PaymentCodeRejected("bad_iban", f"{iban.country_code} account in a {countries[0]} code")
    return iban.compact


def _amount(value: str, *, low: Decimal = Decimal("0.01")) -> str | None:
    if not value:
        return None
    if not _AMOUNT.fullmatch(value):
        raise PaymentCodeRejected("bad_amount", repr(value[:20]))
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise PaymentCodeRejected("bad_amount", repr(value[:20])) from None
    if not low <= amount <= Decimal("999999999.99"):
        raise PaymentCodeRejected("bad_amount", f"{amount} out of range")
    return f"{amount:.2f}"


def _text(value: str) -> str | None:
    return value or None


def _swiss(lines: list[str], page: int, bbox: BBox | None) -> PaymentCode:
    # 31 lines up to the trailer `EPD`, then optional bill information and up to two alternative
    # procedures (a final line break may leave one empty line)
    while len(lines) > 31 and lines[-1] == "":
        lines = lines[:-1]
    if not 31 <= len(lines) <= 34:
        raise PaymentCodeRejected("field_count", f"{len(lines)} lines")
    lines = _checked_lengths(lines, _SPC_MAX)
    if not _SPC_VERSION.fullmatch(lines[1]) or lines[2] != "1":
        raise PaymentCodeRejected("unsupported_version", f"{lines[1]!r} coding {lines[2]!r}")
    if lines[30] != "EPD":
        raise PaymentCodeRejected("field_count", "no trailer EPD on line 31")
    iban = _iban(lines[3], ("CH", "LI"))
    if lines[4] not in {"S", "K"} or not lines[5]:
        raise PaymentCodeRejected("bad_field", "creditor address type or name")
    country = lines[10]
    if not _COUNTRY.fullmatch(country):
        raise PaymentCodeRejected("bad_field", "creditor country")
    currency = lines[19]
    if currency not in {"CHF", "EUR"}:
        raise PaymentCodeRejected("bad_currency", repr(currency[:10]))
    amount = _amount(lines[18], low=Decimal("0.00"))
    reference_type, reference = lines[27], re.sub(r"\s", "", lines[28])
    _check_swiss_reference(iban, reference_type, reference)
    bill = swico_bill_information(lines[31]) if len(lines) > 31 else {}
    return PaymentCode(
        kind="spc",
        iban=iban,
        currency=currency,
        amount=amount if amount != "0.00" else None,
        creditor_name=lines[5],
        creditor_country=country,
        debtor_name=_text(lines[21]),
        reference_type=reference_type,
        reference=_text(reference),
        message=_text(lines[29]),
        invoice_number=bill.get("10"),
        invoice_date=_swico_date(bill.get("11")),
        vat_number=bill.get("30"),
        page=page,
        bbox=bbox,
    )


def _check_swiss_reference(iban: str, reference_type: str, reference: str) -> None:
    """A QR-IBAN (institution id 30000-31999) takes a QR reference (27 digits, mod 10 recursive), any other
    IBAN a creditor reference (ISO 11649) or none."""
    qr_iban = 30000 <= int(iban[4:9]) <= 31999 if iban[4:9].isdigit() else False
    if reference_type == "QRR":
        if not qr_iban or not esr.is_valid(reference):
            raise PaymentCodeRejected("bad_reference", "QR reference")
    elif reference_type == "SCOR":
        if qr_iban or not iso11649.is_valid(reference):
            raise PaymentCodeRejected("bad_reference", "creditor reference")
    elif reference_type == "NON":
        if qr_iban or reference:
            raise PaymentCodeRejected("bad_reference", "reference without a type")
    else:
        raise PaymentCodeRejected("bad_reference", f"type {reference_type[:10]!r}")


def swico_bill_information(text: str) -> dict[str, str]:
    """The tags of Swico's structured bill information (`//S1/10/10201409/11/190512/30/106017086`) as
    {tag: value}; `\\/` is a slash inside a value. {} for any other bill information (another syntax,
    or one whose tags are not two digits with a value each)."""
    if not text.startswith("//S1/"):
        return {}
    parts, current, escaped = [], [], False
    for ch in text[5:]:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "/":
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    if len(parts) % 2 or not all(re.fullmatch(r"\d\d", tag) for tag in parts[::2]):
        return {}
    tags: dict[str, str] = {}
    for tag, value in zip(parts[::2], parts[1::2], strict=True):
        tags.setdefault(tag, value.strip())
    return {tag: value for tag, value in tags.items() if value}


def _swico_date(value: str | None) -> str | None:
    """`/11/`: the invoice date as YYMMDD (a period YYMMDDYYMMDD gives its first day); None without one."""
    if not value or not re.fullmatch(r"\d{6}(?:\d{6})?", value):
        return None
    try:
        return date(2000 + int(value[:2]), int(value[2:4]), int(value[4:6])).isoformat()
    except ValueError:
        return None


def _epc(lines: list[str], page: int, bbox: BBox | None) -> PaymentCode:
    # EPC069-12: up to 12 lines; the optional trailing ones may be left out (at least up to the IBAN)
    while len(lines) > 7 and lines[-1] == "":
        lines = lines[:-1]
    if not 7 <= len(lines) <= 12:
        raise PaymentCodeRejected("field_count", f"{len(lines)} lines")
    lines = _checked_lengths(lines, _EPC_MAX) + [""] * (12 - len(lines))
    version, coding = lines[1], lines[2]
    if version not in {"001", "002"} or coding not in set("12345678"):
        raise PaymentCodeRejected("unsupported_version", f"{version[:5]!r} character set {coding[:5]!r}")
    if lines[3] not in {"SCT", "INST"}:
        raise PaymentCodeRejected("bad_field", f"identification {lines[3][:10]!r}")
    bic = lines[4] or None
    if (bic is None and version == "001") or (bic is not None and not _BIC.fullmatch(bic)):
        raise PaymentCodeRejected("bad_field", "BIC")
    if not lines[5]:
        raise PaymentCodeRejected("bad_field", "beneficiary name")
    iban = _iban(lines[6])
    amount = None
    if lines[7]:
        if not lines[7].startswith("EUR"):
            raise PaymentCodeRejected("bad_currency", repr(lines[7][:10]))
        amount = _amount(lines[7][3:])
    if lines[8] and not _PURPOSE.fullmatch(lines[8]):
        raise PaymentCodeRejected("bad_field", "purpose")
    structured, remittance = re.sub(r"\s", "", lines[9]), lines[10]
    if structured and remittance:
        raise PaymentCodeRejected("bad_reference", "both a structured and an unstructured remittance")
    if structured.upper().startswith("RF") and not iso11649.is_valid(structured):
        raise PaymentCodeRejected("bad_reference", "creditor reference")
    return PaymentCode(
        kind="epc",
        iban=iban,
        currency="EUR",
        amount=amount,
        creditor_name=lines[5],
        creditor_country=iban[:2],
        bic=bic,
        reference_type="SCOR" if structured.upper().startswith("RF") else ("REF" if structured else None),
        reference=structured or None,
        message=remittance or None,
        page=page,
        bbox=bbox,
    )

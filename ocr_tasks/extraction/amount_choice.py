"""The amounts of the totals block chosen together: total, net (subtotal), tax and amount due.

Each field's candidates are scored on their own (`scoring`); here the choice is made across fields.
A combination where net + tax = total beats the independent choice; failing one, the tax per rate,
a VAT table's sums, the net's parts, the net before charges, the total before payments and a cash
rounding are read off the page (`choose_amounts`).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from itertools import product

from ocr_tasks.extraction.candidates import Candidate
from ocr_tasks.extraction.scoring import best
from ocr_tasks.geometry import bbox_union
from ocr_tasks.normalise.amounts import format_amount


def _top_distinct(cands: list[Candidate], k: int) -> list[Candidate]:
    seen: set[str] = set()
    out = []
    for c in sorted(cands, key=lambda c: -c.score):
        if c.value not in seen:
            seen.add(c.value)
            out.append(c)
        if len(out) == k:
            break
    return out


def _raise(c: Candidate, factor: float = 0.6) -> None:
    """More confident after a cross-field check agreed: the remaining doubt shrinks by `factor`."""
    c.confidence = min(0.97, 1.0 - (1.0 - c.confidence) * factor)


def _tax_sums(taxes: list[Candidate]) -> list[Candidate]:
    """The tax of an invoice with two rates printed per rate (`MwSt 7 %  11,20`, `MwSt 19 %  63,84`) and
    no tax total: sums of two labelled per-rate tax amounts, scored below either."""
    per_rate = [c for c in taxes if c.features.get("rate_on_row") and c.features.get("label_left", 0) >= 1.0]
    out = []
    for i, a in enumerate(per_rate):
        for b in per_rate[i + 1 :]:
            if a.page != b.page or a.row_index == b.row_index:
                continue
            value = format_amount(Decimal(a.value) + Decimal(b.value))
            c = replace(
                a, value=value, raw_text=f"{a.raw_text} + {b.raw_text}", bbox=bbox_union([a.bbox, b.bbox])
            )
            c.features = {**a.features, "tax_sum": 1.0}
            c.score = min(a.score, b.score) - 0.5
            c.confidence = min(a.confidence, b.confidence)
            out.append(c)
    return out


def _consistent_combination(
    grouped: dict[str, list[Candidate]], chosen: dict[str, Candidate]
) -> tuple[Candidate, Candidate, Candidate] | None:
    """The total, subtotal and tax (among the top 4 values of each) with subtotal + tax = total whose
    scores, plus a bonus for agreeing, beat the independent choice; or the independent choice when it
    already adds up."""
    totals = _top_distinct(grouped.get("total", []), 4)
    subs = _top_distinct(grouped.get("subtotal", []), 4)
    taxes = _top_distinct(grouped.get("tax_amount", []), 6)
    taxes += _tax_sums(taxes)
    if not (totals and subs and taxes):
        return None
    independent = sum(chosen[n].score for n in ("total", "subtotal", "tax_amount"))
    t, s, x = (Decimal(chosen[n].value) for n in ("total", "subtotal", "tax_amount"))
    if t == s and x != 0:
        independent -= 2.0  # a total equal to the subtotal while tax is printed contradicts itself
    elif s + x != t:
        independent -= 1.0  # the independent choice does not add up
    best_combo, best_value = None, independent
    for t, s, x in product(totals, subs, taxes):
        if Decimal(s.value) + Decimal(x.value) == Decimal(t.value) and Decimal(x.value) < Decimal(s.value):
            value = t.score + s.score + x.score + 2.0
            if value > best_value:
                best_combo, best_value = (t, s, x), value
    if best_combo is None:
        t, s, x = (chosen[n] for n in ("total", "subtotal", "tax_amount"))
        if Decimal(s.value) + Decimal(x.value) == Decimal(t.value):
            best_combo = (t, s, x)
    return best_combo


def _net_and_tax_add_up(chosen: dict[str, Candidate]) -> bool:
    """Whether a net, a tax and a total are chosen and the net and the tax add up to the total."""
    sub, total, tax = (chosen.get(n) for n in ("subtotal", "total", "tax_amount"))
    if sub is None or total is None or tax is None:
        return False
    return Decimal(sub.value) + Decimal(tax.value) == Decimal(total.value)


def _taxes_between(grouped: dict[str, list[Candidate]], chosen: dict[str, Candidate]) -> Candidate | None:
    """The tax of a totals block whose subtotal and total have charges and discounts between them
    (`Subtotal 1,044.00 / Discount -52.20 / Shipping 45.00 / PA Sales Tax 6% 59.51 / County Tax 1% 9.92 /
    TOTAL 1,106.23`): when the subtotal plus the rightmost amount of every row between adds up to the total,
    the tax is the sum of those rows that carry a tax label (state and county, or several rates)."""
    sub, total, tax = (chosen.get(n) for n in ("subtotal", "total", "tax_amount"))
    if sub is None or total is None or sub.page != total.page or sub.row_index >= total.row_index:
        return None
    if _net_and_tax_add_up(chosen):
        return None
    # the first row under the subtotal that prints the total (a `Please pay` row may repeat it below)
    end = min(
        (
            c.row_index
            for c in grouped.get("total", [])
            if c.page == sub.page and c.value == total.value and c.row_index > sub.row_index
        ),
        default=total.row_index,
    )

    def between(c: Candidate) -> bool:
        return (
            c.page == sub.page
            and sub.row_index < c.row_index < end
            and bool(c.features.get("rightmost") and c.features.get("has_decimals"))
        )

    amounts = {c.row_index: Decimal(c.value) for c in grouped.get("total", []) if between(c)}
    if not amounts or Decimal(sub.value) + sum(amounts.values()) != Decimal(total.value):
        return None
    taxes = {
        c.row_index: c
        for c in grouped.get("tax_amount", [])
        if between(c) and c.features.get("label_left", 0.0) >= 1.0 and Decimal(c.value) > 0
    }
    if len(taxes) < 2:
        return None
    parts = [taxes[i] for i in sorted(taxes)]
    value = format_amount(sum((Decimal(c.value) for c in parts), Decimal(0)))
    summed = replace(
        parts[0],
        value=value,
        raw_text=" + ".join(c.raw_text for c in parts),
        bbox=bbox_union([c.bbox for c in parts]),
    )
    summed.features = {**parts[0].features, "tax_sum": 1.0}
    summed.confidence = min(c.confidence for c in parts)
    return summed


def _column_sum(cands: list[Candidate], label: str) -> Candidate | None:
    """The sum of a column of a VAT table without a sum row (`Netto` or `Steuer` over one row per rate):
    the candidates labelled by the header above them, in one column (same x to 0.03) on consecutive rows of
    one page; None unless two rows or more."""
    column = [
        c for c in cands if c.features.get("label_above", 0.0) >= 1.0 and c.features.get("has_decimals")
    ]
    if not column:
        return None
    first = min(column, key=lambda c: (c.page, c.row_index))
    rows = sorted(
        (c for c in column if c.page == first.page and abs(c.bbox.center[0] - first.bbox.center[0]) < 0.03),
        key=lambda c: c.row_index,
    )
    run = [rows[0]] if rows else []
    for c in rows[1:]:
        if c.row_index != run[-1].row_index + 1:
            break
        run.append(c)
    if len(run) < 2:
        return None
    summed = replace(
        run[0],
        value=format_amount(sum((Decimal(c.value) for c in run), Decimal(0))),
        raw_text=" + ".join(c.raw_text for c in run),
        bbox=bbox_union([c.bbox for c in run]),
    )
    summed.features = {**run[0].features, label: 1.0}
    return summed


def _summed(parts: list[Candidate], label: str, field: str) -> Candidate:
    summed = replace(
        parts[0],
        field=field,
        value=format_amount(sum((Decimal(c.value) for c in parts), Decimal(0))),
        raw_text=" + ".join(c.raw_text for c in parts),
        bbox=bbox_union([c.bbox for c in parts]),
    )
    summed.features = {**parts[0].features, label: 1.0}
    return summed


def _above(c: Candidate, below: Candidate) -> bool:
    """Whether `c` is printed above `below` on its page: by row, or, for a value of the second reading
    (whose rows are not the primary reading's: `row_index` -1), by its box."""
    if below.row_index >= 0 and c.row_index >= 0:
        return c.row_index < below.row_index
    return c.bbox is not None and below.bbox is not None and c.bbox.y1 <= below.bbox.y0 + 0.002


def _per_rate_sums(grouped: dict[str, list[Candidate]], chosen: dict[str, Candidate]) -> None:
    """Net and tax of a totals block that prints them per rate and no sum (`Base imponible 4%  429,00 / IVA
    4%  17,16 / Base imponible 10%  72,00 / IVA 10%  7,20 / TOTAL`, or `VAT at 5% on 117.48  5.87 / VAT at
    20% on 12.00  2.40`): the labelled rows with a rate above the total, their nets (or the bases printed
    on the tax rows) and taxes summed, taken when they add up to the total (in place)."""
    total = chosen.get("total")
    if total is None or _net_and_tax_add_up(chosen):
        return

    def per_rate(c: Candidate) -> bool:
        f = c.features
        return (
            c.page == total.page
            and c.row_index >= 0  # the primary reading's rows (a second reading's candidates have none)
            and _above(c, total)
            and bool(f.get("rate_on_row") and f.get("has_decimals") and f.get("rightmost"))
            and f.get("label_left", 0.0) >= 1.0
        )

    taxes = {c.row_index: c for c in grouped.get("tax_amount", []) if per_rate(c)}
    nets = {c.row_index: c for c in grouped.get("subtotal", []) if per_rate(c) and c.row_index not in taxes}
    if not nets:  # the base printed on each tax row, left of the tax (a candidate of any amount field)
        nets = {
            c.row_index: c
            for c in grouped.get("total", [])
            if c.row_index in taxes
            and not c.features.get("rightmost")
            and c.features.get("has_decimals")
            and Decimal(c.value) > Decimal(taxes[c.row_index].value)
        }
    if len(taxes) < 2 or len(nets) != len(taxes):
        return
    net = _summed([nets[i] for i in sorted(nets)], "rate_sum", "subtotal")
    summed_tax = _summed([taxes[i] for i in sorted(taxes)], "rate_sum", "tax_amount")
    if Decimal(net.value) + Decimal(summed_tax.value) != Decimal(total.value):
        return
    net.confidence = summed_tax.confidence = total.confidence * 0.8
    chosen["subtotal"], chosen["tax_amount"] = net, summed_tax


def _rate_table_sums(grouped: dict[str, list[Candidate]], chosen: dict[str, Candidate]) -> None:
    """Net and tax of a VAT table that prints one row per rate and no sum row (a till's `MwSt  Netto
    Steuer  Brutto` under `Summe 8,70`): when the chosen net and tax do not add up to the total and the
    column sums do, they are the net and the tax (in place)."""
    total = chosen.get("total")
    if total is None or _net_and_tax_add_up(chosen):
        return
    nets = _column_sum(grouped.get("subtotal", []), "column_sum")
    taxes = _column_sum(grouped.get("tax_amount", []), "column_sum")
    if nets is None or taxes is None or Decimal(nets.value) + Decimal(taxes.value) != Decimal(total.value):
        return
    nets.confidence = taxes.confidence = total.confidence * 0.8
    chosen["subtotal"], chosen["tax_amount"] = nets, taxes


def _subtotal_parts(grouped: dict[str, list[Candidate]], chosen: dict[str, Candidate]) -> None:
    """The net of a totals block that prints it in parts on consecutive rows, each labelled as a subtotal
    (`Taxable Subtotal 1,078.00 / Non-Taxable Subtotal 240.00 / Sales Tax 88.94 / Freight 45.00 / TOTAL`):
    when the parts plus the rightmost amount of every row between them and the total add up to the total,
    the net is their sum (in place)."""
    sub, total = chosen.get("subtotal"), chosen.get("total")
    if sub is None or total is None or sub.page != total.page or sub.row_index >= total.row_index:
        return
    if _net_and_tax_add_up(chosen):
        return

    def labelled(c: Candidate) -> bool:
        f = c.features
        return (
            c.page == total.page
            and c.row_index < total.row_index
            and bool(f.get("rightmost") and f.get("has_decimals"))
            and f.get("label_left", 0.0) >= 1.0
        )

    parts = {c.row_index: c for c in grouped.get("subtotal", []) if labelled(c)}
    if sub.row_index not in parts:
        return
    first = last = sub.row_index
    while first - 1 in parts:
        first -= 1
    while last + 1 in parts:
        last += 1
    if last == first:
        return
    run = [parts[i] for i in range(first, last + 1)]
    between = {
        c.row_index: Decimal(c.value)
        for c in grouped.get("total", [])
        if c.page == total.page
        and last < c.row_index < total.row_index
        and c.features.get("rightmost")
        and c.features.get("has_decimals")
    }
    net = _summed(run, "net_parts", "subtotal")
    if Decimal(net.value) + sum(between.values(), Decimal(0)) != Decimal(total.value):
        return
    net.confidence = min(c.confidence for c in run)
    chosen["subtotal"] = net


def _net_before_charges(grouped: dict[str, list[Candidate]], chosen: dict[str, Candidate]) -> None:
    """The net of a totals block that prints charges outside the tax after the tax (`Summe Leistungen
    3.150,00 / 20 % USt 630,00 / Barauslagen (ust-frei) 398,00 / Gesamtbetrag 4.178,00`): with no net
    chosen, the labelled amount on the row right above the tax is the net when it, the tax and the rightmost
    amounts of the rows between the tax and the total add up to the total (in place)."""
    tax, total = chosen.get("tax_amount"), chosen.get("total")
    if "subtotal" in chosen or tax is None or total is None or tax.page != total.page:
        return
    if not tax.row_index < total.row_index <= tax.row_index + 4:
        return
    amounts = [
        c
        for c in grouped.get("total", [])
        if c.page == total.page and c.features.get("rightmost") and c.features.get("has_decimals")
    ]
    between = {
        c.row_index: Decimal(c.value) for c in amounts if tax.row_index < c.row_index < total.row_index
    }
    # a row with its label (`Summe Leistungen`, `Professional fees for ...`): the arithmetic decides
    above = [
        c for c in amounts if c.row_index == tax.row_index - 1 and not c.features.get("left_has_digits_only")
    ]
    if not between or not above:
        return
    net = above[0]
    if Decimal(net.value) + Decimal(tax.value) + sum(between.values()) != Decimal(total.value):
        return
    chosen["subtotal"] = replace(net, field="subtotal")
    chosen["subtotal"].features = {**net.features, "net_before_charges": 1.0}


def _gross_subtotal(grouped: dict[str, list[Candidate]], chosen: dict[str, Candidate]) -> None:
    """No net where the chosen subtotal is a sum of prices that include the tax (a web shop's `Subtotal
    1.196,00 / Fragt 49,00 / Total inkl. moms 1.245,00 / Heraf moms 249,00`): the tax is printed under the
    total, and the subtotal plus the charges printed between it and the total make the total while the
    subtotal plus the tax does not; the page prints no net then (None: in place)."""
    subtotal, tax, total = chosen.get("subtotal"), chosen.get("tax_amount"), chosen.get("total")
    if subtotal is None or tax is None or total is None or subtotal.page != total.page:
        return
    net, vat, gross = Decimal(subtotal.value), Decimal(tax.value), Decimal(total.value)
    if not 0 < vat < net < gross or net + vat == gross:
        return
    amounts = [
        c
        for c in grouped.get("total", [])
        if c.page == total.page and c.features.get("rightmost") and c.features.get("has_decimals")
    ]
    # the first row under the subtotal that prints the total (`Total inkl. moms`, before `At betale`)
    first = min(
        (c.row_index for c in amounts if c.row_index > subtotal.row_index and Decimal(c.value) == gross),
        default=None,
    )
    if first is None or first > subtotal.row_index + 4 or subtotal.row_index < tax.row_index < first:
        return  # a tax between the subtotal and the total is charged on it: a net
    between = {c.row_index: Decimal(c.value) for c in amounts if subtotal.row_index < c.row_index < first}
    if between and all(v > 0 for v in between.values()) and net + sum(between.values()) == gross:
        chosen["subtotal"] = None  # not left for the best subtotal candidate either


def _total_before_payments(grouped: dict[str, list[Candidate]], chosen: dict[str, Candidate]) -> None:
    """The total of a statement that subtracts payments under it (`Total Charges 275.00 / Insurance Payments
    (170.60) / Adjustments (54.40) / Amount Due 50.00`; Wave's `Total: $1,200.59 / Payment on ...: $200.00 /
    Amount Due (USD): $1,000.59`, payments printed positive): when the chosen total is labelled as the amount
    due and a total-labelled amount above it, less the rows between (all of one sign), leaves it, that amount
    is the total (in place; the amount due keeps its own)."""
    due = chosen.get("total")
    if due is None or not due.features.get("amount_due_label"):
        return
    amounts = [
        c
        for c in grouped.get("total", [])
        if c.page == due.page and c.features.get("rightmost") and c.features.get("has_decimals")
    ]
    for gross in sorted(amounts, key=lambda c: c.row_index, reverse=True):
        if gross.row_index >= due.row_index or gross.features.get("amount_due_label"):
            continue
        if Decimal(gross.value) <= Decimal(due.value):
            continue
        if gross.features.get("label_left", 0.0) < 1.0 and not _untaxed_net(grouped, chosen, gross):
            continue
        rows_between = [c for c in amounts if gross.row_index < c.row_index < due.row_index]
        if any(_another_total(c) for c in rows_between):
            return  # `Total 0% supplies: -7.43` on a GST receipt: a total of other supplies, no payment
        between = [Decimal(c.value) for c in rows_between]
        # payments printed negative, or all positive (`Payment on February 10, 2025 using a check: $200.00`)
        if between and (all(v < 0 for v in between) or all(v > 0 for v in between)):
            if Decimal(gross.value) - sum(abs(v) for v in between) == Decimal(due.value):
                chosen.setdefault("amount_due", replace(due, field="amount_due"))
                chosen["total"] = gross
        return


def _untaxed_net(
    grouped: dict[str, list[Candidate]], chosen: dict[str, Candidate], amount: Candidate
) -> bool:
    """Whether `amount` is printed as a labelled net on a page that charges no tax (`Subtotal $10,230.00 /
    Less retainer received -$2,500.00 / Amount Due $7,730.00`, services without sales tax): the net is
    then the invoice's total, before the payments under it."""
    tax = chosen.get("tax_amount")
    if tax is not None and Decimal(tax.value) != 0:
        return False
    return any(
        c.row_index == amount.row_index
        and c.value == amount.value
        and c.features.get("label_left", 0.0) >= 1.0
        for c in grouped.get("subtotal", [])
    )


def _another_total(c: Candidate) -> bool:
    """A row labelled as a total and not as something else (a payment, an adjustment)."""
    return c.features.get("label_left", 0.0) >= 1.0 and c.features.get("negative_label", 0.0) < 1.0


def _rounded_total(grouped: dict[str, list[Candidate]], total: Candidate) -> Candidate | None:
    """When the page prints a cash rounding, the total rounded to 0.05 next to an unrounded one."""
    value = Decimal(total.value)
    if not total.features.get("rounding_printed") or (value * 20) % 1 == 0:
        return None
    rounded = [
        c
        for c in grouped.get("total", [])
        if (Decimal(c.value) * 20) % 1 == 0
        and abs(Decimal(c.value) - value) <= Decimal("0.025")
        and c.value != total.value
    ]
    if not rounded:
        return None
    pick = max(rounded, key=lambda c: c.score)
    pick.confidence = max(pick.confidence, total.confidence * 0.9)
    return pick


def choose_amounts(grouped: dict[str, list[Candidate]]) -> dict[str, Candidate | None]:
    """Best total/subtotal/tax, preferring a combination where subtotal + tax = total; then, when the
    page prints a cash rounding, the rounded total (payable) over the unrounded one."""
    chosen = {
        name: c
        for name in ("total", "subtotal", "tax_amount", "amount_due")
        if (c := best(grouped.get(name, []))) is not None
    }
    combination = _consistent_combination(grouped, chosen)
    if combination:
        for name, c in zip(("total", "subtotal", "tax_amount"), combination, strict=True):
            chosen[name] = c
            _raise(c)
    if combination is None and (summed := _taxes_between(grouped, chosen)) is not None:
        chosen["tax_amount"] = summed
    if combination is None:
        _rate_table_sums(grouped, chosen)
        _per_rate_sums(grouped, chosen)
        _subtotal_parts(grouped, chosen)
        _net_before_charges(grouped, chosen)
        _gross_subtotal(grouped, chosen)
    total = chosen.get("total")
    tax = chosen.get("tax_amount")
    if total is not None and tax is not None and tax.value == total.value and Decimal(total.value) > 0:
        # a tax equal to the total is a total read under a `GST incl.` label: take the next tax value
        others = [c for c in grouped.get("tax_amount", []) if Decimal(c.value) < Decimal(total.value)]
        chosen["tax_amount"] = best(others) if others else None
    if total is not None:
        chosen["total"] = _rounded_total(grouped, total) or total
    if combination is None:
        _total_before_payments(grouped, chosen)
    return chosen

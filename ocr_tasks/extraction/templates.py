"""invoice2data-style YAML templates: an optional per-vendor override of template-free extraction.

A template is a YAML mapping (the format of invoice2data, so its users can bring theirs):

    issuer: Acme GmbH
    keywords: [Acme GmbH, "DE\\d{9}"]          # every one must match (regex) for the template to apply
    exclude_keywords: [Gutschrift]              # optional: none may match
    fields:
      amount: "Gesamtbetrag\\s+([\\d.,]+)"       # short form: a regex, group 1 is the value
      date: {parser: regex, regex: "Datum:\\s+(\\d+\\. \\w+ \\d{4})", type: date}
      invoice_number: "Rechnung Nr\\.\\s+(\\S+)"
    options: {currency: EUR, date_formats: ["%d. %B %Y"], decimal_separator: ",", languages: [de]}

invoice2data field names map to ours (`amount` -> `total`, `amount_untaxed` -> `subtotal`, `date` ->
`invoice_date`, `date_due` -> `due_date`, `vat` -> `vendor_tax_id`, ...); our own names are accepted as
they are. Template fields win over template-free ones; fields the template lacks stay template-free.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from ocr_tasks.errors import TemplateError, TemplateTooLarge
from ocr_tasks.extraction.rows import Row
from ocr_tasks.invoice_types import AMOUNT_FIELDS, DATE_FIELDS, FIELD_NAMES, FieldValue
from ocr_tasks.normalise.amounts import format_amount, parse_amount
from ocr_tasks.normalise.dates import DEFAULT_LANGUAGES, parse_date

FIELD_ALIASES: dict[str, str] = {
    "amount": "total",
    "amount_total": "total",
    "amount_untaxed": "subtotal",
    "amount_tax": "tax_amount",
    "date": "invoice_date",
    "date_due": "due_date",
    "vat": "vendor_tax_id",
    "partner_name": "customer_name",
    "issuer": "vendor_name",
    "iban": "iban",
    "invoice_number": "invoice_number",
    "po_number": "po_number",
    "currency": "currency",
    "payment_terms": "payment_terms",
}
TEMPLATE_CONFIDENCE = 0.97


@dataclass(frozen=True, slots=True)
class FieldRule:
    regex: re.Pattern[str]
    kind: str = "string"  # string | date | amount


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    issuer: str
    keywords: tuple[re.Pattern[str], ...]
    fields: Mapping[str, FieldRule]
    exclude_keywords: tuple[re.Pattern[str], ...] = ()
    date_formats: tuple[str, ...] = ()
    decimal_separator: str | None = None
    currency: str | None = None
    languages: tuple[str, ...] = ()
    source: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def matches(self, text: str) -> bool:
        return all(k.search(text) for k in self.keywords) and not any(
            k.search(text) for k in self.exclude_keywords
        )


def _compile(pattern: Any, where: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise TemplateError(f"{where}: expected a non-empty regex string", detail={"where": where})
    try:
        return re.compile(pattern, re.MULTILINE)
    except re.error as exc:
        raise TemplateError(f"{where}: bad regex: {exc}", detail={"where": where}) from exc


def _kind_for(name: str, declared: str | None) -> str:
    if declared in ("date",):
        return "date"
    if declared in ("float", "int", "amount"):
        return "amount"
    if name in DATE_FIELDS:
        return "date"
    if name in AMOUNT_FIELDS:
        return "amount"
    return "string"


def parse_template(data: Any, *, name: str, source: str = "") -> Template:
    """A `Template` from a parsed YAML mapping; `TemplateError` (code invalid_template) when malformed."""
    if not isinstance(data, dict):
        raise TemplateError(f"{name}: a template must be a mapping", detail={"template": name})
    keywords = data.get("keywords")
    if isinstance(keywords, str):
        keywords = [keywords]
    if not keywords or not isinstance(keywords, list):
        raise TemplateError(f"{name}: 'keywords' must be a non-empty list", detail={"template": name})
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, dict) or not raw_fields:
        raise TemplateError(f"{name}: 'fields' must be a non-empty mapping", detail={"template": name})
    options = data.get("options") or {}
    if not isinstance(options, dict):
        raise TemplateError(f"{name}: 'options' must be a mapping", detail={"template": name})
    rules: dict[str, FieldRule] = {}
    for key, spec in raw_fields.items():
        target = FIELD_ALIASES.get(key, key)
        if target not in FIELD_NAMES:
            continue  # invoice2data extras (lines, partner_zip...) are not fields of ours
        declared = None
        if isinstance(spec, dict):
            declared = spec.get("type")
            pattern = spec.get("regex")
            if isinstance(pattern, list):
                pattern = pattern[0] if pattern else None
        elif isinstance(spec, list):
            pattern = spec[0] if spec else None
        else:
            pattern = spec
        rules[target] = FieldRule(_compile(pattern, f"{name}.fields.{key}"), _kind_for(target, declared))
    separator = options.get("decimal_separator")
    if separator not in (None, ".", ","):
        raise TemplateError(f"{name}: decimal_separator must be '.' or ','", detail={"template": name})
    return Template(
        name=name,
        issuer=str(data.get("issuer", name)),
        keywords=tuple(_compile(k, f"{name}.keywords") for k in keywords),
        exclude_keywords=tuple(
            _compile(k, f"{name}.exclude_keywords") for k in data.get("exclude_keywords") or []
        ),
        fields=rules,
        date_formats=tuple(options.get("date_formats") or ()),
        decimal_separator=separator,
        currency=options.get("currency"),
        languages=tuple(options.get("languages") or ()),
        source=source,
    )


MAX_TEMPLATE_BYTES = 64 * 1024


class _PlainLoader(yaml.SafeLoader):
    """`yaml.SafeLoader` that refuses explicit tags (`!!python/object`, `!!binary`, `!custom`: a template
    is plain strings, lists and mappings) and anchors and aliases (a billion-laughs bomb is made of them;
    a template needs none)."""

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 (PyYAML's signature)
        if self.check_event(yaml.AliasEvent):
            raise TemplateError("templates may not use YAML aliases", detail={"reason": "alias"})
        event = self.peek_event()
        if getattr(event, "tag", None) is not None:
            raise TemplateError(f"templates may not use YAML tags ({event.tag})", detail={"reason": "tag"})
        if getattr(event, "anchor", None) is not None:
            raise TemplateError("templates may not use YAML anchors", detail={"reason": "anchor"})
        return super().compose_node(parent, index)


def load_template_yaml(text: str | bytes, *, name: str) -> Template:
    """A template from uploaded YAML: at most `MAX_TEMPLATE_BYTES` (`TemplateTooLarge`), plain YAML only
    (safe loading; a `!!python/...` or any other tag, an anchor or alias is refused as
    `invalid_template`), then the schema check of `parse_template`."""
    raw = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    if len(raw) > MAX_TEMPLATE_BYTES:
        raise TemplateTooLarge(
            f"{name}: template is {len(raw)} bytes, the limit is {MAX_TEMPLATE_BYTES}",
            detail={"template": name, "size": len(raw), "limit": MAX_TEMPLATE_BYTES},
        )
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TemplateError(f"{name}: not UTF-8 text", detail={"template": name}) from exc
    try:
        data = yaml.load(source, Loader=_PlainLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        raise TemplateError(f"{name}: invalid YAML: {exc}", detail={"template": name}) from exc
    return parse_template(data, name=name, source="upload")


def load_templates(directory: Path) -> list[Template]:
    """Every `*.yml`/`*.yaml` template under `directory`, sorted by file name."""
    directory = Path(directory)
    if not directory.is_dir():
        raise TemplateError(f"template folder not found: {directory}", detail={"path": str(directory)})
    templates = []
    for path in sorted(p for p in directory.rglob("*") if p.suffix.lower() in (".yml", ".yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise TemplateError(f"{path.name}: invalid YAML: {exc}", detail={"path": str(path)}) from exc
        templates.append(parse_template(data, name=path.stem, source=str(path)))
    return templates


def match_template(templates: Sequence[Template], text: str) -> Template | None:
    """The matching template with the most keywords (first by name on a tie), or None."""
    matching = [t for t in templates if t.matches(text)]
    return max(matching, key=lambda t: len(t.keywords)) if matching else None


def _normalise(rule: FieldRule, raw: str, template: Template) -> str | None:
    if rule.kind == "amount":
        value = parse_amount(raw, decimal_separator=template.decimal_separator)
        return None if value is None else format_amount(value)
    if rule.kind == "date":
        for fmt in template.date_formats:
            try:
                return datetime.strptime(raw.strip(), fmt).date().isoformat()
            except ValueError:
                continue
        langs = tuple(template.languages) or DEFAULT_LANGUAGES
        parsed = parse_date(raw, languages=langs)
        return parsed.isoformat() if parsed else None
    return " ".join(raw.split())


def _locate(rows: list[Row], raw: str) -> tuple[int, Any]:
    for row in rows:
        at = row.text.find(raw)
        if at >= 0:
            return row.page, row.span_bbox(at, at + len(raw))
    return (rows[0].page if rows else 0), None


def apply_template(template: Template, rows: list[Row]) -> dict[str, FieldValue]:
    """Fields read by the template's regexes over the document text (one row per line)."""
    text = "\n".join(r.text for r in rows)
    out: dict[str, FieldValue] = {}
    for name, rule in template.fields.items():
        m = rule.regex.search(text)
        if not m:
            continue
        raw = next((g for g in m.groups() if g), None) if m.groups() else m.group(0)
        if raw is None:
            continue
        value = _normalise(rule, raw, template)
        if value is None:
            continue
        page, bbox = _locate(rows, raw.strip())
        out[name] = FieldValue(name, value, raw.strip(), TEMPLATE_CONFIDENCE, page, bbox)
    if "vendor_name" not in out and template.issuer:
        out["vendor_name"] = FieldValue(
            "vendor_name", template.issuer, template.issuer, TEMPLATE_CONFIDENCE, 0, None
        )
    if "currency" not in out and template.currency:
        out["currency"] = FieldValue(
            "currency", str(template.currency).upper(), str(template.currency), TEMPLATE_CONFIDENCE, 0, None
        )
    return out

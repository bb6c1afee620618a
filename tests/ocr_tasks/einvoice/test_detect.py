"""XML is recognised by content, HTML is not XML."""

from __future__ import annotations

import pytest

from ocr_tasks.ingest.detect import XML, sniff_media_type


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0" encoding="UTF-8"?><rsm:CrossIndustryInvoice/>',
        b'\xef\xbb\xbf<?xml version="1.0"?><Invoice/>',
        b"\n  <Invoice xmlns='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'/>",
        b"<!-- exported --><Invoice/>",
        b'<!DOCTYPE r [<!ENTITY x "y">]><r/>',
    ],
)
def test_xml_is_sniffed(data):
    assert sniff_media_type(data) == XML


@pytest.mark.parametrize(
    "data", [b"<html><body>x</body></html>", b"<!DOCTYPE html><html></html>", b"hello <b>", b"< not xml", b""]
)
def test_html_and_text_are_not_xml(data):
    assert sniff_media_type(data) is None

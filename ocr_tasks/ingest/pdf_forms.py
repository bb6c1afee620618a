"""Filled-in PDFs: values typed into a form's fields or onto the page with a text tool are part of it.

An invoice made from a fillable template (an AcroForm: `Invoice number [______]`) keeps each typed value
in its field's widget annotation, and one filled in with a viewer's text tool (macOS Preview's Text,
Acrobat's Fill & Sign) keeps it in a FreeText annotation; neither is in the page's content, so PDFium's
text page reads the labels and none of the values. `flattened` merges those annotations' appearances into
the page content (PDFium's `FPDFPage_Flatten`, as a viewer displays them) and reopens the document from
the result, so the text layer and the rendered page both hold the values. A document without such
annotations is returned as it is, untouched. XFA forms (rendered by XFA engines only) are left alone.
"""

from __future__ import annotations

import io

# annotation subtypes whose appearance holds text typed by the sender (form field widgets, typed text)
_TYPED_SUBTYPES = ("FPDF_ANNOT_WIDGET", "FPDF_ANNOT_FREETEXT")


def _has_typed_text(page, subtypes: frozenset[int]) -> bool:
    import pypdfium2.raw as pdfium_c

    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) in subtypes:
                return True
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return False


def flattened(pdf):
    """`pdf` (an open `pypdfium2.PdfDocument`, no page loaded yet) with its form fields and typed text
    merged into its pages: a new document when anything was merged (the given one is closed), else
    `pdf`."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    if pdfium_c.FPDF_GetFormType(pdf.raw) == pdfium_c.FORMTYPE_ACRO_FORM:
        pdf.init_forms()  # the fields' appearances as a viewer shows them (before any page is loaded)
    subtypes = frozenset(getattr(pdfium_c, name) for name in _TYPED_SUBTYPES)
    merged = False
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            if _has_typed_text(page, subtypes):
                done = pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY)
                merged |= done == pdfium_c.FLATTEN_SUCCESS
        finally:
            page.close()
    if not merged:
        return pdf
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return pdfium.PdfDocument(buffer.getvalue())

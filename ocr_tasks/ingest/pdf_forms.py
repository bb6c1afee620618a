"""Filled-in PDF forms: the values typed into a form's fields are part of the page.

An invoice made from a fillable template (an AcroForm: `Invoice number [______]`) keeps each typed value
in its field's widget annotation, not in the page's content: PDFium's text page reads the labels and none
of the values. `flattened` merges the fields' appearances into the page content (PDFium's
`FPDFPage_Flatten`, as a viewer prints them) and reopens the document from the result, so the text layer
and the rendered page both hold the values. A document without a form is returned as it is, untouched.
XFA forms (rendered by XFA engines only) are left as they are.
"""

from __future__ import annotations

import io


def flattened(pdf):
    """`pdf` (an open `pypdfium2.PdfDocument`, no page loaded yet) with its AcroForm fields merged into
    its pages: a new document when a field was flattened (the given one is closed), else `pdf`."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    if pdfium_c.FPDF_GetFormType(pdf.raw) != pdfium_c.FORMTYPE_ACRO_FORM:
        return pdf
    pdf.init_forms()  # the fields' appearances as a viewer shows them (before any page is loaded)
    merged = False
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            merged |= (
                pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) == pdfium_c.FLATTEN_SUCCESS
            )
        finally:
            page.close()
    if not merged:
        return pdf
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return pdfium.PdfDocument(buffer.getvalue())

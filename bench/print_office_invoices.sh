#!/bin/sh
# Export the held-out office invoices' flat ODF sources (Writer .fodt, Calc .fods) to PDF with headless
# LibreOffice, one conversion at a time, into the same folder (the PDFs are committed; the tests read them).
# LibreOffice is a build-time tool only (`apt-get install --no-install-recommends libreoffice-writer-nogui
# libreoffice-calc-nogui`), not a dependency of the product or of the tests.
#
#   bench/print_office_invoices.sh                      # every source in the folder
#   bench/print_office_invoices.sh creditnota_nl.fodt   # some of them
#   FOLDER=tests/ocr_tasks/extraction/office_invoices PROFILE=/tmp/lo-profile bench/print_office_invoices.sh
set -eu
cd "$(dirname "$0")/.."
FOLDER=${FOLDER:-tests/ocr_tasks/extraction/office_invoices}
PROFILE=${PROFILE:-/tmp/office-invoices-lo-profile}
if [ "$#" -eq 0 ]; then
    set -- $(cd "$FOLDER" && ls *.fodt *.fods 2>/dev/null)
fi
for name in "$@"; do
    soffice --headless "-env:UserInstallation=file://$PROFILE" --convert-to pdf --outdir "$FOLDER" \
        "$FOLDER/$name" >/dev/null
    echo "$FOLDER/${name%.*}.pdf"
done

#!/usr/bin/env bash
# Typeset the held-out LaTeX invoices (tests/ocr_tasks/extraction/latex_invoices/*.tex) to the PDFs
# committed beside them. A build-time tool only: the tests read the committed PDFs, so TeX is not part of
# scripts/setup.sh. Needs TeX Live (Debian: texlive-latex-base, -latex-recommended, -latex-extra,
# -science (siunitx), -lang-german, -lang-french, -lang-european, -lang-spanish, -lang-italian, -xetex,
# -luatex, lmodern). Each source names its engine in its first line (`%!TEX program = xelatex`, the
# editors' convention); each runs twice (page references: `Seite 1 von 2`). SOURCE_DATE_EPOCH pins the
# PDFs' dates and ids: a rerun on the same TeX Live writes the same bytes with pdfTeX and XeTeX; LuaTeX's
# PDFs differ in their document id only (the same pages and text).
#
# Usage: bench/print_latex_invoices.sh [BUILD_DIR] [case ...]   (default build dir /tmp/latex-invoices)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
folder="$here/tests/ocr_tasks/extraction/latex_invoices"
build="${1:-/tmp/latex-invoices}"
shift || true
mkdir -p "$build"
export SOURCE_DATE_EPOCH=1764547200 FORCE_SOURCE_DATE=1
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  for tex in "$folder"/*.tex; do cases+=("$(basename "$tex" .tex)"); done
fi
for name in "${cases[@]}"; do
  engine="$(sed -n '1s/^%!TEX program = //p' "$folder/$name.tex")"
  cp "$folder/$name.tex" "$build/"
  for _ in 1 2; do
    (cd "$build" && "${engine:-pdflatex}" -interaction=nonstopmode -halt-on-error "$name.tex" >/dev/null) \
      || { echo "$name: $engine failed, see $build/$name.log" >&2; exit 1; }
  done
  cp "$build/$name.pdf" "$folder/$name.pdf"
  echo "$name.pdf ($engine, $(stat -c %s "$folder/$name.pdf") bytes)"
done

#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian/Ubuntu machine: system packages (apt) and the locked virtualenv (.venv).
# Usage: scripts/setup.sh [run|test]   ("test" adds what the test suite needs: chromium, postgresql)
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-run}"

APT_RUN=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-nld
         tesseract-ocr-spa tesseract-ocr-ita tesseract-ocr-pol tesseract-ocr-por
         tesseract-ocr-swe tesseract-ocr-dan tesseract-ocr-nor tesseract-ocr-fin
         tesseract-ocr-ces tesseract-ocr-slk tesseract-ocr-hun tesseract-ocr-ron
         poppler-utils libgl1 libglib2.0-0 fonts-dejavu-core
         libtesseract-dev libleptonica-dev pkg-config g++)  # the last four build tesserocr against the system Tesseract
APT_TEST=(chromium chromium-driver postgresql qpdf)
UV_VERSION=0.13.9
PYTHON=${PYTHON:-python3.11}

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

missing=()
wanted=("${APT_RUN[@]}")
[ "$purpose" = test ] && wanted+=("${APT_TEST[@]}")
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    say "missing system packages: ${missing[*]}; no apt-get here: install them with your package manager and re-run"
    exit 1
  fi
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo"; else
      say "missing system packages: ${missing[*]}"
      say "run: sudo apt-get install -y ${missing[*]}   (then re-run this command)"
      exit 1
    fi
  fi
  say "installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v "$PYTHON" >/dev/null; then
  say "Python 3.11 is required ($PYTHON not found). Install python3.11 or set PYTHON=/path/to/python3.11"
  exit 1
fi

UV=$(command -v uv || true)
if [ -z "$UV" ] || ! "$UV" --version | grep -q "$UV_VERSION"; then
  if [ ! -x .tools/bin/uv ]; then
    say "installing uv $UV_VERSION into .tools/"
    "$PYTHON" -m venv .tools >/dev/null
    .tools/bin/pip install -q "uv==$UV_VERSION"
  fi
  UV=.tools/bin/uv
fi

say "syncing .venv from uv.lock"
UV_PROJECT_ENVIRONMENT=.venv "$UV" sync --frozen --python "$PYTHON" -q
say "ready: $(.venv/bin/python --version), $(tesseract --version 2>&1 | head -1)"

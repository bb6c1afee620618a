#!/usr/bin/env bash
# Start the local Debian PostgreSQL cluster (installed by `scripts/setup.sh test`) and create the test
# role `ocr` (password `ocr`, CREATEDB) used only by the test suite on loopback. Idempotent.
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null; then
  echo "[postgres] postgresql is not installed (scripts/setup.sh test installs it)" >&2; exit 1
fi
read -r ver name _ < <(pg_lsclusters -h | head -1)
if [ -z "${ver:-}" ]; then
  ver=$(ls /usr/lib/postgresql | sort -n | tail -1); name=main
  pg_createcluster "$ver" "$name" >/dev/null
fi
pg_ctlcluster "$ver" "$name" start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
run_psql() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "psql -qAt -c \"$1\""; else sudo -u postgres psql -qAt -c "$1"; fi; }
if [ "$(run_psql "SELECT 1 FROM pg_roles WHERE rolname='ocr'")" != "1" ]; then
  run_psql "CREATE ROLE ocr LOGIN PASSWORD 'ocr' CREATEDB"
fi
if [ "$(run_psql "SELECT 1 FROM pg_database WHERE datname='ocr_test'")" != "1" ]; then
  run_psql "CREATE DATABASE ocr_test OWNER ocr"
fi
echo "[postgres] ready on 127.0.0.1:5432 (role ocr)" >&2
